import * as z from 'zod';

import './meta';
import {
  ALWAYS_RUN,
  integer,
  iri,
  iriReference,
  patterned,
  stringMin,
  utcDateTime,
} from './primitives';
import { isRecord } from './isRecord';

// STAC core for Items, v1.0.0 and v1.1.0: common metadata, links and assets. Each version is modelled
// exactly, because the two differ (v1.1.0 adds keywords, roles, bands and data values, checks link
// metadata, and wants a non-empty description).

const STAC_10 = 'https://github.com/radiantearth/stac-spec/blob/v1.0.0';
const STAC_11 = 'https://github.com/radiantearth/stac-spec/blob/v1.1.0';

export const STAC_VERSIONS = ['1.0.0', '1.1.0'] as const;
export type StacVersion = (typeof STAC_VERSIONS)[number];

export const DATA_TYPES = [
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'float16',
  'float32',
  'float64',
  'cint16',
  'cint32',
  'cfloat32',
  'cfloat64',
  'other',
] as const;

export const dataTypeSchema = z.enum(DATA_TYPES).meta({
  label: 'Data type',
  help: 'Numeric type of the values, as in the raster extension.',
  spec: 'https://github.com/stac-extensions/raster/tree/v1.1.0#data-types',
  widget: 'select',
});

export const nodataSchema = z.union([z.number(), z.enum(['nan', 'inf', '-inf'])]).meta({
  label: 'No-data value',
  help: 'The value that marks missing data: a number, or "nan", "inf" or "-inf".',
});

/** Media types people use for model files, code and containers (open list). */
export const MEDIA_TYPE_SUGGESTIONS = [
  'application/octet-stream; application=pytorch',
  'application/octet-stream; framework=pytorch',
  'application/octet-stream; framework=onnx',
  'application/octet-stream; framework=tensorflow',
  'application/x-hdf5',
  'application/octet-stream',
  'application/json',
  'application/geo+json',
  'text/x-python',
  'text/html',
  'application/vnd.oci.image.index.v1+json',
] as const;

export const LICENSE_SUGGESTIONS = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC-BY-NC-4.0',
  'CC0-1.0',
  'MIT',
  'Apache-2.0',
  'BSD-3-Clause',
  'GPL-3.0-only',
  'LGPL-3.0-only',
  'MPL-2.0',
  'ODbL-1.0',
  'proprietary',
  'other',
] as const;

const PROVIDER_ROLES = ['producer', 'licensor', 'processor', 'host'] as const;

export const providerSchema = z.looseObject({
  name: stringMin(1).meta({ label: 'Name', help: 'The organization or person.' }),
  description: z.string().optional().meta({ label: 'Description', widget: 'textarea' }),
  roles: z.array(z.enum(PROVIDER_ROLES)).optional().meta({
    label: 'Roles',
    help: 'What the provider did: producer, licensor, processor or host.',
    widget: 'chips',
  }),
  url: iri().optional().meta({ label: 'URL', help: 'Home page of the provider.', widget: 'url' }),
});

