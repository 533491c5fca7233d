import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { IntrospectReport } from '../../src/cli/introspect';
import { run, runAsync } from '../../src/cli/main';
import { bytesSource } from '../../src/onnx/bytesSource';
import type { OnnxError, OnnxModelInfo } from '../../src/onnx/onnxModel';
import { ELEMENT_TYPES } from '../../src/onnx/onnxModel';
import { readOnnx } from '../../src/onnx/readOnnx';
import { proposeMlm } from '../../src/onnx/toMlm';
import { writeSparseModel } from '../onnx/fixtures/writeSparseModel';

const FIXTURES = fileURLToPath(new URL('../onnx/fixtures/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

interface Expected {
  model: Omit<OnnxModelInfo, 'warnings' | 'bytesRead'>;
  warningCount: number;
  dataFileSize?: number;
}
const expected = JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as Record<
  string,
  Expected
>;

interface Entry {
  name: string;
  input?: { shape: number[]; dim_order: string[]; data_type: string };
  result?: { shape: number[]; dim_order: string[]; data_type: string };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlm-introspect-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function introspectJson(
  args: string[],
  cwd = FIXTURES,
): Promise<{ code: number; report: IntrospectReport; stderr: string }> {
  const result = await runAsync(['introspect', '--json', ...args], cwd);
  return {
    code: result.code,
    report: JSON.parse(result.stdout) as IntrospectReport,
    stderr: result.stderr,
  };
}

const sha256 = (path: string) =>
  `1220${createHash('sha256').update(readFileSync(path)).digest('hex')}`;

/** The STAC data type MLM uses for a fixture's declared tensor ("other" when it has no type). */
function stacType(info: OnnxModelInfo['inputs'][number]): string {
  const type = info.type;
  return type && 'elemType' in type ? (ELEMENT_TYPES[type.elemType]?.stac ?? 'other') : 'other';
}

describe('cli introspect --json', () => {
  it('prints one object keyed by MLM field names, with the reference values', async () => {
    const { code, report, stderr } = await introspectJson([fixture('conv_nchw.onnx')]);
    const want = expected['conv_nchw.onnx']?.model;
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(Object.keys(report)).toEqual([
      'mlm:input',
      'mlm:output',
      'mlm:total_parameters',
      'mlm:memory_size',
      'mlm:framework',
      'file:size',
      'file:checksum',
      'onnx',
    ]);
    expect(report['mlm:total_parameters']).toBe(want?.totalParameters);
    expect(report['mlm:memory_size']).toBe(want?.memoryBytes);
    expect(report['file:size']).toBe(want?.fileSize);
    expect(report['mlm:framework']).toBe('ONNX');
    expect(report['file:checksum']).toBe(sha256(fixture('conv_nchw.onnx')));
    expect(report['mlm:input']).toEqual([
      {
        name: 'images',
        bands: [],
        input: {
          shape: [-1, 3, 32, 32],
          dim_order: ['batch', 'channel', 'height', 'width'],
          data_type: 'float32',
        },
      },
    ]);
    expect(report['mlm:output']).toEqual([
      {
        name: 'logits',
        tasks: [],
        result: { shape: [-1, 10], dim_order: ['batch', 'class'], data_type: 'float32' },
      },
    ]);
    expect(report.onnx).toMatchObject({
      ir_version: 8,
      opset_import: [{ domain: '', version: 17 }],
      producer: { name: 'pytorch', version: '2.1.0' },
      domain: 'org.example',
      model_version: 3,
      metadata_props: want?.metadataProps,
      graphs: 1,
      nodes: 5,
      initializers: 4,
      warnings: [],
    });
  });

  it('agrees with python3-onnx on every fixture and maps I/O as the app does', async () => {
    const names = Object.keys(expected).filter((name) => name !== 'external_data.onnx');
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const want = expected[name] as Expected;
      const { code, report } = await introspectJson(['--no-hash', fixture(name)]);
      expect(code, name).toBe(0);
      expect(report['mlm:total_parameters'], name).toBe(want.model.totalParameters);
      expect(report['mlm:memory_size'], name).toBe(want.model.memoryBytes);
      expect(report['file:size'], name).toBe(want.model.fileSize);
      expect(report.onnx.graphs, name).toBe(want.model.counts.graphs);
      expect(report.onnx.nodes, name).toBe(want.model.counts.nodes);
      expect(report.onnx.initializers, name).toBe(want.model.counts.initializers);
      expect(report.onnx.constant_nodes, name).toBe(want.model.counts.constantNodes);
      expect(report.onnx.warnings, name).toHaveLength(want.warningCount);

      const inputs = report['mlm:input'] as Entry[];
      const outputs = report['mlm:output'] as Entry[];
      expect(
        inputs.map((i) => i.name),
        name,
      ).toEqual(want.model.inputs.map((i) => i.name));
      expect(
        outputs.map((o) => o.name),
        name,
      ).toEqual(want.model.outputs.map((o) => o.name));
      expect(
        inputs.map((i) => i.input?.data_type),
        name,
      ).toEqual(want.model.inputs.map(stacType));
      expect(
        outputs.map((o) => o.result?.data_type),
        name,
      ).toEqual(want.model.outputs.map(stacType));

      // The CLI must propose exactly what the app's review dialog proposes for an empty item.
      const read = readOnnx(bytesSource(readFileSync(fixture(name))));
      expect(read.ok, name).toBe(true);
      if (read.ok) {
        const fields = proposeMlm(read.model, {}, { name, size: read.model.fileSize }).fields;
        const values = (prefix: string) =>
          fields.filter((f) => f.pointer.startsWith(prefix)).map((f) => f.value);
        expect(inputs, name).toEqual(values('/properties/mlm:input/'));
        expect(outputs, name).toEqual(values('/properties/mlm:output/'));
      }
    }
  });

  it('counts weights in If/Loop/Scan bodies and Constant nodes', async () => {
    const sub = await introspectJson(['--no-hash', fixture('subgraphs.onnx')]);
    expect(sub.report['mlm:total_parameters']).toBe(83);
    expect(sub.report.onnx.graphs).toBe(8);
    const constants = await introspectJson(['--no-hash', fixture('constant_nodes.onnx')]);
    expect(constants.report['mlm:total_parameters']).toBe(250);
    expect(constants.report['mlm:memory_size']).toBe(674);
    expect(constants.report.onnx.constant_nodes).toBe(11);
  });

  it('--no-hash leaves file:checksum out', async () => {
    const { code, report } = await introspectJson(['--no-hash', fixture('conv_nchw.onnx')]);
    expect(code).toBe(0);
    expect(report).not.toHaveProperty('file:checksum');
    expect(report['file:size']).toBe(expected['conv_nchw.onnx']?.model.fileSize);
  });
});

describe('cli introspect external data', () => {
  it('matches a given data file by base name and hashes it', async () => {
    // Another folder than the model's: only the base name counts, as in the browser.
    const elsewhere = mkdtempSync(join(dir, 'data-'));
    const data = join(elsewhere, 'external_data.bin');
    copyFileSync(fixture('external_data.bin'), data);
    const { code, report } = await introspectJson(['external_data.onnx', data]);
    const want = expected['external_data.onnx'] as Expected;
    expect(code).toBe(0);
    expect(report['mlm:total_parameters']).toBe(want.model.totalParameters);
    expect(report['mlm:memory_size']).toBe(want.model.memoryBytes);
    expect(report.onnx.external_data.refs).toEqual(want.model.externalData);
    expect(report.onnx.external_data.matched).toEqual([
      {
        location: 'external_data.bin',
        file: data,
        size: want.dataFileSize,
        checksum: sha256(data),
      },
    ]);
    expect(report.onnx.external_data.missing).toEqual([]);
    expect(report.onnx.warnings).toEqual([]);
  });

  it('reports a missing data file as a warning, not a failure', async () => {
    const { code, report } = await introspectJson(['--no-hash', 'external_data.onnx']);
    expect(code).toBe(0);
    expect(report['mlm:total_parameters']).toBe(274);
    expect(report.onnx.external_data.needed).toEqual(['external_data.bin']);
    expect(report.onnx.external_data.matched).toEqual([]);
    expect(report.onnx.external_data.missing).toEqual(['external_data.bin']);
    expect(report.onnx.warnings).toHaveLength(1);
    expect(report.onnx.warnings[0]).toContain('“external_data.bin”, which was not given');

    const text = await runAsync(['introspect', '--no-hash', 'external_data.onnx'], FIXTURES);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('external_data.bin: 2 tensors, up to byte 1,088; MISSING');
  });

  it('lists a given file the model does not use', async () => {
    const { code, report } = await introspectJson([
      '--no-hash',
      'external_data.onnx',
      'external_data.bin',
      'conv_nchw.onnx',
    ]);
    expect(code).toBe(0);
    expect(report.onnx.external_data.matched.map((m) => m.file)).toEqual(['external_data.bin']);
    expect(report.onnx.external_data.unused).toEqual(['conv_nchw.onnx']);
    expect(report.onnx.warnings.join('\n')).toContain('“conv_nchw.onnx” is not an external-data');
  });
});

describe('cli introspect summary', () => {
  it('prints the facts a person needs, one per line', async () => {
    const result = await runAsync(['introspect', 'conv_nchw.onnx'], FIXTURES);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines).toContain('File           conv_nchw.onnx');
    expect(lines).toContain('Size           1,876 bytes (1.8 KiB)');
    expect(lines).toContain('Producer       pytorch 2.1.0');
    expect(lines).toContain('Format         ONNX IR 8, opset ai.onnx 17');
    expect(lines).toContain('Parameters     314');
    expect(lines).toContain('Memory size    1,256 bytes (1.2 KiB) of weights (a lower bound)');
    expect(lines).toContain(
      '  images  float32  [-1, 3, 32, 32]  dim_order batch, channel, height, width',
    );
    expect(lines).toContain('  logits  float32  [-1, 10]  dim_order batch, class');
    expect(lines).toContain('External data  none (all weights are in the model file)');
    expect(lines).toContain('Warnings       none');
    expect(lines).toContain(`Checksum       ${sha256(fixture('conv_nchw.onnx'))}`);
  });

  it('shows the reader warnings', async () => {
    const result = await runAsync(
      ['introspect', '--no-hash', 'duplicates_and_mismatch.onnx'],
      FIXTURES,
    );
    expect(result.code).toBe(0);
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('  - '));
    expect(warnings.length).toBeGreaterThanOrEqual(
      expected['duplicates_and_mismatch.onnx']?.warningCount ?? 1,
    );
    expect(result.stdout).toContain('Checksum       not computed (--no-hash)');
  });
});

