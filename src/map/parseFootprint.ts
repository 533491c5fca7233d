import { locatePointer } from '../../schemas/locatePointer';
import { lineColumnAt, locateJsonError } from '../../schemas/parseJsonText';
import { bboxToGeometry, validateBboxFields } from './bboxFootprint';
import type {
  FootprintGeometry,
  MultiPointGeometry,
  MultiPolygonGeometry,
  PointGeometry,
  PolygonGeometry,
  Position,
} from './footprintTypes';

export type ParseResult =
  | { ok: true; geometry: FootprintGeometry; notices: string[] }
  | { ok: false; message: string; line?: number; column?: number };

const SUPPORTED = 'a footprint is a Polygon, MultiPolygon, Point or MultiPoint';
/**
 * Collections inside collections are read recursively; real data nests one or two levels, and a
 * limit keeps thousands of levels from overflowing the call stack.
 */
const MAX_COLLECTION_DEPTH = 16;

/** Thrown inside the readers and turned into a result at the top; `offset` points into the text. */
class Failure extends Error {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(message);
  }
}

function fail(message: string, offset?: number): never {
  throw new Failure(message, offset);
}

// ---------------------------------------------------------------------------------------------
// Bounding boxes

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function fromBbox(values: readonly number[], where: string, notices: string[]): FootprintGeometry {
  if (values.length !== 4 && values.length !== 6) {
    fail(
      `${where}: expected 4 numbers (west, south, east, north) or 6 (with heights), found ${values.length}.`,
    );
  }
  const three = values.length === 6;
  if (three) {
    notices.push(
      'The bounding box had 6 numbers (with heights); the heights were dropped, a footprint is 2D.',
    );
  }
  const [west, south, east, north] = (
    three ? [values[0], values[1], values[3], values[4]] : values
  ) as [number, number, number, number];
  const errors = validateBboxFields(west, south, east, north);
  const messages = Object.values(errors);
  if (messages.length > 0) {
    fail(
      `${where}: ${messages.join(' ')} The order is west, south, east, north (longitude first).`,
    );
  }
  if (west > east) {
    notices.push(
      `West (${west}) is greater than east (${east}): the box crosses the antimeridian and was split into two polygons at 180°.`,
    );
  }
  return bboxToGeometry(west, south, east, north);
}

function parseBboxText(text: string, start: number, notices: string[]): FootprintGeometry {
  let from = start;
  let to = text.trimEnd().length;
  const open = text[from];
  if (open === '[' || open === '(') {
    const close = open === '[' ? ']' : ')';
    if (text[to - 1] !== close) {
      fail(
        `Bounding box: the "${open}" at character ${from + 1} is not closed with "${close}".`,
        to,
      );
    }
    from += 1;
    to -= 1;
  }
  const values: number[] = [];
  const token = /[^\s,]+/g;
  token.lastIndex = from;
  for (let m = token.exec(text); m && m.index < to; m = token.exec(text)) {
    const word = m[0].slice(0, to - m.index);
    if (!NUMBER.test(word)) {
      fail(
        `Bounding box: expected a number at character ${m.index + 1}, found "${word}".`,
        m.index,
      );
    }
    values.push(Number(word));
  }
  notices.push('Read the text as a bounding box [west, south, east, north].');
  return fromBbox(values, 'Bounding box', notices);
}

// ---------------------------------------------------------------------------------------------
// WKT

type WktValue =
  | { kind: 'points'; points: Position[]; multi: boolean }
  | { kind: 'polygons'; polygons: Position[][][]; multi: boolean }
  | { kind: 'empty'; type: string };

const WKT_TYPES = ['POINT', 'MULTIPOINT', 'POLYGON', 'MULTIPOLYGON', 'GEOMETRYCOLLECTION'];
const WKT_LINES = ['LINESTRING', 'MULTILINESTRING', 'CIRCULARSTRING', 'COMPOUNDCURVE'];

class WktReader {
  i = 0;
  extraDims: 'Z' | 'M' | 'ZM' | undefined;
  skippedEmpty = 0;

