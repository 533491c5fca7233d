import * as z from 'zod';

import '../meta';
import { stringMin } from '../primitives';
import { isRecord } from '../isRecord';
import {
  assetsOf,
  checkPropertiesAndAssets,
  type ExtensionModel,
  prefixedFields,
} from './extensionModel';
import { EO_V1_URL } from '../extensionUrls';

export const EO_COMMON_NAMES = [
  'coastal',
  'blue',
  'green',
  'red',
  'rededge',
  'yellow',
  'pan',
  'nir',
  'nir08',
  'nir09',
  'cirrus',
  'swir16',
  'swir22',
  'lwir',
  'lwir11',
  'lwir12',
] as const;

export const eoBandSchema = z
  .looseObject({
    name: z
      .string()
      .optional()
      .meta({ label: 'Name', help: 'Band name as the data provider uses it, e.g. B04.' }),
    common_name: z
      .enum(EO_COMMON_NAMES)
      .optional()
      .meta({ label: 'Common name', widget: 'select' }),
    description: stringMin(1).optional().meta({ label: 'Description' }),
    center_wavelength: z.number().optional().meta({ label: 'Centre wavelength (µm)' }),
    full_width_half_max: z.number().optional().meta({ label: 'Bandwidth FWHM (µm)' }),
    solar_illumination: z.number().min(0).optional().meta({ label: 'Solar illumination' }),
  })
  .refine((b) => Object.keys(b).length >= 1, {
    error: 'A band needs at least one field, such as its name.',
  });

export const eoBandsSchema = z
  .array(eoBandSchema)
  .min(1, { error: 'List at least one band.' })
  .meta({
    label: 'EO bands',
    help: 'Spectral bands of the imagery the model reads (eo v1.1).',
    spec: 'https://github.com/stac-extensions/eo/tree/v1.1.0#band-object',
    widget: 'list',
    extension: EO_V1_URL,
  });

export const eoFieldsSchema = prefixedFields('eo:', {
  'eo:cloud_cover': z
    .number()
    .min(0)
    .max(100)
    .optional()
    .meta({ label: 'Cloud cover (%)', extension: EO_V1_URL }),
  'eo:snow_cover': z
    .number()
    .min(0)
    .max(100)
    .optional()
    .meta({ label: 'Snow cover (%)', extension: EO_V1_URL }),
  'eo:bands': eoBandsSchema.optional(),
});

export const eoExtension: ExtensionModel = {
  url: EO_V1_URL,
  name: 'eo v1.1.0',
  fields: { properties: eoFieldsSchema, asset: eoFieldsSchema },
  checkItem(item, report) {
    checkPropertiesAndAssets(item, report, eoFieldsSchema);
    // eo v1.1.0 only allows eo:bands in properties when some asset has eo:bands as well.
    const props = item.properties;
    if (
      isRecord(item.assets) &&
      isRecord(props) &&
      'eo:bands' in props &&
      !assetsOf(item).some(([, a]) => 'eo:bands' in a)
    ) {
      report.issue(
        ['properties', 'eo:bands'],
        'eo v1.1.0 allows eo:bands in the properties only when at least one asset has eo:bands too: add them to the model asset.',
        'eo-bands-asset-required',
      );
    }
  },
};
