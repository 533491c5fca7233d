import { describe, expect, it } from 'vitest';

import type { Finding } from '../../schemas/finding';
import { syncExtensions } from '../../schemas/manageExtensions';
import { validateItem } from '../../schemas/validateItem';
import { OfficialValidator } from '../../src/cli/officialValidator';
import { blankItem, newInput, newOutput } from '../../src/import/blankItem';
import { escapePointerToken, parsePointer } from '../../schemas/jsonPointer';
import { applyProposal } from '../../src/onnx/applyProposal';
import type {
  ModelFileFacts,
  OnnxDim,
  OnnxModelInfo,
  OnnxType,
  OnnxValueInfo,
  ProposedField,
} from '../../src/onnx/onnxModel';
import { proposeMlm } from '../../src/onnx/toMlm';
import { loadExample, loadExamples, requireShared } from '../support/shared';

type Obj = Record<string, unknown>;

const FLOAT = 1;
const INT64 = 7;
const CHECKSUM = `1220${'ab'.repeat(32)}`;
const FILE: ModelFileFacts = { name: 'model.onnx', size: 4_321, checksum: CHECKSUM };

const dims = (...ds: (number | string | OnnxDim)[]): OnnxDim[] =>
  ds.map((d) => (typeof d === 'number' ? { value: d } : typeof d === 'string' ? { param: d } : d));

const tensor = (name: string, elemType: number, shape?: OnnxDim[]): OnnxValueInfo => ({
  name,
  type: { kind: 'tensor', elemType, ...(shape ? { shape } : {}) },
});

const nonTensor = (name: string, kind: 'sequence' | 'map', description: string): OnnxValueInfo => ({
  name,
  type: { kind, description } as OnnxType,
});

function model(over: Partial<OnnxModelInfo> = {}): OnnxModelInfo {
  return {
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'pytorch',
    producerVersion: '2.1.0',
    metadataProps: [],
    inputs: [tensor('images', FLOAT, dims('N', 3, 224, 224))],
    outputs: [tensor('logits', FLOAT, dims('N', 10))],
    initializerInputs: 0,
    counts: {
      graphs: 1,
      nodes: 10,
      initializers: 4,
      sparseInitializers: 0,
      constantNodes: 0,
      functions: 0,
    },
    totalParameters: 11_689_512,
    memoryBytes: 46_758_048,
    externalData: [],
    warnings: [],
    bytesRead: 16_384,
    fileSize: 46_800_000,
    ...over,
  };
}

const byId = (fields: readonly ProposedField[], id: string): ProposedField => {
  const f = fields.find((x) => x.id === id);
  if (!f) {
    throw new Error(`no field ${id} in ${fields.map((x) => x.id).join(', ')}`);
  }
  return f;
};
const valueOf = (fields: readonly ProposedField[], id: string) => byId(fields, id).value as Obj;
const structure = (fields: readonly ProposedField[], id: string) => {
  const v = valueOf(fields, id);
  return (v.input ?? v.result) as { shape: number[]; dim_order: string[]; data_type: string };
};
const propsOf = (item: unknown) => (item as Obj).properties as Obj;

