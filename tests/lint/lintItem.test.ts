import { describe, expect, it } from 'vitest';

import { lintItem } from '../../src/lint/lintItem';
import {
  expectFinding,
  expectFixWorks,
  expectNoFinding,
  findingsAt,
  IN0,
  OUT0,
  variant,
} from './lintHelpers';

const BASIC = 'item_basic.json';
const EO = 'item_eo_bands.json';

describe('lintItem basics', () => {
  it('lints Items only, and every finding is a lint finding with an MLM-L code', () => {
    expect(lintItem(null)).toEqual([]);
    expect(lintItem({ type: 'Collection', 'mlm:name': 'x' })).toEqual([]);
    const findings = lintItem(variant(BASIC, { [`${IN0}/input/shape/2`]: 0 }));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.source).toBe('lint');
      expect(f.code).toMatch(/^MLM-L\d+$/);
    }
  });

  it('survives malformed items without throwing', () => {
    for (const doc of [
      { type: 'Feature' },
      { type: 'Feature', properties: { 'mlm:input': 'x', 'mlm:output': [1, null] }, assets: [] },
      { type: 'Feature', properties: { 'mlm:input': [{ input: { shape: 'x' } }] } },
    ]) {
      expect(() => lintItem(doc)).not.toThrow();
    }
  });
});

