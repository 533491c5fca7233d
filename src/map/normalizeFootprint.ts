import type { Geometry } from '../../schemas/geojson';
import { footprintBbox } from './bboxFootprint';
import { findSelfIntersection } from './findSelfIntersection';
import {
  clampPrecision,
  DEFAULT_PRECISION,
  describePrecision,
  roundPosition,
} from './footprintPrecision';
import type { Bbox, FootprintGeometry, Position } from './footprintTypes';
import { signedRingArea } from './signedRingArea';
import { splitAtAntimeridian, unwrapPolygon } from './splitAtAntimeridian';

export interface FootprintProblem {
  message: string;
  /** JSON pointer into the returned geometry, e.g. "/coordinates/0/3". */
  path?: string;
}

export interface NormalizeFootprintOptions {
  /** Decimals kept in every coordinate; 6 (about 11 cm) by default. */
  precision?: number;
}

export interface NormalizedFootprint<G extends Geometry = FootprintGeometry> {
  geometry: G;
  /** [west, south, east, north], west > east across the antimeridian; undefined without positions. */
  bbox: Bbox | undefined;
  /** What was fixed, in plain words. */
  notices: string[];
  /** What is still wrong and was left for the user to decide. */
  problems: FootprintProblem[];
}

// After this many messages of one kind the rest are counted, so a broken 10,000-vertex outline
// yields a readable list instead of a wall of near-identical lines.
const PER_KIND = 5;
// Pair comparisons for the self-intersection check across the whole geometry: a few thousand
// vertices are checked in full, bigger outlines partly, with a notice.
const INTERSECTION_BUDGET = 4_000_000;

class Messages {
  readonly items: FootprintProblem[] = [];
  private readonly extra = new Map<string, { count: number; more: string }>();
  private readonly counts = new Map<string, number>();

  add(kind: string, more: string, message: string, path?: string) {
    const count = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, count);
    if (count <= PER_KIND) {
      this.items.push(path === undefined ? { message } : { message, path });
    } else {
      this.extra.set(kind, { count: count - PER_KIND, more });
    }
  }

  list(): FootprintProblem[] {
    const summaries = [...this.extra.values()].map(({ count, more }) => ({
      message: `…and ${count} more ${more}.`,
    }));
    return [...this.items, ...summaries];
  }
}

interface Context {
  precision: number;
  notices: Messages;
  rounded: boolean;
}

const samePlace = (a: Position | undefined, b: Position | undefined) =>
  !!a && !!b && a[0] === b[0] && a[1] === b[1];

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) &&
  value.length >= 2 &&
  value.every((v) => typeof v === 'number' && Number.isFinite(v));

/**
 * A deep copy of JSON data without recursion: a geometry read from a training-data file can nest
 * its coordinates thousands of levels deep, which structuredClone cannot copy.
 */
