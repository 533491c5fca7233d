import { describe, expect, it } from 'vitest';

import { GLOBAL_FOOTPRINT } from '../../src/map/bboxFootprint';
import type { FootprintGeometry, Position } from '../../src/map/footprintTypes';
import { normalizeFootprint } from '../../src/map/normalizeFootprint';
import { bboxContains, expectRfc7946, netArea, positionsOf } from './footprintAssertions';

const polygon = (...rings: Position[][]): FootprintGeometry => ({
  type: 'Polygon',
  coordinates: rings,
});

/** Normalises, checks RFC 7946 and the app's schema, and that a second pass changes nothing. */
function normalize(geometry: FootprintGeometry, precision?: number) {
  const result = normalizeFootprint(geometry, precision === undefined ? {} : { precision });
  if (result.problems.length === 0) {
    expectRfc7946(result.geometry);
  }
  const again = normalizeFootprint(result.geometry, precision === undefined ? {} : { precision });
  expect(again.geometry).toEqual(result.geometry);
  expect(again.bbox).toEqual(result.bbox);
  expect(again.notices.filter((n) => !n.includes('only part'))).toEqual([]);
  return result;
}

const WEST_HALF = [
  [180, 10],
  [170, 10],
  [170, -10],
  [180, -10],
  [180, 10],
];
const EAST_HALF = [
  [-180, -10],
  [-170, -10],
  [-170, 10],
  [-180, 10],
  [-180, -10],
];