describe('tensor rules', () => {
  it('L1: a dimension of 0 is an error', () => {
    expectNoFinding(variant(BASIC), 'MLM-L1');
    const f = expectFinding(
      variant(BASIC, { [`${IN0}/input/shape/2`]: 0 }),
      'MLM-L1',
      `${IN0}/input/shape/2`,
    );
    expect(f.severity).toBe('error');
  });

  it('L2: shape and dim_order of different lengths, fixed by padding or truncating', () => {
    expectNoFinding(variant(BASIC), 'MLM-L2');
    const short = variant(BASIC, { [`${IN0}/input/dim_order`]: ['batch', 'channel'] });
    const f = expectFinding(short, 'MLM-L2', `${IN0}/input/dim_order`);
    expect(f.severity).toBe('error');
    expect(f.message).toContain('2 names');
    expect(f.fix?.label).toBe('Make dim_order as long as the shape');
    const padded = expectFixWorks(short, f);
    const order = (padded.properties as Record<string, { input: { dim_order: string[] } }[]>)[
      'mlm:input'
    ]?.[0]?.input.dim_order;
    expect(order).toHaveLength(4);
    expect(new Set(order).size).toBe(4);
    expect(order?.every((n) => /^[a-z-_]+$/.test(n) && n !== 'bands')).toBe(true);

    const long = variant(BASIC, {
      [`${OUT0}/result/dim_order`]: ['batch', 'class', 'height', 'width'],
    });
    const g = expectFinding(long, 'MLM-L2', `${OUT0}/result/dim_order`);
    expectFixWorks(long, g);
  });

  it('L2: truncating keeps the reserved bands dimension', () => {
    const item = variant(EO, {
      [`${IN0}/input/shape`]: [-1, 13],
    });
    const fixed = expectFixWorks(item, expectFinding(item, 'MLM-L2', `${IN0}/input/dim_order`));
    expect(JSON.stringify(fixed)).toContain('"dim_order":["batch","bands"]');
  });

  it('L3: value_scaling needs 1 entry or one per band; the fix trims extra entries', () => {
    expectNoFinding(variant(EO), 'MLM-L3');
    const one = variant(EO, {
      [`${IN0}/value_scaling`]: [{ type: 'z-score', mean: 1, stddev: 2 }],
    });
    expectNoFinding(one, 'MLM-L3');
    const extra = variant(EO, {
      [`${IN0}/value_scaling/13`]: { type: 'scale', value: 2 },
    });
    const f = expectFinding(extra, 'MLM-L3', `${IN0}/value_scaling`);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('14 entries');
    expect(f.fix?.label).toBe('Keep only the first 13 value_scaling entries');
    expectFixWorks(extra, f);
    const two = variant(EO, {
      [`${IN0}/value_scaling`]: [
        { type: 'scale', value: 2 },
        { type: 'scale', value: 3 },
      ],
    });
    expect(expectFinding(two, 'MLM-L3', `${IN0}/value_scaling`).fix).toBeUndefined();
  });

  it('L4: the bands dimension matches the number of bands', () => {
    expectNoFinding(variant(EO), 'MLM-L4');
    expectNoFinding(variant(EO, { [`${IN0}/input/shape/1`]: -1 }), 'MLM-L4');
    expectNoFinding(
      variant(EO, {
        [`${IN0}/input/shape/1`]: 1,
        [`${IN0}/pre_processing_function`]: { format: 'python', expression: 'm:f' },
      }),
      'MLM-L4',
    );
    // item_eo_bands has a pre_processing_function, which exempts it; take it away.
    expectNoFinding(variant(EO, { [`${IN0}/input/shape/1`]: 12 }), 'MLM-L4');
    const item = variant(EO, {
      [`${IN0}/input/shape/1`]: 12,
      [`${IN0}/pre_processing_function`]: null,
    });
    const f = expectFinding(item, 'MLM-L4', `${IN0}/input/shape/1`);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('size 12');
    expect(f.message).toContain('13 bands');
    expectFixWorks(item, f);
  });

  it('L4: a channel dimension holding the listed bands should be called "bands"', () => {
    const item = variant(EO, {
      [`${IN0}/input/dim_order`]: ['batch', 'channel', 'height', 'width'],
    });
    const f = expectFinding(item, 'MLM-L4', `${IN0}/input/dim_order/1`);
    expect(f.fix?.label).toBe('Rename "channel" to "bands"');
    expectFixWorks(item, f);
    // item_basic: a channel dimension with no bands listed is fine.
    expectNoFinding(variant(BASIC), 'MLM-L4');
  });

  it('L26: division by zero is an error, an inverted range a warning', () => {
    expectNoFinding(variant(EO), 'MLM-L26');
    const zero = variant(EO, { [`${IN0}/value_scaling/2/stddev`]: 0 });
    expect(expectFinding(zero, 'MLM-L26', `${IN0}/value_scaling/2/stddev`).severity).toBe('error');
    const flat = variant(EO, {
      [`${IN0}/value_scaling`]: [{ type: 'min-max', minimum: 5, maximum: 5 }],
    });
    expect(expectFinding(flat, 'MLM-L26', `${IN0}/value_scaling/0/maximum`).severity).toBe('error');
    const scale = variant(EO, { [`${IN0}/value_scaling`]: [{ type: 'scale', value: 0 }] });
    expectFinding(scale, 'MLM-L26', `${IN0}/value_scaling/0/value`);
    const inverted = variant(EO, {
      [`${IN0}/value_scaling`]: [{ type: 'clip', minimum: 10, maximum: 0 }],
    });
    const f = expectFinding(inverted, 'MLM-L26', `${IN0}/value_scaling/0/maximum`);
    expect(f.severity).toBe('warning');
    expectFixWorks(inverted, f);
  });

  it('L31: the class dimension matches the number of classes', () => {
    const classes = [
      { value: 0, description: 'no' },
      { value: 1, description: 'yes' },
    ];
    const ok = variant(BASIC, {
      [`${OUT0}/classification_classes`]: undefined,
      [`${OUT0}/classification:classes`]: classes,
      [`${OUT0}/result/shape/1`]: 2,
    });
    expectNoFinding(ok, 'MLM-L31');
    expectNoFinding(
      variant(BASIC, {
        [`${OUT0}/classification:classes`]: classes,
        [`${OUT0}/result/shape/1`]: -1,
      }),
      'MLM-L31',
    );
    const bad = variant(BASIC, {
      [`${OUT0}/classification:classes`]: classes,
      [`${OUT0}/result/shape/1`]: 3,
    });
    const f = expectFinding(bad, 'MLM-L31', `${OUT0}/result/shape/1`);
    expect(f.message).toContain('size 3');
    expectFixWorks(bad, f);
  });
});