  constructor(readonly text: string) {}

  fail(message: string, at = this.i): never {
    fail(`WKT: ${message} at character ${at + 1}${this.found(at)}.`, at);
  }

  private found(at: number): string {
    const rest = this.text.slice(at).match(/^\S[^\s(),]*/);
    return rest ? `, found "${rest[0].slice(0, 20)}"` : ', found the end of the text';
  }

  skipWs() {
    while (this.i < this.text.length && /\s/.test(this.text[this.i] as string)) {
      this.i += 1;
    }
  }

  peek(): string | undefined {
    this.skipWs();
    return this.text[this.i];
  }

  word(): string | undefined {
    this.skipWs();
    const m = /^[A-Za-z_]+/.exec(this.text.slice(this.i, this.i + 40));
    return m ? m[0].toUpperCase() : undefined;
  }

  take(ch: string, what = `"${ch}"`) {
    if (this.peek() !== ch) {
      this.fail(`expected ${what}`);
    }
    this.i += 1;
  }

  takeWord(word: string): boolean {
    if (this.word() === word) {
      this.i += word.length;
      return true;
    }
    return false;
  }

  number(): number {
    this.skipWs();
    const m = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.i, this.i + 64),
    );
    if (!m) {
      this.fail('expected a number');
    }
    this.i += m[0].length;
    return Number(m[0]);
  }

  startsNumber(): boolean {
    const c = this.peek();
    return c !== undefined && /[-+.\d]/.test(c);
  }

  position(): Position {
    const lon = this.number();
    const lat = this.number();
    let extra = 0;
    while (this.startsNumber()) {
      if (extra === 2) {
        this.fail('expected at most 4 numbers in a position');
      }
      this.number();
      extra += 1;
    }
    if (extra > 0 && this.extraDims === undefined) {
      this.extraDims = extra === 2 ? 'ZM' : 'Z';
    }
    return [lon, lat];
  }

  list<T>(item: () => T): T[] {
    this.take('(');
    const items = [item()];
    while (this.peek() === ',') {
      this.i += 1;
      items.push(item());
    }
    this.take(')', '"," or ")"');
    return items;
  }

  ring = () => this.list(() => this.position());
  polygon = () => this.list(this.ring);

  /** A member of a MULTI geometry that may be EMPTY; undefined when it is. */
  member<T>(body: () => T): T | undefined {
    if (this.takeWord('EMPTY')) {
      this.skippedEmpty += 1;
      return undefined;
    }
    return body();
  }

  geometry(depth = 0): WktValue {
    const at = (this.skipWs(), this.i);
    if (depth > MAX_COLLECTION_DEPTH) {
      fail(
        `WKT: GEOMETRYCOLLECTIONs are nested more than ${MAX_COLLECTION_DEPTH} deep at character ${at + 1}; ${SUPPORTED}.`,
        at,
      );
    }
    const raw = this.word();
    if (!raw) {
      this.fail('expected a geometry type such as POLYGON');
    }
    this.i += raw.length;
    // "POINTZ" and "POINT Z" both appear in the wild.
    let type = raw;
    let dims = /(ZM|Z|M)$/.exec(raw)?.[1];
    if (dims && !WKT_TYPES.includes(raw) && WKT_TYPES.includes(raw.slice(0, -dims.length))) {
      type = raw.slice(0, -dims.length);
    } else {
      dims = undefined;
    }
    if (WKT_LINES.includes(type)) {
      fail(`WKT: ${type} at character ${at + 1} is a line, not an area; ${SUPPORTED}.`, at);
    }
    if (!WKT_TYPES.includes(type)) {
      fail(
        `WKT: unknown geometry type "${raw}" at character ${at + 1}; ${SUPPORTED} (or a GEOMETRYCOLLECTION of them).`,
        at,
      );
    }
    const tag = this.word();
    if (tag === 'Z' || tag === 'M' || tag === 'ZM') {
      dims = tag;
      this.i += tag.length;
    }
    if (dims === 'Z' || dims === 'M' || dims === 'ZM') {
      this.extraDims = dims;
    }
    if (this.takeWord('EMPTY')) {
      return { kind: 'empty', type };
    }
    switch (type) {
      case 'POINT': {
        this.take('(');
        const point = this.position();
        this.take(')');
        return { kind: 'points', points: [point], multi: false };
      }
      case 'MULTIPOINT': {
        const points = this.list(() =>
          this.member(() =>
            this.peek() === '(' ? this.list(() => this.position())[0] : this.position(),
          ),
        );
        const kept = points.filter((p): p is Position => p !== undefined);
        return { kind: 'points', points: kept, multi: true };
      }
      case 'POLYGON':
        return { kind: 'polygons', polygons: [this.polygon()], multi: false };
      case 'MULTIPOLYGON': {
        const polygons = this.list(() => this.member(this.polygon));
        return {
          kind: 'polygons',
          polygons: polygons.filter((p): p is Position[][] => p !== undefined),
          multi: true,
        };
      }
      default: {
        const parts = this.list(() => ({
          at: (this.skipWs(), this.i),
          value: this.geometry(depth + 1),
        }));
        const points = parts.flatMap((p) => (p.value.kind === 'points' ? p.value.points : []));
        const polygons = parts.flatMap((p) =>
          p.value.kind === 'polygons' ? p.value.polygons : [],
        );
        this.skippedEmpty += parts.filter((p) => p.value.kind === 'empty').length;
        if (points.length > 0 && polygons.length > 0) {
          const first = parts.find((p) => p.value.kind !== parts[0]?.value.kind);
          fail(
            `WKT: the GEOMETRYCOLLECTION mixes points and polygons (see character ${(first?.at ?? at) + 1}); a footprint is either areas or points.`,
            first?.at ?? at,
          );
        }
        const [only, ...more] = parts.filter((p) => p.value.kind !== 'empty');
        if (only && more.length === 0) {
          return only.value;
        }
        return polygons.length > 0
          ? { kind: 'polygons', polygons, multi: true }
          : { kind: 'points', points, multi: true };
      }
    }
  }
}

