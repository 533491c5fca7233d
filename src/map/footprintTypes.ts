import type { Geometry } from '../../schemas/geojson';

// Derived from the app's Zod schema so a footprint can be written into the item without a cast.

/** [longitude, latitude] and optionally a height; only the first two are used for footprints. */
export type Position = number[];
export type PointGeometry = Extract<Geometry, { type: 'Point' }>;
export type MultiPointGeometry = Extract<Geometry, { type: 'MultiPoint' }>;
export type PolygonGeometry = Extract<Geometry, { type: 'Polygon' }>;
export type MultiPolygonGeometry = Extract<Geometry, { type: 'MultiPolygon' }>;

/** The geometries that describe where a model applies: areas and places, never lines. */
export type FootprintGeometry =
  PointGeometry | MultiPointGeometry | PolygonGeometry | MultiPolygonGeometry;

/** [west, south, east, north]; west > east when the box crosses the antimeridian (RFC 7946 §5.2). */
export type Bbox = [number, number, number, number];