describe('band and variable rules', () => {
  it('L5: band names must exist in a band source; virtual bands are exempt', () => {
    expectNoFinding(variant(EO), 'MLM-L5');
    const item = variant(EO, { [`${IN0}/bands/0`]: 'B99' });
    const f = expectFinding(item, 'MLM-L5', `${IN0}/bands/0`);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('"B99"');
    expectNoFinding(
      variant(EO, { [`${IN0}/bands/0`]: { name: 'NDVI', format: 'x', expression: 'a' } }),
      'MLM-L5',
    );
    // Names in the item-level eo:bands count too.
    expectNoFinding(variant('item_eo_bands_summarized.json'), 'MLM-L5');
  });

  it('L5: variable names must exist in cube:variables', () => {
    const dc = 'item_datacube_variables.json';
    const fixed = variant(dc, {
      [`${IN0}/variables/2`]: '2m_temperature',
      [`${OUT0}/variables/0`]: '2m_temperature',
    });
    expectNoFinding(fixed, 'MLM-L5');
    expectFinding(variant(dc), 'MLM-L5', `${IN0}/variables/2`);
  });

  it('L6: any input with bands needs a band source', () => {
    expectNoFinding(variant('item_multi_io.json'), 'MLM-L6');
    const item = variant('item_multi_io.json', { '/assets/weights/raster:bands': undefined });
    expect(expectFinding(item, 'MLM-L6', `${IN0}/bands`).severity).toBe('error');
    expectFinding(item, 'MLM-L6', '/properties/mlm:input/1/bands');
    expect(findingsAt(item, 'MLM-L6', '/properties/mlm:input/2/bands')).toEqual([]);
  });

  it('L17: bands and variables use distinct names', () => {
    expectNoFinding(variant(EO), 'MLM-L17');
    const item = variant(EO, { [`${IN0}/variables`]: ['B02'] });
    expectFinding(item, 'MLM-L17', `${IN0}/variables/0`);
  });

  it('L18: datacube variables need cube:dimensions', () => {
    const dc = 'item_datacube_variables.json';
    expectNoFinding(variant(dc), 'MLM-L18');
    expectFinding(
      variant(dc, { '/properties/cube:dimensions': undefined }),
      'MLM-L18',
      '/properties',
    );
  });

  it('L19: eo/raster v2 do not count, and raster bands need names', () => {
    expectNoFinding(variant(EO), 'MLM-L19');
    const v2 = variant(EO, {
      '/stac_extensions/1': 'https://stac-extensions.github.io/eo/v2.0.0/schema.json',
    });
    expectFinding(v2, 'MLM-L19', '/stac_extensions/1');
    const unnamed = variant('item_raster_bands.json', {
      '/assets/weights/raster:bands/3/name': undefined,
    });
    expectFinding(unnamed, 'MLM-L19', '/assets/weights/raster:bands/3');
  });
});