/** Common metadata fields that both STAC versions define the same way. */
const sharedCommonShape = {
  title: z.string().optional().meta({ label: 'Title', help: 'A short human-readable title.' }),
  datetime: utcDateTime()
    .nullable()
    .optional()
    .meta({
      label: 'Date and time',
      help: 'When the data (here: the model) applies, in UTC; null when a start and end are given.',
      spec: `${STAC_10}/item-spec/common-metadata.md#date-and-time`,
      widget: 'datetime',
    }),
  start_datetime: utcDateTime()
    .optional()
    .meta({ label: 'Start', help: 'First moment of the time range, in UTC.', widget: 'datetime' }),
  end_datetime: utcDateTime()
    .optional()
    .meta({ label: 'End', help: 'Last moment of the time range, in UTC.', widget: 'datetime' }),
  created: utcDateTime()
    .optional()
    .meta({ label: 'Created', help: 'When this metadata was first created.', widget: 'datetime' }),
  updated: utcDateTime()
    .optional()
    .meta({ label: 'Updated', help: 'When this metadata was last changed.', widget: 'datetime' }),
  platform: z.string().optional().meta({
    label: 'Platform',
    help: 'Satellite or other platform the data come from, e.g. sentinel-2a.',
  }),
  instruments: z.array(z.string()).optional().meta({
    label: 'Instruments',
    help: 'Sensors that recorded the data, e.g. msi.',
    widget: 'chips',
  }),
  constellation: z
    .string()
    .optional()
    .meta({ label: 'Constellation', help: 'Group of platforms, e.g. sentinel-2.' }),
  mission: z
    .string()
    .optional()
    .meta({ label: 'Mission', help: 'The mission or campaign that collected the data.' }),
  gsd: z.number().gt(0, { error: 'Must be greater than 0.' }).optional().meta({
    label: 'Ground sample distance (m)',
    help: 'Nominal distance between pixel centres on the ground, in metres.',
  }),
  license: patterned('^[\\w\\-\\.\\+]+$', 'Use an SPDX identifier such as CC-BY-4.0, or "other".')
    .optional()
    .meta({
      label: 'License',
      help: 'SPDX license identifier of the model, or "other"/"proprietary".',
      spec: `${STAC_10}/item-spec/common-metadata.md#licensing`,
      widget: 'license',
      suggestions: LICENSE_SUGGESTIONS,
    }),
  providers: z
    .array(providerSchema)
    .optional()
    .meta({
      label: 'Providers',
      help: 'Who produced, licensed, processed or hosts the model.',
      spec: `${STAC_10}/item-spec/common-metadata.md#provider`,
    }),
};

/** The start/end dependency every common-metadata object has (datetime.json `dependencies`). */
export function checkStartEnd(value: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(value)) {
    return;
  }
  const hasStart = 'start_datetime' in value;
  const hasEnd = 'end_datetime' in value;
  if (hasStart && !hasEnd) {
    ctx.addIssue({
      code: 'custom',
      path: ['end_datetime'],
      message: 'An end_datetime is required when start_datetime is set.',
      params: { code: 'datetime-range' },
    });
  }
  if (hasEnd && !hasStart) {
    ctx.addIssue({
      code: 'custom',
      path: ['start_datetime'],
      message: 'A start_datetime is required when end_datetime is set.',
      params: { code: 'datetime-range' },
    });
  }
}

export const commonShapeV10 = {
  ...sharedCommonShape,
  description: z.string().optional().meta({
    label: 'Description',
    help: 'A longer description, Markdown allowed.',
    widget: 'textarea',
  }),
};

export const statisticsSchema = z
  .looseObject({
    minimum: z.number().optional().meta({ label: 'Minimum' }),
    maximum: z.number().optional().meta({ label: 'Maximum' }),
    mean: z.number().optional().meta({ label: 'Mean' }),
    stddev: z.number().optional().meta({ label: 'Standard deviation' }),
    count: integer({ min: 0 }).optional().meta({ label: 'Count' }),
    valid_percent: z.number().min(0).max(100).optional().meta({ label: 'Valid percent' }),
  })
  .refine((s) => Object.keys(s).length >= 1, { error: 'Statistics need at least one value.' })
  .meta({
    label: 'Statistics',
    help: 'Informative statistics of the values (not a scaling to apply).',
  });

export type BandV11 = { [key: string]: unknown; name?: string; bands?: BandV11[] };

