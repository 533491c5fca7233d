import * as z from 'zod';

import '../meta';
import { utcDateTime } from '../primitives';
import {
  checkPropertiesAndAssets,
  type ExtensionModel,
  prefixedFields,
  requireAnyField,
} from './extensionModel';
import { PROCESSING_V11_URL, PROCESSING_V12_URL } from '../extensionUrls';

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

function processingExtension(
  url: string,
  name: string,
  fields: typeof processingFieldsV11Schema,
  requiredAny: readonly string[],
): ExtensionModel {
  return {
    url,
    name,
    fields: { properties: fields, asset: fields },
    checkItem(item, report) {
      requireAnyField(item, report, requiredAny, 'processing');
      checkPropertiesAndAssets(item, report, fields);
    },
  };
}

export const processingV11Extension = processingExtension(
  PROCESSING_V11_URL,
  'processing v1.1.0',
  processingFieldsV11Schema,
  Object.keys(v11Shape),
);

export const processingV12Extension = processingExtension(
  PROCESSING_V12_URL,
  'processing v1.2.0',
  processingFieldsV12Schema,
  [...Object.keys(v11Shape), 'processing:version', 'processing:datetime'],
);
