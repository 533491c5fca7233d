import * as z from 'zod';

import '../meta';
import { checkPropertiesAndAssets, type ExtensionModel, prefixedFields } from './extensionModel';
import { ML_AOI_URL } from '../extensionUrls';

export const mlAoiSplitSchema = z.enum(['train', 'validate', 'test']).meta({
  label: 'Split',
  help: 'Which part of the training data this is: train, validate or test.',
  spec: 'https://github.com/stac-extensions/ml-aoi#item-properties',
  widget: 'select',
  extension: ML_AOI_URL,
});

export const mlAoiRoleSchema = z.enum(['label', 'feature']).meta({
  label: 'Data role',
  help: 'Whether the data are labels (targets) or features (model inputs).',
  widget: 'select',
  extension: ML_AOI_URL,
});

export const mlAoiFieldsSchema = prefixedFields(
  'ml-aoi:',
  {
    'ml-aoi:split': mlAoiSplitSchema.optional(),
    'ml-aoi:role': mlAoiRoleSchema.optional(),
    'ml-aoi:reference-grid': z.boolean().optional(),
    'ml-aoi:resampling-method': z
      .enum([
        'near',
        'bilinear',
        'cubic',
        'cubcspline',
        'lanczos',
        'average',
        'rms',
        'mode',
        'max',
        'min',
        'med',
        'q1',
        'q3',
        'sum',
      ])
      .optional(),
  },
  false,
);

export const mlAoiExtension: ExtensionModel = {
  url: ML_AOI_URL,
  name: 'ml-aoi v0.2.0',
  // The schema checks properties and assets; links carry the same fields by convention.
  fields: { properties: mlAoiFieldsSchema, asset: mlAoiFieldsSchema, link: mlAoiFieldsSchema },
  checkItem(item, report) {
    checkPropertiesAndAssets(item, report, mlAoiFieldsSchema);
  },
};
