import * as z from 'zod';

import '../meta';
import { patterned } from '../primitives';
import {
  checkPropertiesAndAssets,
  type ExtensionModel,
  prefixedFields,
  requireAnyField,
} from './extensionModel';
import { SCIENTIFIC_URL } from '../extensionUrls';

const doi = () =>
  patterned(
    '^10\\.[0-9a-zA-Z]{4,}/[^\\s]+$',
    'Use a DOI such as 10.5281/zenodo.1234567 (without https://doi.org/).',
  );

export const scientificFieldsSchema = prefixedFields('sci:', {
  'sci:doi': doi()
    .optional()
    .meta({ label: 'DOI', help: 'DOI of the model or its data.', extension: SCIENTIFIC_URL }),
  'sci:citation': z.string().optional().meta({
    label: 'Citation',
    help: 'How to cite the model.',
    widget: 'textarea',
    extension: SCIENTIFIC_URL,
  }),
  'sci:publications': z
    .array(z.looseObject({ doi: doi().optional(), citation: z.string().optional() }))
    .optional()
    .meta({ label: 'Publications', extension: SCIENTIFIC_URL }),
});

export const scientificExtension: ExtensionModel = {
  url: SCIENTIFIC_URL,
  name: 'scientific v1.0.0',
  fields: { properties: scientificFieldsSchema, asset: scientificFieldsSchema },
  checkItem(item, report) {
    requireAnyField(item, report, ['sci:doi', 'sci:citation', 'sci:publications'], 'scientific');
    checkPropertiesAndAssets(item, report, scientificFieldsSchema);
  },
};
