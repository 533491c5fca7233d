import { describe, expect, it } from 'vitest';
import { formatScaling, shortNumber, tensorLayout } from '../../src/preview/tensorLayout';
import { loadExamples } from '../support/shared';

const image = {
  name: 'image',
  bands: ['B04', 'B03', 'B02'],
  input: {
    shape: [-1, 3, 224, 224],
    dim_order: ['batch', 'bands', 'height', 'width'],
    data_type: 'float32',
  },
  value_scaling: [
    { type: 'z-score', mean: 0.1, stddev: 1.2 },
    { type: 'min-max', minimum: 0, maximum: 10000 },
    { type: 'scale', value: 10000 },
  ],
  resize_type: 'crop',
  pre_processing_function: {
    format: 'python',
    expression: 'my_package.my_module:normalise_input_tiles',
  },
};

const segmentation = {
  name: 'mask',
  tasks: ['semantic-segmentation'],
  result: {
    shape: [-1, 3, 224, 224],
    dim_order: ['batch', 'class', 'height', 'width'],
    data_type: 'float32',
  },
  'classification:classes': [
    { value: 0, name: 'background', description: 'bg', color_hint: '000000' },
    { value: 1, name: 'water', description: 'w', color_hint: '0000FF' },
    { value: 2, name: 'forest', description: 'f' },
  ],
  post_processing_function: { format: 'python', expression: 'torch.argmax' },
};