describe('normalizeFootprint: antimeridian', () => {
  it('splits a polygon drawn with continuous longitudes (170 → 190)', () => {
    const result = normalize(
      polygon([
        [170, -10],
        [190, -10],
        [190, 10],
        [170, 10],
        [170, -10],
      ]),
    );
    expect(result.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [[WEST_HALF], [EAST_HALF]],
    });
    expect(result.bbox).toEqual([170, -10, -170, 10]);
    expect(result.notices).toEqual([
      'The polygon crosses the antimeridian (180° longitude); it was split there into 2 polygons (RFC 7946 §3.1.9).',
    ]);
    expect(result.problems).toEqual([]);
  });

  it('splits a polygon that jumps from 170 to -170 (and fixes its winding first)', () => {
    const result = normalize(
      polygon([
        [170, -10],
        [170, 10],
        [-170, 10],
        [-170, -10],
        [170, -10],
      ]),
    );
    expect(result.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [[WEST_HALF], [EAST_HALF]],
    });
    expect(result.bbox).toEqual([170, -10, -170, 10]);
    expect(result.notices[0]).toBe(
      'Ring 1 was clockwise; it was reversed to follow the right-hand rule (RFC 7946).',
    );
    expect(result.notices[1]).toMatch(/crosses the antimeridian/);
  });

  it('interpolates the latitude where a slanted edge meets 180°', () => {
    // (175, 0) → (-165, 40) is 20° east; 180 is a quarter of the way along, at latitude 10.
    const result = normalize(
      polygon([
        [175, 0],
        [-165, 40],
        [-165, 50],
        [175, 50],
        [175, 0],
      ]),
    );
    const positions = positionsOf(result.geometry);
    expect(positions).toContainEqual([180, 10]);
    expect(positions).toContainEqual([-180, 10]);
    expect(positions).toContainEqual([180, 50]);
    expect(result.bbox).toEqual([175, 0, -165, 50]);
    // The two halves cover the same area as the unsplit outline: 20 × 50 minus a 20 × 40 triangle / 2.
    expect(netArea(result.geometry)).toBeCloseTo(20 * 50 - (20 * 40) / 2, 9);
  });

  it('moves polygons that lie entirely beyond ±180 back into range', () => {
    const east = normalize(
      polygon([
        [190, -10],
        [200, -10],
        [200, 10],
        [190, 10],
        [190, -10],
      ]),
    );
    expect(east.geometry).toEqual(
      polygon([
        [-170, -10],
        [-160, -10],
        [-160, 10],
        [-170, 10],
        [-170, -10],
      ]),
    );
    expect(east.notices).toEqual([
      'The polygon lay beyond ±180° longitude; it was moved by 360° to the same place within [-180, 180].',
    ]);
    const west = normalize(
      polygon([
        [-200, 0],
        [-190, 0],
        [-190, 5],
        [-200, 5],
        [-200, 0],
      ]),
    );
    expect(west.bbox).toEqual([160, 0, 170, 5]);
    // Touching 180 from beyond: 180..190 is the same place as -180..-170.
    const touching = normalize(
      polygon([
        [180, 0],
        [190, 0],
        [190, 5],
        [180, 5],
        [180, 0],
      ]),
    );
    expect(touching.bbox).toEqual([-180, 0, -170, 5]);
  });

  it('leaves polygons that touch ±180 without crossing alone', () => {
    const east = polygon([
      [170, -10],
      [180, -10],
      [180, 10],
      [170, 10],
      [170, -10],
    ]);
    const west = polygon([
      [-180, -10],
      [-170, -10],
      [-170, 10],
      [-180, 10],
      [-180, -10],
    ]);
    for (const geometry of [east, west]) {
      const result = normalize(geometry);
      expect(result.geometry).toEqual(geometry);
      expect(result.notices).toEqual([]);
    }
    expect(normalize(east).bbox).toEqual([170, -10, 180, 10]);
    expect(normalize(west).bbox).toEqual([-180, -10, -170, 10]);
  });

  it('writes a ±180 vertex on the side of its neighbours instead of splitting', () => {
    const result = normalize(
      polygon([
        [170, 0],
        [-180, 0],
        [-180, 10],
        [170, 10],
        [170, 0],
      ]),
    );
    expect(result.geometry).toEqual(
      polygon([
        [170, 0],
        [180, 0],
        [180, 10],
        [170, 10],
        [170, 0],
      ]),
    );
    expect(result.notices).toEqual([expect.stringMatching(/between 180° and -180°/)]);
  });

  it('keeps the classic whole-world polygon as it is', () => {
    const result = normalize(GLOBAL_FOOTPRINT.geometry);
    expect(result.geometry).toEqual(GLOBAL_FOOTPRINT.geometry);
    expect(result.bbox).toEqual([-180, -90, 180, 90]);
    expect(result.notices).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('splits only the crossing members of a MultiPolygon', () => {
    const result = normalize({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [10, 0],
            [10, 10],
            [0, 10],
            [0, 0],
          ],
        ],
        [
          [
            [170, -10],
            [190, -10],
            [190, 10],
            [170, 10],
            [170, -10],
          ],
        ],
      ],
    });
    expect(result.geometry.type).toBe('MultiPolygon');
    expect(result.geometry.coordinates).toHaveLength(3);
    expect(result.geometry.coordinates[1]).toEqual([WEST_HALF]);
    expect(result.geometry.coordinates[2]).toEqual([EAST_HALF]);
    expect(result.notices).toEqual([expect.stringMatching(/^Polygon 2 crosses the antimeridian/)]);
    const bbox = result.bbox as NonNullable<typeof result.bbox>;
    expect(bbox[0]).toBeGreaterThan(bbox[2]);
    for (const p of positionsOf(result.geometry)) {
      expect(bboxContains(bbox, p)).toBe(true);
    }
  });

  it('keeps holes with the half that contains them', () => {
    const exterior = [
      [170, -10],
      [190, -10],
      [190, 10],
      [170, 10],
      [170, -10],
    ];
    const westHole = [
      [172, -2],
      [172, 2],
      [176, 2],
      [176, -2],
      [172, -2],
    ];
    // Written with a jump, as a user pasting mixed conventions would: it lies east of 180.
    const eastHole = [
      [-178, -2],
      [-178, 2],
      [-174, 2],
      [-174, -2],
      [-178, -2],
    ];
    const result = normalize(polygon(exterior, westHole, eastHole));
    expect(result.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [WEST_HALF, westHole],
        [EAST_HALF, eastHole],
      ],
    });
    expect(netArea(result.geometry)).toBeCloseTo(400 - 16 - 16, 9);
  });

  it('turns a hole cut by the antimeridian into notches, keeping the area', () => {
    const result = normalize(
      polygon(
        [
          [170, -10],
          [190, -10],
          [190, 10],
          [170, 10],
          [170, -10],
        ],
        [
          [175, -5],
          [175, 5],
          [185, 5],
          [185, -5],
          [175, -5],
        ],
      ),
    );
    expect(result.geometry.type).toBe('MultiPolygon');
    expect(result.geometry.coordinates).toHaveLength(2);
    expect(netArea(result.geometry)).toBeCloseTo(400 - 100, 9);
    expect(result.problems).toEqual([]);
  });

  it('splits a concave outline that crosses the antimeridian twice into three parts', () => {
    // A "C" open to the west: two arms reach across 180, joined east of it.
    const result = normalize(
      polygon([
        [170, 0],
        [190, 0],
        [190, 30],
        [170, 30],
        [170, 20],
        [185, 20],
        [185, 10],
        [170, 10],
        [170, 0],
      ]),
    );
    expect(result.geometry.type).toBe('MultiPolygon');
    expect(result.geometry.coordinates).toHaveLength(3);
    expect(netArea(result.geometry)).toBeCloseTo(20 * 30 - 15 * 10, 9);
    expect(result.bbox).toEqual([170, 0, -170, 30]);
  });

  it('reports a ring that circles a pole instead of guessing', () => {
    const ring = [
      [-170, 80],
      [-90, 80],
      [0, 80],
      [90, 80],
      [170, 80],
      [-170, 80],
    ];
    const result = normalizeFootprint(polygon(ring));
    expect(result.problems).toContainEqual({
      message: expect.stringMatching(/circles a pole/),
      path: '/coordinates/0',
    });
  });
});

