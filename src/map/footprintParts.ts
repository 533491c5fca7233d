/** A longitude/latitude pair (a third value, the height, is dropped on the map). */
export type LonLat = [number, number];

/** One editable piece of a footprint: a polygon or a point, as the map draws and edits it. */
export type FootprintPart =
  { type: 'Polygon'; coordinates: LonLat[][] } | { type: 'Point'; coordinates: LonLat };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function toLonLat(value: unknown): LonLat | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const [lon, lat] = value as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon + lat)
    ? [lon, lat]
    : undefined;
}

function toRings(value: unknown): LonLat[][] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const rings: LonLat[][] = [];
  for (const ring of value as unknown[]) {
    if (!Array.isArray(ring)) {
      return undefined;
    }
    const positions = (ring as unknown[]).map(toLonLat);
    if (positions.some((p) => p === undefined)) {
      return undefined;
    }
    rings.push(positions as LonLat[]);
  }
  return rings;
}

/**
 * Splits a footprint geometry into the polygons and points the map edits one at a time:
 * a MultiPolygon becomes one part per polygon. Anything else (null, lines, malformed JSON from
 * the text view) gives no parts; the form reports those, the map just shows nothing.
 */
export function footprintParts(geometry: unknown): FootprintPart[] {
  if (!isRecord(geometry)) {
    return [];
  }
  const { type, coordinates } = geometry;
  const many = Array.isArray(coordinates) ? (coordinates as unknown[]) : [];
  switch (type) {
    case 'Polygon': {
      const rings = toRings(coordinates);
      return rings ? [{ type: 'Polygon', coordinates: rings }] : [];
    }
    case 'MultiPolygon':
      return many.flatMap((polygon): FootprintPart[] => {
        const rings = toRings(polygon);
        return rings ? [{ type: 'Polygon', coordinates: rings }] : [];
      });
    case 'Point': {
      const point = toLonLat(coordinates);
      return point ? [{ type: 'Point', coordinates: point }] : [];
    }
    case 'MultiPoint':
      return many.flatMap((position): FootprintPart[] => {
        const point = toLonLat(position);
        return point ? [{ type: 'Point', coordinates: point }] : [];
      });
    default:
      return [];
  }
}

/**
 * The union of the parts as one geometry: one polygon → Polygon, several → MultiPolygon, and the
 * same for points; null when nothing is left. A footprint is either areas or points, so when
 * both are present the polygons win (the map removes the other kind after each drawing).
 */
export function joinFootprintParts(parts: readonly FootprintPart[]): unknown {
  const polygons = parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : []));
  if (polygons.length > 0) {
    return polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons };
  }
  const points = parts.flatMap((p) => (p.type === 'Point' ? [p.coordinates] : []));
  if (points.length > 0) {
    return points.length === 1
      ? { type: 'Point', coordinates: points[0] }
      : { type: 'MultiPoint', coordinates: points };
  }
  return null;
}

const inRange = ([lon, lat]: LonLat) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
const samePosition = (a: LonLat | undefined, b: LonLat | undefined) =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * Whether the drawing library can edit the part: it only edits closed single-ring polygons and
 * positions inside the lon/lat range. Other parts stay on the map read-only, and unchanged.
 */
export function isEditablePart(part: FootprintPart): boolean {
  if (part.type === 'Point') {
    return inRange(part.coordinates);
  }
  const [ring, ...holes] = part.coordinates;
  return (
    ring !== undefined &&
    holes.length === 0 &&
    ring.length >= 4 &&
    ring.every(inRange) &&
    samePosition(ring[0], ring[ring.length - 1])
  );
}

/** Rounds to `decimals` places: the drawing library rejects finer coordinates. */
export function roundPart(part: FootprintPart, decimals: number): FootprintPart {
  const factor = 10 ** decimals;
  const round = ([lon, lat]: LonLat): LonLat => [
    Math.round(lon * factor) / factor,
    Math.round(lat * factor) / factor,
  ];
  return part.type === 'Point'
    ? { type: 'Point', coordinates: round(part.coordinates) }
    : { type: 'Polygon', coordinates: part.coordinates.map((ring) => ring.map(round)) };
}

/** West, south, east, north of every position found in the values (geometries, features…). */
export function lonLatBounds(values: readonly unknown[]): [number, number, number, number] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (value: unknown, depth: number): void => {
    // Deep enough for a FeatureCollection of MultiPolygons; stops on cyclic or hostile input.
    if (depth > 12 || typeof value !== 'object' || value === null) {
      return;
    }
    const position = toLonLat(value);
    if (position && inRange(position)) {
      west = Math.min(west, position[0]);
      east = Math.max(east, position[0]);
      south = Math.min(south, position[1]);
      north = Math.max(north, position[1]);
      return;
    }
    const children = Array.isArray(value)
      ? value
      : [
          (value as Record<string, unknown>).coordinates,
          (value as Record<string, unknown>).geometry,
          (value as Record<string, unknown>).geometries,
          (value as Record<string, unknown>).features,
        ];
    for (const child of children) {
      visit(child, depth + 1);
    }
  };
  for (const value of values) {
    visit(value, 0);
  }
  return west <= east ? [west, south, east, north] : null;
}