describe('model rules', () => {
  it('L7: at least one mlm:model asset', () => {
    expectNoFinding(variant(BASIC), 'MLM-L7');
    expect(expectFinding(variant(BASIC, { '/assets': {} }), 'MLM-L7', '/assets').severity).toBe(
      'error',
    );
  });

  it('L8: pretrained and pretrained_source agree', () => {
    expectNoFinding(variant(BASIC), 'MLM-L8');
    expectNoFinding(
      variant(BASIC, {
        '/properties/mlm:pretrained': false,
        '/properties/mlm:pretrained_source': null,
      }),
      'MLM-L8',
    );
    const withSource = variant(BASIC, {
      '/properties/mlm:pretrained': false,
      '/properties/mlm:pretrained_source': 'ImageNet',
    });
    const f = expectFinding(withSource, 'MLM-L8', '/properties/mlm:pretrained_source');
    expect(f.severity).toBe('warning');
    expectFixWorks(withSource, f);
    const implicit = variant(BASIC, { '/properties/mlm:pretrained': false });
    expectFixWorks(implicit, expectFinding(implicit, 'MLM-L8', '/properties/mlm:pretrained'));
    const noSource = variant(BASIC, { '/properties/mlm:pretrained': true });
    expect(expectFinding(noSource, 'MLM-L8', '/properties/mlm:pretrained').severity).toBe('info');
  });

  it('L9: "cpu" becomes "amd64"', () => {
    const item = variant(BASIC, { '/properties/mlm:accelerator': 'cpu' });
    const f = expectFinding(item, 'MLM-L9', '/properties/mlm:accelerator');
    const fixed = expectFixWorks(item, f);
    expect((fixed.properties as Record<string, unknown>)['mlm:accelerator']).toBe('amd64');
    expectNoFinding(variant(BASIC, { '/properties/mlm:accelerator': 'cuda' }), 'MLM-L9');
  });

  it('L10: amd64 is constrained; no accelerator is not', () => {
    expectNoFinding(
      variant(BASIC, {
        '/properties/mlm:accelerator': 'amd64',
        '/properties/mlm:accelerator_constrained': true,
      }),
      'MLM-L10',
    );
    const amd = variant(BASIC, { '/properties/mlm:accelerator': 'amd64' });
    expectFixWorks(amd, expectFinding(amd, 'MLM-L10', '/properties/mlm:accelerator'));
    const loose = variant(BASIC, {
      '/properties/mlm:accelerator': null,
      '/properties/mlm:accelerator_constrained': true,
    });
    const f = expectFinding(loose, 'MLM-L10', '/properties/mlm:accelerator_constrained');
    expectFixWorks(loose, f);
  });

  it('L11: output tasks are a subset of mlm:tasks, which is not empty', () => {
    expectNoFinding(variant(BASIC), 'MLM-L11');
    const extra = variant(BASIC, { [`${OUT0}/tasks/1`]: 'regression' });
    const f = expectFinding(extra, 'MLM-L11', `${OUT0}/tasks/1`);
    expect(f.fix?.label).toBe('Add "regression" to mlm:tasks');
    expectFixWorks(extra, f);
    const empty = variant(BASIC, { '/properties/mlm:tasks': [] });
    const g = expectFinding(empty, 'MLM-L11', '/properties/mlm:tasks');
    expectFixWorks(empty, g);
  });

  it('L13: framework spelling', () => {
    expectNoFinding(variant(BASIC, { '/properties/mlm:framework': 'PyTorch' }), 'MLM-L13');
    for (const [written, canon] of [
      ['pytorch', 'PyTorch'],
      ['torch', 'PyTorch'],
      ['tensorflow', 'TensorFlow'],
      ['Scikit_Learn', 'scikit-learn'],
    ] as const) {
      const item = variant(BASIC, { '/properties/mlm:framework': written });
      const f = expectFinding(item, 'MLM-L13', '/properties/mlm:framework');
      expect(f.fix?.operations).toEqual([
        { op: 'set', path: '/properties/mlm:framework', value: canon },
      ]);
      expectFixWorks(item, f);
    }
    const other = variant(BASIC, { '/properties/mlm:framework': 'my-own-lib' });
    const f = expectFinding(other, 'MLM-L13', '/properties/mlm:framework');
    expect(f.severity).toBe('info');
    expect(f.fix).toBeUndefined();
  });

  it('L14: artifact type spelling and framework consistency', () => {
    expectNoFinding(variant(EO), 'MLM-L14');
    const path = '/assets/model/mlm:artifact_type';
    const cased = variant(BASIC, { [path]: 'Torch.Save' });
    expectFixWorks(cased, expectFinding(cased, 'MLM-L14', path));
    const mismatch = variant(BASIC, { '/properties/mlm:framework': 'TensorFlow' });
    expect(expectFinding(mismatch, 'MLM-L14', path).fix).toBeUndefined();
  });

  it('L15: model assets differ by artifact type', () => {
    expectNoFinding(variant(BASIC), 'MLM-L15');
    const twin = variant(BASIC, {
      '/assets/model2': {
        href: 'https://example.com/m2.pt',
        roles: ['mlm:model'],
        'mlm:artifact_type': 'torch.save',
      },
    });
    expectFinding(twin, 'MLM-L15', '/assets/model2/mlm:artifact_type');
    const distinct = variant(BASIC, {
      '/assets/model2': {
        href: 'https://example.com/m2.pt',
        roles: ['mlm:model'],
        'mlm:artifact_type': 'torch.jit.save',
      },
    });
    expectNoFinding(distinct, 'MLM-L15');
  });

  it('L20: custom model media types get advice', () => {
    expectNoFinding(variant(EO), 'MLM-L20');
    const item = variant(BASIC, { '/assets/model/type': 'application/x-pytorch' });
    expect(expectFinding(item, 'MLM-L20', '/assets/model/type').severity).toBe('info');
  });

  it('L22: the name is more than the architecture', () => {
    expectNoFinding(variant(BASIC), 'MLM-L22');
    expectFinding(
      variant(BASIC, { '/properties/mlm:name': 'resnet' }),
      'MLM-L22',
      '/properties/mlm:name',
    );
  });

  it('L23: classification outputs list their classes', () => {
    expectNoFinding(variant(BASIC), 'MLM-L23');
    const item = variant(BASIC, { [`${OUT0}/classification_classes`]: undefined });
    expect(expectFinding(item, 'MLM-L23', OUT0).severity).toBe('info');
  });
});

