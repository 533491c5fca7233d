import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { writeBasemap } from '../../scripts/buildBasemap';
import {
  clampPosition,
  cutLineAtAntimeridian,
  cutPolygonAtAntimeridian,
  MAX_MERCATOR_LATITUDE,
  type Position,
  prepareBasemapGeometry,
} from '../../scripts/cutAtAntimeridian';

type Ring = Position[];

const box = (west: number, south: number, east: number, north: number): Ring => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

const longitudes = (rings: readonly Ring[]) => rings.flatMap((ring) => ring.map(([lon]) => lon));
const bounds = (ring: Ring) => {
  const lons = ring.map(([lon]) => lon);
  const lats = ring.map(([, lat]) => lat);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
};
/** The largest longitude step along any ring: a streak across the map shows up as ~360. */
const maxStep = (rings: readonly Ring[]) =>
  Math.max(
    ...rings.flatMap((ring) =>
      ring.slice(1).map(([lon], i) => Math.abs(lon - (ring[i]?.[0] ?? lon))),
    ),
  );

describe('cutPolygonAtAntimeridian', () => {
  it('leaves a polygon that stays inside ±180° unchanged', () => {
    const ring = box(10, 20, 30, 40);
    expect(cutPolygonAtAntimeridian([ring])).toEqual([[ring]]);
  });

  it('splits a polygon that jumps from 170° to -170° into an east and a west piece', () => {
    // As World Atlas stores Fiji or Chukotka: the ring runs on across the antimeridian.
    const pieces = cutPolygonAtAntimeridian([
      [
        [170, -10],
        [-170, -10],
        [-170, 10],
        [170, 10],
        [170, -10],
      ],
    ]);
    expect(pieces).toHaveLength(2);
    const boxes = pieces.map(([outer = []]) => bounds(outer)).sort((a, b) => a[0]! - b[0]!);
    expect(boxes).toEqual([
      [-180, -10, -170, 10],
      [170, -10, 180, 10],
    ]);
    expect(maxStep(pieces.flat())).toBeLessThanOrEqual(10);
  });

  it('closes a ring around the south pole along the pole, within ±180°', () => {
    // Antarctica in World Atlas: a ring from -180° eastwards to 178° and back to -180°.
    const ring: Ring = [
      [-180, -70],
      [-90, -72],
      [0, -70],
      [90, -68],
      [178, -71],
      [-180, -70],
    ];
    const pieces = cutPolygonAtAntimeridian([ring]);
    const all = pieces.flat();
    expect(Math.min(...longitudes(all))).toBe(-180);
    expect(Math.max(...longitudes(all))).toBe(180);
    expect(Math.min(...all.flatMap((r) => r.map(([, lat]) => lat)))).toBe(-90);
  });

  it('keeps a hole with its piece of the outer ring', () => {
    const [piece, ...rest] = cutPolygonAtAntimeridian([
      box(100, 0, 140, 40),
      box(110, 10, 120, 20),
    ]);
    expect(rest).toEqual([]);
    expect(piece).toHaveLength(2);
    expect(bounds(piece![1]!)).toEqual([110, 10, 120, 20]);
  });
});

describe('cutLineAtAntimeridian', () => {
  it('splits a line where it crosses 180°, interpolating the latitude', () => {
    const parts = cutLineAtAntimeridian([
      [170, 0],
      [-170, 10],
    ]);
    expect(parts).toEqual([
      [
        [170, 0],
        [180, 5],
      ],
      [
        [-180, 5],
        [-170, 10],
      ],
    ]);
  });

  it('keeps a line that ends on 180° on its own side', () => {
    const line: Ring = [
      [170, 0],
      [180, 10],
    ];
    expect(cutLineAtAntimeridian(line)).toEqual([line]);
  });
});

describe('clampPosition', () => {
  it('clamps latitude to Web Mercator and longitude to ±180°', () => {
    expect(clampPosition([190, -90])).toEqual([180, -MAX_MERCATOR_LATITUDE]);
    expect(clampPosition([-200, 89])).toEqual([-180, MAX_MERCATOR_LATITUDE]);
    expect(clampPosition([12.5, 45])).toEqual([12.5, 45]);
  });
});

describe('prepareBasemapGeometry', () => {
  it('cuts, clamps and rounds a MultiPolygon, dropping what rounding collapses', () => {
    const prepared = prepareBasemapGeometry(
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [170.12345, -89],
              [-170.5, -89],
              [-170.5, 10.98765],
              [170.12345, 10.98765],
              [170.12345, -89],
            ],
          ],
          [box(1, 1, 1.0001, 1.0001)],
        ],
      },
      3,
    );
    expect(prepared?.type).toBe('MultiPolygon');
    const rings = prepared?.type === 'MultiPolygon' ? prepared.coordinates.flat() : [];
    expect(rings).toHaveLength(2);
    for (const ring of rings) {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [lon, lat] of ring) {
        expect(Math.abs(lon)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(MAX_MERCATOR_LATITUDE);
        expect(lon).toBe(Math.round(lon * 1000) / 1000);
      }
    }
    expect(rings.map(bounds).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [-180, -85.051, -170.5, 10.988],
      [170.123, -85.051, 180, 10.988],
    ]);
  });

  it('splits a MultiLineString at the antimeridian', () => {
    const prepared = prepareBasemapGeometry(
      {
        type: 'LineString',
        coordinates: [
          [175, 60],
          [-175, 62],
        ],
      },
      3,
    );
    expect(prepared).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [175, 60],
          [180, 61],
        ],
        [
          [-180, 61],
          [-175, 62],
        ],
      ],
    });
  });
});

describe('the built basemap', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'basemap-'));
  const sizes = writeBasemap(dir);
  const read = (name: string) =>
    JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as {
      features: { geometry: { type: string; coordinates: Position[][] | Position[][][] } }[];
    };

  it('stays small enough to ship with the app', () => {
    expect(Object.keys(sizes).sort()).toEqual(['countries.geojson', 'land.geojson']);
    expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeLessThan(300 * 1024);
  });

  it('has land within the Mercator world and no ring streaking across it', () => {
    const [land] = read('land.geojson').features;
    expect(land?.geometry.type).toBe('MultiPolygon');
    const polygons = land!.geometry.coordinates as Position[][][];
    expect(polygons.length).toBeGreaterThan(100);
    for (const polygon of polygons) {
      const [outer = []] = polygon;
      const [west, south, east, north] = bounds(outer);
      expect(west).toBeGreaterThanOrEqual(-180);
      expect(east).toBeLessThanOrEqual(180);
      expect(south).toBeGreaterThanOrEqual(-MAX_MERCATOR_LATITUDE);
      expect(north).toBeLessThanOrEqual(MAX_MERCATOR_LATITUDE);
      // Only Antarctica's edge along the bottom of the map may run from -180° to 180°.
      if (south! > -85) {
        expect(maxStep(polygon)).toBeLessThan(180);
      }
    }
  });

  it('has country borders as lines that never cross the map', () => {
    const [borders] = read('countries.geojson').features;
    expect(borders?.geometry.type).toBe('MultiLineString');
    expect(maxStep(borders!.geometry.coordinates as Position[][])).toBeLessThan(180);
  });
});
