/** A longitude/latitude pair, as in GeoJSON. */
export type Position = [number, number];

/** The subset of GeoJSON geometries the basemap uses. */
export type BasemapGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] };

/** Web Mercator's latitude limit: beyond it a vertex projects to infinity. */
export const MAX_MERCATOR_LATITUDE = 85.0511;

/**
 * Makes longitudes continuous: each vertex moves by whole turns so that it is at most 180° from
 * the previous one. World Atlas stitches Natural Earth's antimeridian cuts back together (d3 draws
 * on the sphere), so a ring can jump from 179° to -179°; unwrapped, it runs on to 181° instead.
 */
function unwrap(points: readonly Position[], startLongitude: number): Position[] {
  const out: Position[] = [];
  let previous = startLongitude;
  for (const [lon, lat] of points) {
    const next = lon + 360 * Math.round((previous - lon) / 360);
    out.push([next, lat]);
    previous = next;
  }
  return out;
}

/** Starts a hole within half a turn of its polygon's first vertex, so both unwrap alike. */
function unwrapRing(ring: readonly Position[], reference: number | undefined): Position[] {
  const first = ring[0];
  if (!first) {
    return [];
  }
  const start =
    reference === undefined ? first[0] : first[0] + 360 * Math.round((reference - first[0]) / 360);
  return unwrap(ring, start);
}

/**
 * A ring around a pole does not close once unwrapped: it ends a whole turn from where it began.
 * Close it along the pole's latitude (clamped later) so it becomes an ordinary planar ring.
 */
function closeAroundPole(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || Math.abs(last[0] - first[0]) < 180) {
    return ring;
  }
  const meanLatitude = ring.reduce((sum, [, lat]) => sum + lat, 0) / ring.length;
  const pole = meanLatitude < 0 ? -90 : 90;
  return [...ring, [last[0], pole], [first[0], pole], first];
}

/** Sutherland–Hodgman against one vertical line: keeps the side where `inside` holds. */
function clipRingAtLongitude(
  ring: readonly Position[],
  longitude: number,
  inside: (lon: number) => boolean,
): Position[] {
  const open = ring.slice(0, -1);
  const out: Position[] = [];
  open.forEach((current, i) => {
    const previous = open[(i + open.length - 1) % open.length] ?? current;
    const currentIn = inside(current[0]);
    const previousIn = inside(previous[0]);
    if (currentIn !== previousIn) {
      out.push(crossing(previous, current, longitude));
    }
    if (currentIn) {
      out.push(current);
    }
  });
  const first = out[0];
  return first ? [...out, first] : [];
}

/** Where the segment a→b meets the meridian `longitude` (linear in degrees, as Mercator draws it). */
function crossing(a: Position, b: Position, longitude: number): Position {
  const t = (longitude - a[0]) / (b[0] - a[0]);
  return [longitude, a[1] + t * (b[1] - a[1])];
}

/** Twice the signed planar area; zero for the slivers clipping leaves along a meridian. */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1];
    const b = ring[i];
    if (a && b) {
      sum += a[0] * b[1] - b[0] * a[1];
    }
  }
  return sum;
}

/** The whole-turn offsets (…, -360, 0, 360, …) whose copy of [-180, 180] the rings touch. */
function turnsCovered(rings: readonly Position[][]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const ring of rings) {
    for (const [lon] of ring) {
      min = Math.min(min, lon);
      max = Math.max(max, lon);
    }
  }
  if (min > max) {
    return [];
  }
  const turns: number[] = [];
  for (let k = Math.floor((min + 180) / 360); k <= Math.floor((max + 180) / 360); k++) {
    turns.push(k);
  }
  return turns;
}

/**
 * Cuts a polygon (outer ring, then holes) into pieces that each lie within [-180, 180], shifted
 * back into that range. Rings that cross the antimeridian split there; a ring around a pole is
 * closed along the pole. Latitudes are not clamped here (see `clampPosition`).
 */
export function cutPolygonAtAntimeridian(rings: readonly (readonly Position[])[]): Position[][][] {
  const [outer, ...holes] = rings;
  if (!outer || outer.length < 4) {
    return [];
  }
  const unwrappedOuter = closeAroundPole(unwrapRing(outer, undefined));
  const reference = unwrappedOuter[0]?.[0];
  const unwrapped = [unwrappedOuter, ...holes.map((hole) => unwrapRing(hole, reference))];
  const pieces: Position[][][] = [];
  for (const k of turnsCovered(unwrapped)) {
    const clip = (ring: readonly Position[]): Position[] => {
      const west = -180 + 360 * k;
      const east = 180 + 360 * k;
      const inStrip = clipRingAtLongitude(
        clipRingAtLongitude(ring, west, (lon) => lon >= west),
        east,
        (lon) => lon <= east,
      );
      return inStrip.map(([lon, lat]): Position => [lon - 360 * k, lat]);
    };
    const piece = clip(unwrappedOuter);
    if (isDrawableRing(piece)) {
      pieces.push([piece, ...unwrapped.slice(1).map(clip).filter(isDrawableRing)]);
    }
  }
  return pieces;
}

