import { isIriReference } from '../../schemas/formats';
import { TASKS } from '../../schemas/mlm';
import { isRecord } from '../../schemas/isRecord';
import { escapePointerToken } from '../../schemas/jsonPointer';
import { type DimOrderContext, guessDimOrder, uniqueName } from './guessDimOrder';
import {
  ELEMENT_TYPES,
  type MlmProposal,
  type ModelFileFacts,
  type OnnxDim,
  type OnnxModelInfo,
  type OnnxValueInfo,
  type ProposedField,
} from './onnxModel';

// Maps what an ONNX file says onto MLM fields (docs: shared/docs/onnx-notes.md §4, mlm-spec-notes.md).
// Every value proposed here is schema-valid on its own; doubtful ones carry a `warning` so the review
// dialog leaves them unchecked.

type Role = 'input' | 'output';
type Json = Record<string, unknown>;
type Note = MlmProposal['notes'][number];

interface Structure {
  shape: number[];
  dim_order: string[];
  data_type: string;
}

const MEDIA_TYPE = 'application/octet-stream; framework=onnx';
const TASK_SET: ReadonlySet<string> = new Set(TASKS);
const quote = (s: string) => `“${s}”`;
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const count = (n: number) => n.toLocaleString('en-US');

/** The tasks of a list that MLM accepts, once each: anything else would make the entry invalid. */
function validTasks(value: unknown): string[] {
  return Array.isArray(value)
    ? [...new Set(value.filter((t): t is string => typeof t === 'string' && TASK_SET.has(t)))]
    : [];
}

function filledLength(value: unknown): number | undefined {
  return Array.isArray(value) && value.length > 0 ? value.length : undefined;
}

/** MLM shape of one dimension: a positive size, else -1 with the reason it varies or is unknown. */
function mlmSize(dim: OnnxDim): { size: number; why?: string } {
  const { value, param } = dim;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
    return { size: value };
  }
  if (typeof value === 'string' || (typeof value === 'number' && value > 0)) {
    return { size: -1, why: `too large to be a size (${value})` };
  }
  if (param) {
    return { size: -1, why: `symbolic ${quote(param)}` };
  }
  if (typeof value === 'number') {
    return { size: -1, why: `stored as ${value}` };
  }
  return { size: -1, why: 'unknown size' };
}

/** A single-name dim_order that still satisfies MLM's reserved "bands"/"variables" rule. */
function placeholderOrder(ctx: DimOrderContext): string[] {
  if (ctx.bands) {
    return ['bands'];
  }
  return ctx.variables ? ['variables'] : ['dim'];
}

interface Described {
  structure: Structure;
  summary: string;
  warning?: string;
}

function describeTensor(info: OnnxValueInfo, role: Role, ctx: DimOrderContext): Described {
  const type = info.type;
  const what = `${role} ${quote(info.name)}`;
  if (type === undefined || (type.kind !== 'tensor' && type.kind !== 'sparse_tensor')) {
    const kind =
      type === undefined || !('description' in type) ? 'of unknown type' : `a ${type.description}`;
    const structure = { shape: [-1], dim_order: placeholderOrder(ctx), data_type: 'other' };
    return {
      structure,
      summary: `Not a tensor (${kind}); placeholder shape [-1] (${structure.dim_order.join(', ')}), data type other.`,
      warning: `The ${what} is ${kind}, which an MLM input or output cannot describe (MLM describes tensors). Keep this entry only if you fill in the tensor it stands for.`,
    };
  }
  const element = ELEMENT_TYPES[type.elemType];
  const dataType = element?.stac ?? 'other';
  const onnxName = element?.name.toLowerCase() ?? `element type ${type.elemType}`;
  const typeText =
    dataType === 'other' ? `other (ONNX ${onnxName} has no STAC data type)` : dataType;
  const sparse =
    type.kind === 'sparse_tensor'
      ? `The ${what} is a sparse tensor; MLM describes dense tensors: check the shape.`
      : undefined;
  if (type.shape === undefined) {
    const structure = { shape: [-1], dim_order: placeholderOrder(ctx), data_type: dataType };
    return {
      structure,
      summary: `${typeText}, rank unknown: the file gives no shape, so shape [-1] (${structure.dim_order.join(', ')}) is a placeholder.`,
      warning: `The file does not say how many dimensions the ${what} has: fill in its shape and dim_order.`,
    };
  }
  if (type.shape.length === 0) {
    const structure = { shape: [1], dim_order: placeholderOrder(ctx), data_type: dataType };
    return {
      structure,
      summary: `${typeText}, a scalar (rank 0); MLM needs at least one dimension, so shape [1] (${structure.dim_order.join(', ')}).`,
      warning: `The ${what} is a scalar, which MLM cannot describe exactly: shape [1] is the closest.`,
    };
  }
  const sizes = type.shape.map(mlmSize);
  const shape = sizes.map((s) => s.size);
  const guess = guessDimOrder(type.shape, {
    ...ctx,
    elemType: type.elemType,
    ...(type.denotation ? { typeDenotation: type.denotation } : {}),
  });
  const varying = sizes.flatMap((s, i) => (s.why ? [`dimension ${i} (${s.why})`] : []));
  const parts = [
    `${typeText}, shape [${shape.join(', ')}] (${guess.dimOrder.join(', ')}).`,
    ...(varying.length > 0 ? [`-1 for ${varying.join(', ')}.`] : []),
    ...(guess.reasons.length > 0 ? [`dim_order: ${guess.reasons.join('; ')}.`] : []),
  ];
  const warning = [sparse, guess.warning].filter((w) => w !== undefined).join(' ');
  return {
    structure: { shape, dim_order: guess.dimOrder, data_type: dataType },
    summary: parts.join(' '),
    ...(warning ? { warning } : {}),
  };
}

