import * as z from 'zod';

import '../meta';
import { integer } from '../primitives';
import { dataTypeSchema, nodataSchema } from '../stacCore';
import { checkAssets, type ExtensionModel, prefixedFields } from './extensionModel';
import { RASTER_V1_URL } from '../extensionUrls';

export const rasterHistogramSchema = z.strictObject({
  count: z.number(),
  min: z.number(),
  max: z.number(),
  buckets: z.array(integer()).min(3),
});

export const rasterBandSchema = z
  .looseObject({
    // raster v1.1.0 does not type the name; MLM's band-source rule asks for a non-empty string.
    name: z.unknown().optional().meta({
      label: 'Name',
      help: 'Band name; MLM needs it to refer to the band.',
      widget: 'text',
    }),
    data_type: dataTypeSchema.optional(),
    unit: z.string().optional().meta({ label: 'Unit' }),
    bits_per_sample: integer().optional().meta({ label: 'Bits per sample' }),
    sampling: z.enum(['area', 'point']).optional().meta({ label: 'Sampling' }),
    nodata: nodataSchema.optional(),
    scale: z.number().optional().meta({ label: 'Scale' }),
    offset: z.number().optional().meta({ label: 'Offset' }),
    spatial_resolution: z.number().optional().meta({ label: 'Resolution (m)' }),
    statistics: z
      .strictObject({
        mean: z.number().optional(),
        minimum: z.number().optional(),
        maximum: z.number().optional(),
        stddev: z.number().optional(),
        valid_percent: z.number().optional(),
      })
      .refine((s) => Object.keys(s).length >= 1, { error: 'Statistics need at least one value.' })
      .optional()
      .meta({ label: 'Statistics' }),
    histogram: rasterHistogramSchema.optional().meta({ label: 'Histogram' }),
  })
  .refine((b) => Object.keys(b).length >= 1, {
    error: 'A band needs at least one field, such as its name.',
  });

export const rasterBandsSchema = z
  .array(rasterBandSchema)
  .min(1, { error: 'List at least one band.' })
  .meta({
    label: 'Raster bands',
    help: 'Bands of the raster data the model reads, with names, types and statistics (raster v1.1).',
    spec: 'https://github.com/stac-extensions/raster/tree/v1.1.0#raster-band-object',
    widget: 'list',
    extension: RASTER_V1_URL,
  });

export const rasterAssetFieldsSchema = prefixedFields('raster:', {
  'raster:bands': rasterBandsSchema.optional(),
});

export const rasterExtension: ExtensionModel = {
  url: RASTER_V1_URL,
  name: 'raster v1.1.0',
  fields: { asset: rasterAssetFieldsSchema },
  checkItem(item, report) {
    checkAssets(item, report, rasterAssetFieldsSchema);
  },
};
