import { describe, expect, it } from 'vitest';

import {
  bboxToGeometry,
  footprintBbox,
  GLOBAL_FOOTPRINT,
  unionBbox,
  validateBboxFields,
} from '../../src/map/bboxFootprint';
import { normalizeFootprint } from '../../src/map/normalizeFootprint';
import { bboxContains, expectRfc7946, positionsOf } from './footprintAssertions';

describe('bboxToGeometry', () => {
  it('makes a counterclockwise box', () => {
    const geometry = bboxToGeometry(-10, -5, 10, 5);
    expect(geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-10, -5],
          [10, -5],
          [10, 5],
          [-10, 5],
          [-10, -5],
        ],
      ],
    });
    expectRfc7946(geometry);
  });

  it('splits a box that crosses the antimeridian (west > east) into two polygons', () => {
    const geometry = bboxToGeometry(170, -10, -170, 10);
    expect(geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [170, -10],
            [180, -10],
            [180, 10],
            [170, 10],
            [170, -10],
          ],
        ],
        [
          [
            [-180, -10],
            [-170, -10],
            [-170, 10],
            [-180, 10],
            [-180, -10],
          ],
        ],
      ],
    });
    expectRfc7946(geometry);
    expect(footprintBbox(geometry)).toEqual([170, -10, -170, 10]);
  });

  it('leaves out a zero-width half', () => {
    expect(bboxToGeometry(180, 0, 10, 5).type).toBe('Polygon');
    expect(footprintBbox(bboxToGeometry(180, 0, 10, 5))).toEqual([-180, 0, 10, 5]);
    expect(footprintBbox(bboxToGeometry(20, 0, -180, 5))).toEqual([20, 0, 180, 5]);
  });

  it('gives boxes wider than 180° a midpoint so they are not read as crossing', () => {
    const geometry = bboxToGeometry(-170, -10, 170, 10);
    expect(positionsOf(geometry)).toContainEqual([0, -10]);
    const normalized = normalizeFootprint(geometry);
    expect(normalized.geometry).toEqual(geometry);
    expect(normalized.bbox).toEqual([-170, -10, 170, 10]);
    expect(normalized.notices).toEqual([]);
  });

  it('round-trips through footprintBbox and normalisation for many boxes', () => {
    const boxes: [number, number, number, number][] = [
      [0, 0, 1, 1],
      [-180, -90, 180, 90],
      [100, -20, -100, 20],
      [-10, -5, -20, 5],
      [179, 0, -179, 1],
      [-180, -10, 0, 10],
    ];
    for (const box of boxes) {
      const geometry = bboxToGeometry(...box);
      const normalized = normalizeFootprint(geometry);
      expect(normalized.geometry).toEqual(geometry);
      expect(normalized.bbox).toEqual(box);
      expect(footprintBbox(geometry)).toEqual(box);
    }
  });
});

describe('footprintBbox', () => {
  it('uses minima and maxima for ordinary geometries', () => {
    expect(
      footprintBbox({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [5, 0],
              [5, 5],
              [0, 0],
            ],
          ],
          [
            [
              [-20, -3],
              [-10, -3],
              [-10, 1],
              [-20, -3],
            ],
          ],
        ],
      }),
    ).toEqual([-20, -3, 5, 5]);
  });

  it('gives points a zero-size box and multipoints their extent', () => {
    expect(footprintBbox({ type: 'Point', coordinates: [7, 8] })).toEqual([7, 8, 7, 8]);
    expect(
      footprintBbox({
        type: 'MultiPoint',
        coordinates: [
          [170, 1],
          [-170, -1],
        ],
      }),
    ).toEqual([-170, -1, 170, 1]);
  });

  it('crosses only when parts meet at ±180, and only if that is narrower', () => {
    const split = bboxToGeometry(0, 0, -10, 5); // 0..180 and -180..-10
    expect(footprintBbox(split)).toEqual([0, 0, -10, 5]);
  });

  it('covers the world for the global footprint', () => {
    expect(footprintBbox(GLOBAL_FOOTPRINT.geometry)).toEqual([-180, -90, 180, 90]);
    expect(GLOBAL_FOOTPRINT.bbox).toEqual([-180, -90, 180, 90]);
  });

  it('ignores non-numbers and is undefined without any position', () => {
    expect(footprintBbox({ type: 'MultiPoint', coordinates: [] })).toBeUndefined();
    expect(
      footprintBbox({
        type: 'MultiPoint',
        coordinates: [
          [Number.NaN, 0],
          [1, 2],
        ],
      }),
    ).toEqual([1, 2, 1, 2]);
  });
});

