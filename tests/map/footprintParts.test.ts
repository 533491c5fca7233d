import { describe, expect, it } from 'vitest';

import {
  footprintParts,
  isEditablePart,
  joinFootprintParts,
  lonLatBounds,
  roundPart,
} from '../../src/map/footprintParts';

const square = [
  [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ],
];
const other = [
  [
    [5, 5],
    [6, 5],
    [6, 6],
    [5, 5],
  ],
];

describe('footprintParts and joinFootprintParts', () => {
  it('splits a MultiPolygon into polygons and joins them back', () => {
    const geometry = { type: 'MultiPolygon', coordinates: [square, other] };
    const parts = footprintParts(geometry);
    expect(parts.map((p) => p.type)).toEqual(['Polygon', 'Polygon']);
    expect(joinFootprintParts(parts)).toEqual(geometry);
  });

  it('gives a single Polygon or Point back as itself, and nothing as null', () => {
    const polygon = { type: 'Polygon', coordinates: square };
    expect(joinFootprintParts(footprintParts(polygon))).toEqual(polygon);
    expect(joinFootprintParts(footprintParts({ type: 'Point', coordinates: [3, 4] }))).toEqual({
      type: 'Point',
      coordinates: [3, 4],
    });
    expect(joinFootprintParts([])).toBeNull();
  });

  it('joins several points into a MultiPoint and drops heights', () => {
    const parts = footprintParts({
      type: 'MultiPoint',
      coordinates: [
        [1, 2, 30],
        [3, 4],
      ],
    });
    expect(joinFootprintParts(parts)).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('keeps the polygons when areas and points are mixed', () => {
    const parts = [...footprintParts({ type: 'Point', coordinates: [3, 4] })];
    parts.push(...footprintParts({ type: 'Polygon', coordinates: square }));
    expect(joinFootprintParts(parts)).toEqual({ type: 'Polygon', coordinates: square });
  });

  it.each([
    null,
    'POLYGON((0 0, 1 0, 1 1, 0 0))',
    {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 1],
      ],
    },
    { type: 'Polygon', coordinates: [[[0, 'a']]] },
    { type: 'Point' },
  ])('shows nothing for %j', (geometry) => {
    expect(footprintParts(geometry)).toEqual([]);
  });
});

describe('isEditablePart', () => {
  it('accepts closed single rings and points in range', () => {
    expect(isEditablePart({ type: 'Polygon', coordinates: square as [number, number][][] })).toBe(
      true,
    );
    expect(isEditablePart({ type: 'Point', coordinates: [180, -90] })).toBe(true);
  });

  it('leaves holes, open rings and out-of-range positions read-only', () => {
    const [ring = []] = square as [number, number][][];
    expect(isEditablePart({ type: 'Polygon', coordinates: [ring, ring] })).toBe(false);
    expect(isEditablePart({ type: 'Polygon', coordinates: [ring.slice(0, -1)] })).toBe(false);
    expect(isEditablePart({ type: 'Point', coordinates: [181, 0] })).toBe(false);
  });
});

describe('roundPart', () => {
  it('rounds to the given number of decimals', () => {
    expect(roundPart({ type: 'Point', coordinates: [1.23456789012, -0.1] }, 9)).toEqual({
      type: 'Point',
      coordinates: [1.23456789, -0.1],
    });
  });
});

describe('lonLatBounds', () => {
  it('covers geometries and feature collections together', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-50, 60] } },
      ],
    };
    expect(lonLatBounds([{ type: 'Polygon', coordinates: square }, collection, null])).toEqual([
      -50, 0, 1, 60,
    ]);
    expect(lonLatBounds([null, {}])).toBeNull();
  });
});
