import { describe, expect, it } from 'vitest';

import { MLM_SCHEMA_URL } from '../../schemas/mlmUrls';
import { validateItem } from '../../schemas/validateItem';
import { OfficialValidator } from '../../src/cli/officialValidator';
import { upgradeItem, type UpgradeChange } from '../../src/import/upgradeItem';
import { loadExamples, requireShared } from '../support/shared';

type Obj = Record<string, unknown>;

const url = (version: string) => `https://stac-extensions.github.io/mlm/v${version}/schema.json`;
const RASTER_URL = 'https://stac-extensions.github.io/raster/v1.1.0/schema.json';

/** A small item declaring `version`; `props`, `input`, `output` and `assets` override its parts. */
function oldItem(
  version: string,
  parts: { props?: Obj; input?: Obj; output?: Obj; assets?: Obj; extensions?: string[] } = {},
): Obj {
  return {
    type: 'Feature',
    stac_version: '1.0.0',
    stac_extensions: parts.extensions ?? [url(version)],
    id: 'old-model',
    geometry: null,
    properties: {
      datetime: '2023-05-01T00:00:00Z',
      'mlm:name': 'old-model',
      'mlm:architecture': 'ResNet',
      'mlm:tasks': ['classification'],
      'mlm:input': [
        {
          name: 'image',
          bands: [],
          input: {
            shape: [-1, 3, 64, 64],
            dim_order: ['batch', 'channel', 'height', 'width'],
            data_type: 'float32',
          },
          ...parts.input,
        },
      ],
      'mlm:output': [
        {
          name: 'scores',
          tasks: ['classification'],
          result: { shape: [-1, 2], dim_order: ['batch', 'class'], data_type: 'float32' },
          ...parts.output,
        },
      ],
      ...parts.props,
    },
    links: [],
    assets: parts.assets ?? {
      model: {
        href: 'https://example.com/model.pt',
        type: 'application/octet-stream',
        roles: ['mlm:model'],
        'mlm:artifact_type': 'torch.save',
      },
    },
  };
}

function upgraded(doc: unknown): { item: Obj; changes: UpgradeChange[] } {
  const result = upgradeItem(doc);
  return { item: result.item as Obj, changes: result.changes };
}

const props = (item: Obj) => item.properties as Obj;
const input = (item: Obj, i = 0) => (props(item)['mlm:input'] as Obj[])[i] as Obj;
const output = (item: Obj, i = 0) => (props(item)['mlm:output'] as Obj[])[i] as Obj;
const asset = (item: Obj, key: string) => (item.assets as Obj)[key] as Obj;

