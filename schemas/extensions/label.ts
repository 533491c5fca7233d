import * as z from 'zod';

import '../meta';
import { ALWAYS_RUN, integer, stringMin } from '../primitives';
import { isRecord } from '../isRecord';
import {
  checkPropertiesAndAssets,
  type ExtensionModel,
  linksOf,
  prefixedFields,
} from './extensionModel';
import { LABEL_URL } from '../extensionUrls';

const labelClassSchema = z.looseObject({
  name: z.unknown(),
  classes: z.unknown(),
});

export const labelFieldsSchema = prefixedFields('label:', {
  'label:properties': z.array(z.string()).min(1).nullable().optional(),
  'label:classes': z.array(labelClassSchema).optional(),
  'label:description': stringMin(1).optional(),
  'label:type': z.enum(['raster', 'vector']).optional(),
  'label:tasks': z.array(z.string()).optional(),
  'label:methods': z.array(z.string()).optional(),
  'label:overviews': z
    .array(
      z.looseObject({
        property_key: z.string().optional(),
        counts: z
          .array(z.looseObject({ name: z.string().optional(), count: integer().optional() }))
          .optional(),
        statistics: z
          .array(z.looseObject({ name: z.string().optional(), value: z.number().optional() }))
          .optional(),
      }),
    )
    .optional(),
}).superRefine((fields, ctx) => {
  if (!isRecord(fields)) {
    return;
  }
  const classes = fields['label:classes'];
  if (!Array.isArray(classes)) {
    return;
  }
  // Raster labels (and, by the schema's wording, objects without label:type) name classes with null.
  const raster = !('label:type' in fields) || fields['label:type'] === 'raster';
  classes.forEach((cls, i) => {
    if (!isRecord(cls)) {
      return;
    }
    if (!('name' in cls) || !('classes' in cls)) {
      ctx.addIssue({
        code: 'custom',
        path: ['label:classes', i],
        message: 'A label class needs "name" and "classes".',
      });
    }
    if ('name' in cls) {
      const ok = raster ? cls.name === null : typeof cls.name === 'string' && cls.name.length > 0;
      if (!ok) {
        ctx.addIssue({
          code: 'custom',
          path: ['label:classes', i, 'name'],
          message: raster
            ? 'For raster labels the class name must be null.'
            : 'For vector labels the class name must be non-empty text.',
        });
      }
    }
    if ('classes' in cls) {
      const list = cls.classes;
      const allStrings = Array.isArray(list) && list.every((v) => typeof v === 'string');
      const allNumbers = Array.isArray(list) && list.every((v) => typeof v === 'number');
      // An empty list counts as both, which the schema's oneOf rejects.
      if (allStrings === allNumbers) {
        ctx.addIssue({
          code: 'custom',
          path: ['label:classes', i, 'classes'],
          message: 'List the class values as all text or all numbers (and not empty).',
        });
      }
    }
  });
}, ALWAYS_RUN);

const linkFieldsSchema = prefixedFields('label:', {
  'label:assets': z.array(z.string()).optional(),
});

export const labelExtension: ExtensionModel = {
  url: LABEL_URL,
  name: 'label v1.0.1',
  fields: { properties: labelFieldsSchema, asset: labelFieldsSchema, link: linkFieldsSchema },
  checkItem(item, report) {
    const props = item.properties;
    if (isRecord(props)) {
      for (const key of ['label:properties', 'label:description', 'label:type']) {
        if (!(key in props)) {
          report.issue(
            ['properties', key],
            `The label extension requires ${key}.`,
            'extension-field-required',
          );
        }
      }
    }
    checkPropertiesAndAssets(item, report, labelFieldsSchema);
    for (const [i, link] of linksOf(item)) {
      report.parse(linkFieldsSchema, link, ['links', i]);
    }
  },
};