function parseWkt(text: string, start: number, notices: string[]): FootprintGeometry {
  const reader = new WktReader(text);
  reader.i = start;
  if (reader.takeWord('SRID')) {
    reader.take('=');
    const at = (reader.skipWs(), reader.i);
    const srid = reader.number();
    if (srid !== 4326) {
      fail(
        `WKT: SRID=${srid} at character ${at + 1} is not supported; a footprint is in WGS84 longitude/latitude (SRID=4326).`,
        at,
      );
    }
    reader.take(';');
  }
  const typeAt = (reader.skipWs(), reader.i);
  const value = reader.geometry();
  if (reader.peek() === ';') {
    reader.i += 1;
  }
  if (reader.peek() !== undefined) {
    reader.fail('unexpected text after the end of the geometry');
  }
  if (reader.extraDims) {
    const what = {
      Z: 'Z values (heights)',
      M: 'M values (measures)',
      ZM: 'Z and M values (heights and measures)',
    }[reader.extraDims];
    notices.push(`WKT: ${what} were dropped; a footprint is 2D longitude/latitude.`);
  }
  if (
    value.kind === 'empty' ||
    (value.kind === 'points' ? value.points : value.polygons).length === 0
  ) {
    fail(
      `WKT: the geometry at character ${typeAt + 1} is EMPTY, so there is no footprint to use.`,
      typeAt,
    );
  }
  if (reader.skippedEmpty > 0) {
    notices.push(
      `WKT: ${reader.skippedEmpty === 1 ? 'an EMPTY member was' : `${reader.skippedEmpty} EMPTY members were`} skipped.`,
    );
  }
  return value.kind === 'points'
    ? pointsGeometry(value.points, value.multi)
    : polygonsGeometry(value.polygons, value.multi);
}

function pointsGeometry(points: Position[], multi: boolean): PointGeometry | MultiPointGeometry {
  return !multi && points.length === 1
    ? { type: 'Point', coordinates: points[0] as Position }
    : { type: 'MultiPoint', coordinates: points };
}