export const commonShapeV11 = {
  ...sharedCommonShape,
  description: stringMin(1).optional().meta({
    label: 'Description',
    help: 'A longer description, Markdown allowed.',
    widget: 'textarea',
  }),
  keywords: z
    .array(z.string())
    .optional()
    .meta({ label: 'Keywords', help: 'Words people may search for.', widget: 'chips' }),
  roles: z
    .array(z.string())
    .optional()
    .meta({ label: 'Roles', help: 'What this object is for, as role names.', widget: 'chips' }),
  get bands(): z.ZodOptional<z.ZodArray<typeof bandSchemaV11>> {
    return z
      .array(bandSchemaV11)
      .optional()
      .meta({
        label: 'Bands',
        help: 'The bands of the data (STAC 1.1 common metadata).',
        spec: `${STAC_11}/commons/common-metadata.md#bands`,
        widget: 'list',
      });
  },
  data_type: dataTypeSchema.optional(),
  nodata: nodataSchema.optional(),
  statistics: statisticsSchema.optional(),
  unit: z.string().optional().meta({ label: 'Unit', help: 'Unit of the values, e.g. m or K.' }),
};

export const bandSchemaV11: z.ZodType<BandV11> = z.lazy(() =>
  z
    .looseObject({
      name: z.string().optional().meta({ label: 'Band name' }),
      ...commonShapeV11,
    })
    .superRefine(checkStartEnd, ALWAYS_RUN),
);

export const linkSchemaV10 = z.looseObject({
  href: iriReference().meta({ label: 'URL', help: 'Where the link points.', widget: 'url' }),
  rel: stringMin(1).meta({
    label: 'Relation',
    help: 'How the target relates to this item.',
    suggestions: [
      'self',
      'root',
      'parent',
      'collection',
      'derived_from',
      'license',
      'describedby',
      'cite-as',
      'via',
    ],
  }),
  type: z.string().optional().meta({
    label: 'Media type',
    help: 'Format of the target, e.g. application/geo+json.',
    widget: 'mediaType',
    suggestions: MEDIA_TYPE_SUGGESTIONS,
  }),
  title: z
    .string()
    .optional()
    .meta({ label: 'Title', help: 'What the link points to, in a few words.' }),
});

export const linkSchemaV11 = z
  .looseObject({
    ...commonShapeV11,
    ...linkSchemaV10.shape,
    method: patterned('^[A-Z]+$', 'Use an upper-case HTTP method such as GET or POST.')
      .optional()
      .meta({ label: 'HTTP method' }),
    headers: z
      .record(z.string(), z.union([z.string(), z.array(z.string())]))
      .optional()
      .meta({ label: 'HTTP headers', widget: 'keyValue' }),
    body: z.unknown().optional().meta({ label: 'Request body', widget: 'json' }),
  })
  .superRefine((link, ctx) => {
    if (!isRecord(link)) {
      return;
    }
    checkStartEnd(link, ctx);
    if (
      link.rel === 'self' &&
      typeof link.href === 'string' &&
      !iri().safeParse(link.href).success
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['href'],
        message: 'The "self" link must be an absolute URL.',
        params: { code: 'self-link-absolute' },
      });
    }
  }, ALWAYS_RUN);

const assetBase = {
  href: iriReference().meta({
    label: 'URL',
    help: 'Where the file is: a URL or a path relative to this item.',
    widget: 'url',
  }),
  type: z.string().optional().meta({
    label: 'Media type',
    help: 'The file format, e.g. application/octet-stream; application=pytorch.',
    widget: 'mediaType',
    suggestions: MEDIA_TYPE_SUGGESTIONS,
  }),
  roles: z
    .array(z.string())
    .optional()
    .meta({
      label: 'Roles',
      help: 'What the file is for; the model file needs the "mlm:model" role.',
      widget: 'chips',
      suggestions: [
        'mlm:model',
        'mlm:weights',
        'mlm:checkpoint',
        'mlm:source_code',
        'code',
        'metadata',
        'runtime',
        'mlm:inference-runtime',
        'mlm:training-runtime',
        'data',
        'thumbnail',
        'overview',
      ],
    }),
  title: z.string().optional().meta({ label: 'Title' }),
  description: z.string().optional().meta({ label: 'Description', widget: 'textarea' }),
};

export const assetShapeV10 = { ...commonShapeV10, ...assetBase };
export const assetShapeV11 = {
  ...commonShapeV11,
  ...assetBase,
  description: commonShapeV11.description,
};
