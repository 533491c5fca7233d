import * as z from 'zod';

import './meta';

// GeoJSON geometry as the STAC Item schema accepts it (geojson.org Geometry.json): extra members
// are allowed, positions need at least two numbers, and rings at least four positions.

const RFC7946 = 'https://datatracker.ietf.org/doc/html/rfc7946#section-3.1';

export const positionSchema = z
  .array(z.number())
  .min(2, { error: 'A position needs at least two numbers: [longitude, latitude].' });
const lineSchema = z
  .array(positionSchema)
  .min(2, { error: 'A line needs at least two positions.' });
const ringSchema = z
  .array(positionSchema)
  .min(4, { error: 'A polygon ring needs at least four positions (the last repeats the first).' });
const geometryBboxSchema = z
  .array(z.number())
  .min(4, { error: 'A bbox needs at least four numbers.' });

function geometry<T extends string, C extends z.ZodType>(type: T, coordinates: C) {
  return z.looseObject({ type: z.literal(type), coordinates, bbox: geometryBboxSchema.optional() });
}

export const pointSchema = geometry('Point', positionSchema);
export const lineStringSchema = geometry('LineString', lineSchema);
export const polygonSchema = geometry('Polygon', z.array(ringSchema));
export const multiPointSchema = geometry('MultiPoint', z.array(positionSchema));
export const multiLineStringSchema = geometry('MultiLineString', z.array(lineSchema));
export const multiPolygonSchema = geometry('MultiPolygon', z.array(z.array(ringSchema)));

export const geometrySchema = z
  .discriminatedUnion('type', [
    pointSchema,
    lineStringSchema,
    polygonSchema,
    multiPointSchema,
    multiLineStringSchema,
    multiPolygonSchema,
  ])
  .meta({
    label: 'Footprint geometry',
    help: 'Where the model applies, as a GeoJSON geometry in WGS84 longitude/latitude.',
    spec: RFC7946,
    widget: 'geometry',
  });

export type Geometry = z.infer<typeof geometrySchema>;

export const bboxSchema = z
  .array(z.number())
  .refine((b) => b.length === 4 || b.length === 6, {
    error: 'A bbox has 4 numbers [west, south, east, north] or 6 with heights.',
  })
  .meta({
    label: 'Bounding box',
    help: 'The extent of the geometry: [west, south, east, north]; west > east when it crosses the antimeridian.',
    spec: 'https://datatracker.ietf.org/doc/html/rfc7946#section-5',
    widget: 'bbox',
  });
