import * as z from 'zod';

import '../meta';
import { classObjectSchema } from '../mlm';
import { integer, uniqueArray } from '../primitives';
import { isRecord } from '../isRecord';
import { assetsOf, type ExtensionModel, prefixedFields } from './extensionModel';
import { CLASSIFICATION_URL } from '../extensionUrls';

const classList = uniqueArray(classObjectSchema).min(1);

export const bitFieldSchema = z.looseObject({
  offset: integer({ min: 0 }),
  length: integer({ min: 1 }),
  classes: classList,
  roles: uniqueArray(z.string()).min(1).optional(),
  name: z.string().optional(),
  description: z.string().optional(),
});

export const classificationFieldsSchema = prefixedFields('classification:', {
  'classification:bitfields': uniqueArray(bitFieldSchema)
    .min(1)
    .optional()
    .meta({ label: 'Bit fields', extension: CLASSIFICATION_URL }),
  'classification:classes': classList
    .optional()
    .meta({ label: 'Classes', widget: 'classes', extension: CLASSIFICATION_URL }),
});

export const classificationExtension: ExtensionModel = {
  url: CLASSIFICATION_URL,
  name: 'classification v1.1.0',
  fields: { properties: classificationFieldsSchema, asset: classificationFieldsSchema },
  checkItem(item, report) {
    if (isRecord(item.properties)) {
      report.parse(classificationFieldsSchema, item.properties, ['properties']);
    }
    for (const [key, asset] of assetsOf(item)) {
      report.parse(classificationFieldsSchema, asset, ['assets', key]);
      const bands = asset['raster:bands'];
      if (bands === undefined) {
        continue;
      }
      if (!Array.isArray(bands)) {
        report.issue(
          ['assets', key, 'raster:bands'],
          'raster:bands must be a list of band objects.',
          'invalid_type',
        );
        continue;
      }
      bands.forEach((band, i) =>
        report.parse(classificationFieldsSchema, band, ['assets', key, 'raster:bands', i]),
      );
    }
  },
};
