import { HOSTILE_STRINGS, pollutingValue, RawToken } from './hostileJson';
import type { Random } from './prng';

// Random footprints as people paste them: GeoJSON (bare geometries, Features, FeatureCollections,
// STAC Items and Collections), WKT and bounding boxes, from tidy to hostile: rings that are open,
// reversed, self-intersecting, circling a pole or zigzagging across the antimeridian, coordinates
// out of range or not numbers at all, prototype-ish members, and broken text.

type Position = unknown[];

const round = (value: number, random: Random) => {
  const decimals = random.int(9);
  return Number(value.toFixed(decimals));
};

/** A longitude or latitude: mostly sensible, sometimes at the edges or beyond them, or not a number. */
export function coordinate(random: Random, axis: 'lon' | 'lat', near: number): unknown {
  const limit = axis === 'lon' ? 180 : 90;
  const r = random.next();
  if (r < 0.9) {
    return round(near, random);
  }
  if (r < 0.93) {
    return random.pick([limit, -limit, 0, -0]);
  }
  if (r < 0.95) {
    return round((random.chance(0.5) ? 1 : -1) * (limit + random.next() * 400), random);
  }
  if (r < 0.965) {
    return random.pick([1e308, -1e308, 5e-324, 2 ** 53]);
  }
  if (r < 0.985) {
    return new RawToken(random.pick(['NaN', 'Infinity', '-Infinity', '1e999', '-1e999']));
  }
  return random.pick<unknown>(['1', null, true, [], {}, random.pick(HOSTILE_STRINGS)]);
}

/** Vertices around a centre (convex or star-shaped), optionally reversed, open or repeated. */
export function ring(random: Random, cx: number, cy: number, size: number): Position[] {
  const roll = random.next();
  const n =
    roll < 0.004 ? random.between(500, 2000) : roll < 0.08 ? random.int(4) : random.between(3, 30);
  const star = random.chance(0.3);
  const rx = size * (0.2 + random.next());
  const ry = Math.min(size * (0.2 + random.next()), 80);
  const start = random.next() * 2 * Math.PI;
  let positions: Position[] = Array.from({ length: n }, (_, i) => {
    const angle = start + (i * 2 * Math.PI) / n;
    const r = star ? 0.3 + 0.7 * random.next() : 1;
    const lon = cx + rx * r * Math.cos(angle);
    const lat = Math.max(-90, Math.min(90, cy + ry * r * Math.sin(angle)));
    const position: Position = [coordinate(random, 'lon', lon), coordinate(random, 'lat', lat)];
    if (random.chance(0.03)) {
      position.push(round(random.next() * 1000, random));
    }
    return position;
  });
  if (random.chance(0.1)) {
    // Scattered vertices: self-intersections, spikes, collinear runs.
    positions = positions.map(() => [
      round(cx + (random.next() - 0.5) * 2 * rx, random),
      round(cy + (random.next() - 0.5) * 2 * ry, random),
    ]);
  }
  if (random.chance(0.3)) {
    positions.reverse();
  }
  if (random.chance(0.1) && positions.length > 0) {
    const at = random.int(positions.length);
    positions.splice(at, 0, positions[at] as Position);
  }
  if (random.chance(0.7) && positions.length > 0) {
    positions.push(positions[0] as Position);
  }
  return positions;
}

/** A ring the antimeridian makes hard: circling a pole, or zigzagging across 180° many times. */
function awkwardRing(random: Random): Position[] {
  if (random.chance(0.5)) {
    const lat = random.pick([60, 80, -75]);
    const steps = random.between(4, 40);
    const ring = Array.from({ length: steps }, (_, i) => [-180 + (360 * i) / steps, lat]);
    return random.chance(0.5) ? [...ring, ring[0] as Position] : ring;
  }
  const teeth = random.between(2, 200);
  const ring: Position[] = [];
  for (let i = 0; i <= teeth; i += 1) {
    ring.push([i % 2 === 0 ? 179 : -179, -10 + (20 * i) / teeth]);
  }
  ring.push([170, 10], [170, -10], ring[0] as Position);
  return ring;
}

