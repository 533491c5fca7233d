import type {
  Bbox,
  FootprintGeometry,
  MultiPolygonGeometry,
  PolygonGeometry,
  Position,
} from './footprintTypes';

/**
 * A box's outline. Edges wider than 180° get a midpoint: otherwise the ring would read as jumping
 * across the antimeridian (RFC 7946 §3.1.9) and normalisation would flip it to the narrow side.
 * The full-width box keeps the classic five-position form, which is read literally.
 */
function boxRing(west: number, south: number, east: number, north: number): Position[] {
  if (east - west > 180 && !(west === -180 && east === 180)) {
    const mid = (west + east) / 2;
    return [
      [west, south],
      [mid, south],
      [east, south],
      [east, north],
      [mid, north],
      [west, north],
      [west, south],
    ];
  }
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

/**
 * The footprint of a bbox. When west > east the box crosses the antimeridian and becomes two
 * polygons that meet at ±180 (RFC 7946 §3.1.9, §5.2); a zero-width half is left out.
 */
export function bboxToGeometry(
  west: number,
  south: number,
  east: number,
  north: number,
): PolygonGeometry | MultiPolygonGeometry {
  if (west <= east) {
    return { type: 'Polygon', coordinates: [boxRing(west, south, east, north)] };
  }
  const halves: Position[][][] = [];
  if (west < 180) {
    halves.push([boxRing(west, south, 180, north)]);
  }
  if (east > -180) {
    halves.push([boxRing(-180, south, east, north)]);
  }
  const [only] = halves;
  if (halves.length === 1 && only) {
    return { type: 'Polygon', coordinates: only };
  }
  return { type: 'MultiPolygon', coordinates: halves };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * The whole world. Frozen because it is shared: copy it (structuredClone) before editing in place.
 */
export const GLOBAL_FOOTPRINT: Readonly<{ geometry: PolygonGeometry; bbox: Bbox }> = deepFreeze({
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-180, -90],
        [180, -90],
        [180, 90],
        [-180, 90],
        [-180, -90],
      ],
    ],
  },
  bbox: [-180, -90, 180, 90],
});

type Interval = [number, number];

/**
 * The shortest stretch of longitude covering every interval, found as the complement of the
 * widest uncovered gap. Returns [west, east] with west > east when that stretch crosses ±180.
 */
function coveringArc(intervals: readonly Interval[]): Interval {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1]) {
      last[1] = Math.max(last[1], hi);
    } else {
      merged.push([lo, hi]);
    }
  }
  const first = merged[0] as Interval;
  const last = merged[merged.length - 1] as Interval;
  // The gap across the antimeridian wins ties, so a box only crosses when that is strictly shorter.
  let widest = 180 - last[1] + (first[0] + 180);
  let result: Interval = [first[0], last[1]];
  for (let i = 1; i < merged.length; i += 1) {
    const gap = (merged[i] as Interval)[0] - (merged[i - 1] as Interval)[1];
    if (gap > widest) {
      widest = gap;
      result = [(merged[i] as Interval)[0], (merged[i - 1] as Interval)[1]];
    }
  }
  return result;
}

/**
 * The westernmost start and easternmost end of the intervals. A loop, not Math.min(...): a
 * MultiPoint of 200,000 points has as many intervals, too many to spread into a call.
 */
function span(intervals: readonly Interval[]): Interval {
  let west = Infinity;
  let east = -Infinity;
  for (const [lo, hi] of intervals) {
    west = Math.min(west, lo);
    east = Math.max(east, hi);
  }
  return [west, east];
}

interface Part {
  positions: Position[];
  /** Polygons (not points) take part in antimeridian detection. */
  area: boolean;
}

/** The members of a list that are lists themselves; anything else (null, "x") is no list. */
const lists = (value: unknown): unknown[][] =>
  Array.isArray(value) ? value.filter((v): v is unknown[] => Array.isArray(v)) : [];

/**
 * The positions of each part. The types promise a well-formed geometry, but one read from a file
 * (a training item) may hold anything where positions belong: what is not a list is skipped.
 */
function partsOf(geometry: FootprintGeometry): Part[] {
  const coordinates: unknown = geometry.coordinates;
  const polygonPart = (polygon: unknown): Part => ({
    positions: lists(polygon).flatMap((ring) => lists(ring)) as Position[],
    area: true,
  });
  switch (geometry.type) {
    case 'Point':
      return [{ positions: lists([coordinates]) as Position[], area: false }];
    case 'MultiPoint':
      return lists(coordinates).map((p) => ({ positions: [p as Position], area: false }));
    case 'Polygon':
      return [polygonPart(coordinates)];
    case 'MultiPolygon':
      return lists(coordinates).map(polygonPart);
    default:
      // A geometry read from a file may be of another type (a LineString, "Circle"): no box.
      return [];
  }
}