function polygonsGeometry(
  polygons: Position[][][],
  multi: boolean,
): PolygonGeometry | MultiPolygonGeometry {
  return !multi && polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

// ---------------------------------------------------------------------------------------------
// JSON: GeoJSON, STAC Items and Collections

/** Thrown with a JSON pointer; the top level turns it into a line and column. */
class JsonFailure extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function where(path: string) {
  return path === '' ? 'the top level' : path;
}

function readPosition(value: unknown, path: string): Position {
  if (!Array.isArray(value)) {
    throw new JsonFailure(
      `GeoJSON: expected a position [longitude, latitude] at ${where(path)}.`,
      path,
    );
  }
  if (value.length < 2) {
    throw new JsonFailure(
      `GeoJSON: a position needs at least two numbers [longitude, latitude] at ${where(path)}.`,
      path,
    );
  }
  value.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new JsonFailure(`GeoJSON: expected a number at ${path}/${i}.`, `${path}/${i}`);
    }
  });
  return [...(value as number[])];
}

function readArray(value: unknown, path: string, what: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new JsonFailure(`GeoJSON: expected ${what} at ${where(path)}.`, path);
  }
  return value;
}

const readRing = (value: unknown, path: string) =>
  readArray(value, path, 'a ring (an array of positions)').map((p, i) =>
    readPosition(p, `${path}/${i}`),
  );
const readPolygon = (value: unknown, path: string) =>
  readArray(value, path, 'an array of rings').map((r, i) => readRing(r, `${path}/${i}`));

type Part = { geometry: FootprintGeometry; label: string };

/** One footprint from several geometries: areas into a MultiPolygon, points into a MultiPoint. */
function combine(parts: readonly Part[], container: string, path: string, notices: string[]) {
  const [only] = parts;
  if (!only) {
    throw new JsonFailure(`GeoJSON: the ${container} has no geometry to use.`, path);
  }
  if (parts.length === 1) {
    return only.geometry;
  }
  const isArea = (p: Part) => p.geometry.type === 'Polygon' || p.geometry.type === 'MultiPolygon';
  const other = parts.find((p) => isArea(p) !== isArea(only));
  if (other) {
    throw new JsonFailure(
      `GeoJSON: the ${container} mixes areas and points (${only.label} is a ${only.geometry.type}, ${other.label} is a ${other.geometry.type}); a footprint is either areas or points.`,
      path,
    );
  }
  if (isArea(only)) {
    const polygons = parts.flatMap(({ geometry: g }) =>
      g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [],
    );
    notices.push(`Combined the ${container}'s ${parts.length} geometries into one MultiPolygon.`);
    return polygonsGeometry(polygons, true);
  }
  const points = parts.flatMap(({ geometry: g }) =>
    g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : [],
  );
  notices.push(`Combined the ${container}'s ${parts.length} geometries into one MultiPoint.`);
  return pointsGeometry(points, true);
}

function readGeometry(
  value: unknown,
  path: string,
  notices: string[],
  depth = 0,
): FootprintGeometry {
  if (depth > MAX_COLLECTION_DEPTH) {
    throw new JsonFailure(
      `GeoJSON: GeometryCollections are nested more than ${MAX_COLLECTION_DEPTH} deep at ${where(path)}; ${SUPPORTED}.`,
      path,
    );
  }
  if (!isRecord(value)) {
    throw new JsonFailure(`GeoJSON: expected a geometry object at ${where(path)}.`, path);
  }
  const type = value.type;
  const coordinates = value.coordinates;
  const at = `${path}/coordinates`;
  switch (type) {
    case 'Point':
      return { type, coordinates: readPosition(coordinates, at) };
    case 'MultiPoint':
      return {
        type,
        coordinates: readArray(coordinates, at, 'an array of positions').map((p, i) =>
          readPosition(p, `${at}/${i}`),
        ),
      };
    case 'Polygon':
      return { type, coordinates: readPolygon(coordinates, at) };
    case 'MultiPolygon':
      return {
        type,
        coordinates: readArray(coordinates, at, 'an array of polygons').map((p, i) =>
          readPolygon(p, `${at}/${i}`),
        ),
      };
    case 'LineString':
    case 'MultiLineString':
      throw new JsonFailure(
        `GeoJSON: the ${type} at ${where(path)} is a line, not an area; ${SUPPORTED}.`,
        `${path}/type`,
      );
    case 'GeometryCollection': {
      const members = readArray(value.geometries, `${path}/geometries`, 'an array of geometries');
      const parts = members.map((g, i) => ({
        geometry: readGeometry(g, `${path}/geometries/${i}`, notices, depth + 1),
        label: `geometry ${i + 1}`,
      }));
      return combine(parts, 'GeometryCollection', path, notices);
    }
    default:
      throw new JsonFailure(
        `GeoJSON: ${type === undefined ? 'the "type" member is missing' : `"${String(type)}" is not a geometry type`} at ${where(path)}; ${SUPPORTED}.`,
        type === undefined ? path : `${path}/type`,
      );
  }
}

