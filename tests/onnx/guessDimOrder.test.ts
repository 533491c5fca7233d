import { describe, expect, it } from 'vitest';

import {
  denotationDimName,
  type DimOrderContext,
  guessDimOrder,
  normaliseDimName,
  uniqueName,
} from '../../src/onnx/guessDimOrder';
import type { OnnxDim } from '../../src/onnx/onnxModel';

const MLM_NAME = /^[a-z-_]+$/u;

/** Numbers are sizes, strings symbolic names, objects taken as they are. */
const dims = (...ds: (number | string | OnnxDim)[]): OnnxDim[] =>
  ds.map((d) => (typeof d === 'number' ? { value: d } : typeof d === 'string' ? { param: d } : d));

const input: DimOrderContext = { role: 'input' };
const output = (...tasks: string[]): DimOrderContext => ({ role: 'output', tasks });
const order = (ds: OnnxDim[], ctx: DimOrderContext = input) => guessDimOrder(ds, ctx).dimOrder;

function expectValidOrder(names: readonly string[]): void {
  for (const n of names) {
    expect(n).toMatch(MLM_NAME);
  }
  expect(new Set(names).size).toBe(names.length);
}

describe('normaliseDimName', () => {
  it.each([
    ['batch', 'batch'],
    ['N', 'batch'],
    ['batch_size', 'batch'],
    ['Batch-Size', 'batch'],
    ['batchSize', 'batch'],
    ['C', 'channel'],
    ['channels', 'channel'],
    ['H', 'height'],
    ['height', 'height'],
    ['W', 'width'],
    ['width', 'width'],
    ['seq', 'token'],
    ['sequence', 'token'],
    ['seq_len', 'token'],
    ['tokens', 'token'],
    ['past_sequence_length', 'token'],
    ['time', 'time'],
    ['T', 'time'],
    ['num_classes', 'class'],
    ['height_2', 'height'],
    ['out_width', 'width'],
    ['x', 'x'],
    ['num_points', 'num_points'],
    ['Points3D', 'points_d'],
  ])('%s → %s', (param, name) => {
    expect(normaliseDimName(param)).toBe(name);
  });

  it.each([
    'unk__314',
    'p2o.DynamicDimension.0',
    's77',
    'dim_3',
    'Concat_12_dim_1',
    '42',
    '?',
    'k',
    '',
  ])('says nothing for the generated or meaningless name %j', (param) => {
    expect(normaliseDimName(param)).toBeUndefined();
  });

  it('never returns the reserved names bands or variables', () => {
    expect(normaliseDimName('bands')).toBe('channel');
    expect(normaliseDimName('num_bands')).toBe('channel');
    expect(normaliseDimName('variables')).toBe('channel');
  });

  it('only returns names MLM accepts (letters, "-" and "_")', () => {
    for (const p of ['a1b2c3', 'x.y/z', 'Ω_size', 'feat:dim', '__x__', 'Input-Len(2)', 'ñandú']) {
      const name = normaliseDimName(p);
      if (name !== undefined) {
        expect(name).toMatch(MLM_NAME);
      }
    }
  });
});

describe('image feature denotations', () => {
  it('reads [DATA_BATCH, DATA_CHANNEL, DATA_FEATURE, DATA_FEATURE] as NCHW, not embeddings', () => {
    const image = dims(
      { param: 'batch', denotation: 'DATA_BATCH' },
      { value: 3, denotation: 'DATA_CHANNEL' },
      { value: 32, denotation: 'DATA_FEATURE' },
      { value: 32, denotation: 'DATA_FEATURE' },
    );
    expect(order(image)).toEqual(['batch', 'channel', 'height', 'width']);
    expect(order(image, { role: 'input', typeDenotation: 'IMAGE' })).toEqual([
      'batch',
      'channel',
      'height',
      'width',
    ]);
  });

  it('keeps a single feature dimension as an embedding', () => {
    const vectors = dims({ param: 'batch' }, { value: 512, denotation: 'DATA_FEATURE' });
    expect(order(vectors)).toEqual(['batch', 'embedding']);
  });
});

