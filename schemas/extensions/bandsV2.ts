import * as z from 'zod';

import '../meta';
import { integer } from '../primitives';
import { isRecord } from '../isRecord';
import { type ExtensionModel, prefixedFields, type Reporter } from './extensionModel';
import { EO_COMMON_NAMES } from './eo';
import { EO_V2_URL, RASTER_V2_URL } from '../extensionUrls';

// eo v2.0.0 and raster v2.0.0 share one structure: fields on properties, assets and STAC 1.1 bands,
// and at least one field somewhere (in properties, their bands, or an asset).

const eoV2Shape = {
  'eo:cloud_cover': z.number().min(0).max(100).optional(),
  'eo:snow_cover': z.number().min(0).max(100).optional(),
  'eo:common_name': z
    .enum([...EO_COMMON_NAMES, 'green05', 'rededge071', 'rededge075', 'rededge078'])
    .optional(),
  'eo:center_wavelength': z.number().optional(),
  'eo:full_width_half_max': z.number().optional(),
  'eo:solar_illumination': z.number().min(0).optional(),
};

const rasterV2Shape = {
  'raster:bits_per_sample': integer().optional(),
  'raster:sampling': z.enum(['area', 'point']).optional(),
  'raster:scale': z.number().optional(),
  'raster:offset': z.number().optional(),
  'raster:spatial_resolution': z.number().optional(),
  'raster:histogram': z
    .strictObject({
      count: z.number(),
      min: z.number(),
      max: z.number(),
      buckets: z.array(integer()).min(3),
    })
    .optional(),
};

function bandsV2Extension(
  url: string,
  name: string,
  prefix: string,
  shape: z.core.$ZodLooseShape,
): ExtensionModel {
  const fields = prefixedFields(prefix, shape);
  const keys = Object.keys(shape);
  // "require_fields": vacuously true for non-objects, as in the schema.
  const hasField = (v: unknown) => !isRecord(v) || keys.some((k) => k in v);
  const hasFieldOrBand = (v: unknown) =>
    hasField(v) || (isRecord(v) && Array.isArray(v.bands) && v.bands.some(hasField));
  const validate = (value: unknown, path: PropertyKey[], report: Reporter) => {
    report.parse(fields, value, path);
    if (isRecord(value) && 'bands' in value) {
      if (!Array.isArray(value.bands)) {
        report.issue([...path, 'bands'], 'bands must be a list of band objects.', 'invalid_type');
      } else {
        value.bands.forEach((b, i) => report.parse(fields, b, [...path, 'bands', i]));
      }
    }
  };
  return {
    url,
    name,
    fields: { properties: fields, asset: fields },
    checkItem(item, report) {
      if (isRecord(item.properties)) {
        validate(item.properties, ['properties'], report);
      }
      if (isRecord(item.assets)) {
        for (const [key, asset] of Object.entries(item.assets)) {
          validate(asset, ['assets', key], report);
        }
      }
      const inProperties = 'properties' in item && hasFieldOrBand(item.properties);
      const inAssets = isRecord(item.assets) && Object.values(item.assets).some(hasFieldOrBand);
      if (!inProperties && !inAssets) {
        report.issue(
          ['properties'],
          `The ${name} extension is listed but none of its fields (${keys.join(', ')}) is used in the properties, their bands or an asset.`,
          'extension-field-required',
        );
      }
    },
  };
}

export const eoV2Extension = bandsV2Extension(EO_V2_URL, 'eo v2.0.0', 'eo:', eoV2Shape);
export const rasterV2Extension = bandsV2Extension(
  RASTER_V2_URL,
  'raster v2.0.0',
  'raster:',
  rasterV2Shape,
);