describe('normalizeFootprint: winding and cleaning', () => {
  it('reverses clockwise exteriors and counterclockwise holes', () => {
    const result = normalize(
      polygon(
        [
          [0, 0],
          [0, 10],
          [10, 10],
          [10, 0],
          [0, 0],
        ],
        [
          [2, 2],
          [8, 2],
          [8, 8],
          [2, 8],
          [2, 2],
        ],
      ),
    );
    expect(result.geometry).toEqual(
      polygon(
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
        [
          [2, 2],
          [2, 8],
          [8, 8],
          [8, 2],
          [2, 2],
        ],
      ),
    );
    expect(result.notices).toEqual([
      'Ring 1 was clockwise; it was reversed to follow the right-hand rule (RFC 7946).',
      'Ring 2 (a hole) was counterclockwise; it was reversed so holes run clockwise (right-hand rule, RFC 7946).',
    ]);
  });

  it('names the polygon of a MultiPolygon in notices', () => {
    const result = normalize({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [5, 6],
            [6, 6],
            [5, 5],
          ],
        ],
      ],
    });
    expect(result.notices).toEqual([
      'Polygon 2, ring 1 was clockwise; it was reversed to follow the right-hand rule (RFC 7946).',
    ]);
  });

  it('closes open rings and removes repeated positions', () => {
    const result = normalize(
      polygon([
        [0, 0],
        [10, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 10],
      ]),
    );
    expect(result.geometry).toEqual(
      polygon([
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ]),
    );
    expect(result.notices).toEqual([
      'Ring 1 was not closed; its first position was repeated at the end (RFC 7946 §3.1.6).',
      'Ring 1 repeated 2 positions in a row; the repeats were removed.',
    ]);
  });

  it('rounds to 6 decimals by default and to the precision asked for', () => {
    const input = polygon([
      [0.12345678, 0.98765432],
      [10.1111119, 0],
      [10, 10],
      [0.12345678, 0.98765432],
    ]);
    const six = normalize(input);
    expect(positionsOf(six.geometry)[0]).toEqual([0.123457, 0.987654]);
    expect(positionsOf(six.geometry)[1]).toEqual([10.111112, 0]);
    expect(six.notices).toContain('Coordinates were rounded to 6 decimal places (about 11 cm).');
    const two = normalize(input, 2);
    expect(positionsOf(two.geometry)[0]).toEqual([0.12, 0.99]);
    expect(two.notices).toContain('Coordinates were rounded to 2 decimal places (about 1 km).');
  });

  it('drops positions that rounding makes identical', () => {
    const result = normalize(
      polygon([
        [0, 0],
        [1, 0],
        [1.0000001, 0.0000001],
        [1, 1],
        [0, 0],
      ]),
    );
    expect(result.geometry.coordinates).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ]);
    expect(result.notices).toContain(
      'Ring 1 repeated a position in a row; the repeats were removed.',
    );
  });

  it('never writes -0', () => {
    const result = normalize(
      polygon([
        [-0.0000001, -0.0000001],
        [1, 0],
        [1, 1],
        [-0.0000001, -0.0000001],
      ]),
    );
    expect(Object.is(positionsOf(result.geometry)[0]?.[0], 0)).toBe(true);
  });

  it('drops foreign members such as a stale geometry bbox', () => {
    const result = normalize({
      type: 'Point',
      coordinates: [1, 2],
      bbox: [0, 0, 0, 0],
    });
    expect(result.geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(result.notices).toEqual([expect.stringMatching(/"bbox" member was removed/)]);
  });
});