describe('denotationDimName', () => {
  it('maps the standard ONNX dimension denotations', () => {
    expect(denotationDimName('DATA_BATCH')).toBe('batch');
    expect(denotationDimName('DATA_CHANNEL')).toBe('channel');
    expect(denotationDimName('DATA_TIME')).toBe('time');
    expect(denotationDimName('DATA_FEATURE')).toBe('embedding');
    expect(denotationDimName('FILTER_SPATIAL')).toBeUndefined();
  });

  it('reads non-standard ones such as IMAGE_HEIGHT like symbolic names', () => {
    expect(denotationDimName('IMAGE_HEIGHT')).toBe('height');
    expect(denotationDimName('DATA_WIDTH')).toBe('width');
  });
});

describe('uniqueName', () => {
  it('adds letter suffixes, never digits', () => {
    const used = new Set(['dim', 'dim_b']);
    expect(uniqueName('dim', new Set())).toBe('dim');
    expect(uniqueName('dim', used)).toBe('dim_c');
    const many = new Set<string>(['dim']);
    for (let i = 0; i < 40; i++) {
      many.add(uniqueName('dim', many));
    }
    expectValidOrder([...many]);
    expect(many.size).toBe(41);
  });
});

describe('guessDimOrder', () => {
  it('guesses NCHW when dimension 1 is small', () => {
    const guess = guessDimOrder(dims(1, 3, 224, 224), input);
    expect(guess.dimOrder).toEqual(['batch', 'channel', 'height', 'width']);
    expect(guess.reasons.join(' ')).toContain('NCHW');
    expect(order(dims(1, 13, 64, 64))).toEqual(['batch', 'channel', 'height', 'width']);
  });

  it('guesses NHWC when the last dimension is small', () => {
    const guess = guessDimOrder(dims(1, 224, 224, 3), input);
    expect(guess.dimOrder).toEqual(['batch', 'height', 'width', 'channel']);
    expect(guess.reasons.join(' ')).toContain('NHWC');
    expect(order(dims('N', 'unk__1', 'unk__2', 4))).toEqual([
      'batch',
      'height',
      'width',
      'channel',
    ]);
  });

  it('assumes NCHW, the ONNX default, when sizes do not tell', () => {
    expect(order(dims({}, {}, {}, {}))).toEqual(['batch', 'channel', 'height', 'width']);
  });

  it('uses symbolic names, and picks the layout that agrees with them', () => {
    expect(order(dims('N', 'C', 'H', 'W'))).toEqual(['batch', 'channel', 'height', 'width']);
    expect(order(dims('batch_size', 'seq_len'))).toEqual(['batch', 'token']);
    // Sizes alone say NCHW, the names say channels last.
    expect(order(dims('batch', 64, 64, 'channels'))).toEqual([
      'batch',
      'height',
      'width',
      'channel',
    ]);
    const guess = guessDimOrder(dims('batch', 3, 'height', 'width'), input);
    expect(guess.dimOrder).toEqual(['batch', 'channel', 'height', 'width']);
    expect(guess.reasons.join(' ')).toContain('from the symbolic name “batch”');
  });

  it('prefers denotations over symbolic names', () => {
    const ds: OnnxDim[] = [
      { param: 'foo', denotation: 'DATA_BATCH' },
      { value: 8, denotation: 'DATA_TIME' },
      { value: 6, denotation: 'DATA_CHANNEL' },
    ];
    const guess = guessDimOrder(ds, input);
    expect(guess.dimOrder).toEqual(['batch', 'time', 'channel']);
    expect(guess.reasons.join(' ')).toContain('denotation DATA_TIME');
  });

  it('makes duplicates unique with letter suffixes', () => {
    const guess = guessDimOrder(dims('height', 'height', 'H'), input);
    expect(guess.dimOrder).toEqual(['height', 'height_b', 'height_c']);
    expect(guess.reasons.join(' ')).toContain('a second dimension named height');
  });

  it('gives generic letter-only names to dimensions nothing names', () => {
    const guess = guessDimOrder(dims(1, 2, 3, 4, 5, 6, 7), input);
    expect(guess.dimOrder).toEqual(['batch', 'dim', 'dim_b', 'dim_c', 'dim_d', 'dim_e', 'dim_f']);
    expect(guess.reasons.join(' ')).toContain('please rename');
  });

  it('always returns one valid, unique name per dimension', () => {
    const zoo: OnnxDim[][] = [
      dims('a1', 'a2', 'a3'),
      dims('N', 'N', 'batch', 'B'),
      dims('dim', 'dim', {}, {}),
      dims({ value: 0 }, { value: -1 }, { value: '99999999999999999999' }),
      dims('x', 'y', 'z', 'x', 1, 1),
      dims({ denotation: 'WEIRD_9' }, { denotation: '' }, { param: '' }),
    ];
    for (const ds of zoo) {
      for (const ctx of [input, output('classification'), output('semantic-segmentation')]) {
        const names = order(ds, ctx);
        expect(names).toHaveLength(ds.length);
        expectValidOrder(names);
      }
    }
  });

  it('guesses the usual output layouts from the tasks', () => {
    expect(order(dims('N', 1000), output('classification'))).toEqual(['batch', 'class']);
    expect(order(dims(1, 100, 4), output('object-detection'))).toEqual([
      'batch',
      'box',
      'coordinate',
    ]);
    expect(order(dims(1, 5, 256, 256), output('semantic-segmentation'))).toEqual([
      'batch',
      'class',
      'height',
      'width',
    ]);
    expect(order(dims(1, 384), output('similarity-search'))).toEqual(['batch', 'embedding']);
    expect(order(dims('N'), output('classification'))).toEqual(['batch']);
    expect(order(dims(512, 512), output('semantic-segmentation'))).toEqual(['height', 'width']);
  });

  it('falls back to class scores when a task layout does not fit', () => {
    // A [batch, 1] score is not a mask, and a symbolic batch rules out [height, width].
    expect(order(dims({}, 1), output('semantic-segmentation'))).toEqual(['batch', 'class']);
    expect(order(dims('batch', 512), output('semantic-segmentation'))).toEqual(['batch', 'class']);
    expect(order(dims('batch', 'seq', 768), output('object-detection'))).toEqual([
      'batch',
      'token',
      'embedding',
    ]);
  });

  it('reads integer rank-2 inputs as token ids and float ones as band values', () => {
    expect(order(dims(1, 77), { role: 'input', elemType: 7 })).toEqual(['batch', 'token']);
    expect(order(dims('N', 6), { role: 'input', elemType: 1 })).toEqual(['batch', 'channel']);
  });

  it('recognises a batch-less image', () => {
    expect(order(dims(3, 256, 256))).toEqual(['channel', 'height', 'width']);
    expect(order(dims(256, 256, 3))).toEqual(['height', 'width', 'channel']);
  });

  it('names the channel dimension "bands" when the entry lists bands', () => {
    const guess = guessDimOrder(dims('N', 13, 64, 64), { role: 'input', bands: 13 });
    expect(guess.dimOrder).toEqual(['batch', 'bands', 'height', 'width']);
    expect(guess.reasons.join(' ')).toContain('“bands” instead of “channel”');
    expect(guess.warning).toBeUndefined();
    expect(order(dims(1, 64, 64, 4), { role: 'input', bands: 4 })).toEqual([
      'batch',
      'height',
      'width',
      'bands',
    ]);
  });

  it('names the channel dimension "variables" when the entry lists variables', () => {
    expect(order(dims(-1, 5, 128, 256), { role: 'input', variables: 5 })).toEqual([
      'batch',
      'variables',
      'height',
      'width',
    ]);
  });

  it('places "bands" on the dimension of matching size when there is no channel', () => {
    const guess = guessDimOrder(dims('N', 2), {
      role: 'output',
      tasks: ['classification'],
      bands: 2,
    });
    expect(guess.dimOrder).toEqual(['batch', 'bands']);
    expect(guess.warning).toBeUndefined();
  });

  it('warns when "bands" has to go on a dimension that does not look like bands', () => {
    const guess = guessDimOrder(dims('N', 100, 4), {
      role: 'output',
      tasks: ['object-detection'],
      bands: 3,
    });
    expect(guess.dimOrder).toContain('bands');
    expectValidOrder(guess.dimOrder);
    expect(guess.warning).toMatch(/lists 3 bands/u);
  });

  it('never uses the reserved names without a list', () => {
    expect(order(dims('N', 'bands', 'H', 'W'))).toEqual(['batch', 'channel', 'height', 'width']);
    expect(order(dims('N', 'variables'))).not.toContain('variables');
  });
});