function readCollectionExtent(value: Record<string, unknown>, notices: string[]) {
  const extent = value.extent;
  const spatial = isRecord(extent) ? extent.spatial : undefined;
  const boxes = isRecord(spatial) ? spatial.bbox : undefined;
  const path = '/extent/spatial/bbox';
  if (!Array.isArray(boxes) || !Array.isArray(boxes[0])) {
    throw new JsonFailure(
      'STAC Collection: expected extent.spatial.bbox, an array of bounding boxes.',
      path,
    );
  }
  const first = boxes[0] as unknown[];
  first.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new JsonFailure(
        `STAC Collection: expected a number at ${path}/0/${i}.`,
        `${path}/0/${i}`,
      );
    }
  });
  const id = typeof value.id === 'string' ? ` "${value.id}"` : '';
  notices.push(
    `Used the spatial extent of STAC Collection${id}${boxes.length > 1 ? ' (its first, overall bbox)' : ''} as the footprint.`,
  );
  try {
    return fromBbox(first as number[], 'STAC Collection bbox', notices);
  } catch (error) {
    throw new JsonFailure((error as Error).message, `${path}/0`);
  }
}

function readJsonValue(value: unknown, notices: string[]): FootprintGeometry {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'number')) {
      notices.push('Read the array as a bounding box [west, south, east, north].');
      try {
        return fromBbox(value as number[], 'Bounding box', notices);
      } catch (error) {
        throw new JsonFailure((error as Error).message, '');
      }
    }
    throw new JsonFailure(
      'JSON: a bare array of coordinates is ambiguous; wrap it in a GeoJSON geometry such as {"type": "Polygon", "coordinates": [...]}, or give a bbox [west, south, east, north].',
      '',
    );
  }
  if (!isRecord(value)) {
    throw new JsonFailure(
      'JSON: expected a GeoJSON object (geometry, Feature or FeatureCollection), a STAC Item or Collection, or a bbox array.',
      '',
    );
  }
  switch (value.type) {
    case 'Feature': {
      const stac = typeof value.stac_version === 'string';
      const name = stac
        ? `STAC Item${typeof value.id === 'string' ? ` "${value.id}"` : ''}`
        : 'the Feature';
      if (value.geometry === null || value.geometry === undefined) {
        if (stac && Array.isArray(value.bbox)) {
          notices.push(`${name} has no geometry; its bbox was used instead.`);
          try {
            return fromBbox(value.bbox as number[], `${name} bbox`, notices);
          } catch (error) {
            throw new JsonFailure((error as Error).message, '/bbox');
          }
        }
        throw new JsonFailure(`GeoJSON: ${name} has no geometry (it is null).`, '/geometry');
      }
      notices.push(`Took the geometry of ${name}.`);
      return readGeometry(value.geometry, '/geometry', notices);
    }
    case 'FeatureCollection': {
      const features = readArray(value.features, '/features', 'an array of features');
      const parts: Part[] = [];
      let skipped = 0;
      features.forEach((feature, i) => {
        const geometry = isRecord(feature) ? feature.geometry : undefined;
        if (geometry === null || geometry === undefined) {
          skipped += 1;
          return;
        }
        parts.push({
          geometry: readGeometry(geometry, `/features/${i}/geometry`, notices),
          label: `feature ${i + 1}`,
        });
      });
      if (skipped > 0) {
        notices.push(
          `${skipped === 1 ? 'A feature' : `${skipped} features`} without geometry ${skipped === 1 ? 'was' : 'were'} skipped.`,
        );
      }
      return combine(parts, 'FeatureCollection', '/features', notices);
    }
    case 'Collection':
      return readCollectionExtent(value, notices);
    case 'Catalog':
      throw new JsonFailure(
        'STAC Catalog: a catalog has no spatial extent; paste an Item, a Collection or a geometry.',
        '/type',
      );
    default:
      return readGeometry(value, '', notices);
  }
}

