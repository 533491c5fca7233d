import { describe, expect, it } from 'vitest';

import { validateItem } from '../../schemas/validateItem';
import { lintItem } from '../../src/lint/lintItem';
import { loadExamples } from '../support/shared';
import { expectFixWorks } from './lintHelpers';

type Row = [code: string, path: string, severity: 'warning' | 'info'];

const IN = '/properties/mlm:input';
const OUT = '/properties/mlm:output';
// Seven examples write "pytorch"; the framework list spells it "PyTorch" (L13).
const PYTORCH: Row = ['MLM-L13', '/properties/mlm:framework', 'warning'];
// The pre-1.5 examples keep their classes under the non-spec key, which the schema ignores (L24).
const legacyClasses = (i: number): Row => [
  'MLM-L24',
  `${OUT}/${i}/classification_classes`,
  'warning',
];
// norm_by_channel was removed in v1.4.0 and is silently accepted, with no effect (L24).
const NORM_BY_CHANNEL: Row = ['MLM-L24', `${IN}/0/norm_by_channel`, 'warning'];

/** Reviewed lint results on the official examples: warnings and info only, never an error. */
const EXPECTED: Record<string, Row[]> = {
  // A Collection: lintItem only looks at Items.
  'collection.json': [],
  'item_bands_expression.json': [
    PYTORCH,
    // Its only output says segmentation/semantic-segmentation while mlm:tasks is ["classification"].
    ['MLM-L11', `${OUT}/0/tasks/0`, 'warning'],
    ['MLM-L11', `${OUT}/0/tasks/1`, 'warning'],
    legacyClasses(0),
    // No L5 for "NDVI": it is a virtual band with an expression.
  ],
  // bands: [] with a channel dimension is fine; only the legacy class key.
  'item_basic.json': [legacyClasses(0)],
  'item_datacube_variables.json': [
    // cube:variables has "2m_temperature"; the input and output say "temperature_2m".
    ['MLM-L5', `${IN}/0/variables/2`, 'warning'],
    ['MLM-L5', `${OUT}/0/variables/0`, 'warning'],
    PYTORCH,
    NORM_BY_CHANNEL,
  ],
  // Band names resolve through the item-level eo:bands (the asset's use common names).
  'item_eo_and_raster_bands.json': [PYTORCH, legacyClasses(0)],
  'item_eo_bands.json': [PYTORCH, NORM_BY_CHANNEL, legacyClasses(0)],
  'item_eo_bands_summarized.json': [PYTORCH, legacyClasses(0)],
  'item_multi_io.json': [
    // raster:bands are named "B02 - blue" etc., so "B04", "B03", "B02", "B08" match none.
    ['MLM-L5', `${IN}/0/bands/0`, 'warning'],
    ['MLM-L5', `${IN}/0/bands/1`, 'warning'],
    ['MLM-L5', `${IN}/0/bands/2`, 'warning'],
    ['MLM-L5', `${IN}/1/bands/0`, 'warning'],
    ['MLM-L5', `${IN}/1/bands/1`, 'warning'],
    PYTORCH,
    // Both outputs are semantic-segmentation while mlm:tasks is ["classification"].
    ['MLM-L11', `${OUT}/0/tasks/0`, 'warning'],
    ['MLM-L11', `${OUT}/1/tasks/0`, 'warning'],
    legacyClasses(0),
    legacyClasses(1),
    // No L4 on the NDVI input (2 bands, size 1): its pre_processing_function combines them.
  ],
  'item_pytorch_geo_unet.json': [
    // A module path rather than a framework name: advice only, no fix.
    ['MLM-L13', '/properties/mlm:framework', 'info'],
    // mlm:pretrained is true with no mlm:pretrained_source.
    ['MLM-L8', '/properties/mlm:pretrained', 'info'],
    // The generator put mlm:entrypoint at the item root, where it does nothing.
    ['MLM-L29', '/mlm:entrypoint', 'warning'],
  ],
  'item_raster_bands.json': [PYTORCH, legacyClasses(0)],
};

const examples = loadExamples();

describe('lint on the official examples', () => {
  it('covers every example', () => {
    expect(examples.map((e) => e.file).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const { file, doc } of examples) {
    it(`${file}: the recorded findings, none an error`, () => {
      const findings = lintItem(doc);
      expect(findings.map((f): Row => [f.code, f.path, f.severity as Row[2]])).toEqual(
        EXPECTED[file],
      );
      expect(findings.some((f) => f.severity === 'error')).toBe(false);
    });

    it(`${file}: every fix removes its finding and keeps the item schema-valid`, () => {
      for (const f of lintItem(doc).filter((x) => x.fix)) {
        expectFixWorks(doc, f);
      }
    });
  }

  it('lint does not change the schema verdict', () => {
    for (const { doc } of examples.filter((e) => e.file.startsWith('item_'))) {
      expect(validateItem(doc).valid).toBe(true);
    }
  });
});