describe('normalizeFootprint: points', () => {
  it('rounds points and wraps longitudes beyond ±180', () => {
    const result = normalize({
      type: 'MultiPoint',
      coordinates: [
        [190, 5],
        [1.23456789, 2],
      ],
    });
    expect(result.geometry).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [-170, 5],
        [1.234568, 2],
      ],
    });
    expect(result.notices[0]).toBe(
      'Longitude 190 is beyond ±180°; it was written as -170, the same meridian.',
    );
    expect(result.bbox).toEqual([-170, 2, 1.234568, 5]);
  });

  it('gives a Point a bbox of zero size', () => {
    expect(normalize({ type: 'Point', coordinates: [12, 34] }).bbox).toEqual([12, 34, 12, 34]);
  });
});

describe('normalizeFootprint: problems', () => {
  it('reports a self-intersecting bow-tie with a pointer to the crossing edge', () => {
    const result = normalizeFootprint(
      polygon([
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
        [0, 0],
      ]),
    );
    expect(result.problems).toEqual([
      {
        message: 'Ring 1 crosses or touches itself near [5, 5]; a ring must not intersect itself.',
        path: '/coordinates/0/0',
      },
    ]);
  });

  it('reports a ring that turns straight back on itself', () => {
    const result = normalizeFootprint(
      polygon([
        [0, 0],
        [10, 0],
        [5, 0],
        [5, 5],
        [0, 0],
      ]),
    );
    expect(result.problems).toEqual([
      { message: expect.stringMatching(/turns straight back/), path: '/coordinates/0/0' },
    ]);
  });

  it('reports self-intersections in MultiPolygon members with their full path', () => {
    const result = normalizeFootprint({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [20, 0],
            [30, 0],
            [30, 10],
            [20, 0],
          ],
        ],
        [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [2, -1],
            [0, 4],
            [0, 0],
          ],
        ],
      ],
    });
    expect(result.problems).toEqual([
      {
        message: expect.stringMatching(/^Polygon 2, ring 1 crosses or touches itself/),
        path: '/coordinates/1/0/0',
      },
    ]);
  });

  it('reports latitudes out of range without changing them', () => {
    const result = normalizeFootprint(
      polygon([
        [0, 0],
        [10, 0],
        [10, 95],
        [0, 0],
      ]),
    );
    expect(result.geometry.coordinates).toEqual([
      [
        [0, 0],
        [10, 0],
        [10, 95],
        [0, 0],
      ],
    ]);
    expect(result.problems).toEqual([
      {
        message: 'Latitude 95 is outside [-90, 90]; are longitude and latitude swapped?',
        path: '/coordinates/0/2',
      },
    ]);
  });

  it('reports longitudes it could not bring into range', () => {
    const wide = polygon([
      [-200, 0],
      [-100, 0],
      [0, 0],
      [100, 0],
      [200, 0],
      [200, 10],
      [100, 10],
      [0, 10],
      [-100, 10],
      [-200, 10],
      [-200, 0],
    ]);
    const result = normalizeFootprint(wide);
    expect(result.problems).toContainEqual({
      message: expect.stringMatching(/spans more than 360°/),
      path: '/coordinates/0',
    });
    expect(result.problems).toContainEqual({
      message: 'Longitude -200 is outside [-180, 180].',
      path: '/coordinates/0/0',
    });
  });

  it('reports positions that are not numbers, with their path', () => {
    const result = normalizeFootprint({
      type: 'Polygon',
      coordinates: [[[0, 0], [10, Number.NaN], [10, 10], ['a', 0] as unknown as number[], [0, 0]]],
    });
    expect(result.problems.map((p) => p.path)).toEqual(['/coordinates/0/1', '/coordinates/0/3']);
    expect(result.problems[0]?.message).toMatch(/two finite numbers/);
  });

  it('reports rings that are too short after cleaning', () => {
    const result = normalizeFootprint(
      polygon(
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
        [
          [2, 2],
          [2, 2],
          [3, 3],
          [2, 2],
        ],
      ),
    );
    expect(result.problems).toEqual([
      {
        message:
          'Ring 2 has 3 positions after cleaning; a ring needs at least 4 (the last repeating the first).',
        path: '/coordinates/1',
      },
    ]);
  });

  it('summarises long runs of the same problem', () => {
    const ring = Array.from({ length: 12 }, (_, i) => [i, 91 + i]);
    const result = normalizeFootprint(polygon([[0, 0], ...ring, [0, 0]]));
    const latitude = result.problems.filter((p) => p.message.startsWith('Latitude'));
    expect(latitude).toHaveLength(5);
    expect(result.problems).toContainEqual({ message: '…and 7 more latitudes out of range.' });
  });

  it('says when a huge ring was only partly checked for self-intersections', () => {
    // A zig-zag whose edges all overlap in longitude: every pair has to be compared.
    const zigzag = Array.from({ length: 6000 }, (_, i) => [i % 2 === 0 ? 0 : 10, i / 100]);
    const ring = [...zigzag, [-1, 60], [-1, 0], [0, 0]];
    const result = normalizeFootprint(polygon(ring));
    expect(result.notices).toContainEqual(expect.stringMatching(/only part of it was checked/));
    expect(result.problems).toEqual([]);
  });

  it('rejects lines as footprints but still gives them a bbox', () => {
    const result = normalizeFootprint({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [5, 6],
      ],
    });
    expect(result.problems[0]?.message).toMatch(/is a line, not an area/);
    expect(result.bbox).toEqual([0, 0, 5, 6]);
  });
});

describe('normalizeFootprint: input', () => {
  it('never changes the geometry it is given', () => {
    const input = polygon(
      [
        [170, -10],
        [170, 10],
        [190, 10],
        [190, -10],
      ],
      [
        [175, -5],
        [185, -5],
        [185, 5],
        [175, 5],
      ],
    );
    const before = structuredClone(input);
    const frozen = (value: unknown): unknown =>
      Array.isArray(value) ? Object.freeze(value.map(frozen)) : value;
    const result = normalizeFootprint({
      type: 'Polygon',
      coordinates: frozen(input.coordinates) as Position[][],
    });
    expect(result.geometry.type).toBe('MultiPolygon');
    expect(input).toEqual(before);
  });
});
