import type { OnnxError } from '../onnx/onnxModel';
import type { IntrospectReport } from './introspect';

// The readable side of `cli introspect`: one labelled line per fact, lists indented below.

const LABEL_WIDTH = 15;
/** Metadata values may hold whole class lists: the summary shows their start only. */
const MAX_VALUE = 120;

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
const line = (label: string, text: string) => `${label.padEnd(LABEL_WIDTH)}${text}`;

function bytesText(n: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let unit = '';
  for (const u of units) {
    if (v < 1024) {
      break;
    }
    v /= 1024;
    unit = u;
  }
  return unit === '' ? plural(n, 'byte') : `${plural(n, 'byte')} (${v.toFixed(1)} ${unit})`;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > MAX_VALUE
    ? `${flat.slice(0, MAX_VALUE)}… (${count(flat.length)} characters)`
    : flat;
}

function opsetText(opsets: readonly { domain: string; version: number }[]): string {
  if (opsets.length === 0) {
    return 'opset unknown';
  }
  return opsets.map((o) => `${o.domain === '' ? 'ai.onnx' : o.domain} ${o.version}`).join(', ');
}

interface Structure {
  shape?: unknown;
  dim_order?: unknown;
  data_type?: unknown;
}

/** "images  float32  [-1, 3, 32, 32]  dim_order batch, channel, height, width". */
function tensorLines(entries: readonly unknown[], key: 'input' | 'result'): string[] {
  if (entries.length === 0) {
    return ['  (none)'];
  }
  const rows = entries.map((entry) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const s = (e[key] ?? {}) as Structure;
    const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '?');
    return {
      name: String(e.name ?? ''),
      type: String(s.data_type ?? '?'),
      shape: `[${list(s.shape)}]`,
      order: list(s.dim_order),
    };
  });
  const width = (f: (r: (typeof rows)[number]) => string) =>
    Math.max(...rows.map((r) => f(r).length));
  const [nameW, typeW, shapeW] = [
    width((r) => r.name),
    width((r) => r.type),
    width((r) => r.shape),
  ];
  return rows.map(
    (r) =>
      `  ${r.name.padEnd(nameW)}  ${r.type.padEnd(typeW)}  ${r.shape.padEnd(shapeW)}  dim_order ${r.order}`,
  );
}

function externalLines(report: IntrospectReport): string[] {
  const ext = report.onnx.external_data;
  if (ext.refs.length === 0) {
    return [line('External data', 'none (all weights are in the model file)')];
  }
  const locations = [...new Set(ext.refs.map((r) => r.location))];
  const lines = [
    line(
      'External data',
      `${plural(ext.refs.length, 'tensor')} in ${plural(locations.length, 'file')}: ` +
        `${count(ext.matched.length)} given, ${count(ext.missing.length)} missing` +
        (ext.rejected.length > 0 ? `, ${count(ext.rejected.length)} refused` : ''),
    ),
  ];
  for (const location of locations) {
    const refs = ext.refs.filter((r) => r.location === location);
    const end = Math.max(...refs.map((r) => r.offset + (r.length ?? 0)));
    const match = ext.matched.find((m) => m.location === location);
    let status: string;
    if (match) {
      status = `given as ${match.file}, ${bytesText(match.size)}`;
      if (match.checksum) {
        status += `, checksum ${match.checksum}`;
      }
    } else if (ext.rejected.includes(location)) {
      status = 'REFUSED (not a file next to the model)';
    } else {
      status = 'MISSING (not given)';
    }
    lines.push(
      `  ${location}: ${plural(refs.length, 'tensor')}, up to byte ${count(end)}; ${status}`,
    );
  }
  for (const file of ext.unused) {
    lines.push(`  ${file}: not used by this model`);
  }
  return lines;
}

/** The readable summary of one model (what `introspect` prints without --json). */
export function formatIntrospection(file: string, report: IntrospectReport): string {
  const o = report.onnx;
  const producer = [o.producer.name, o.producer.version].filter((s) => s).join(' ');
  const model = [
    o.graph_name ? `graph “${o.graph_name}”` : undefined,
    o.domain ? `domain ${o.domain}` : undefined,
    o.model_version !== undefined ? `model version ${o.model_version}` : undefined,
  ].filter((s) => s !== undefined);
  const lines = [
    line('File', file),
    line('Size', bytesText(report['file:size'])),
    line('Producer', producer === '' ? '(not given)' : producer),
    line('Format', `ONNX IR ${o.ir_version ?? 'unknown'}, opset ${opsetText(o.opset_import)}`),
    ...(model.length > 0 ? [line('Model', model.join(', '))] : []),
    line(
      'Graph',
      [
        plural(o.graphs, 'graph'),
        plural(o.nodes, 'node'),
        plural(o.initializers, 'initializer'),
        ...(o.sparse_initializers > 0 ? [plural(o.sparse_initializers, 'sparse initializer')] : []),
        plural(o.constant_nodes, 'Constant node'),
        ...(o.functions > 0 ? [plural(o.functions, 'function')] : []),
      ].join(', '),
    ),
    line(
      'Parameters',
      report['mlm:total_parameters'] === undefined
        ? 'unknown'
        : count(report['mlm:total_parameters']),
    ),
    line(
      'Memory size',
      report['mlm:memory_size'] === undefined
        ? 'unknown'
        : `${bytesText(report['mlm:memory_size'])} of weights (a lower bound)`,
    ),
    '',
    `Inputs (${report['mlm:input'].length})`,
    ...tensorLines(report['mlm:input'], 'input'),
    ...(o.initializer_inputs > 0
      ? [`  (${plural(o.initializer_inputs, 'graph input')} that are stored weights left out)`]
      : []),
    `Outputs (${report['mlm:output'].length})`,
    ...tensorLines(report['mlm:output'], 'result'),
    '',
  ];
  if (o.metadata_props.length > 0) {
    lines.push(`Metadata (${o.metadata_props.length})`);
    lines.push(...o.metadata_props.map((p) => `  ${p.key}: ${clip(p.value)}`));
    lines.push('');
  }
  lines.push(...externalLines(report));
  lines.push(
    line('Warnings', o.warnings.length === 0 ? 'none' : ''),
    ...o.warnings.map((w) => `  - ${w}`),
  );
  if (o.notes.length > 0) {
    lines.push('Mapping notes');
    lines.push(...o.notes.map((n) => `  - ${n.severity}: ${n.message}`));
  }
  lines.push(line('Checksum', report['file:checksum'] ?? 'not computed (--no-hash)'));
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** A model that could not be read: the typed error, for stderr. */
export function formatOnnxError(file: string, error: OnnxError): string {
  const where = error.offset === undefined ? '' : ` at byte ${count(error.offset)}`;
  const detected = error.detected ? ` (looks like: ${error.detected})` : '';
  return `${file}: error ${error.code}${where}${detected}\n  ${error.message}`;
}