function parseJson(text: string, notices: string[]): FootprintGeometry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const located = locateJsonError(text);
    const { line, column } = lineColumnAt(text, located.offset);
    throw new Failure(`JSON: ${located.reason} at line ${line}, column ${column}.`, located.offset);
  }
  try {
    return readJsonValue(value, notices);
  } catch (error) {
    if (error instanceof JsonFailure) {
      const range = locatePointer(text, error.path);
      const offset = range?.start;
      if (offset === undefined || error.path === '') {
        throw new Failure(error.message, offset);
      }
      const { line, column } = lineColumnAt(text, offset);
      throw new Failure(
        `${error.message.replace(/\.$/, '')} (line ${line}, column ${column}).`,
        offset,
      );
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads a footprint pasted as GeoJSON (geometry, Feature, FeatureCollection), a STAC Item or
 * Collection, WKT (POINT, MULTIPOINT, POLYGON, MULTIPOLYGON, optionally with SRID=4326;) or a bbox
 * ("west, south, east, north"). The geometry is returned as read: normalizeFootprint closes rings,
 * fixes winding and splits at the antimeridian. Errors say what is wrong and where; it never
 * throws.
 */
export function parseFootprint(text: string): ParseResult {
  const start = text.search(/\S/);
  if (start < 0) {
    return {
      ok: false,
      message:
        'Nothing to read: paste GeoJSON, WKT such as POLYGON ((…)), or a bounding box "west, south, east, north".',
    };
  }
  const notices: string[] = [];
  const first = text[start] as string;
  try {
    let geometry: FootprintGeometry;
    if (first === '{') {
      geometry = parseJson(text, notices);
    } else if (first === '[') {
      // "[1 2 3 4]" is not JSON but is a perfectly clear bbox.
      const jsonOk = (() => {
        try {
          JSON.parse(text);
          return true;
        } catch {
          return false;
        }
      })();
      geometry =
        !jsonOk && /^[\s[\]\d.,+\-eE]*$/.test(text)
          ? parseBboxText(text, start, notices)
          : parseJson(text, notices);
    } else if (/[A-Za-z]/.test(first)) {
      geometry = parseWkt(text, start, notices);
    } else if (/[-+.\d(]/.test(first)) {
      geometry = parseBboxText(text, start, notices);
    } else {
      return located(
        `Not recognised: expected GeoJSON, WKT or a bounding box, but the text starts with "${first}" at character ${start + 1}.`,
        text,
        start,
      );
    }
    return { ok: true, geometry, notices };
  } catch (error) {
    if (error instanceof Failure) {
      return located(error.message, text, error.offset);
    }
    // A paste must never break the panel. The readers report every problem they know of as a
    // Failure; anything else is a bug, named as such (the fuzz tests check it never happens).
    return {
      ok: false,
      message: `The footprint could not be read (an internal error: ${error instanceof Error ? error.message : String(error)}). Try GeoJSON, WKT or a bounding box "west, south, east, north".`,
    };
  }
}

function located(message: string, text: string, offset: number | undefined): ParseResult {
  if (offset === undefined) {
    return { ok: false, message };
  }
  return { ok: false, message, ...lineColumnAt(text, offset) };
}