describe('GLOBAL_FOOTPRINT', () => {
  it('is the whole-world polygon, valid and frozen', () => {
    expectRfc7946(GLOBAL_FOOTPRINT.geometry);
    expect(GLOBAL_FOOTPRINT.geometry.coordinates[0]).toEqual([
      [-180, -90],
      [180, -90],
      [180, 90],
      [-180, 90],
      [-180, -90],
    ]);
    expect(Object.isFrozen(GLOBAL_FOOTPRINT.geometry.coordinates[0]?.[0])).toBe(true);
    expect(() => {
      (GLOBAL_FOOTPRINT.bbox as number[])[0] = 0;
    }).toThrow(TypeError);
  });
});

describe('unionBbox', () => {
  it('combines ordinary boxes by minima and maxima', () => {
    expect(
      unionBbox([
        [0, 0, 10, 10],
        [-5, 2, 3, 12],
      ]),
    ).toEqual([-5, 0, 10, 12]);
  });

  it('keeps a crossing box crossing when another box joins it', () => {
    expect(
      unionBbox([
        [170, -10, -170, 10],
        [160, 0, 165, 20],
      ]),
    ).toEqual([160, -10, -170, 20]);
    expect(
      unionBbox([
        [170, -10, -170, 10],
        [-175, -20, -160, 0],
      ]),
    ).toEqual([170, -20, -160, 10]);
  });

  it('merges two crossing boxes', () => {
    expect(
      unionBbox([
        [170, 0, -175, 1],
        [175, 2, -170, 3],
      ]),
    ).toEqual([170, 0, -170, 3]);
  });

  it('goes all the way round when the boxes cover every longitude', () => {
    expect(
      unionBbox([
        [0, 0, -90, 1],
        [-100, 0, 10, 1],
      ]),
    ).toEqual([-180, 0, 180, 1]);
  });

  it('drops heights from 3D boxes and skips broken ones', () => {
    expect(
      unionBbox([
        [0, 0, -10, 5, 5, 100],
        [1, 1, Number.NaN, 2],
      ]),
    ).toEqual([0, 0, 5, 5]);
  });

  it('is undefined for no boxes', () => {
    expect(unionBbox([])).toBeUndefined();
  });

  it('contains every input box (crossing semantics)', () => {
    const boxes = [
      [150, -10, 160, 0],
      [175, 5, -175, 15],
      [-170, -20, -150, -15],
    ];
    const union = unionBbox(boxes);
    expect(union).toBeDefined();
    for (const [w, s, e, n] of boxes as [number, number, number, number][]) {
      expect(bboxContains(union!, [w, s])).toBe(true);
      expect(bboxContains(union!, [e, n])).toBe(true);
    }
    expect(union![0]).toBeGreaterThan(union![2]);
  });
});

describe('validateBboxFields', () => {
  it('accepts a valid box, including one that crosses the antimeridian', () => {
    expect(validateBboxFields(-10, -5, 10, 5)).toEqual({});
    expect(validateBboxFields(170, -5, -170, 5)).toEqual({});
    expect(validateBboxFields(-180, -90, 180, 90)).toEqual({});
  });

  it('checks ranges per field', () => {
    expect(validateBboxFields(-181, -91, 181, 91)).toEqual({
      west: 'West must be a longitude between -180 and 180.',
      south: 'South must be a latitude between -90 and 90.',
      east: 'East must be a longitude between -180 and 180.',
      north: 'North must be a latitude between -90 and 90.',
    });
  });

  it('needs south ≤ north', () => {
    expect(validateBboxFields(0, 10, 1, 5)).toEqual({
      south: 'South must not be greater than North.',
      north: 'North must not be less than South.',
    });
    expect(validateBboxFields(0, 5, 1, 5)).toEqual({});
  });

  it('asks for missing values', () => {
    expect(validateBboxFields(undefined, null, Number.NaN, 1)).toEqual({
      west: 'West is required: a longitude in degrees.',
      south: 'South is required: a latitude in degrees.',
      east: 'East is required: a longitude in degrees.',
    });
    expect(validateBboxFields(Infinity, 0, 0, 0).west).toMatch(/between -180 and 180/);
  });
});