/** The value a JSON pointer names, or `missing` when nothing is there. */
function resolve(doc: unknown, pointer: string): unknown {
  if (pointer === '') {
    return doc;
  }
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, key)) {
      return 'missing';
    }
    cur = (cur as Obj)[key];
  }
  return cur;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('upgradeItem: the extension URL', () => {
  it('replaces an old MLM URL with the v1.5.2 URL in the same position', () => {
    const doc = oldItem('1.2.0', {
      extensions: [RASTER_URL, url('1.2.0'), 'https://x.org/s.json'],
    });
    const { item, changes } = upgraded(doc);
    expect(item.stac_extensions).toEqual([RASTER_URL, MLM_SCHEMA_URL, 'https://x.org/s.json']);
    expect(changes).toEqual([
      {
        path: '/stac_extensions/1',
        message: expect.stringContaining('from v1.2.0') as string,
      },
    ]);
  });

  it('recognises the legacy crim-ca.github.io URLs', () => {
    const doc = oldItem('1.0.0', {
      extensions: ['https://crim-ca.github.io/mlm-extension/v1.0.0/schema.json'],
    });
    const { item, changes } = upgraded(doc);
    expect(item.stac_extensions).toEqual([MLM_SCHEMA_URL]);
    expect(changes[0]?.message).toMatch(/crim-ca/);
  });

  it('drops an old URL when v1.5.2 is already listed, so each extension is listed once', () => {
    const doc = oldItem('1.3.0', { extensions: [url('1.3.0'), MLM_SCHEMA_URL] });
    const { item, changes } = upgraded(doc);
    expect(item.stac_extensions).toEqual([MLM_SCHEMA_URL]);
    expect(changes.map((c) => c.path)).toEqual(['/stac_extensions']);
  });

  it('leaves an item declaring a newer MLM version alone and says so', () => {
    const doc = oldItem('1.6.0', { props: { 'mlm:accelerator': 'cpu' } });
    const { item, changes } = upgraded(doc);
    expect(item).toEqual(doc);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.message).toMatch(/newer than v1\.5\.2/);
  });

  it('returns documents that are not STAC Items unchanged', () => {
    for (const doc of [
      null,
      'text',
      42,
      [1, 2],
      { type: 'Collection', stac_extensions: [url('1.2.0')] },
    ]) {
      expect(upgradeItem(doc)).toEqual({ item: doc, changes: [] });
    }
  });

  it('changes nothing when the item has no MLM URL (apart from the cpu alias)', () => {
    const doc = oldItem('1.2.0', { extensions: [] });
    expect(upgraded(doc)).toEqual({ item: doc, changes: [] });
  });

  it('never mutates its input and keeps unknown fields', () => {
    const doc = deepFreeze(
      oldItem('1.2.0', {
        props: { 'custom:field': { a: 1 } },
        input: { norm_type: 'z-score', statistics: [{ mean: 1, stddev: 2 }], extra: true },
      }),
    );
    const { item } = upgraded(doc);
    expect(props(item)['custom:field']).toEqual({ a: 1 });
    expect(input(item).extra).toBe(true);
    expect(item).not.toBe(doc);
  });

  it('keeps a "__proto__" key as an ordinary field', () => {
    const doc = JSON.parse(
      `{"type":"Feature","stac_extensions":["${url('1.2.0')}"],"properties":{"__proto__":{"x":1}}}`,
    ) as Obj;
    const { item } = upgraded(doc);
    expect(Object.hasOwn(props(item), '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(props(item))).toBe(Object.prototype);
  });
});

describe('upgradeItem: legacy normalization (MLM < v1.4.0)', () => {
  it('turns per-band z-score statistics into one value_scaling object per band, in place', () => {
    const doc = oldItem('1.3.0', {
      input: {
        norm_by_channel: true,
        norm_type: 'z-score',
        resize_type: null,
        statistics: [
          { mean: 1, stddev: 2 },
          { mean: 3, stddev: 4 },
          { mean: 5, stddev: 6 },
        ],
      },
    });
    const { item, changes } = upgraded(doc);
    expect(input(item).value_scaling).toEqual([
      { type: 'z-score', mean: 1, stddev: 2 },
      { type: 'z-score', mean: 3, stddev: 4 },
      { type: 'z-score', mean: 5, stddev: 6 },
    ]);
    expect(Object.keys(input(item))).toEqual([
      'name',
      'bands',
      'input',
      'value_scaling',
      'resize_type',
    ]);
    const change = changes.find((c) => c.path === '/properties/mlm:input/0/value_scaling');
    expect(change?.message).toMatch(/3 "z-score" value_scaling objects, one per band/);
  });

  it('turns one min-max statistics object into a single value_scaling object', () => {
    const doc = oldItem('1.3.0', {
      input: { norm_type: 'min-max', statistics: { minimum: 0, maximum: 255 } },
    });
    const { item } = upgraded(doc);
    expect(input(item).value_scaling).toEqual([{ type: 'min-max', minimum: 0, maximum: 255 }]);
    expect(input(item)).not.toHaveProperty('statistics');
    expect(input(item)).not.toHaveProperty('norm_type');
  });

  it('accepts norm_by_channel false with one set of statistics', () => {
    const doc = oldItem('1.2.0', {
      input: { norm_by_channel: false, norm_type: 'z-score', statistics: [{ mean: 5, stddev: 2 }] },
    });
    const { item } = upgraded(doc);
    expect(input(item).value_scaling).toEqual([{ type: 'z-score', mean: 5, stddev: 2 }]);
    expect(input(item)).not.toHaveProperty('norm_by_channel');
  });

  it('keeps the legacy keys when norm_by_channel false contradicts several statistics', () => {
    const legacy = {
      norm_by_channel: false,
      norm_type: 'z-score',
      statistics: [
        { mean: 5, stddev: 2 },
        { mean: 6, stddev: 3 },
      ],
    };
    const { item, changes } = upgraded(oldItem('1.2.0', { input: legacy }));
    expect(input(item)).toMatchObject(legacy);
    expect(input(item)).not.toHaveProperty('value_scaling');
    expect(changes).toContainEqual({
      path: '/properties/mlm:input/0/norm_by_channel',
      message: expect.stringMatching(/^Kept the legacy .*unclear which applies/) as string,
    });
  });

  it('keeps the legacy keys when statistics lack what the norm type needs', () => {
    const legacy = { norm_type: 'z-score', statistics: [{ mean: 5 }] };
    const { item, changes } = upgraded(oldItem('1.2.0', { input: legacy }));
    expect(input(item)).toMatchObject(legacy);
    expect(changes.some((c) => /no numeric mean and stddev/.test(c.message))).toBe(true);
  });

  it('keeps statistics that hold more than the scaling uses, so nothing is lost', () => {
    const stats = [{ mean: 5, stddev: 2, minimum: 0, maximum: 10, count: 100 }];
    const { item, changes } = upgraded(
      oldItem('1.2.0', { input: { norm_type: 'z-score', statistics: stats } }),
    );
    expect(input(item).value_scaling).toEqual([{ type: 'z-score', mean: 5, stddev: 2 }]);
    expect(input(item).statistics).toEqual(stats);
    expect(changes.find((c) => c.path.endsWith('value_scaling'))?.message).toMatch(
      /Kept statistics/,
    );
  });

  it('turns norm_clip into a divide-then-clip expression per band, as the v1.3 README defines it', () => {
    const { item } = upgraded(
      oldItem('1.3.0', {
        input: { norm_by_channel: true, norm_type: 'clip', norm_clip: [3, 4.5] },
      }),
    );
    expect(input(item).value_scaling).toEqual([
      { type: 'processing', format: 'gdal-calc', expression: 'numpy.clip(A / 3, 0, 1)' },
      { type: 'processing', format: 'gdal-calc', expression: 'numpy.clip(A / 4.5, 0, 1)' },
    ]);
    expect(input(item)).not.toHaveProperty('norm_clip');
    expect(input(item)).not.toHaveProperty('norm_by_channel');
  });

  it('keeps norm_type "clip" when norm_clip is missing or has a zero divisor', () => {
    for (const extra of [{}, { norm_clip: [0] }, { norm_clip: 'x' }]) {
      const legacy = { norm_type: 'clip', ...extra };
      const { item } = upgraded(oldItem('1.3.0', { input: legacy }));
      expect(input(item)).toMatchObject(legacy);
      expect(input(item)).not.toHaveProperty('value_scaling');
    }
  });

  it.each(['l1', 'l2', 'l2sqr', 'hamming', 'hamming2', 'type-mask', 'relative', 'inf'])(
    'keeps the ambiguous norm_type %s and points to processing expressions',
    (normType) => {
      const { item, changes } = upgraded(oldItem('1.3.0', { input: { norm_type: normType } }));
      expect(input(item).norm_type).toBe(normType);
      expect(changes.find((c) => c.path.endsWith('/norm_type'))?.message).toMatch(/"processing"/);
    },
  );

  it('keeps an unknown norm_type', () => {
    const { item, changes } = upgraded(
      oldItem('1.3.0', {
        input: { norm_type: 'standardization', statistics: [{ mean: 1, stddev: 1 }] },
      }),
    );
    expect(input(item).norm_type).toBe('standardization');
    expect(changes.some((c) => /not one of the normalization types/.test(c.message))).toBe(true);
  });

  it('maps norm_type null to value_scaling null', () => {
    const { item } = upgraded(
      oldItem('1.3.0', { input: { norm_by_channel: false, norm_type: null } }),
    );
    expect(input(item).value_scaling).toBeNull();
    expect(input(item)).not.toHaveProperty('norm_type');
    expect(input(item)).not.toHaveProperty('norm_by_channel');
  });

  it('removes a lone norm_by_channel, which had no effect', () => {
    const { item, changes } = upgraded(oldItem('1.3.0', { input: { norm_by_channel: true } }));
    expect(input(item)).not.toHaveProperty('norm_by_channel');
    expect(changes.map((c) => c.path)).toContain('/properties/mlm:input/0');
  });

  it('keeps statistics that no norm_type explains', () => {
    const legacy = { norm_by_channel: true, statistics: [{ mean: 1, stddev: 2 }] };
    const { item, changes } = upgraded(oldItem('1.3.0', { input: legacy }));
    expect(input(item)).toMatchObject(legacy);
    expect(changes.map((c) => c.path)).toContain('/properties/mlm:input/0/statistics');
  });

  it('does not touch legacy keys next to an existing value_scaling', () => {
    const legacy = {
      norm_type: 'z-score',
      statistics: [{ mean: 1, stddev: 2 }],
      value_scaling: [{ type: 'scale', value: 2 }],
    };
    const { item, changes } = upgraded(oldItem('1.3.0', { input: legacy }));
    expect(input(item)).toMatchObject(legacy);
    expect(changes.some((c) => /already has value_scaling/.test(c.message))).toBe(true);
  });

  it('leaves legacy keys alone in items written for v1.4.0 or later', () => {
    const legacy = { norm_type: 'z-score', statistics: [{ mean: 1, stddev: 2 }] };
    for (const version of ['1.4.0', '1.5.0', '1.5.1']) {
      const { item } = upgraded(oldItem(version, { input: legacy }));
      expect(input(item)).toMatchObject(legacy);
      expect(input(item)).not.toHaveProperty('value_scaling');
    }
  });
});

describe('upgradeItem: classification_classes', () => {
  it('renames the key in place and writes [r, g, b] colour hints as hex', () => {
    const doc = oldItem('1.2.0', {
      output: {
        classification_classes: [
          { value: 0, name: 'land', description: 'Land', color_hint: [0, 15, 255] },
          { value: 1, name: 'water', description: 'Water', color_hint: [255, 255, 255] },
        ],
        post_processing_function: null,
      },
    });
    const { item, changes } = upgraded(doc);
    expect(Object.keys(output(item))).toEqual([
      'name',
      'tasks',
      'result',
      'classification:classes',
      'post_processing_function',
    ]);
    expect(output(item)['classification:classes']).toEqual([
      { value: 0, name: 'land', description: 'Land', color_hint: '000FFF' },
      { value: 1, name: 'water', description: 'Water', color_hint: 'FFFFFF' },
    ]);
    expect(changes).toContainEqual({
      path: '/properties/mlm:output/0/classification:classes',
      message: expect.stringMatching(
        /Renamed .*\[r, g, b\] colour hints as six hex digits/,
      ) as string,
    });
  });

  it('removes null colour hints and uses the name as a missing description', () => {
    const { item, changes } = upgraded(
      oldItem('1.5.1', {
        output: {
          classification_classes: [
            {
              value: 0,
              name: 'Forest',
              description: null,
              title: null,
              color_hint: null,
              nodata: false,
            },
            { value: 1, name: 'Crop', color_hint: '#a1B2c3' },
          ],
        },
      }),
    );
    expect(output(item)['classification:classes']).toEqual([
      { value: 0, name: 'Forest', description: 'Forest', title: null, nodata: false },
      { value: 1, name: 'Crop', color_hint: 'a1B2c3', description: 'Crop' },
    ]);
    expect(changes.at(-1)?.message).toMatch(/used the name as the missing description/);
  });

  it.each([
    [
      'a colour hint that is not a colour',
      { value: 0, description: 'x', color_hint: [1, 2] },
      'color_hint',
    ],
    ['an RGBA colour', { value: 0, description: 'x', color_hint: [1, 2, 3, 4] }, 'color_hint'],
    ['a non-integer value', { value: 0.5, description: 'x' }, 'value'],
    ['no description and no name', { value: 0 }, 'description'],
    ['a numeric name', { value: 0, name: 7, description: 'x' }, 'name'],
  ])('keeps the key unchanged when a class has %s', (_, bad, key) => {
    const classes = [{ value: 1, description: 'ok', color_hint: [0, 0, 0] }, bad];
    const { item, changes } = upgraded(
      oldItem('1.2.0', { output: { classification_classes: classes } }),
    );
    expect(output(item).classification_classes).toEqual(classes);
    expect(output(item)).not.toHaveProperty('classification:classes');
    expect(changes).toContainEqual({
      path: `/properties/mlm:output/0/classification_classes/1/${key}`,
      message: expect.stringMatching(/^Kept classification_classes unchanged: class 2/) as string,
    });
  });

  it('keeps the key when the converted list would repeat a class', () => {
    const classes = [
      { value: 1, description: 'a', color_hint: [0, 0, 0] },
      { value: 1, description: 'a', color_hint: '000000' },
    ];
    const { item } = upgraded(oldItem('1.2.0', { output: { classification_classes: classes } }));
    expect(output(item).classification_classes).toEqual(classes);
  });

  it('keeps the key when classification:classes is already there', () => {
    const out = {
      classification_classes: [{ value: 1, description: 'a' }],
      'classification:classes': [{ value: 2, description: 'b' }],
    };
    const { item } = upgraded(oldItem('1.2.0', { output: out }));
    expect(output(item)).toMatchObject(out);
  });

  it('renames an empty list, which classification:classes allows', () => {
    const { item } = upgraded(oldItem('1.2.0', { output: { classification_classes: [] } }));
    expect(output(item)['classification:classes']).toEqual([]);
  });

  it('leaves classification_classes alone in items that already declare v1.5.2', () => {
    const doc = oldItem('1.5.2', {
      output: { classification_classes: [{ value: 1, description: 'a', color_hint: [0, 0, 0] }] },
    });
    expect(upgraded(doc)).toEqual({ item: doc, changes: [] });
  });
});

describe('upgradeItem: the cpu accelerator', () => {
  it('maps "cpu" to "amd64" in the properties and on assets, in any version', () => {
    for (const version of ['1.5.0', '1.5.2']) {
      const doc = oldItem(version, { props: { 'mlm:accelerator': 'cpu' } });
      (asset(doc, 'model') as Obj)['mlm:accelerator'] = 'cpu';
      const { item, changes } = upgraded(doc);
      expect(props(item)['mlm:accelerator']).toBe('amd64');
      expect(asset(item, 'model')['mlm:accelerator']).toBe('amd64');
      expect(changes.filter((c) => c.path.endsWith('mlm:accelerator')).map((c) => c.path)).toEqual([
        '/properties/mlm:accelerator',
        '/assets/model/mlm:accelerator',
      ]);
    }
  });

  it('leaves the other accelerators and null alone', () => {
    for (const value of ['amd64', 'cuda', null, 'CPU']) {
      const doc = oldItem('1.5.2', { props: { 'mlm:accelerator': value } });
      expect(upgraded(doc).changes).toEqual([]);
    }
  });
});

describe('upgradeItem: value_scaling of type null (README L25)', () => {
  it('replaces a list of only unscaled entries with null, in any version', () => {
    for (const scaling of [[{ type: null }], [null, { type: null }]]) {
      const { item, changes } = upgraded(oldItem('1.5.2', { input: { value_scaling: scaling } }));
      expect(input(item).value_scaling).toBeNull();
      expect(changes).toEqual([
        {
          path: '/properties/mlm:input/0/value_scaling',
          message: expect.stringMatching(/schema rejects it/) as string,
        },
      ]);
    }
  });

  it('writes unscaled entries next to real ones as an identity scale', () => {
    const scaling = [{ type: 'z-score', mean: 1, stddev: 2 }, { type: null }, null];
    const { item } = upgraded(oldItem('1.4.0', { input: { value_scaling: scaling } }));
    expect(input(item).value_scaling).toEqual([
      { type: 'z-score', mean: 1, stddev: 2 },
      { type: 'scale', value: 1 },
      { type: 'scale', value: 1 },
    ]);
    expect(validateItem(item).findings).toEqual([]);
  });

  it('leaves type null with other fields alone', () => {
    const scaling = [{ type: null, minimum: 0 }];
    const { item, changes } = upgraded(oldItem('1.5.2', { input: { value_scaling: scaling } }));
    expect(input(item).value_scaling).toEqual(scaling);
    expect(changes).toEqual([]);
  });
});

describe('upgradeItem: framework names (MLM < v1.1.0)', () => {
  it.each([
    ['Scikit-learn', 'scikit-learn'],
    ['Huggingface', 'Hugging Face'],
    ['-pytorch.', 'pytorch'],
  ])('changes %s to %s', (before, after) => {
    const { item } = upgraded(oldItem('1.0.0', { props: { 'mlm:framework': before } }));
    expect(props(item)['mlm:framework']).toBe(after);
  });

  it('leaves a valid name alone, even one that looks like an object key', () => {
    for (const name of ['constructor', 'toString', 'PyTorch']) {
      const { item } = upgraded(oldItem('1.0.0', { props: { 'mlm:framework': name } }));
      expect(props(item)['mlm:framework']).toBe(name);
    }
  });

  it('explains a framework name that cannot be repaired', () => {
    const { item, changes } = upgraded(oldItem('1.0.0', { props: { 'mlm:framework': ' . ' } }));
    expect(props(item)['mlm:framework']).toBe(' . ');
    expect(changes.some((c) => c.path === '/properties/mlm:framework')).toBe(true);
  });

  it('keeps framework names in items written for v1.1.0 or later', () => {
    const { item } = upgraded(oldItem('1.1.0', { props: { 'mlm:framework': 'Scikit-learn' } }));
    expect(props(item)['mlm:framework']).toBe('Scikit-learn');
  });
});

describe('upgradeItem: raster:bands (MLM < v1.3.0)', () => {
  const bands = [{ name: 'B04', data_type: 'uint16' }, { data_type: 'uint16' }];
  const assets = {
    data: { href: 'a.tif', roles: ['data'] },
    model: { href: 'm.pt', roles: ['mlm:model'], 'mlm:artifact_type': 'torch.save' },
  };

  it('moves raster:bands from the properties to the model assets and flags unnamed bands', () => {
    const { item, changes } = upgraded(
      oldItem('1.2.0', { props: { 'raster:bands': bands }, assets }),
    );
    expect(props(item)).not.toHaveProperty('raster:bands');
    expect(asset(item, 'model')['raster:bands']).toEqual(bands);
    expect(asset(item, 'data')).not.toHaveProperty('raster:bands');
    expect(changes.map((c) => c.path)).toEqual([
      '/stac_extensions/0',
      '/assets/model/raster:bands',
      '/assets/model/raster:bands/1',
    ]);
  });

  it('leaves item-level raster:bands when the model asset already has its own', () => {
    const withBands = { ...assets, model: { ...assets.model, 'raster:bands': [{ name: 'x' }] } };
    const { item } = upgraded(
      oldItem('1.2.0', { props: { 'raster:bands': bands }, assets: withBands }),
    );
    expect(props(item)['raster:bands']).toEqual(bands);
  });

  it('does not move raster:bands in items written for v1.3.0 or later', () => {
    const { item } = upgraded(oldItem('1.3.0', { props: { 'raster:bands': bands }, assets }));
    expect(props(item)['raster:bands']).toEqual(bands);
  });
});

describe('upgradeItem: assets (MLM < v1.4.0)', () => {
  it('moves model-wide fields from assets to the properties, or drops exact duplicates', () => {
    const doc = oldItem('1.3.0', {
      assets: {
        model: {
          href: 'm.pt',
          roles: ['mlm:model'],
          'mlm:artifact_type': 'torch.save',
          'mlm:hyperparameters': { lr: 0.1 },
          'mlm:name': 'old-model',
        },
      },
    });
    const { item } = upgraded(doc);
    expect(props(item)['mlm:hyperparameters']).toEqual({ lr: 0.1 });
    expect(asset(item, 'model')).toEqual({
      href: 'm.pt',
      roles: ['mlm:model'],
      'mlm:artifact_type': 'torch.save',
    });
  });

  it('keeps an asset field that differs from the item and explains why', () => {
    const doc = oldItem('1.3.0', {
      assets: {
        model: {
          href: 'm.pt',
          roles: ['mlm:model'],
          'mlm:artifact_type': 'x',
          'mlm:name': 'other',
        },
      },
    });
    const { item, changes } = upgraded(doc);
    expect(asset(item, 'model')['mlm:name']).toBe('other');
    expect(changes.some((c) => c.path === '/assets/model/mlm:name')).toBe(true);
  });

  it('explains a model asset without mlm:artifact_type and an artifact type without the role', () => {
    const doc = oldItem('1.3.0', {
      assets: {
        model: { href: 'm.pt', roles: ['mlm:model'] },
        code: { href: 'c.py', roles: ['code'], 'mlm:artifact_type': 'torch.save' },
      },
    });
    const { item, changes } = upgraded(doc);
    expect(item.assets).toEqual(doc.assets);
    expect(changes.map((c) => c.path)).toEqual([
      '/stac_extensions/0',
      '/assets/model',
      '/assets/code/mlm:artifact_type',
    ]);
  });
});

describe('upgradeItem: reserved dimension names (MLM < v1.5.0)', () => {
  const bands13 = Array.from({ length: 13 }, (_, i) => `B${i + 1}`);

  it('renames "channel" to "bands" when the input lists bands that fit that dimension', () => {
    const doc = oldItem('1.4.0', {
      input: {
        bands: bands13,
        input: {
          shape: [-1, 13, 64, 64],
          dim_order: ['batch', 'channel', 'height', 'width'],
          data_type: 'float32',
        },
      },
    });
    const { item, changes } = upgraded(doc);
    expect((input(item).input as Obj).dim_order).toEqual(['batch', 'bands', 'height', 'width']);
    expect(changes.map((c) => c.path)).toContain('/properties/mlm:input/0/input/dim_order/1');
  });

  it('renames when a pre-processing expression combines the bands', () => {
    const doc = oldItem('1.4.0', {
      input: {
        bands: ['B04', 'B08'],
        pre_processing_function: { format: 'gdal-calc', expression: '(A - B) / (A + B)' },
        input: {
          shape: [-1, 1, 64, 64],
          dim_order: ['batch', 'channel', 'height', 'width'],
          data_type: 'float32',
        },
      },
    });
    expect((input(upgraded(doc).item).input as Obj).dim_order).toContain('bands');
  });

  it('only explains when the channel size does not match the bands', () => {
    const doc = oldItem('1.4.0', {
      input: {
        bands: ['B04', 'B08'],
        input: {
          shape: [-1, 3, 64, 64],
          dim_order: ['batch', 'channel', 'height', 'width'],
          data_type: 'float32',
        },
      },
    });
    const { item, changes } = upgraded(doc);
    expect((input(item).input as Obj).dim_order).toEqual(['batch', 'channel', 'height', 'width']);
    expect(changes.map((c) => c.path)).toContain('/properties/mlm:input/0/input/dim_order');
  });

  it('renames a "bands" dimension without a bands list to "channel"', () => {
    const doc = oldItem('1.4.0', {
      input: {
        input: {
          shape: [-1, 3, 64, 64],
          dim_order: ['batch', 'bands', 'height', 'width'],
          data_type: 'float32',
        },
      },
    });
    expect((input(upgraded(doc).item).input as Obj).dim_order).toEqual([
      'batch',
      'channel',
      'height',
      'width',
    ]);
  });

  it('keeps inputs without bands as they are', () => {
    const doc = oldItem('1.2.0');
    delete input(doc).bands;
    const { item, changes } = upgraded(doc);
    expect(input(item)).toEqual(input(doc));
    expect(changes).toHaveLength(1);
  });

  it('leaves dimension names alone in items written for v1.5.0 or later', () => {
    const doc = oldItem('1.5.0', { input: { bands: bands13 } });
    expect(upgraded(doc).changes.map((c) => c.path)).toEqual(['/stac_extensions/0']);
  });
});

describe('upgradeItem: entry points (MLM < v1.5.0)', () => {
  it('adds the "code" role to an asset with mlm:entrypoint', () => {
    const doc = oldItem('1.4.0', {
      assets: {
        model: { href: 'm.pt', roles: ['mlm:model'], 'mlm:artifact_type': 'torch.save' },
        source: { href: 's.py', roles: ['mlm:source_code'], 'mlm:entrypoint': 'pkg.mod:run' },
        bare: { href: 'b.py', 'mlm:entrypoint': 'b.py' },
      },
    });
    const { item } = upgraded(doc);
    expect(asset(item, 'source').roles).toEqual(['mlm:source_code', 'code']);
    expect(asset(item, 'bare').roles).toEqual(['code']);
  });
});

describe('upgradeItem: the official examples', () => {
  const examples = loadExamples();

  it.each(examples.map((e) => [e.file, e.doc] as const))(
    '%s comes back deep-equal with no changes',
    (_, doc) => {
      const { item, changes } = upgradeItem(doc);
      expect(changes).toEqual([]);
      expect(item).toEqual(doc);
      expect(JSON.stringify(item)).toBe(JSON.stringify(doc));
    },
  );
});

describe('upgradeItem: a complete v1.2.0 item', () => {
  const S2 = [
    'B01',
    'B02',
    'B03',
    'B04',
    'B05',
    'B06',
    'B07',
    'B08',
    'B8A',
    'B09',
    'B10',
    'B11',
    'B12',
  ];
  const oldDoc = {
    stac_version: '1.0.0',
    stac_extensions: [url('1.2.0'), RASTER_URL],
    type: 'Feature',
    id: 'eurosat-resnet-v1-2',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [-10, 35],
          [30, 35],
          [30, 70],
          [-10, 70],
          [-10, 35],
        ],
      ],
    },
    bbox: [-10, 35, 30, 70],
    properties: {
      datetime: null,
      start_datetime: '2017-01-01T00:00:00Z',
      end_datetime: '2018-12-31T23:59:59Z',
      'mlm:name': 'Land cover ResNet',
      'mlm:architecture': 'ResNet',
      'mlm:tasks': ['classification'],
      'mlm:framework': 'PyTorch',
      'mlm:accelerator': 'cpu',
      'mlm:accelerator_constrained': true,
      'raster:bands': S2.map((name) => ({ name, data_type: 'uint16', nodata: 0 })),
      'mlm:input': [
        {
          name: '13 band Sentinel-2 batch',
          bands: S2,
          input: {
            shape: [-1, 13, 64, 64],
            dim_order: ['batch', 'channel', 'height', 'width'],
            data_type: 'float32',
          },
          norm_by_channel: true,
          norm_type: 'z-score',
          resize_type: null,
          statistics: S2.map((_, i) => ({ mean: 1000 + i * 10, stddev: 300 + i })),
          pre_processing_function: null,
        },
      ],
      'mlm:output': [
        {
          name: 'classification',
          tasks: ['classification'],
          result: { shape: [-1, 3], dim_order: ['batch', 'class'], data_type: 'float32' },
          classification_classes: [
            { value: 0, name: 'water', description: 'Open water', color_hint: [0, 0, 255] },
            { value: 1, name: 'forest', description: 'Forest', color_hint: [0, 128, 0] },
            { value: 2, name: 'urban', description: null, color_hint: null },
          ],
          post_processing_function: null,
        },
      ],
    },
    links: [],
    assets: {
      weights: {
        href: 'https://example.com/resnet.pth',
        type: 'application/octet-stream; framework=pytorch',
        roles: ['mlm:model', 'mlm:weights'],
        'mlm:artifact_type': 'torch.save',
      },
    },
  };

  it('is invalid before the upgrade and valid for the Zod model and the official schemas after', () => {
    const official = new OfficialValidator(requireShared());
    const errors = (doc: unknown) => official.validate(doc).filter((f) => f.severity === 'error');
    expect(validateItem(oldDoc).valid).toBe(false);

    const { item, changes } = upgradeItem(oldDoc);
    expect(validateItem(item).findings).toEqual([]);
    expect(errors(item)).toEqual([]);
    expect(changes.map((c) => c.path)).toEqual([
      '/stac_extensions/0',
      '/assets/weights/raster:bands',
      '/properties/mlm:input/0/value_scaling',
      '/properties/mlm:input/0/input/dim_order/1',
      '/properties/mlm:output/0/classification:classes',
      '/properties/mlm:accelerator',
    ]);
    // Every change points at something that exists in the upgraded item.
    for (const change of changes) {
      expect(resolve(item, change.path), change.path).not.toBe('missing');
    }
    const out = (props(item as Obj)['mlm:output'] as Obj[])[0] as Obj;
    expect(out['classification:classes']).toEqual([
      { value: 0, name: 'water', description: 'Open water', color_hint: '0000FF' },
      { value: 1, name: 'forest', description: 'Forest', color_hint: '008000' },
      { value: 2, name: 'urban', description: 'urban' },
    ]);
  });

  it('is idempotent: upgrading the upgraded item changes nothing more', () => {
    const once = upgradeItem(oldDoc).item;
    expect(upgradeItem(once)).toEqual({ item: once, changes: [] });
  });
});
