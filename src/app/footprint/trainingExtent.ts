import { bboxToGeometry, footprintBbox } from '../../map/bboxFootprint';
import type { FootprintGeometry } from '../../map/footprintTypes';
import { normalizeFootprint } from '../../map/normalizeFootprint';

export interface TrainingExtent {
  /** GeoJSON FeatureCollection to draw. */
  data: { type: 'FeatureCollection'; features: unknown[] };
  /** The boxes around it, for "use as footprint". */
  bboxes: number[][];
  /** What the file is, e.g. "STAC Collection “sentinel-2-eurosat”". */
  description: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const feature = (geometry: FootprintGeometry) => ({ type: 'Feature', properties: {}, geometry });

function boxes(value: unknown): number[][] {
  return Array.isArray(value)
    ? value.filter(
        (b): b is number[] =>
          Array.isArray(b) && (b.length === 4 || b.length === 6) && b.every(Number.isFinite),
      )
    : [];
}

const flat = (b: number[]) => (b.length === 6 ? [b[0], b[1], b[3], b[4]] : b) as number[];

/**
 * The spatial extent of a STAC Collection (its extent.spatial.bbox boxes) or Item (its geometry,
 * else its bbox), read from the file a training-data link points to.
 */
export function trainingExtentOf(doc: unknown): TrainingExtent | { error: string } {
  if (!isRecord(doc)) {
    return { error: 'it is not a JSON object' };
  }
  const name = typeof doc.id === 'string' ? ` “${doc.id}”` : '';
  if (doc.type === 'Collection') {
    const extent = isRecord(doc.extent) && isRecord(doc.extent.spatial) ? doc.extent.spatial : {};
    const all = boxes(extent.bbox).map(flat);
    // The first box is the overall extent; the others (if any) are its parts.
    const parts = all.length > 1 ? all.slice(1) : all;
    if (parts.length === 0) {
      return { error: `the STAC Collection${name} has no extent.spatial.bbox` };
    }
    return {
      data: {
        type: 'FeatureCollection',
        features: parts.map(([w, s, e, n]) => feature(bboxToGeometry(w!, s!, e!, n!))),
      },
      bboxes: parts,
      description: `STAC Collection${name}`,
    };
  }
  if (doc.type === 'Feature') {
    const geometry = doc.geometry;
    if (isRecord(geometry)) {
      const normalized = normalizeFootprint(geometry as FootprintGeometry);
      const box = normalized.bbox ?? footprintBbox(normalized.geometry);
      return {
        data: { type: 'FeatureCollection', features: [feature(normalized.geometry)] },
        bboxes: box ? [box] : [],
        description: `STAC Item${name}`,
      };
    }
    const [box] = boxes([doc.bbox]).map(flat);
    if (box) {
      const [w, s, e, n] = box;
      return {
        data: { type: 'FeatureCollection', features: [feature(bboxToGeometry(w!, s!, e!, n!))] },
        bboxes: [box],
        description: `STAC Item${name}`,
      };
    }
    return { error: `the STAC Item${name} has neither a geometry nor a bbox` };
  }
  return { error: 'it is neither a STAC Collection nor a STAC Item' };
}
