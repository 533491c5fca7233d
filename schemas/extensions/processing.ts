import * as z from 'zod';

import '../meta';
import { utcDateTime } from '../primitives';
import {
  checkAssets,
  type ExtensionModel,
  prefixedFields,
  requireAnyField,
} from './extensionModel';

export const PROCESSING_V11_URL = 'https://stac-extensions.github.io/processing/v1.1.0/schema.json';
export const PROCESSING_V12_URL = 'https://stac-extensions.github.io/processing/v1.2.0/schema.json';

export const processingExpressionFieldSchema = z
  .looseObject({ format: z.string(), expression: z.unknown() })
  .refine((e) => 'expression' in e, { error: 'An expression is required.', path: ['expression'] });

const software = z.record(z.string(), z.unknown()).superRefine((sw, ctx) => {
  for (const [name, version] of Object.entries(sw)) {
    // The schema's key pattern ".{1,}" matches any name with a character other than a line break.
    if (/.{1,}/u.test(name) && typeof version !== 'string') {
      ctx.addIssue({ code: 'custom', path: [name], message: 'The software version must be text.' });
    }
  }
});

const v11Shape = {
  'processing:expression': processingExpressionFieldSchema.optional(),
  'processing:lineage': z.string().optional(),
  'processing:level': z.string().optional(),
  'processing:facility': z.string().optional(),
  'processing:software': software.optional(),
};

export const processingFieldsV11Schema = prefixedFields('processing:', v11Shape);
export const processingFieldsV12Schema = prefixedFields('processing:', {
  ...v11Shape,
  'processing:version': z.string().optional(),
  'processing:datetime': utcDateTime().optional(),
});

export const processingV11Extension: ExtensionModel = {
  url: PROCESSING_V11_URL,
  name: 'processing v1.1.0',
  fields: { properties: processingFieldsV11Schema, asset: processingFieldsV11Schema },
  checkItem(item, report) {
    requireAnyField(item, report, Object.keys(v11Shape), 'processing');
    if (
      typeof item.properties === 'object' &&
      item.properties !== null &&
      !Array.isArray(item.properties)
    ) {
      report.parse(processingFieldsV11Schema, item.properties, ['properties']);
    }
    checkAssets(item, report, processingFieldsV11Schema);
  },
};

export const processingV12Extension: ExtensionModel = {
  url: PROCESSING_V12_URL,
  name: 'processing v1.2.0',
  fields: { properties: processingFieldsV12Schema, asset: processingFieldsV12Schema },
  checkItem(item, report) {
    requireAnyField(
      item,
      report,
      [...Object.keys(v11Shape), 'processing:version', 'processing:datetime'],
      'processing',
    );
    if (
      typeof item.properties === 'object' &&
      item.properties !== null &&
      !Array.isArray(item.properties)
    ) {
      report.parse(processingFieldsV12Schema, item.properties, ['properties']);
    }
    checkAssets(item, report, processingFieldsV12Schema);
  },
};