/**
 * Which existing list entry each ONNX tensor updates: the entry of the same name, else the next
 * entry left over (template placeholders), else none (appended).
 */
function matchEntries(
  names: readonly string[],
  existing: readonly unknown[],
): (number | undefined)[] {
  const taken = new Set<number>();
  const match: (number | undefined)[] = names.map((name) => {
    const j = existing.findIndex((e, k) => !taken.has(k) && isRecord(e) && e.name === name);
    if (j < 0) {
      return undefined;
    }
    taken.add(j);
    return j;
  });
  const left = existing.map((_, k) => k).filter((k) => !taken.has(k));
  return match.map((j) => {
    if (j !== undefined) {
      return j;
    }
    const next = left.shift();
    if (next !== undefined) {
      taken.add(next);
    }
    return next;
  });
}

const STRUCTURE_KEY = { input: 'input', output: 'result' } as const;
const LIST_KEY = { input: 'mlm:input', output: 'mlm:output' } as const;
const LABEL = { input: 'Input', output: 'Output' } as const;

function tensorFields(
  role: Role,
  tensors: readonly OnnxValueInfo[],
  list: unknown,
  itemTasks: readonly string[],
  notes: Note[],
): ProposedField[] {
  const existing = Array.isArray(list) ? (list as unknown[]) : [];
  const names = tensors.map((t, i) => (t.name.length > 0 ? t.name : `${role}_${i + 1}`));
  const matches = matchEntries(names, existing);
  const structureKey = STRUCTURE_KEY[role];
  const ids = new Set<string>();
  let appended = 0;

  const fields = tensors.map((tensor, i): ProposedField => {
    const name = names[i] ?? tensor.name;
    if (tensor.name.length === 0) {
      notes.push({
        severity: 'warning',
        message: `${LABEL[role]} ${i + 1} has no name in the file; it is called ${quote(name)} here.`,
      });
    }
    const j = matches[i];
    const old = j === undefined ? undefined : existing[j];
    const entry: Json = isRecord(old)
      ? { ...old }
      : role === 'input'
        ? { name, bands: [] }
        : { name, tasks: [...itemTasks] };
    entry.name = name;
    if (role === 'output' && !Array.isArray(entry.tasks)) {
      entry.tasks = [...itemTasks];
    }
    const ownTasks = role === 'output' ? validTasks(entry.tasks) : [];
    const ctx: DimOrderContext = {
      role,
      tasks: ownTasks.length > 0 ? ownTasks : itemTasks,
      ...(filledLength(entry.bands) ? { bands: filledLength(entry.bands) } : {}),
      ...(filledLength(entry.variables) ? { variables: filledLength(entry.variables) } : {}),
    };
    const described = describeTensor({ ...tensor, name }, role, ctx);
    const previous = isRecord(old) ? old[structureKey] : undefined;
    entry[structureKey] = {
      ...(isRecord(previous) ? previous : {}),
      ...described.structure,
    };

    const index = j ?? existing.length + appended++;
    let where: string;
    if (!isRecord(old)) {
      where = j === undefined ? `New ${role}.` : `Replaces entry ${j}, which was not an object.`;
    } else {
      const oldName = typeof old.name === 'string' && old.name.length > 0 ? old.name : undefined;
      const how =
        oldName === name
          ? `Updates the existing ${role} (same name)`
          : `Replaces ${role} ${j}${oldName ? ` ${quote(oldName)}` : ''} (matched by position)`;
      const kept = Object.keys(old).filter((k) => k !== 'name' && k !== structureKey);
      const oldOrder = isRecord(previous) ? previous.dim_order : undefined;
      const changedOrder =
        Array.isArray(oldOrder) && oldOrder.join(',') !== described.structure.dim_order.join(',')
          ? ` dim_order was ${oldOrder.join(', ')}.`
          : '';
      where = `${how}; keeps its ${kept.length > 0 ? kept.join(', ') : 'other members (none)'}.${changedOrder}`;
      if (oldName !== name) {
        notes.push({
          severity: 'info',
          message: `The ${role} ${oldName ? quote(oldName) : `at position ${j}`} becomes ${quote(name)}: matched by position, as no ${role} of the model has its name.`,
        });
      }
    }
    if (described.warning) {
      notes.push({ severity: 'warning', message: described.warning });
    }
    let id = `${role}:${name}`;
    if (ids.has(id)) {
      id = uniqueName(id, ids);
    }
    ids.add(id);
    return {
      id,
      pointer: `/properties/${escapePointerToken(LIST_KEY[role])}/${index}`,
      label: `${LABEL[role]} ${quote(name)}`,
      value: entry,
      summary: `${described.summary} ${where}`,
      ...(described.warning ? { warning: described.warning } : {}),
    };
  });

  const used = new Set(matches.filter((j): j is number => j !== undefined));
  existing.forEach((e, k) => {
    if (!used.has(k)) {
      const label = isRecord(e) && typeof e.name === 'string' ? quote(e.name) : `at position ${k}`;
      notes.push({
        severity: 'info',
        message: `The item's ${role} ${label} is not in the model and is left as it is: remove it if the model has no such ${role}.`,
      });
    }
  });
  if (tensors.length === 0) {
    notes.push({ severity: 'warning', message: `The model declares no ${role}s.` });
  }
  return fields;
}