function proposeFor(m: OnnxModelInfo, item: unknown = blankItem(), file = FILE) {
  return proposeMlm(m, item, file);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('proposeMlm: tensors', () => {
  it('maps names, shapes, data types and dim_order of inputs and outputs', () => {
    const { fields } = proposeFor(model());
    const input = byId(fields, 'input:images');
    expect(input.pointer).toBe('/properties/mlm:input/0');
    expect(input.label).toBe('Input “images”');
    expect(input.value).toEqual({
      name: 'images',
      bands: [],
      input: {
        shape: [-1, 3, 224, 224],
        dim_order: ['batch', 'channel', 'height', 'width'],
        data_type: 'float32',
      },
    });
    expect(input.summary).toContain(
      'float32, shape [-1, 3, 224, 224] (batch, channel, height, width)',
    );
    expect(input.summary).toContain('symbolic “N”');
    expect(input.summary).toContain('NCHW');
    expect(input.warning).toBeUndefined();
    const output = byId(fields, 'output:logits');
    expect(output.pointer).toBe('/properties/mlm:output/0');
    expect(output.value).toEqual({
      name: 'logits',
      tasks: [],
      result: { shape: [-1, 10], dim_order: ['batch', 'class'], data_type: 'float32' },
    });
  });

  it('guesses NHWC for channels-last models', () => {
    const { fields } = proposeFor(model({ inputs: [tensor('x', FLOAT, dims(1, 512, 512, 4))] }));
    expect(structure(fields, 'input:x').dim_order).toEqual(['batch', 'height', 'width', 'channel']);
  });

  it('turns 0, negative, symbolic, unknown and huge sizes into -1 and says why', () => {
    const shape = dims(
      { value: 0 },
      { value: -1 },
      'seq',
      {},
      { value: '18446744073709551615' },
      { value: 2 ** 53 + 2 },
      { value: 7, param: 'seven' },
    );
    const { fields } = proposeFor(model({ inputs: [tensor('odd', FLOAT, shape)] }));
    expect(structure(fields, 'input:odd').shape).toEqual([-1, -1, -1, -1, -1, -1, 7]);
    const { summary } = byId(fields, 'input:odd');
    expect(summary).toContain('dimension 0 (stored as 0)');
    expect(summary).toContain('dimension 1 (stored as -1)');
    expect(summary).toContain('dimension 2 (symbolic “seq”)');
    expect(summary).toContain('dimension 3 (unknown size)');
    expect(summary).toContain('dimension 4 (too large to be a size (18446744073709551615))');
    expect(summary).toContain('dimension 5 (too large');
    expect(summary).not.toContain('dimension 6');
  });

  it.each([
    [1, 'float32'],
    [2, 'uint8'],
    [3, 'int8'],
    [7, 'int64'],
    [10, 'float16'],
    [11, 'float64'],
    [13, 'uint64'],
    [14, 'cfloat32'],
    [15, 'cfloat64'],
    [9, 'other'],
    [16, 'other'],
    [22, 'other'],
    [99, 'other'],
  ])('maps ONNX element type %i to data_type %s', (elemType, dataType) => {
    const { fields } = proposeFor(model({ inputs: [tensor('t', elemType, dims('N', 4))] }));
    expect(structure(fields, 'input:t').data_type).toBe(dataType);
  });

  it('names the ONNX type when STAC has none', () => {
    const { fields } = proposeFor(model({ inputs: [tensor('mask', 9, dims('N', 4))] }));
    expect(byId(fields, 'input:mask').summary).toContain('other (ONNX bool has no STAC data type)');
  });

  it('proposes shape [1] for a scalar, with a warning and a note', () => {
    const { fields, notes } = proposeFor(model({ inputs: [tensor('sr', INT64, [])] }));
    const sr = byId(fields, 'input:sr');
    expect(structure(fields, 'input:sr')).toEqual({
      shape: [1],
      dim_order: ['dim'],
      data_type: 'int64',
    });
    expect(sr.warning).toMatch(/scalar/u);
    expect(notes).toContainEqual({ severity: 'warning', message: sr.warning });
  });

  it('proposes a placeholder for an unknown rank and asks the user to fill it', () => {
    const { fields, notes } = proposeFor(model({ inputs: [tensor('blob', FLOAT)] }));
    const blob = byId(fields, 'input:blob');
    expect(structure(fields, 'input:blob')).toEqual({
      shape: [-1],
      dim_order: ['dim'],
      data_type: 'float32',
    });
    expect(blob.warning).toMatch(/fill in its shape and dim_order/u);
    expect(notes.some((n) => n.severity === 'warning' && n.message === blob.warning)).toBe(true);
  });

  it('keeps non-tensor values in the proposal, flagged for the user to decide', () => {
    const m = model({
      outputs: [
        tensor('logits', FLOAT, dims('N', 10)),
        nonTensor('labels', 'sequence', 'sequence of map(int64, tensor(float))'),
        { name: 'untyped' },
      ],
    });
    const { fields, notes } = proposeFor(m);
    const labels = byId(fields, 'output:labels');
    expect(labels.pointer).toBe('/properties/mlm:output/1');
    expect(labels.warning).toMatch(/sequence of map\(int64, tensor\(float\)\).*cannot describe/u);
    expect(structure(fields, 'output:labels')).toEqual({
      shape: [-1],
      dim_order: ['dim'],
      data_type: 'other',
    });
    const untyped = byId(fields, 'output:untyped');
    expect(untyped.warning).toMatch(/unknown type/u);
    expect(notes.filter((n) => n.severity === 'warning').map((n) => n.message)).toEqual(
      expect.arrayContaining([labels.warning, untyped.warning]),
    );
    expect(byId(fields, 'output:logits').warning).toBeUndefined();
  });

  it('flags sparse tensors', () => {
    const sparse: OnnxValueInfo = {
      name: 's',
      type: { kind: 'sparse_tensor', elemType: FLOAT, shape: dims(100, 100) },
    };
    const { fields } = proposeFor(model({ inputs: [sparse] }));
    expect(byId(fields, 'input:s').warning).toMatch(/sparse/u);
    expect(structure(fields, 'input:s').shape).toEqual([100, 100]);
  });

  it('uses denotations and the output tasks of the item', () => {
    const item = blankItem() as Obj;
    propsOf(item)['mlm:tasks'] = ['semantic-segmentation'];
    const m = model({
      inputs: [
        tensor('x', FLOAT, [
          { param: 'a', denotation: 'DATA_BATCH' },
          { value: 4, denotation: 'DATA_CHANNEL' },
          { value: 256 },
          { value: 256 },
        ]),
      ],
      outputs: [tensor('mask', FLOAT, dims('a', 2, 256, 256))],
    });
    const { fields } = proposeFor(m, item);
    expect(structure(fields, 'input:x').dim_order).toEqual(['batch', 'channel', 'height', 'width']);
    expect(byId(fields, 'input:x').summary).toContain('denotation DATA_BATCH');
    expect(valueOf(fields, 'output:mask')).toMatchObject({
      tasks: ['semantic-segmentation'],
      result: { dim_order: ['batch', 'class', 'height', 'width'] },
    });
  });

  it('gives a name to unnamed tensors and unique ids to duplicate names', () => {
    const m = model({
      inputs: [
        tensor('', FLOAT, dims('N', 4)),
        tensor('x', FLOAT, dims('N')),
        tensor('x', FLOAT, dims('N')),
      ],
    });
    const { fields, notes } = proposeFor(m);
    const ids = fields.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(valueOf(fields, 'input:input_1').name).toBe('input_1');
    expect(notes.some((n) => n.message.includes('has no name'))).toBe(true);
    expect(fields.filter((f) => f.id.startsWith('input:x')).map((f) => [f.id, f.pointer])).toEqual([
      ['input:x', '/properties/mlm:input/1'],
      ['input:x_b', '/properties/mlm:input/2'],
    ]);
  });
});

describe('proposeMlm: matching existing entries', () => {
  it('updates entries of the same name wherever they are, keeping their other members', () => {
    const item = blankItem() as Obj;
    const a = { ...(newInput() as Obj), name: 'a', description: 'First', bands: ['B1', 'B2'] };
    const b = {
      ...(newInput() as Obj),
      name: 'b',
      value_scaling: [{ type: 'scale', value: 10000 }],
      input: { shape: [1], dim_order: ['x'], data_type: 'uint8', extra: true },
    };
    propsOf(item)['mlm:input'] = [a, b];
    const m = model({
      inputs: [tensor('b', FLOAT, dims('N', 3, 64, 64)), tensor('a', FLOAT, dims('N', 2, 32, 32))],
    });
    const { fields, notes } = proposeFor(m, item);
    const fa = byId(fields, 'input:a');
    const fb = byId(fields, 'input:b');
    expect(fa.pointer).toBe('/properties/mlm:input/0');
    expect(fb.pointer).toBe('/properties/mlm:input/1');
    expect(fa.value).toEqual({
      name: 'a',
      description: 'First',
      bands: ['B1', 'B2'],
      input: {
        shape: [-1, 2, 32, 32],
        dim_order: ['batch', 'bands', 'height', 'width'],
        data_type: 'float32',
      },
    });
    expect(fa.summary).toContain('Updates the existing input (same name)');
    expect(fb.value).toEqual({
      name: 'b',
      bands: [],
      value_scaling: [{ type: 'scale', value: 10000 }],
      input: {
        shape: [-1, 3, 64, 64],
        dim_order: ['batch', 'channel', 'height', 'width'],
        data_type: 'float32',
        extra: true,
      },
    });
    expect(fb.summary).toContain('dim_order was x');
    expect(notes.filter((n) => n.message.includes('matched by position'))).toEqual([]);
  });

  it('fills template placeholders by position, then appends', () => {
    const item = blankItem() as Obj;
    propsOf(item)['mlm:tasks'] = ['classification'];
    propsOf(item)['mlm:input'] = [{ ...(newInput() as Obj), name: 'placeholder' }];
    propsOf(item)['mlm:output'] = [
      { ...(newOutput(['classification']) as Obj), name: '', description: 'Scores' },
    ];
    const m = model({
      inputs: [
        tensor('first', FLOAT, dims('N', 3, 64, 64)),
        tensor('second', FLOAT, dims('N', 1)),
        tensor('third', FLOAT, dims('N', 1)),
      ],
      outputs: [tensor('probs', FLOAT, dims('N', 5)), tensor('label', INT64, dims('N'))],
    });
    const { fields, notes } = proposeFor(m, item);
    expect(fields.filter((f) => f.id.startsWith('input:')).map((f) => f.pointer)).toEqual([
      '/properties/mlm:input/0',
      '/properties/mlm:input/1',
      '/properties/mlm:input/2',
    ]);
    expect(byId(fields, 'input:first').summary).toContain('Replaces input 0 “placeholder”');
    expect(notes.some((n) => n.message.includes('“placeholder” becomes “first”'))).toBe(true);
    expect(byId(fields, 'input:second').summary).toContain('New input');
    expect(valueOf(fields, 'output:probs')).toEqual({
      name: 'probs',
      tasks: ['classification'],
      description: 'Scores',
      result: { shape: [-1, 5], dim_order: ['batch', 'class'], data_type: 'float32' },
    });
    expect(valueOf(fields, 'output:label')).toEqual({
      name: 'label',
      tasks: ['classification'],
      result: { shape: [-1], dim_order: ['batch'], data_type: 'int64' },
    });
    expect(byId(fields, 'output:label').pointer).toBe('/properties/mlm:output/1');
  });

  it('copies only valid, unique item tasks into new outputs', () => {
    const item = blankItem() as Obj;
    propsOf(item)['mlm:tasks'] = ['classification', 'nonsense', 'classification', 7];
    const { fields } = proposeFor(model(), item);
    expect(valueOf(fields, 'output:logits').tasks).toEqual(['classification']);
  });

  it('keeps bands, scaling, classes and post-processing of an official example', () => {
    const item = loadExample('item_eo_bands.json');
    const oldInput = (propsOf(item)['mlm:input'] as Obj[])[0] as Obj;
    const oldOutput = (propsOf(item)['mlm:output'] as Obj[])[0] as Obj;
    const m = model({
      inputs: [tensor('input', FLOAT, dims('batch', 13, 64, 64))],
      outputs: [tensor('output', FLOAT, dims('batch', 10))],
    });
    const { fields } = proposeFor(m, item);
    const input = valueOf(fields, 'input:input');
    for (const key of Object.keys(oldInput).filter((k) => k !== 'name' && k !== 'input')) {
      expect(input[key]).toEqual(oldInput[key]);
    }
    expect(input.input).toEqual({
      shape: [-1, 13, 64, 64],
      dim_order: ['batch', 'bands', 'height', 'width'],
      data_type: 'float32',
    });
    const output = valueOf(fields, 'output:output');
    for (const key of Object.keys(oldOutput).filter((k) => k !== 'name' && k !== 'result')) {
      expect(output[key]).toEqual(oldOutput[key]);
    }
    expect(output.name).toBe('output');
  });

  it('reports existing entries the model does not have', () => {
    const item = loadExample('item_multi_io.json');
    const m = model({ inputs: [tensor('RGB', 2, dims('N', 3, 64, 64))] });
    const { fields, notes } = proposeFor(m, item);
    expect(byId(fields, 'input:RGB').pointer).toBe('/properties/mlm:input/0');
    const left = notes.filter((n) => n.message.includes('is not in the model'));
    expect(left.map((n) => n.message).join(' ')).toMatch(/“NDVI”.*“DEM”/u);
  });
});

describe('proposeMlm: model facts', () => {
  it('proposes parameters, memory size and framework, and no framework version', () => {
    const { fields } = proposeFor(model());
    expect(byId(fields, 'mlm:total_parameters')).toMatchObject({
      pointer: '/properties/mlm:total_parameters',
      value: 11_689_512,
    });
    const memory = byId(fields, 'mlm:memory_size');
    expect(memory).toMatchObject({ pointer: '/properties/mlm:memory_size', value: 46_758_048 });
    expect(memory.summary).toContain('weights, a lower bound: activations not included');
    expect(byId(fields, 'mlm:framework')).toMatchObject({
      pointer: '/properties/mlm:framework',
      value: 'ONNX',
    });
    expect(byId(fields, 'mlm:framework').summary).toContain('pytorch 2.1.0');
    expect(fields.some((f) => /framework_version|accelerator/u.test(f.pointer))).toBe(false);
  });

  it('flags a model without stored weights', () => {
    const { fields, notes } = proposeFor(model({ totalParameters: 0, memoryBytes: 0 }));
    expect(byId(fields, 'mlm:total_parameters').warning).toMatch(/attributes/u);
    expect(notes.some((n) => n.severity === 'warning' && n.message.includes('attributes'))).toBe(
      true,
    );
  });

  it('notes initializers listed as inputs and external weight files', () => {
    const { notes } = proposeFor(
      model({
        initializerInputs: 3,
        externalData: [
          { tensor: 'w1', location: 'model.onnx_data', offset: 0 },
          { tensor: 'w2', location: 'model.onnx_data', offset: 64 },
        ],
      }),
    );
    expect(notes.some((n) => n.message.startsWith('3 graph inputs are stored weights'))).toBe(true);
    expect(notes.some((n) => n.message.includes('1 other file (model.onnx_data)'))).toBe(true);
  });
});

describe('proposeMlm: the model asset', () => {
  const noAssets = () => ({ ...(blankItem() as Obj), assets: {} });

  it('creates the whole asset when the item has no model asset', () => {
    const { fields } = proposeFor(model(), noAssets());
    const asset = byId(fields, 'asset');
    expect(asset.pointer).toBe('/assets/model');
    expect(asset.value).toEqual({
      href: './model.onnx',
      type: 'application/octet-stream; framework=onnx',
      roles: ['mlm:model'],
      'mlm:artifact_type': 'onnx',
      'file:size': 4_321,
      'file:checksum': CHECKSUM,
    });
    expect(fields.filter((f) => f.pointer.startsWith('/assets/'))).toHaveLength(1);
  });

  it('leaves out the checksum until it is known', () => {
    const { fields } = proposeFor(model(), noAssets(), { name: 'm.onnx', size: 10 });
    expect(valueOf(fields, 'asset')).not.toHaveProperty('file:checksum');
  });

  it('uses model_onnx when "model" is taken by another asset', () => {
    const item = { ...(blankItem() as Obj), assets: { model: { href: 'x.py', roles: ['code'] } } };
    expect(byId(proposeFor(model(), item).fields, 'asset').pointer).toBe('/assets/model_onnx');
  });

  it('percent-encodes characters a relative URL cannot hold as they are', () => {
    const { fields } = proposeFor(model(), noAssets(), { name: 'my model [v2].onnx', size: 1 });
    expect(valueOf(fields, 'asset').href).toBe('./my%20model%20%5Bv2%5D.onnx');
    const odd = proposeFor(model(), noAssets(), { name: 'a#b?c%.onnx', size: 1 }).fields;
    expect(valueOf(odd, 'asset').href).toBe('./a%23b%3Fc%25.onnx');
    const plain = proposeFor(model(), noAssets(), { name: 'modèle_v1.2.onnx', size: 1 }).fields;
    expect(valueOf(plain, 'asset').href).toBe('./modèle_v1.2.onnx');
  });

  it('updates the first mlm:model asset field by field, href only when empty', () => {
    const item = loadExample('item_eo_bands.json');
    const { fields } = proposeFor(model(), item);
    const assetFields = fields.filter((f) => f.pointer.startsWith('/assets/'));
    expect(assetFields.map((f) => [f.pointer, f.value])).toEqual([
      ['/assets/weights/type', 'application/octet-stream; framework=onnx'],
      ['/assets/weights/mlm:artifact_type', 'onnx'],
      ['/assets/weights/file:size', 4_321],
      ['/assets/weights/file:checksum', CHECKSUM],
    ]);
    const blank = proposeFor(model(), blankItem(), { name: 'm.onnx', size: 5 }).fields;
    expect(blank.filter((f) => f.pointer.startsWith('/assets/')).map((f) => f.pointer)).toEqual([
      '/assets/model/type',
      '/assets/model/mlm:artifact_type',
      '/assets/model/file:size',
      '/assets/model/href',
    ]);
    expect(byId(blank, 'asset:href').value).toBe('./m.onnx');
  });

  it('escapes "~" and "/" in asset keys', () => {
    const item = {
      ...(blankItem() as Obj),
      assets: { 'a/b~c': { href: '', roles: ['mlm:model'], 'mlm:artifact_type': '' } },
    };
    const { fields } = proposeFor(model(), item);
    expect(byId(fields, 'asset:type').pointer).toBe('/assets/a~1b~0c/type');
    const after = applyProposal(item, fields) as Obj;
    expect((after.assets as Obj)['a/b~c']).toMatchObject({
      href: './model.onnx',
      type: 'application/octet-stream; framework=onnx',
      'mlm:artifact_type': 'onnx',
    });
    expect(Object.keys(after.assets as Obj)).toEqual(['a/b~c']);
  });
});

describe('proposeMlm: schema validity of everything written', () => {
  const official = new OfficialValidator(requireShared());

  // A model that exercises every rule: named and unnamed dims, NHWC, a scalar, an unknown rank, a
  // non-tensor, an "other" data type, and more tensors than the item has entries.
  const zoo = model({
    inputs: [
      tensor('image', FLOAT, dims('batch', 'unk__1', 'unk__2', 13)),
      tensor('sr', INT64, []),
      tensor('blob', FLOAT),
      tensor('mask', 9, dims({ value: 0 }, { value: -5 }, { value: '99999999999999999999' })),
    ],
    outputs: [
      tensor('logits', FLOAT, dims('N', 10)),
      nonTensor('labels', 'map', 'map(int64, float)'),
      tensor('boxes', FLOAT, dims('N', 'N', 'N', 4, 4, 4, 4)),
    ],
  });

  const underWritten = (fields: readonly ProposedField[]) => (f: Finding) =>
    fields.some((w) => f.path === w.pointer || f.path.startsWith(`${w.pointer}/`));

  function applyAll(item: unknown, fields: readonly ProposedField[]): unknown {
    return syncExtensions(item, applyProposal(item, fields)).item;
  }

  const cases = [
    ...loadExamples()
      .filter((e) => e.doc.type === 'Feature')
      .map((e) => [e.file, e.doc] as const),
    ['blank item', blankItem()] as const,
    ['no assets', { ...(blankItem() as Obj), assets: {} }] as const,
  ];

  it.each(cases)('%s: no finding under a written pointer', (_, item) => {
    for (const m of [zoo, model()]) {
      for (const file of [FILE, { name: 'x.onnx', size: 0 }]) {
        const { fields } = proposeMlm(m, item, file);
        const after = applyAll(item, fields);
        const zod = validateItem(after).findings.filter(underWritten(fields));
        expect(zod).toEqual([]);
        const ajv = official
          .validate(after)
          .filter((f) => f.severity === 'error')
          .filter(underWritten(fields));
        expect(ajv).toEqual([]);
      }
    }
  });

  it('would notice a bad written value (the check above is not vacuous)', () => {
    const item = blankItem();
    const { fields } = proposeMlm(model(), item, FILE);
    const bad = fields.map((f) =>
      f.id === 'input:images'
        ? {
            ...f,
            value: { name: 'images', input: { shape: [0], dim_order: ['d1'], data_type: 'x' } },
          }
        : f.id === 'asset:file:size'
          ? { ...f, value: -1 }
          : f,
    );
    const found = validateItem(applyAll(item, bad)).findings.filter(underWritten(bad));
    expect(found.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        '/properties/mlm:input/0/input/dim_order/0',
        '/properties/mlm:input/0/input/data_type',
        '/assets/model/file:size',
      ]),
    );
  });

  it.each(
    loadExamples()
      .filter((e) => e.doc.type === 'Feature')
      .map((e) => [e.file, e.doc]),
  )('%s stays valid with a plain model applied', (_, item) => {
    const { fields } = proposeMlm(model(), item, FILE);
    expect(validateItem(item).valid).toBe(true);
    expect(
      validateItem(applyAll(item, fields)).findings.filter((f) => f.severity === 'error'),
    ).toEqual([]);
  });
});