describe('cli introspect errors', () => {
  it('exits 1 with the typed error for a file that is not ONNX', async () => {
    const png = join(dir, 'picture.onnx');
    writeFileSync(
      png,
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
    );
    const text = await runAsync(['introspect', png], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain(`${png}: error not-onnx at byte 0 (looks like: PNG image)`);
    expect(text.stderr).toContain('This is a PNG image, not an ONNX model.');

    const json = await runAsync(['introspect', '--json', 'picture.onnx'], dir);
    expect(json.code).toBe(1);
    const { error } = JSON.parse(json.stdout) as { error: OnnxError };
    expect(error).toMatchObject({ code: 'not-onnx', offset: 0, detected: 'PNG image' });
    expect(error.message).toContain('PNG image');
  });

  it('exits 1 with the offset for a cut download', async () => {
    const bytes = readFileSync(fixture('conv_nchw.onnx'));
    const cut = join(dir, 'cut.onnx');
    writeFileSync(cut, bytes.subarray(0, 1000));
    const result = await runAsync(['introspect', '--json', cut], dir);
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stdout) as { error: OnnxError };
    expect(error.code).toBe('truncated');
    expect(error.offset).toBe(1000);
  });

  it('exits 2 on usage errors', async () => {
    const cases: string[][] = [
      ['introspect'],
      ['introspect', '--json'],
      ['introspect', '--bogus', 'conv_nchw.onnx'],
      ['introspect', 'missing.onnx'],
      ['introspect', 'conv_nchw.onnx', 'missing.bin'],
      ['introspect', '.'],
    ];
    for (const args of cases) {
      const result = await runAsync(args, FIXTURES);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).not.toBe('');
    }
    expect((await runAsync(['introspect', 'missing.onnx'], FIXTURES)).stderr).toBe(
      'File not found: missing.onnx.',
    );
    expect((await runAsync(['introspect', '--help'], FIXTURES)).code).toBe(0);
    expect(run(['--help'], FIXTURES).stdout).toContain(
      'introspect [--json] [--no-hash] MODEL.onnx [DATA_FILES...]',
    );
  });

  it('leaves the other commands to run', async () => {
    expect((await runAsync(['frobnicate'], dir)).code).toBe(2);
    expect((await runAsync(['validate'], dir)).code).toBe(2);
  });
});

