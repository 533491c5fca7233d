import * as z from 'zod';

import '../meta';
import { integer, uniqueArray } from '../primitives';
import { isRecord } from '../isRecord';
import { DATA_TYPES, nodataSchema } from '../stacCore';
import { type ExtensionModel, forwardIssues, parseWith, prefixedFields } from './extensionModel';
import { DATACUBE_URL } from '../extensionUrls';

// PROJJSON is a large schema of its own; a CRS object is accepted when it names its PROJJSON type.
const projjsonSchema = z.looseObject({ type: z.string() });
const referenceSystem = z.union([z.string(), integer({ min: 0 }), projjsonSchema]);

const description = z.string().optional();
const numOrNull = z.number().nullable();
const extentOpen = z.array(numOrNull).length(2);
const values = z.array(z.union([z.number(), z.string()])).min(1);
const step = z.number().nullable().optional();

const requireOneOf = (a: string, b: string) => (d: Record<string, unknown>) => a in d || b in d;
const noAxis = (d: Record<string, unknown>) => !('axis' in d);

const vectorDimension = z.looseObject({
  type: z.literal('geometry'),
  axes: uniqueArray(z.enum(['x', 'y', 'z'])).optional(),
  bbox: z
    .array(z.number())
    .refine((b) => b.length === 4 || b.length === 6, { error: 'A bbox has 4 or 6 numbers.' }),
  values: z.array(z.string()).min(1).optional(),
  geometry_types: uniqueArray(
    z.enum([
      'Point',
      'MultiPoint',
      'LineString',
      'MultiLineString',
      'Polygon',
      'MultiPolygon',
      'GeometryCollection',
    ]),
  ).optional(),
  reference_system: referenceSystem.optional(),
  description,
});

const horizontalDimension = z.looseObject({
  type: z.literal('spatial'),
  axis: z.enum(['x', 'y']),
  extent: z.array(z.number()).length(2),
  values: z.array(z.number()).min(1).optional(),
  step,
  reference_system: referenceSystem.optional(),
  description,
});

const verticalDimension = z
  .looseObject({
    type: z.literal('spatial'),
    axis: z.literal('z'),
    extent: extentOpen.optional(),
    values: values.optional(),
    step,
    unit: z.string().optional(),
    reference_system: referenceSystem.optional(),
    description,
  })
  .refine(requireOneOf('extent', 'values'), {
    error: 'A vertical dimension needs an extent or values.',
  });

const temporalDimension = z
  .looseObject({
    type: z.literal('temporal'),
    values: z.array(z.string()).min(1).optional(),
    extent: z.array(z.string().nullable()).length(2),
    step: z.string().nullable().optional(),
    description,
  })
  .refine(noAxis, { error: 'A temporal dimension has no axis.' });

const additionalDimension = z
  .looseObject({
    type: z.string().refine((t) => t !== 'spatial' && t !== 'geometry', {
      error: 'Use the spatial or vector dimension form.',
    }),
    extent: extentOpen.optional(),
    values: values.optional(),
    step,
    unit: z.string().optional(),
    reference_system: z.string().optional(),
    dimensions: z.array(z.string()).optional(),
    description,
  })
  .refine(requireOneOf('extent', 'values'), { error: 'A dimension needs an extent or values.' })
  .refine(noAxis, { error: 'Only spatial dimensions have an axis.' });

export const cubeDimensionSchema = z.union([
  vectorDimension,
  horizontalDimension,
  verticalDimension,
  temporalDimension,
  additionalDimension,
]);

export const cubeVariableSchema = z.looseObject({
  dimensions: z.array(z.string()).meta({ label: 'Dimensions' }),
  variable_type: z.enum(['data', 'auxiliary']).optional().meta({ label: 'Variable type' }),
  values: z.array(z.unknown()).min(1).optional(),
  extent: z
    .array(z.union([z.string(), z.number(), z.null()]))
    .length(2)
    .optional(),
  unit: z.string().optional().meta({ label: 'Unit' }),
  nodata: nodataSchema.optional(),
  data_type: z.enum(DATA_TYPES).optional(),
  description,
});

export const datacubeFieldsSchema = prefixedFields('cube:', {
  'cube:dimensions': z.record(z.string(), cubeDimensionSchema).optional().meta({
    label: 'Cube dimensions',
    help: 'Dimensions of the data cube the model reads.',
    spec: 'https://github.com/stac-extensions/datacube/tree/v2.3.0#dimension-object',
    extension: DATACUBE_URL,
  }),
  'cube:variables': z.record(z.string(), cubeVariableSchema).optional().meta({
    label: 'Cube variables',
    help: 'Variables of the data cube; MLM "variables" refer to these names.',
    spec: 'https://github.com/stac-extensions/datacube/tree/v2.3.0#variable-object',
    extension: DATACUBE_URL,
  }),
});

export const datacubeExtension: ExtensionModel = {
  url: DATACUBE_URL,
  name: 'datacube v2.3.0',
  fields: { properties: datacubeFieldsSchema, asset: datacubeFieldsSchema },
  checkItem(item, report) {
    // Valid when the properties, or at least one asset, have cube:dimensions and valid cube fields.
    const candidates: [PropertyKey[], unknown][] = [];
    if ('properties' in item) {
      candidates.push([['properties'], item.properties]);
    }
    if (isRecord(item.assets)) {
      for (const [key, asset] of Object.entries(item.assets)) {
        candidates.push([['assets', key], asset]);
      }
    }
    const withDimensions = candidates.filter(([, v]) => !isRecord(v) || 'cube:dimensions' in v);
    const results = withDimensions.map(
      ([path, v]) => [path, parseWith(datacubeFieldsSchema, v)] as const,
    );
    if (results.some(([, r]) => r.success)) {
      return;
    }
    const first = results[0];
    if (first) {
      forwardIssues(first[1], first[0], (p, m, c) => report.issue(p, m, c));
      return;
    }
    report.issue(
      ['properties', 'cube:dimensions'],
      'The datacube extension is listed, so cube:dimensions is required in the properties or on an asset.',
      'extension-field-required',
    );
  },
};