describe('tensorLayout on the official examples', () => {
  const examples = loadExamples().filter((e) => e.file !== 'collection.json');
  it('finds examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });
  for (const { file, doc } of examples) {
    it(`lays out every tensor of ${file}`, () => {
      const props = doc['properties'] as Record<string, unknown>;
      const inputs = props['mlm:input'] as unknown[];
      const outputs = props['mlm:output'] as unknown[];
      expect(inputs.length + outputs.length).toBeGreaterThan(0);
      for (const [tensors, role] of [
        [inputs, 'input'],
        [outputs, 'output'],
      ] as const) {
        for (const tensor of tensors) {
          const layout = tensorLayout(tensor, role);
          const t = tensor as Record<string, Record<string, unknown[]>>;
          const structure = role === 'input' ? t['input'] : t['result'];
          expect(layout.rank).toBe(structure?.['shape']?.length);
          expect(layout.axes.map((a) => a.name)).toEqual(structure?.['dim_order']);
          expect(layout.axes.every((a) => a.invalid === null)).toBe(true);
          expect(layout.plan.kind).not.toBe('none');
          expect(layout.ariaLabel).toContain(layout.dataType ?? 'missing');
          // Every example has a variable batch or time axis first.
          expect(layout.axes[0]?.variable).toBe(true);
          expect(layout.axes[0]?.sizeText).toBe('variable');
        }
      }
    });
  }

  it('opens up the 13 Sentinel-2 bands with their z-score scaling', () => {
    const doc = loadExamples().find((e) => e.file === 'item_eo_bands.json')?.doc;
    const props = doc?.['properties'] as Record<string, unknown[]>;
    const layout = tensorLayout(props['mlm:input']?.[0], 'input');
    expect(layout.bands?.total).toBe(13);
    expect(layout.bands?.shown).toHaveLength(12);
    expect(layout.bands?.more).toBe(1);
    expect(layout.bands?.axis).toBe(1);
    expect(layout.bands?.shown[0]).toMatchObject({
      name: 'B01',
      scaling: 'z-score μ=1354.4 σ=245.7',
    });
    expect(layout.scaling?.mode).toBe('per-band');
    expect(layout.plan).toMatchObject({ kind: 'box', depth: 1, rows: 2, cols: 3, slices: 6 });
    expect(layout.plan.stacks).toEqual([{ axes: [0], label: 'batch × variable' }]);
  });

  it('shows virtual band expressions and datacube variables', () => {
    const byFile = (f: string) =>
      (loadExamples().find((e) => e.file === f)?.doc['properties'] as Record<string, unknown[]>) ??
      {};
    const expr = tensorLayout(byFile('item_bands_expression.json')['mlm:input']?.[0], 'input');
    expect(expr.bands?.shown[3]).toMatchObject({
      name: 'NDVI',
      expression: 'rio-calc: (B08 - B04) / (B08 + B04)',
    });
    const cube = tensorLayout(byFile('item_datacube_variables.json')['mlm:input']?.[0], 'input');
    expect(cube.bands).toMatchObject({ source: 'variables', axis: 1, total: 5 });
    expect(cube.plan).toMatchObject({ kind: 'box', depth: 1, rows: 2, cols: 3 });
    expect(cube.processing[0]).toEqual({ format: 'uri', expression: '…/DatasetUS.py' });
  });

  it('reads legacy classification_classes with RGB colour triplets, and says so', () => {
    const doc = loadExamples().find((e) => e.file === 'item_multi_io.json')?.doc;
    const props = doc?.['properties'] as Record<string, unknown[]>;
    const layout = tensorLayout(props['mlm:output']?.[0], 'output');
    expect(layout.classes?.key).toBe('classification_classes');
    expect(layout.classes?.shown.map((c) => c.color)).toEqual([null, '#00ff00']);
    expect(layout.classes?.shown[1]?.colorNote).toMatch(/hex/u);
    expect(layout.problems.join()).toMatch(/MLM ignores/u);
    expect(layout.tasks).toEqual(['semantic-segmentation']);
    expect(layout.plan).toMatchObject({ kind: 'vector', cols: 1 });
  });
});

describe('tensorLayout axes and drawing plans', () => {
  const tensorOf = (dimOrder: string[], shape: unknown[]) => ({
    name: 't',
    input: { shape, dim_order: dimOrder, data_type: 'float32' },
  });

  it('describes a 4-D image input', () => {
    const layout = tensorLayout(image, 'input');
    expect(layout.ariaLabel).toBe(
      'Input “image”: float32 tensor [-1, 3, 224, 224] (batch, bands, height, width)',
    );
    expect(layout.axes.map((a) => a.label)).toEqual([
      'batch · variable',
      'bands · 3',
      'height · 224',
      'width · 224',
    ]);
    expect(layout.axes.map((a) => a.kind)).toEqual(['batch', 'bands', 'height', 'width']);
    expect(layout.plan).toMatchObject({
      kind: 'box',
      depth: 1,
      slices: 3,
      rowCells: 8,
      colCells: 8,
    });
    expect(layout.bands?.shown.map((b) => b.scaling)).toEqual([
      'z-score μ=0.1 σ=1.2',
      'min-max [0, 10000]',
      'scale ÷10000',
    ]);
    expect(layout.resizeType).toBe('crop');
    expect(layout.processing).toEqual([
      { format: 'python', expression: 'my_package.my_module:normalise_input_tiles' },
    ]);
  });

  it.each([
    [1, ['embedding'], [768], 'vector', 0],
    [2, ['batch', 'class'], [-1, 10], 'vector', 1],
    [2, ['height', 'width'], [64, 64], 'grid', 0],
    [3, ['bands', 'height', 'width'], [3, 64, 64], 'box', 0],
    [3, ['height', 'width', 'channel'], [64, 64, 3], 'box', 0],
    [4, ['batch', 'bands', 'height', 'width'], [-1, 3, 64, 64], 'box', 1],
    [5, ['batch', 'time', 'bands', 'height', 'width'], [-1, 12, 3, 64, 64], 'box', 2],
    [6, ['batch', 'time', 'depth', 'bands', 'height', 'width'], [-1, 4, 8, 3, 64, 64], 'box', 3],
  ])('rank %i %j → %s with %i stack frames', (rank, dims, shape, kind, stacks) => {
    const layout = tensorLayout(tensorOf(dims, shape), 'input');
    expect(layout.rank).toBe(rank);
    expect(layout.plan.kind).toBe(kind);
    expect(layout.plan.stacks).toHaveLength(stacks);
    const drawn = layout.plan.stacks.flatMap((s) => s.axes);
    expect(drawn).toEqual(dims.slice(0, stacks).map((_, i) => i));
  });

  it('puts the channel axis of a channels-last tensor into the slices', () => {
    const layout = tensorLayout(tensorOf(['height', 'width', 'channel'], [64, 32, 3]), 'input');
    expect(layout.plan).toMatchObject({ kind: 'box', depth: 2, rows: 0, cols: 1, slices: 3 });
  });

  it('folds extra leading axes into one frame so deep tensors stay drawable', () => {
    const dims = ['a', 'b', 'c', 'd', 'e', 'f', 'bands', 'height', 'width'];
    const layout = tensorLayout(tensorOf(dims, [1, 2, 3, 4, 5, 6, 3, 8, 8]), 'input');
    expect(layout.plan.stacks).toHaveLength(4);
    expect(layout.plan.stacks[0]?.axes).toEqual([0, 1, 2]);
    expect(layout.plan.stacks[0]?.label).toBe('a × 1, b × 2, c × 3');
  });

  it('keeps -1 as variable and flags invalid sizes', () => {
    const layout = tensorLayout(tensorOf(['batch', 'x', 'y'], [-1, -2, 1.5]), 'input');
    expect(layout.axes[0]).toMatchObject({ variable: true, size: null, invalid: null });
    expect(layout.axes[1]?.invalid).toMatch(/-2 is not allowed/u);
    expect(layout.axes[2]?.invalid).toMatch(/1.5 is not allowed/u);
    expect(layout.shapeText).toBe('[-1, -2, 1.5]');
  });
});

describe('tensorLayout scaling, bands and classes', () => {
  it('writes every scaling type in short form', () => {
    expect(formatScaling({ type: 'z-score', mean: 0.1, stddev: 1.2 })).toBe('z-score μ=0.1 σ=1.2');
    expect(formatScaling({ type: 'min-max', minimum: 0, maximum: 255 })).toBe('min-max [0, 255]');
    expect(formatScaling({ type: 'clip', minimum: 0, maximum: 1 })).toBe('clip [0, 1]');
    expect(formatScaling({ type: 'clip-min', minimum: 0 })).toBe('clip ≥0');
    expect(formatScaling({ type: 'clip-max', maximum: 3000 })).toBe('clip ≤3000');
    expect(formatScaling({ type: 'offset', value: 5 })).toBe('offset −5');
    expect(formatScaling({ type: 'scale', value: 10000 })).toBe('scale ÷10000');
    expect(
      formatScaling({ type: 'processing', format: 'gdal-calc', expression: 'A * 0.0001' }),
    ).toBe('processing gdal-calc: A * 0.0001');
    expect(formatScaling({ type: 'log' })).toBe('log (unknown type)');
    expect(formatScaling(null)).toMatch(/not a scaling object/u);
    expect(shortNumber(1354.40546513)).toBe('1354.4');
    expect(shortNumber(4.77584468)).toBe('4.78');
  });

  it('applies a single value_scaling to every band', () => {
    const layout = tensorLayout(
      { ...image, value_scaling: [{ type: 'z-score', mean: 0, stddev: 3000 }] },
      'input',
    );
    expect(layout.scaling?.summary).toBe('all bands: z-score μ=0 σ=3000');
    expect(layout.bands?.shown.every((b) => b.scaling === 'z-score μ=0 σ=3000')).toBe(true);
  });

  it('reports a value_scaling count that fits neither one nor every band', () => {
    const layout = tensorLayout(
      {
        ...image,
        value_scaling: [
          { type: 'scale', value: 2 },
          { type: 'scale', value: 3 },
        ],
      },
      'input',
    );
    expect(layout.scaling?.mode).toBe('mismatch');
    expect(layout.problems).toContain('value_scaling has 2 entries for 3 bands');
  });

  it('marks band names the item does not declare, and bands objects by name', () => {
    const layout = tensorLayout({ ...image, bands: ['B04', { name: 'B03' }, 'B99'] }, 'input', {
      bandNames: ['B02', 'B03', 'B04'],
    });
    expect(layout.bands?.shown.map((b) => [b.name, b.unknown])).toEqual([
      ['B04', false],
      ['B03', false],
      ['B99', true],
    ]);
  });

  it('builds a classes legend with colours, capped at 16', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      value: i,
      name: `c${i}`,
      description: 'x',
      ...(i % 2 === 0 ? { color_hint: 'FF0000' } : {}),
    }));
    const layout = tensorLayout({ ...segmentation, 'classification:classes': many }, 'output');
    expect(layout.classes?.shown).toHaveLength(16);
    expect(layout.classes?.more).toBe(4);
    expect(layout.classes?.shown[0]).toEqual({
      value: '0',
      name: 'c0',
      color: '#ff0000',
      colorNote: null,
    });
    expect(layout.classes?.shown[1]?.color).toBeNull();
  });

  it('describes a segmentation output', () => {
    const layout = tensorLayout(segmentation, 'output');
    expect(layout.title).toBe('Output “mask”');
    expect(layout.tasks).toEqual(['semantic-segmentation']);
    expect(layout.classes?.shown.map((c) => c.color)).toEqual(['#000000', '#0000ff', null]);
    expect(layout.plan).toMatchObject({ kind: 'box', depth: 1, slices: 3 });
    expect(layout.processing).toEqual([{ format: 'python', expression: 'torch.argmax' }]);
    expect(layout.problems).toEqual([]);
  });
});