describe('cli introspect on models larger than 2 GiB (sparse files)', () => {
  it('reads a 3 GiB model through a few positional reads', async () => {
    const path = join(dir, 'three.onnx');
    // FLOAT [3, 1024, 1024, 256] = 805,306,368 elements = 3 GiB.
    writeSparseModel(path, [3, 1024, 1024, 256], 1, 3 * GiB, { tail: false });
    try {
      const { code, report } = await introspectJson(['--no-hash', relative(dir, path)], dir);
      expect(code).toBe(0);
      expect(report['file:size']).toBeGreaterThan(3 * GiB);
      expect(report['mlm:total_parameters']).toBe(805_306_368);
      expect(report['mlm:memory_size']).toBe(3 * GiB);
      expect(report).not.toHaveProperty('file:checksum');
      expect((report['mlm:input'] as Entry[]).map((i) => [i.name, i.input?.shape])).toEqual([
        ['pixels', [1, 3, 4096, 4096]],
      ]);
      expect(report.onnx.producer).toEqual({ name: 'bigmaker' });
      expect(report.onnx.warnings).toEqual([
        'The model declares no opset_import, so its operator set version is unknown.',
      ]);
      // The payload was skipped, not read.
      expect(report.onnx.bytes_read).toBeLessThan(MiB);
    } finally {
      rmSync(path, { force: true });
    }
  });

  it('reads fields written after a 4.5 GiB payload', async () => {
    const path = join(dir, 'four-and-a-half.onnx');
    // FLOAT16 [2, 1152, 1024, 1024] = 2,415,919,104 elements = 4.5 GiB.
    writeSparseModel(path, [2, 1152, 1024, 1024], 10, 4.5 * GiB, { tail: true });
    try {
      const result = await runAsync(['introspect', '--no-hash', path], dir);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Parameters     2,415,919,104');
      expect(result.stdout).toContain('Memory size    4,831,838,208 bytes (4.5 GiB)');
      expect(result.stdout).toContain('  logits  float32  [1, 1000]');
      expect(result.stdout).toContain('Format         ONNX IR 9, opset ai.onnx 19');
    } finally {
      rmSync(path, { force: true });
    }
  });
});