function copy<T>(value: T): T {
  const own = (into: object, key: string | number, v: unknown) =>
    Object.defineProperty(into, key, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  const root: Record<string, unknown> = {};
  const stack: { from: unknown; into: object; key: string | number }[] = [
    { from: value, into: root, key: 'value' },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { from, into, key } = next;
    let made: unknown = from;
    if (Array.isArray(from)) {
      const list = new Array<unknown>(from.length);
      from.forEach((v, i) => stack.push({ from: v, into: list, key: i }));
      made = list;
    } else if (from !== null && typeof from === 'object') {
      const out = {};
      for (const k of Object.keys(from)) {
        // Each key in place now, its value when its turn comes: the key order stays the same.
        own(out, k, undefined);
        stack.push({ from: (from as Record<string, unknown>)[k], into: out, key: k });
      }
      made = out;
    }
    own(into, key, made);
  }
  return root.value as T;
}

/**
 * roundPosition, except that a coordinate too large to round (1e308 times 10^6 overflows to
 * Infinity) is kept as it is: the checks then report it as out of range instead of it turning
 * into Infinity or NaN, which JSON would write as null.
 */
function roundFinite(position: readonly number[], precision: number): Position {
  return roundPosition(position, precision).map((v, i) =>
    Number.isFinite(v) ? v : (position[i] as number),
  );
}

function round(position: Position, ctx: Context): Position {
  const out = roundFinite(position, ctx.precision);
  if (!ctx.rounded && out.some((v, i) => v !== position[i])) {
    ctx.rounded = true;
  }
  return out;
}

function close(ring: readonly Position[]): Position[] {
  const first = ring[0];
  return first ? [...ring.map((p) => [...p]), [...first]] : [];
}

/** Removes consecutive repeats, including a last vertex equal to the first (rings stay open). */
function dropRepeats(ring: readonly Position[]): { ring: Position[]; removed: number } {
  const out: Position[] = [];
  for (const p of ring) {
    if (!samePlace(out[out.length - 1], p)) {
      out.push(p);
    }
  }
  while (out.length > 1 && samePlace(out[0], out[out.length - 1])) {
    out.pop();
  }
  return { ring: out, removed: ring.length - out.length };
}

const reverseKeepingStart = (ring: readonly Position[]): Position[] =>
  ring.length === 0 ? [] : [ring[0] as Position, ...ring.slice(1).reverse()];

interface PolygonOutcome {
  polygons: Position[][][];
  /** Problems found while fixing, by output polygon (relative to this outcome) and ring. */
  problems: { polygon: number; ring?: number; message: string }[];
}

/** Cleans, rewinds and splits one polygon; the labels name it in notices ("Polygon 2, ring 1"). */
function normalizePolygon(
  rings: unknown,
  ringLabel: (ring: number) => string,
  polygonLabel: string,
  ctx: Context,
): PolygonOutcome {
  if (!Array.isArray(rings) || rings.length === 0 || !rings.every((r) => Array.isArray(r))) {
    return { polygons: [copy(rings) as Position[][]], problems: [] };
  }
  if (!rings.every((ring: unknown[]) => ring.every(isPosition))) {
    // Broken numbers make every later step meaningless; the checks report each one in place.
    return { polygons: [copy(rings) as Position[][]], problems: [] };
  }
  const cleaned = (rings as Position[][]).map((input, r) => {
    const rounded = input.map((p) => round(p, ctx));
    const closed = rounded.length > 1 && samePlace(rounded[0], rounded[rounded.length - 1]);
    if (!closed && rounded.length > 0) {
      ctx.notices.add(
        'open',
        'rings were closed the same way',
        `${ringLabel(r)} was not closed; its first position was repeated at the end (RFC 7946 §3.1.6).`,
      );
    }
    const { ring, removed } = dropRepeats(closed ? rounded.slice(0, -1) : rounded);
    if (removed > 0) {
      ctx.notices.add(
        'repeats',
        'rings had repeated positions removed',
        `${ringLabel(r)} repeated ${removed === 1 ? 'a position' : `${removed} positions`} in a row; the repeats were removed.`,
      );
    }
    return ring;
  });
  if (cleaned.some((ring) => ring.length < 3)) {
    return { polygons: [cleaned.map(close)], problems: [] };
  }
  const unwrapped = unwrapPolygon(cleaned);
  if (unwrapped.poleRing !== undefined) {
    return {
      polygons: [cleaned.map(close)],
      problems: [
        {
          polygon: 0,
          ring: unwrapped.poleRing,
          message: `${ringLabel(unwrapped.poleRing)} goes all the way round the globe (it circles a pole), so it could not be split at the antimeridian. Add the pole's corners, e.g. [180, 90] and [-180, 90], to its outline.`,
        },
      ],
    };
  }
  let west = Infinity;
  let east = -Infinity;
  // A loop, not Math.min(...lons): spreading a 200,000-vertex outline overflows the call stack.
  for (const p of unwrapped.rings[0] as Position[]) {
    west = Math.min(west, p[0] as number);
    east = Math.max(east, p[0] as number);
  }
  if (east - west > 360) {
    return {
      polygons: [cleaned.map(close)],
      problems: [
        {
          polygon: 0,
          ring: 0,
          message: `${polygonLabel} spans more than 360° of longitude once its edges are read the short way round, so it could not be split at the antimeridian.`,
        },
      ],
    };
  }
  const wound = unwrapped.rings.map((ring, r) => {
    const area = signedRingArea(ring);
    if (r === 0 && area < 0) {
      ctx.notices.add(
        'clockwise',
        'outer rings were reversed',
        `${ringLabel(r)} was clockwise; it was reversed to follow the right-hand rule (RFC 7946).`,
      );
      return reverseKeepingStart(ring);
    }
    if (r > 0 && area > 0) {
      ctx.notices.add(
        'hole',
        'holes were reversed',
        `${ringLabel(r)} (a hole) was counterclockwise; it was reversed so holes run clockwise (right-hand rule, RFC 7946).`,
      );
      return reverseKeepingStart(ring);
    }
    return ring;
  });
  const split = splitAtAntimeridian(wound);
  if (split.kind === 'split') {
    ctx.notices.add(
      'split',
      'polygons were split at the antimeridian',
      `${polygonLabel} crosses the antimeridian (180° longitude); it was split there into ${split.polygons.length} polygons (RFC 7946 §3.1.9).`,
    );
    if (split.droppedHoles > 0) {
      ctx.notices.add(
        'dropped-hole',
        'holes were dropped',
        `${polygonLabel}: ${split.droppedHoles === 1 ? 'a hole' : `${split.droppedHoles} holes`} could not be placed inside any part after the split and ${split.droppedHoles === 1 ? 'was' : 'were'} removed.`,
      );
    }
  } else if (split.kind === 'shifted') {
    ctx.notices.add(
      'shifted',
      'polygons were moved by 360°',
      `${polygonLabel} lay beyond ±180° longitude; it was moved by 360° to the same place within [-180, 180].`,
    );
  } else if (unwrapped.jumped) {
    ctx.notices.add(
      'seam',
      'polygons had ±180 rewritten',
      `${polygonLabel} switched between 180° and -180° mid-outline; those longitudes were written on one side so the outline stays continuous.`,
    );
  }
  const polygons: Position[][][] = [];
  for (const polygon of split.polygons) {
    const rings: Position[][] = [];
    polygon.forEach((ring, r) => {
      const tidy = dropRepeats(ring.map((p) => roundFinite(p, ctx.precision))).ring;
      const area = signedRingArea(tidy);
      // Rounding the cut points can collapse a sliver at the cut; it is below the precision asked for.
      const collapsed = tidy.length < 3 || (r === 0 ? area <= 0 : area >= 0);
      if (split.kind === 'split' && collapsed) {
        return;
      }
      if (r === 0 || rings.length > 0) {
        rings.push(close(tidy));
      }
    });
    if (rings.length > 0) {
      polygons.push(rings);
    }
  }
  return { polygons, problems: [] };
}

function normalizePoint(position: unknown, ctx: Context): unknown {
  if (!isPosition(position)) {
    return copy(position);
  }
  const out = round(position, ctx);
  const lon = out[0] as number;
  if (lon < -180 || lon > 180) {
    const wrapped = roundFinite([((((lon + 180) % 360) + 360) % 360) - 180], ctx.precision);
    out[0] = wrapped[0] as number;
    ctx.notices.add(
      'point-lon',
      'point longitudes were wrapped',
      `Longitude ${lon} is beyond ±180°; it was written as ${out[0]}, the same meridian.`,
    );
  }
  return out;
}

function ringName(polygon: number | undefined, ring: number): string {
  return polygon === undefined ? `Ring ${ring + 1}` : `Polygon ${polygon + 1}, ring ${ring + 1}`;
}

/** Reports what normalisation could not fix; paths point into the returned geometry. */
function check(geometry: Geometry, problems: Messages, notices: Messages): void {
  const position = (value: unknown, path: string) => {
    if (!isPosition(value)) {
      problems.add(
        'nan',
        'positions that are not numbers',
        'This position needs at least two finite numbers: [longitude, latitude].',
        path,
      );
      return false;
    }
    const [lon, lat] = value as [number, number];
    let inRange = true;
    if (lon < -180 || lon > 180) {
      inRange = false;
      problems.add(
        'lon',
        'longitudes out of range',
        `Longitude ${lon} is outside [-180, 180].`,
        path,
      );
    }
    if (lat < -90 || lat > 90) {
      inRange = false;
      problems.add(
        'lat',
        'latitudes out of range',
        `Latitude ${lat} is outside [-90, 90]; are longitude and latitude swapped?`,
        path,
      );
    }
    return inRange;
  };
  let budget = INTERSECTION_BUDGET;
  const ring = (value: unknown, path: string, polygon: number | undefined, r: number) => {
    if (!Array.isArray(value)) {
      problems.add('shape', 'malformed parts', 'A ring must be an array of positions.', path);
      return;
    }
    const valid = value.map((p, i) => position(p, `${path}/${i}`)).every(Boolean);
    if (value.length < 4) {
      problems.add(
        'short',
        'rings that are too short',
        `${ringName(polygon, r)} has ${value.length} position${value.length === 1 ? '' : 's'} after cleaning; a ring needs at least 4 (the last repeating the first).`,
        path,
      );
      return;
    }
    // A ring with a non-number or an out-of-range coordinate is already reported; testing it for
    // crossings would only add noise (products of 1e308 overflow to Infinity and NaN).
    if (!valid) {
      return;
    }
    const result = findSelfIntersection(value as Position[], Math.max(budget, 0));
    budget -= result.comparisons;
    if (result.incomplete) {
      notices.add(
        'budget',
        'rings were only partly checked',
        `${ringName(polygon, r)} has too many vertices to check fully for self-intersections; only part of it was checked.`,
      );
    }
    const found = result.found;
    if (found) {
      const at = `[${found.at.map((v) => +v.toFixed(6)).join(', ')}]`;
      problems.add(
        'self',
        'self-intersections',
        found.kind === 'spike'
          ? `${ringName(polygon, r)} turns straight back on itself at ${at}.`
          : `${ringName(polygon, r)} crosses or touches itself near ${at}; a ring must not intersect itself.`,
        `${path}/${found.edges[0]}`,
      );
    }
  };
  const polygon = (value: unknown, path: string, index: number | undefined) => {
    if (!Array.isArray(value) || value.length === 0) {
      problems.add('shape', 'malformed parts', 'A polygon needs at least its outer ring.', path);
      return;
    }
    value.forEach((r, i) => ring(r, `${path}/${i}`, index, i));
  };
  const coordinates: unknown = geometry.coordinates;
  switch (geometry.type) {
    case 'Point':
      position(coordinates, '/coordinates');
      return;
    case 'MultiPoint':
    case 'LineString':
      if (Array.isArray(coordinates)) {
        coordinates.forEach((p, i) => position(p, `/coordinates/${i}`));
      }
      return;
    case 'MultiLineString':
      if (Array.isArray(coordinates)) {
        coordinates.forEach((line: unknown, l) => {
          if (Array.isArray(line)) {
            line.forEach((p, i) => position(p, `/coordinates/${l}/${i}`));
          }
        });
      }
      return;
    case 'Polygon':
      polygon(coordinates, '/coordinates', undefined);
      return;
    case 'MultiPolygon':
      if (Array.isArray(coordinates)) {
        coordinates.forEach((p, i) => polygon(p, `/coordinates/${i}`, i));
      }
      return;
  }
}

/** Lines are not footprints, but the item still needs a bbox while the user fixes that. */
function plainBbox(coordinates: unknown): Bbox | undefined {
  let box: Bbox | undefined;
  // A stack, not recursion: coordinates from a file may nest thousands of levels deep.
  const stack: unknown[] = [coordinates];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (isPosition(value)) {
      const [x, y] = value as [number, number];
      box = box
        ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)]
        : [x, y, x, y];
    } else if (Array.isArray(value)) {
      for (const member of value) {
        stack.push(member);
      }
    }
  }
  return box;
}