describe('legacy keys', () => {
  it('L24: classification_classes migrates to classification:classes', () => {
    const item = variant(BASIC);
    const f = expectFinding(item, 'MLM-L24', `${OUT0}/classification_classes`);
    const fixed = expectFixWorks(item, f);
    const out = (fixed.properties as Record<string, Record<string, unknown>[]>)['mlm:output']?.[0];
    expect(out?.classification_classes).toBeUndefined();
    expect(out?.['classification:classes']).toEqual([
      { value: 0, name: 'BACKGROUND', description: 'Background non-city.', color_hint: '000000' },
      { value: 1, name: 'CITY', description: 'A city is detected.', color_hint: '0000FF' },
    ]);
  });

  it('L24: removed norm_* keys and unknown keys have no effect', () => {
    const norm = variant(EO);
    expectFixWorks(norm, expectFinding(norm, 'MLM-L24', `${IN0}/norm_by_channel`));
    const typo = variant(BASIC, { [`${IN0}/value_scalling`]: null });
    expect(expectFinding(typo, 'MLM-L24', `${IN0}/value_scalling`).fix).toBeUndefined();
    // Namespaced keys belong to other extensions.
    expect(
      findingsAt(variant(BASIC, { [`${IN0}/raster:foo`]: 1 }), 'MLM-L24', `${IN0}/raster:foo`),
    ).toEqual([]);
    expectNoFinding(
      variant('item_multi_io.json', {
        [`${OUT0}/classification_classes`]: undefined,
        '/properties/mlm:output/1/classification_classes': undefined,
      }),
      'MLM-L24',
    );
  });

  it('L29: root-level mlm:* keys have no effect', () => {
    expectNoFinding(variant(BASIC), 'MLM-L29');
    const item = variant(BASIC, { '/mlm:accelerator': 'cuda' });
    const f = expectFinding(item, 'MLM-L29', '/mlm:accelerator');
    expectFixWorks(item, f);
  });
});