function centre(random: Random): [number, number, number] {
  const crossing = random.chance(0.3);
  const cx = crossing ? 180 + (random.next() - 0.5) * 40 : (random.next() - 0.5) * 380;
  const cy = (random.next() - 0.5) * 160;
  return [cx, cy, random.pick([0.001, 1, 5, 20, 60, 170])];
}

function polygon(random: Random): Position[][] {
  if (random.chance(0.05)) {
    return [awkwardRing(random)];
  }
  const [cx, cy, size] = centre(random);
  const rings = [ring(random, cx, cy, size)];
  for (let holes = random.chance(0.2) ? random.between(1, 2) : 0; holes > 0; holes -= 1) {
    rings.push(ring(random, cx, cy, size * 0.2));
  }
  return random.chance(0.03) ? [] : rings;
}

function point(random: Random): Position {
  const [cx, cy] = centre(random);
  const p: Position = [coordinate(random, 'lon', cx), coordinate(random, 'lat', cy)];
  return random.chance(0.05) ? p.slice(0, random.int(2)) : p;
}

/** A geometry object of any type (footprint types most often), maybe with odd members. */
export function geometry(random: Random, depth = 0): Record<string, unknown> {
  const types = [
    'Polygon',
    'Polygon',
    'MultiPolygon',
    'Point',
    'MultiPoint',
    'LineString',
    'MultiLineString',
    'GeometryCollection',
    'Circle',
  ];
  const type = random.pick(depth > 2 ? types.slice(0, 7) : types);
  const count = () => random.between(0, 4);
  const out: Record<string, unknown> = { type };
  switch (type) {
    case 'Polygon':
      out.coordinates = polygon(random);
      break;
    case 'MultiPolygon':
      out.coordinates = Array.from({ length: count() }, () => polygon(random));
      break;
    case 'Point':
      out.coordinates = point(random);
      break;
    case 'MultiPoint':
      out.coordinates = Array.from({ length: count() }, () => point(random));
      break;
    case 'LineString':
    case 'MultiLineString':
      out.coordinates = [point(random), point(random)];
      break;
    case 'GeometryCollection':
      out.geometries = Array.from({ length: count() }, () => geometry(random, depth + 1));
      break;
    default:
      out.coordinates = point(random);
  }
  if (random.chance(0.05)) {
    delete out.type;
  }
  if (random.chance(0.05)) {
    out.coordinates = random.pick<unknown>([null, 'x', 1, {}, [[[]]]]);
  }
  if (random.chance(0.08)) {
    Object.defineProperty(out, random.pick(['__proto__', 'constructor', 'prototype', 'bbox']), {
      value: pollutingValue(random),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** A bbox array: usually 4 numbers, sometimes crossing, inverted, out of range or the wrong length. */
export function bboxValues(random: Random): unknown[] {
  const west = coordinate(random, 'lon', (random.next() - 0.5) * 360);
  const east = coordinate(random, 'lon', (random.next() - 0.5) * 360);
  const a = (random.next() - 0.5) * 180;
  const b = (random.next() - 0.5) * 180;
  const south = coordinate(random, 'lat', Math.min(a, b));
  const north = coordinate(random, 'lat', random.chance(0.9) ? Math.max(a, b) : Math.min(a, b));
  const values = random.chance(0.15)
    ? [west, south, round(random.next() * 100, random), east, north, round(random.next(), random)]
    : [west, south, east, north];
  const roll = random.next();
  if (roll < 0.05) {
    return values.slice(0, random.int(values.length));
  }
  if (roll < 0.08) {
    return [...values, 1];
  }
  return values;
}

/** Any JSON a user might paste for a footprint. */
export function geoJsonValue(random: Random): unknown {
  const roll = random.next();
  if (roll < 0.45) {
    return geometry(random);
  }
  if (roll < 0.6) {
    const item: Record<string, unknown> = {
      type: 'Feature',
      geometry: random.chance(0.15) ? null : geometry(random),
      properties: {},
    };
    if (random.chance(0.5)) {
      item.stac_version = '1.0.0';
      item.id = random.pick(['item', ...HOSTILE_STRINGS]);
      item.bbox = bboxValues(random);
    }
    return item;
  }
  if (roll < 0.72) {
    return {
      type: 'FeatureCollection',
      features: Array.from({ length: random.between(0, 4) }, () =>
        random.chance(0.1) ? { type: 'Feature', geometry: null } : { geometry: geometry(random) },
      ),
    };
  }
  if (roll < 0.8) {
    return {
      type: 'Collection',
      id: random.pick(['training-data', ...HOSTILE_STRINGS]),
      extent: { spatial: { bbox: random.chance(0.9) ? [bboxValues(random)] : bboxValues(random) } },
    };
  }
  if (roll < 0.9) {
    return bboxValues(random);
  }
  return random.pick<unknown>([
    { type: 'Catalog' },
    [point(random), point(random)],
    null,
    'POLYGON',
    42,
    {},
  ]);
}

const fmt = (value: unknown, random: Random): string => {
  if (typeof value !== 'number') {
    return value instanceof RawToken
      ? value.text
      : random.pick(['NaN', 'abc', '', '(', String(value)]);
  }
  const text = String(value);
  return random.chance(0.1) && value > 0 ? `+${text}` : text;
};

/** The geometry as WKT, written the many ways WKT appears: any case, Z/M, SRID, EMPTY members. */
export function wkt(random: Random, value: Record<string, unknown>, depth = 0): string {
  const word = (w: string) =>
    random.chance(0.2)
      ? w.toLowerCase()
      : random.chance(0.1)
        ? w.slice(0, 1) + w.slice(1).toLowerCase()
        : w;
  const dims = random.pick(['', '', '', ' Z', 'Z', ' M', ' ZM']);
  const extra = dims.includes('ZM') ? 2 : dims === '' ? 0 : 1;
  const pos = (p: unknown) => {
    const list = Array.isArray(p) ? p : [p];
    const parts = list.slice(0, 2).map((v) => fmt(v, random));
    for (let i = 0; i < extra; i += 1) {
      parts.push(String(random.int(100)));
    }
    return parts.join(' ');
  };
  const list = (items: unknown, each: (v: unknown) => string) =>
    Array.isArray(items) ? `(${items.map(each).join(random.pick([',', ', ', ' ,']))})` : 'EMPTY';
  const ringText = (r: unknown) => list(r, pos);
  const polygonText = (p: unknown) => (random.chance(0.03) ? 'EMPTY' : list(p, ringText));
  const type = String(value.type);
  let body: string;
  switch (type) {
    case 'Point':
      body = `(${pos(value.coordinates)})`;
      break;
    case 'MultiPoint':
      body = list(value.coordinates, (p) => (random.chance(0.5) ? `(${pos(p)})` : pos(p)));
      break;
    case 'Polygon':
      body = polygonText(value.coordinates);
      break;
    case 'MultiPolygon':
      body = list(value.coordinates, polygonText);
      break;
    case 'LineString':
      body = list(value.coordinates, pos);
      break;
    case 'GeometryCollection':
      body = list(value.geometries, (g) =>
        wkt(random, (g ?? {}) as Record<string, unknown>, depth + 1),
      );
      break;
    default:
      body = list(value.coordinates, pos);
  }
  const keyword = type === 'undefined' ? random.pick(['', 'THING']) : type.toUpperCase();
  const text = `${word(keyword)}${dims} ${body}`;
  return depth === 0 && random.chance(0.15)
    ? `${random.pick(['SRID=4326;', 'srid=4326;', 'SRID=3857;', 'SRID=x;'])}${text}`
    : text;
}

/** A bounding box as typed or copied: any separators, brackets or none, odd number spellings. */
export function bboxText(random: Random): string {
  const values = bboxValues(random).map((v) => {
    if (random.chance(0.03)) {
      return random.pick(['0x10', '1,5', '\u22125', '5°', '', '--1', '1e', '.']);
    }
    return fmt(v, random);
  });
  const sep = random.pick([', ', ',', ' ', '\t', ' , ', ';', ',\n']);
  const [open, close] = random.pick([
    ['', ''],
    ['[', ']'],
    ['(', ')'],
    ['[', ''],
    ['', ')'],
    ['[', ')'],
  ]);
  const pad = random.pick(['', ' ', '\n', '  \t']);
  return `${pad}${open}${values.join(sep)}${close}${pad}`;
}