/**
 * Tidies a footprint so it follows RFC 7946: rings closed and free of repeats, exteriors
 * counterclockwise and holes clockwise, coordinates rounded, and polygons that cross the
 * antimeridian split at ±180 into a MultiPolygon. What cannot be fixed safely (out-of-range
 * latitudes, self-intersections, rings too short, non-numbers) is reported as problems with a JSON
 * pointer into the returned geometry. Normalising the result again changes nothing.
 */
export function normalizeFootprint(
  geometry: FootprintGeometry,
  options?: NormalizeFootprintOptions,
): NormalizedFootprint;
export function normalizeFootprint(
  geometry: Geometry,
  options?: NormalizeFootprintOptions,
): NormalizedFootprint<Geometry>;
export function normalizeFootprint(
  geometry: Geometry,
  { precision = DEFAULT_PRECISION }: NormalizeFootprintOptions = {},
): NormalizedFootprint<Geometry> {
  const ctx: Context = {
    precision: clampPrecision(precision),
    notices: new Messages(),
    rounded: false,
  };
  const problems = new Messages();
  const deferred: { polygon: number; ring?: number; message: string }[] = [];
  let out: Geometry;
  const coordinates: unknown = geometry.coordinates;
  switch (geometry.type) {
    case 'Point':
      out = { type: 'Point', coordinates: normalizePoint(coordinates, ctx) as Position };
      break;
    case 'MultiPoint':
      out = {
        type: 'MultiPoint',
        coordinates: Array.isArray(coordinates)
          ? (coordinates.map((p) => normalizePoint(p, ctx)) as Position[])
          : (copy(coordinates) as Position[]),
      };
      break;
    case 'Polygon':
    case 'MultiPolygon': {
      const inputs: unknown[] =
        geometry.type === 'Polygon' ? [coordinates] : Array.isArray(coordinates) ? coordinates : [];
      const polygons: Position[][][] = [];
      inputs.forEach((rings, p) => {
        const single = geometry.type === 'Polygon';
        const outcome = normalizePolygon(
          rings,
          (r) => ringName(single ? undefined : p, r),
          single ? 'The polygon' : `Polygon ${p + 1}`,
          ctx,
        );
        for (const problem of outcome.problems) {
          deferred.push({ ...problem, polygon: polygons.length + problem.polygon });
        }
        for (const polygon of outcome.polygons) {
          polygons.push(polygon);
        }
      });
      out =
        geometry.type === 'Polygon' && polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0] as Position[][] }
          : { type: 'MultiPolygon', coordinates: polygons };
      break;
    }
    case 'LineString':
    case 'MultiLineString':
      out = copy(geometry);
      problems.add(
        'line',
        'lines',
        `A ${geometry.type} is a line, not an area: a footprint is a Polygon, MultiPolygon, Point or MultiPoint.`,
        '',
      );
      break;
    default:
      return {
        geometry: copy(geometry),
        bbox: undefined,
        notices: [],
        problems: [
          {
            message: `"${String((geometry as { type?: unknown }).type)}" is not a GeoJSON geometry type a footprint can use.`,
            path: '/type',
          },
        ],
      };
  }
  const foreign = Object.keys(geometry).filter((k) => k !== 'type' && k !== 'coordinates');
  if (foreign.length > 0) {
    ctx.notices.add(
      'foreign',
      'members removed',
      `The geometry's own ${foreign.map((k) => `"${k}"`).join(', ')} ${foreign.length === 1 ? 'member was' : 'members were'} removed: a footprint keeps only its type and coordinates, and the item's bbox is computed from them.`,
    );
  }
  if (ctx.rounded) {
    ctx.notices.add(
      'rounded',
      'rounding notices',
      `Coordinates were rounded to ${ctx.precision} decimal places (${describePrecision(ctx.precision)}).`,
    );
  }
  for (const { polygon, ring, message } of deferred) {
    const base = out.type === 'Polygon' ? '/coordinates' : `/coordinates/${polygon}`;
    problems.add(
      'unsplit',
      'polygons left unsplit',
      message,
      ring === undefined ? base : `${base}/${ring}`,
    );
  }
  check(out, problems, ctx.notices);
  return {
    geometry: out,
    bbox:
      out.type === 'LineString' || out.type === 'MultiLineString'
        ? plainBbox(out.coordinates)
        : footprintBbox(out),
    notices: ctx.notices.list().map((n) => n.message),
    problems: problems.list(),
  };
}