function bytesText(n: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let unit = 'bytes';
  for (const u of units) {
    if (v < 1024) {
      break;
    }
    v /= 1024;
    unit = u;
  }
  return unit === 'bytes' ? `${count(n)} bytes` : `${count(n)} bytes (${v.toFixed(1)} ${unit})`;
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

function modelFields(model: OnnxModelInfo, notes: Note[]): ProposedField[] {
  const fields: ProposedField[] = [];
  const noWeights =
    'No stored weight tensors were found: the model may keep its parameters in operator attributes (e.g. ai.onnx.ml tree ensembles), which are not counted.';
  if (isCount(model.totalParameters)) {
    fields.push({
      id: 'mlm:total_parameters',
      pointer: '/properties/mlm:total_parameters',
      label: 'Total parameters',
      value: model.totalParameters,
      summary: `${count(model.totalParameters)} ${plural(model.totalParameters, 'element')} of all stored weight tensors (initializers, Constant nodes, subgraphs and functions).`,
      ...(model.totalParameters === 0 ? { warning: noWeights } : {}),
    });
    if (model.totalParameters === 0) {
      notes.push({ severity: 'warning', message: noWeights });
    }
  }
  if (isCount(model.memoryBytes)) {
    fields.push({
      id: 'mlm:memory_size',
      pointer: '/properties/mlm:memory_size',
      label: 'Memory size',
      value: model.memoryBytes,
      summary: `${bytesText(model.memoryBytes)}: weights, a lower bound: activations not included.`,
      ...(model.memoryBytes === 0 ? { warning: noWeights } : {}),
    });
  }
  const producer = [model.producerName, model.producerVersion].filter((s) => s).join(' ');
  fields.push({
    id: 'mlm:framework',
    pointer: '/properties/mlm:framework',
    label: 'Framework',
    value: 'ONNX',
    summary: `The model file is an ONNX model${producer ? `, written by ${producer}` : ''}.`,
  });
  return fields;
}

function modelHref(name: string): string {
  // Characters that would end the path (#, ?) or are not allowed in a URL are escaped; other
  // letters stay as they are, since hrefs are IRIs.
  const path = name.replace(/[\s#?%"<>\\^`{|}[\]]/gu, (c) => encodeURIComponent(c));
  const href = `./${path.length > 0 ? path : 'model.onnx'}`;
  return isIriReference(href) ? href : './model.onnx';
}

function assetFields(assets: unknown, file: ModelFileFacts, notes: Note[]): ProposedField[] {
  const all = isRecord(assets) ? assets : {};
  const checksum = file.checksum?.toLowerCase();
  const goodChecksum = checksum !== undefined && /^[a-f0-9]+$/u.test(checksum);
  if (checksum !== undefined && !goodChecksum) {
    notes.push({
      severity: 'warning',
      message: 'The checksum is not a hex multihash, so file:checksum is not proposed.',
    });
  }
  const goodSize = isCount(file.size);
  const modelKey = Object.keys(all).find((k) => {
    const a = all[k];
    return isRecord(a) && Array.isArray(a.roles) && a.roles.includes('mlm:model');
  });
  const fileText = `${quote(file.name)}, ${bytesText(file.size)}`;

  if (modelKey === undefined) {
    const key =
      all.model === undefined ? 'model' : uniqueName('model_onnx', new Set(Object.keys(all)));
    const asset: Json = {
      href: modelHref(file.name),
      type: MEDIA_TYPE,
      roles: ['mlm:model'],
      'mlm:artifact_type': 'onnx',
      ...(goodSize ? { 'file:size': file.size } : {}),
      ...(goodChecksum ? { 'file:checksum': checksum } : {}),
    };
    return [
      {
        id: 'asset',
        pointer: `/assets/${escapePointerToken(key)}`,
        label: `Model asset ${quote(key)}`,
        value: asset,
        summary: `A new model asset for ${fileText}${goodChecksum ? '' : ' (checksum not yet known)'}; the href is relative to the item: change it to where the file will be published.`,
      },
    ];
  }

  const base = `/assets/${escapePointerToken(modelKey)}`;
  const label = (what: string) => `Model asset ${quote(modelKey)}: ${what}`;
  const fields: ProposedField[] = [
    {
      id: 'asset:type',
      pointer: `${base}/type`,
      label: label('media type'),
      value: MEDIA_TYPE,
      summary: 'The media type MLM suggests for ONNX files.',
    },
    {
      id: 'asset:mlm:artifact_type',
      pointer: `${base}/${escapePointerToken('mlm:artifact_type')}`,
      label: label('artifact type'),
      value: 'onnx',
      summary: 'The file is an ONNX model.',
    },
  ];
  if (goodSize) {
    fields.push({
      id: 'asset:file:size',
      pointer: `${base}/file:size`,
      label: label('file size'),
      value: file.size,
      summary: `${fileText}.`,
    });
  }
  if (goodChecksum) {
    fields.push({
      id: 'asset:file:checksum',
      pointer: `${base}/file:checksum`,
      label: label('checksum'),
      value: checksum,
      summary: `SHA-256 multihash of ${quote(file.name)}.`,
    });
  }
  const current = all[modelKey];
  const href = isRecord(current) ? current.href : undefined;
  if (typeof href !== 'string' || href.trim() === '') {
    fields.push({
      id: 'asset:href',
      pointer: `${base}/href`,
      label: label('URL'),
      value: modelHref(file.name),
      summary:
        'The asset has no URL yet: relative to the item; change it to where the file will be published.',
    });
  }
  return fields;
}

function modelNotes(model: OnnxModelInfo, notes: Note[]): void {
  if (model.initializerInputs > 0) {
    notes.push({
      severity: 'info',
      message: `${model.initializerInputs} graph ${plural(model.initializerInputs, 'input is', 'inputs are')} stored weights (initializers), not model inputs, and ${plural(model.initializerInputs, 'was', 'were')} left out.`,
    });
  }
  const files = [...new Set(model.externalData.map((r) => r.location))];
  if (files.length > 0) {
    notes.push({
      severity: 'info',
      message: `The weights are stored in ${files.length} other ${plural(files.length, 'file')} (${files.join(', ')}): publish ${plural(files.length, 'it', 'them')} beside the model and consider adding ${plural(files.length, 'it', 'them')} as ${plural(files.length, 'an asset', 'assets')}.`,
    });
  }
}

/**
 * The MLM fields an ONNX model can fill in `item`, each with its JSON pointer, value and a plain
 * explanation, for the user to review before anything is written (see applyProposal).
 */
export function proposeMlm(model: OnnxModelInfo, item: unknown, file: ModelFileFacts): MlmProposal {
  const notes: Note[] = [];
  const doc = isRecord(item) ? item : {};
  const props = isRecord(doc.properties) ? doc.properties : {};
  const itemTasks = validTasks(props['mlm:tasks']);
  const fields = [
    ...tensorFields('input', model.inputs, props['mlm:input'], itemTasks, notes),
    ...tensorFields('output', model.outputs, props['mlm:output'], itemTasks, notes),
    ...modelFields(model, notes),
    ...assetFields(doc.assets, file, notes),
  ];
  modelNotes(model, notes);
  return { fields, notes };
}
