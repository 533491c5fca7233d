import { describe, expect, it } from 'vitest';

import { validateItem } from '../../schemas/validateItem';
import { IN0, OUT0, expectFinding, variant } from './lintHelpers';

const BASIC = 'item_basic.json';

/** Items the JSON Schema accepts but that break a prose rule: lint is what catches them. */
const CASES: [name: string, item: () => unknown, code: string, path: string][] = [
  [
    'a 0 dimension',
    () => variant(BASIC, { [`${IN0}/input/shape/3`]: 0 }),
    'MLM-L1',
    `${IN0}/input/shape/3`,
  ],
  [
    'dim_order shorter than shape',
    () => variant(BASIC, { [`${IN0}/input/dim_order`]: ['batch', 'channel', 'height'] }),
    'MLM-L2',
    `${IN0}/input/dim_order`,
  ],
  [
    '2 value_scaling entries for 13 bands',
    () =>
      variant('item_eo_bands.json', {
        [`${IN0}/value_scaling`]: [
          { type: 'scale', value: 2 },
          { type: 'scale', value: 3 },
        ],
      }),
    'MLM-L3',
    `${IN0}/value_scaling`,
  ],
  [
    'a bands dimension of the wrong size',
    () =>
      variant('item_eo_bands.json', {
        [`${IN0}/input/shape/1`]: 3,
        [`${IN0}/pre_processing_function`]: undefined,
      }),
    'MLM-L4',
    `${IN0}/input/shape/1`,
  ],
  [
    'a misspelt band',
    () => variant('item_eo_bands.json', { [`${IN0}/bands/4`]: 'B5' }),
    'MLM-L5',
    `${IN0}/bands/4`,
  ],
  [
    'bands without a band source on one of several inputs',
    () => variant('item_multi_io.json', { '/assets/weights/raster:bands': undefined }),
    'MLM-L6',
    `${IN0}/bands`,
  ],
  ['no assets at all', () => variant(BASIC, { '/assets': {} }), 'MLM-L7', '/assets'],
  [
    'from scratch with a pretraining source',
    () =>
      variant(BASIC, {
        '/properties/mlm:pretrained': false,
        '/properties/mlm:pretrained_source': 'ImageNet',
      }),
    'MLM-L8',
    '/properties/mlm:pretrained_source',
  ],
  [
    'amd64 unconstrained',
    () => variant(BASIC, { '/properties/mlm:accelerator': 'amd64' }),
    'MLM-L10',
    '/properties/mlm:accelerator',
  ],
  [
    'an output task outside mlm:tasks',
    () => variant(BASIC, { [`${OUT0}/tasks`]: ['detection'] }),
    'MLM-L11',
    `${OUT0}/tasks/0`,
  ],
  [
    'empty mlm:tasks',
    () => variant(BASIC, { '/properties/mlm:tasks': [] }),
    'MLM-L11',
    '/properties/mlm:tasks',
  ],
  [
    'lower-case framework',
    () => variant(BASIC, { '/properties/mlm:framework': 'tensorflow' }),
    'MLM-L13',
    '/properties/mlm:framework',
  ],
  [
    'a zero stddev',
    () => variant('item_eo_bands.json', { [`${IN0}/value_scaling/0/stddev`]: 0 }),
    'MLM-L26',
    `${IN0}/value_scaling/0/stddev`,
  ],
  [
    'the name is the architecture',
    () => variant(BASIC, { '/properties/mlm:name': 'ResNet' }),
    'MLM-L22',
    '/properties/mlm:name',
  ],
  [
    'a legacy norm_type',
    () => variant(BASIC, { [`${IN0}/norm_type`]: 'z-score' }),
    'MLM-L24',
    `${IN0}/norm_type`,
  ],
  [
    'a root-level mlm field',
    () => variant(BASIC, { '/mlm:framework': 'PyTorch' }),
    'MLM-L29',
    '/mlm:framework',
  ],
];

describe('held-out style: schema-valid items that break prose rules', () => {
  for (const [name, make, code, path] of CASES) {
    it(`${name}: valid for the schema, ${code} from lint`, () => {
      const item = make();
      const verdict = validateItem(item);
      expect(verdict.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(verdict.valid).toBe(true);
      expectFinding(item, code, path);
    });
  }
});