describe('applyProposal', () => {
  const field = (pointer: string, value: unknown): ProposedField => ({
    id: pointer,
    pointer,
    label: pointer,
    value,
    summary: '',
  });

  it('never mutates the item and copies only along the written paths', () => {
    const item = deepFreeze(loadExample('item_eo_bands.json'));
    const snapshot = structuredClone(item);
    const { fields } = proposeMlm(model(), item, FILE);
    const after = applyProposal(item, fields) as Obj;
    expect(item).toEqual(snapshot);
    expect(after).not.toBe(item);
    expect(after.links).toBe(item.links);
    expect(after.geometry).toBe(item.geometry);
    const assets = after.assets as Obj;
    expect(assets.source_code).toBe((item.assets as Obj).source_code);
    expect(assets.weights).not.toBe((item.assets as Obj).weights);
    expect(propsOf(after)['eo:bands']).toBe(propsOf(item)['eo:bands']);
    expect(propsOf(after)['mlm:framework']).toBe('ONNX');
  });

  it('appends at index == length, in order, and past the end without holes', () => {
    const item = deepFreeze({ properties: { 'mlm:input': [{ name: 'a' }] } });
    const after = applyProposal(item, [
      field('/properties/mlm:input/1', { name: 'b' }),
      field('/properties/mlm:input/2', { name: 'c' }),
      field('/properties/mlm:input/9', { name: 'd' }),
      field('/properties/mlm:input/-', { name: 'e' }),
      field('/properties/mlm:input/0', { name: 'A' }),
    ]);
    expect(propsOf(after)['mlm:input']).toEqual([
      { name: 'A' },
      { name: 'b' },
      { name: 'c' },
      { name: 'd' },
      { name: 'e' },
    ]);
    expect(propsOf(item)['mlm:input']).toEqual([{ name: 'a' }]);
  });

  it('creates missing intermediate objects and lists', () => {
    const after = applyProposal({ type: 'Feature' }, [
      field('/assets/model/href', './m.onnx'),
      field('/properties/mlm:input/0', { name: 'x' }),
    ]);
    expect(after).toEqual({
      type: 'Feature',
      assets: { model: { href: './m.onnx' } },
      properties: { 'mlm:input': [{ name: 'x' }] },
    });
  });

  it('writes copies of the values, so the result and the proposal stay apart', () => {
    const value = { name: 'x', bands: ['B1'] };
    const after = applyProposal({}, [field('/properties/mlm:input/0', value)]);
    const written = (propsOf(after)['mlm:input'] as Obj[])[0] as Obj;
    expect(written).toEqual(value);
    expect(written).not.toBe(value);
    (written.bands as string[]).push('B2');
    expect(value.bands).toEqual(['B1']);
  });

  it('applies all proposed fields of a blank item in one pass', () => {
    const item = deepFreeze(blankItem());
    const { fields } = proposeMlm(model(), item, FILE);
    const after = applyProposal(item, fields) as Obj;
    expect(propsOf(after)['mlm:input']).toEqual([valueOf(fields, 'input:images')]);
    expect(propsOf(after)['mlm:output']).toEqual([valueOf(fields, 'output:logits')]);
    expect((after.assets as Obj).model).toEqual({
      href: './model.onnx',
      type: 'application/octet-stream; framework=onnx',
      roles: ['mlm:model'],
      'mlm:artifact_type': 'onnx',
      'file:size': 4_321,
      'file:checksum': CHECKSUM,
    });
  });

  it('round-trips pointer escaping', () => {
    for (const key of ['plain', 'a/b', 'a~b', '~1', '/~0/', '']) {
      expect(parsePointer(`/x/${escapePointerToken(key)}`)).toEqual(['x', key]);
    }
    expect(() =>
      applyProposal({}, [{ id: 'x', pointer: 'no-slash', label: 'x', value: 1, summary: '' }]),
    ).toThrow(/Not a JSON pointer/);
  });
});