describe('tensorLayout issues and garbage', () => {
  it('puts issues on the axis they name, by index or by path', () => {
    const layout = tensorLayout(image, 'input', {
      issues: [
        {
          axis: 1,
          message: '3 bands but size 4',
          code: 'bands-size',
          path: '/properties/mlm:input/0/bands',
        },
        { message: 'bad width', code: 'x', path: '/properties/mlm:input/0/input/shape/3' },
        { message: 'name too short', code: 'y', path: '/properties/mlm:input/0/name' },
        {
          axis: 9,
          message: 'stale axis',
          code: 'z',
          path: '/properties/mlm:input/0/input/shape/9',
        },
      ],
    });
    expect(layout.axes[1]?.issues.map((i) => i.message)).toEqual(['3 bands but size 4']);
    expect(layout.axes[3]?.issues.map((i) => i.message)).toEqual(['bad width']);
    expect(layout.axes[0]?.issues).toEqual([]);
    expect(layout.issues.map((i) => i.message)).toEqual(['name too short', 'stale axis']);
    expect(layout.ariaLabel).toMatch(/; 4 issues$/u);
  });

  it.each([
    [null, /the input is null, not an object/u],
    ['text', /the input is “text”, not an object/u],
    [{ name: 'x' }, /input \(shape, dim_order, data_type\) is missing/u],
    [{ name: 'x', input: { dim_order: ['a'], data_type: 'uint8' } }, /input.shape is missing/u],
    [{ name: 'x', input: { shape: 7, dim_order: ['a'] } }, /input.shape is 7, not a list/u],
    [{ name: 'x', input: { shape: [], dim_order: [] } }, /input.shape is empty/u],
  ])('says what is missing for %j', (tensor, message) => {
    const layout = tensorLayout(tensor, 'input');
    expect(layout.problems.join('\n')).toMatch(message);
    expect(layout.ariaLabel).toMatch(/^Input/u);
  });

  it('keeps drawing what it can from strings and holes in the shape', () => {
    const layout = tensorLayout(
      { input: { shape: [-1, 'three', 64], dim_order: ['batch', 'bands', 7, 'extra'] } },
      'input',
    );
    expect(layout.title).toBe('Input (unnamed)');
    expect(layout.rank).toBe(4);
    expect(layout.axes[1]?.invalid).toBe('size is “three”, not a number');
    expect(layout.axes[2]).toMatchObject({ name: 'dim 2', named: false, size: 64 });
    expect(layout.axes[2]?.invalid).toMatch(/dim_order name is 7/u);
    expect(layout.axes[3]?.invalid).toBe('shape has no size for axis 3');
    expect(layout.problems).toEqual(
      expect.arrayContaining([
        'name is missing',
        'input.shape has 3 sizes but dim_order has 4 names',
        'input.data_type is missing',
      ]),
    );
    expect(layout.plan.kind).toBe('box');
  });

  it('handles an output with no tasks and a non-list classes', () => {
    const layout = tensorLayout(
      {
        name: 'o',
        result: { shape: [2], dim_order: ['class'], data_type: 'uint8' },
        'classification:classes': 'x',
      },
      'output',
    );
    expect(layout.problems).toEqual(
      expect.arrayContaining(['tasks is missing', 'classification:classes is “x”, not a list']),
    );
    expect(layout.classes).toBeNull();
  });
});