/** At least a triangle, and not the zero-area sliver clipping leaves along a meridian. */
function isDrawableRing(ring: readonly Position[]): boolean {
  return ring.length >= 4 && ringArea(ring) !== 0;
}

/** Splits a line where it crosses the antimeridian, so no segment spans the whole map. */
export function cutLineAtAntimeridian(line: readonly Position[]): Position[][] {
  const first = line[0];
  if (!first) {
    return [];
  }
  const points = unwrap(line, first[0]);
  const parts: Position[][] = [];
  let part: Position[] = [];
  let partTurn: number | undefined;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) {
      continue;
    }
    // Unwrapped segments span at most 180°, so they cross at most one copy of the antimeridian.
    const meridian = 180 + 360 * Math.floor((Math.min(a[0], b[0]) + 180) / 360);
    const segments: [Position, Position][] =
      Math.min(a[0], b[0]) < meridian && meridian < Math.max(a[0], b[0])
        ? [
            [a, crossing(a, b, meridian)],
            [crossing(a, b, meridian), b],
          ]
        : [[a, b]];
    for (const [from, to] of segments) {
      // The segment's midpoint decides its copy of the world, so a vertex exactly on ±180°
      // stays on the side of the segment it belongs to.
      const turn = Math.floor(((from[0] + to[0]) / 2 + 180) / 360);
      if (turn !== partTurn) {
        if (part.length >= 2) {
          parts.push(part);
        }
        part = [[from[0] - 360 * turn, from[1]]];
        partTurn = turn;
      }
      part.push([to[0] - 360 * turn, to[1]]);
    }
  }
  if (part.length >= 2) {
    parts.push(part);
  }
  return parts;
}

/** Keeps a vertex drawable in Web Mercator: longitude in [-180, 180], latitude within ±85.0511°. */
export function clampPosition([lon, lat]: Position): Position {
  return [
    Math.min(180, Math.max(-180, lon)),
    Math.min(MAX_MERCATOR_LATITUDE, Math.max(-MAX_MERCATOR_LATITUDE, lat)),
  ];
}

/** `tidy` for a ring: rounding may drop the closing vertex, so close the ring again. */
function tidyRing(ring: readonly Position[], decimals: number): Position[] {
  const out = tidy(ring, decimals);
  const first = out[0];
  const last = out[out.length - 1];
  return first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...out, first] : out;
}

/** Clamps, rounds to `decimals` and drops the repeated vertices rounding and clamping create. */
function tidy(points: readonly Position[], decimals: number): Position[] {
  const factor = 10 ** decimals;
  const out: Position[] = [];
  for (const point of points) {
    const [lon, lat] = clampPosition(point);
    const rounded: Position = [
      Math.round(lon * factor) / factor,
      Math.round(lat * factor) / factor,
    ];
    const last = out[out.length - 1];
    if (!last || last[0] !== rounded[0] || last[1] !== rounded[1]) {
      out.push(rounded);
    }
  }
  return out;
}

/**
 * Makes a geometry safe to draw on a flat Web Mercator map: cut at ±180°, clamped to the
 * projection's range, rounded to `decimals`. Returns a Multi* geometry, or null when nothing
 * drawable is left.
 */
export function prepareBasemapGeometry(
  geometry: BasemapGeometry,
  decimals: number,
): BasemapGeometry | null {
  switch (geometry.type) {
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      const out: Position[][][] = [];
      for (const polygon of polygons) {
        for (const [outer = [], ...holes] of cutPolygonAtAntimeridian(polygon)) {
          const tidyOuter = tidyRing(outer, decimals);
          // Rounding can collapse a tiny island; its holes would mean nothing without it.
          if (isDrawableRing(tidyOuter)) {
            out.push([
              tidyOuter,
              ...holes.map((hole) => tidyRing(hole, decimals)).filter(isDrawableRing),
            ]);
          }
        }
      }
      return out.length > 0 ? { type: 'MultiPolygon', coordinates: out } : null;
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      const out = lines
        .flatMap((line) => cutLineAtAntimeridian(line))
        .map((line) => tidy(line, decimals))
        .filter((line) => line.length >= 2);
      return out.length > 0 ? { type: 'MultiLineString', coordinates: out } : null;
    }
  }
}
