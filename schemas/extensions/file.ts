import * as z from 'zod';

import '../meta';
import { integer, patterned, stringMin } from '../primitives';
import { DATA_TYPES } from '../stacCore';
import { checkAssets, type ExtensionModel, linksOf, prefixedFields } from './extensionModel';
import { FILE_V1_URL, FILE_V2_URL } from '../extensionUrls';

const checksum = (url: string) =>
  patterned(
    '^[a-f0-9]+$',
    'Use a lower-case hex multihash, e.g. 1220 followed by the SHA-256 digest.',
  ).meta({
    label: 'Checksum',
    help: 'Multihash of the file in lower-case hex; SHA-256 starts with 1220.',
    spec: 'https://github.com/stac-extensions/file#checksums',
    widget: 'checksum',
    extension: url,
  });
const size = (url: string) =>
  integer({ min: 0 }).meta({
    label: 'File size (bytes)',
    help: 'Size of the file in bytes.',
    widget: 'bytes',
    extension: url,
  });
const byteOrder = z.enum(['big-endian', 'little-endian']).meta({ label: 'Byte order' });
const values = (summaryMin: number) =>
  z
    .array(
      z.looseObject({
        values: z.array(z.unknown()).min(1),
        summary: summaryMin > 0 ? stringMin(summaryMin) : z.string(),
      }),
    )
    .min(1)
    .meta({ label: 'Value meanings' });

export const fileFieldsV1Schema = prefixedFields('file:', {
  'file:bits_per_sample': integer({ min: 0 }).optional(),
  'file:byte_order': byteOrder.optional(),
  'file:checksum': checksum(FILE_V1_URL).optional(),
  'file:data_type': z.enum(DATA_TYPES).optional(),
  'file:header_size': integer({ min: 0 }).optional(),
  'file:nodata': z.array(z.unknown()).optional(),
  'file:size': size(FILE_V1_URL).optional(),
  'file:unit': z.string().optional(),
  'file:values': values(0).optional(),
});

export const fileFieldsV2Schema = prefixedFields('file:', {
  'file:byte_order': byteOrder.optional(),
  'file:checksum': checksum(FILE_V2_URL).optional(),
  'file:header_size': integer({ min: 0 }).optional(),
  'file:size': size(FILE_V2_URL).optional(),
  'file:values': values(1).optional(),
  'file:local_path': patterned(
    `^[^\\r\\n\\t\\\\:'"/]+(/[^\\r\\n\\t\\\\:'"/]+)*/?$`,
    'Use a relative path with "/" separators.',
  ).optional(),
});

export const fileV1Extension: ExtensionModel = {
  url: FILE_V1_URL,
  name: 'file v1.0.0',
  fields: { asset: fileFieldsV1Schema },
  checkItem(item, report) {
    checkAssets(item, report, fileFieldsV1Schema);
  },
};

export const fileV2Extension: ExtensionModel = {
  url: FILE_V2_URL,
  name: 'file v2.1.0',
  fields: { asset: fileFieldsV2Schema, link: fileFieldsV2Schema },
  checkItem(item, report) {
    checkAssets(item, report, fileFieldsV2Schema);
    for (const [i, link] of linksOf(item)) {
      report.parse(fileFieldsV2Schema, link, ['links', i]);
    }
  },
};