const finite = (p: Position) => Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * [west, south, east, north] of a footprint. A geometry that was split at the antimeridian (some
 * polygon ends at 180 and another starts at -180) gets west > east when that box is narrower, as
 * RFC 7946 §5.2 asks; everything else gets plain minima and maxima. Undefined when there is no
 * finite position.
 */
export function footprintBbox(geometry: FootprintGeometry): Bbox | undefined {
  const intervals: Interval[] = [];
  let south = Infinity;
  let north = -Infinity;
  let touchesEast = false;
  let touchesWest = false;
  for (const part of partsOf(geometry)) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of part.positions) {
      if (!finite(p)) {
        continue;
      }
      const [x, y] = p as [number, number];
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    }
    if (lo > hi) {
      continue;
    }
    intervals.push([lo, hi]);
    // A part spanning the whole width is not one half of a split.
    if (part.area && !(lo === -180 && hi === 180)) {
      touchesEast ||= hi === 180;
      touchesWest ||= lo === -180;
    }
  }
  if (intervals.length === 0) {
    return undefined;
  }
  if (touchesEast && touchesWest) {
    const [w, e] = coveringArc(intervals);
    return [w, south, e, north];
  }
  const [west, east] = span(intervals);
  return [west, south, east, north];
}

/**
 * The box around several boxes (say, the training data's extents). When any of them crosses the
 * antimeridian the result is the narrowest box covering all, which may cross too; boxes that do not
 * cross are combined by plain minima and maxima. 6-number boxes lose their heights. Undefined for
 * an empty list.
 */
export function unionBbox(bboxes: readonly (readonly number[])[]): Bbox | undefined {
  const intervals: Interval[] = [];
  let south = Infinity;
  let north = -Infinity;
  let crossing = false;
  for (const box of bboxes) {
    const three = box.length >= 6;
    const w = box[0];
    const s = box[1];
    const e = box[three ? 3 : 2];
    const n = box[three ? 4 : 3];
    if (![w, s, e, n].every(Number.isFinite)) {
      continue;
    }
    const [west, sth, east, nth] = [w, s, e, n] as [number, number, number, number];
    south = Math.min(south, sth);
    north = Math.max(north, nth);
    if (west > east) {
      crossing = true;
      intervals.push([west, 180], [-180, east]);
    } else {
      intervals.push([west, east]);
    }
  }
  if (intervals.length === 0) {
    return undefined;
  }
  if (crossing) {
    const [w, e] = coveringArc(intervals);
    return [w, south, e, north];
  }
  const [west, east] = span(intervals);
  return [west, south, east, north];
}

export type BboxField = 'west' | 'south' | 'east' | 'north';
export type BboxFieldErrors = Partial<Record<BboxField, string>>;

const LABEL: Record<BboxField, string> = {
  west: 'West',
  south: 'South',
  east: 'East',
  north: 'North',
};

/**
 * Messages for the West/South/East/North inputs, keyed by field; an empty object means the box is
 * usable. West greater than East is allowed: the box then crosses the antimeridian.
 */
export function validateBboxFields(
  west: number | null | undefined,
  south: number | null | undefined,
  east: number | null | undefined,
  north: number | null | undefined,
): BboxFieldErrors {
  const errors: BboxFieldErrors = {};
  const values: Record<BboxField, number | null | undefined> = { west, south, east, north };
  for (const field of ['west', 'south', 'east', 'north'] as const) {
    const value = values[field];
    const limit = field === 'west' || field === 'east' ? 180 : 90;
    const axis = limit === 180 ? 'longitude' : 'latitude';
    if (value === null || value === undefined || Number.isNaN(value)) {
      errors[field] = `${LABEL[field]} is required: a ${axis} in degrees.`;
    } else if (!Number.isFinite(value) || value < -limit || value > limit) {
      errors[field] = `${LABEL[field]} must be a ${axis} between -${limit} and ${limit}.`;
    }
  }
  if (!errors.south && !errors.north && (south as number) > (north as number)) {
    errors.south = 'South must not be greater than North.';
    errors.north = 'North must not be less than South.';
  }
  return errors;
}
