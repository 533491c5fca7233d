import { expect } from 'vitest';

import { geometrySchema } from '../../schemas/geojson';
import type { Bbox, Position } from '../../src/map/footprintTypes';
import { signedRingArea } from '../../src/map/signedRingArea';

/** Polygons of a Polygon or MultiPolygon, for assertions that treat both alike. */
export function polygonsOf(geometry: { type: string; coordinates: unknown }): Position[][][] {
  if (geometry.type === 'Polygon') {
    return [geometry.coordinates as Position[][]];
  }
  if (geometry.type === 'MultiPolygon') {
    return geometry.coordinates as Position[][][];
  }
  return [];
}

export function positionsOf(geometry: { type: string; coordinates: unknown }): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates as Position];
    case 'MultiPoint':
      return geometry.coordinates as Position[];
    default:
      return polygonsOf(geometry).flat(2);
  }
}

/** What RFC 7946 and the app's schema ask of a normalised footprint. */
export function expectRfc7946(geometry: { type: string; coordinates: unknown }): void {
  expect(geometrySchema.safeParse(geometry).success).toBe(true);
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, r) => {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      const area = signedRingArea(ring);
      if (r === 0) {
        expect(area).toBeGreaterThan(0);
      } else {
        expect(area).toBeLessThan(0);
      }
    });
  }
  for (const [lon, lat] of positionsOf(geometry) as [number, number][]) {
    expect(lon).toBeGreaterThanOrEqual(-180);
    expect(lon).toBeLessThanOrEqual(180);
    expect(lat).toBeGreaterThanOrEqual(-90);
    expect(lat).toBeLessThanOrEqual(90);
  }
}

/** Inside [west, east] or, when west > east, in [west, 180] ∪ [-180, east] (RFC 7946 §5.2). */
export function bboxContains(bbox: Bbox, [lon, lat]: readonly number[]): boolean {
  const [west, south, east, north] = bbox;
  const inLat = (lat as number) >= south && (lat as number) <= north;
  const x = lon as number;
  return inLat && (west <= east ? x >= west && x <= east : x >= west || x <= east);
}

/** Net area (exteriors minus holes) in square degrees. */
export function netArea(geometry: { type: string; coordinates: unknown }): number {
  return polygonsOf(geometry)
    .flat()
    .reduce((sum, ring) => sum + signedRingArea(ring), 0);
}
