import {
  CLASSIFICATION_URL,
  DATACUBE_URL,
  EO_V1_URL,
  FILE_V2_URL,
  ML_AOI_URL,
  PROCESSING_V11_URL,
  RASTER_V1_URL,
  SCIENTIFIC_URL,
  VERSION_URL,
} from './extensionUrls';
import { MLM_SCHEMA_URL } from './mlmUrls';
import { isRecord } from './isRecord';

type Where = 'properties' | 'assets' | 'links';

interface Family {
  name: string;
  /** The URL added when the item starts using the family's fields. */
  url: string;
  /** Listed URLs that already count as this family (any version of it). */
  listed: RegExp;
  /** Whether a key of an object belongs to the family. */
  owns: (key: string) => boolean;
  where: readonly Where[];
}

const prefix = (p: string) => (key: string) => key.startsWith(p);
const family = (path: string) =>
  new RegExp(
    `^https://stac-extensions\\.github\\.io/${path}/v\\d+\\.\\d+\\.\\d+/schema\\.json$`,
    'u',
  );

// Only the top-level keys of properties, assets and links count: processing expressions and
// classification classes inside mlm:input/mlm:output belong to MLM itself.
const FAMILIES: readonly Family[] = [
  {
    name: 'file',
    url: FILE_V2_URL,
    listed: family('file'),
    owns: prefix('file:'),
    where: ['assets', 'links'],
  },
  // raster v2 fields differ (no raster:bands), so only a v1 URL satisfies the raster:bands the editor writes.
  {
    name: 'raster',
    url: RASTER_V1_URL,
    listed: /^https:\/\/stac-extensions\.github\.io\/raster\/v1\.\d+\.\d+\/schema\.json$/u,
    owns: prefix('raster:'),
    where: ['assets'],
  },
  {
    name: 'eo',
    url: EO_V1_URL,
    listed: /^https:\/\/stac-extensions\.github\.io\/eo\/v1\.\d+\.\d+\/schema\.json$/u,
    owns: prefix('eo:'),
    where: ['properties', 'assets'],
  },
  {
    name: 'ml-aoi',
    url: ML_AOI_URL,
    listed: family('ml-aoi'),
    owns: prefix('ml-aoi:'),
    where: ['properties', 'assets', 'links'],
  },
  {
    name: 'scientific',
    url: SCIENTIFIC_URL,
    listed: family('scientific'),
    owns: prefix('sci:'),
    where: ['properties', 'assets'],
  },
  {
    name: 'version',
    url: VERSION_URL,
    listed: family('version'),
    owns: (k) => k === 'version' || k === 'deprecated' || k === 'experimental',
    where: ['properties', 'assets'],
  },
  {
    name: 'classification',
    url: CLASSIFICATION_URL,
    listed: family('classification'),
    owns: prefix('classification:'),
    where: ['properties', 'assets'],
  },
  {
    name: 'processing',
    url: PROCESSING_V11_URL,
    listed: family('processing'),
    owns: prefix('processing:'),
    where: ['properties', 'assets'],
  },
  {
    name: 'datacube',
    url: DATACUBE_URL,
    listed: family('datacube'),
    owns: prefix('cube:'),
    where: ['properties', 'assets'],
  },
];

function objectsIn(item: Record<string, unknown>, where: Where): Record<string, unknown>[] {
  const v = item[where];
  if (where === 'properties') {
    return isRecord(v) ? [v] : [];
  }
  if (where === 'assets') {
    return isRecord(v) ? Object.values(v).filter(isRecord) : [];
  }
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function uses(item: Record<string, unknown>, fam: Family): boolean {
  return fam.where.some((w) => objectsIn(item, w).some((o) => Object.keys(o).some(fam.owns)));
}

export interface ExtensionChange {
  url: string;
  action: 'added' | 'removed';
  reason: string;
}

/**
 * Keeps stac_extensions in step with an edit: a family's URL is added when the item starts using
 * its fields, and removed when an edit takes away its last field. Lists the user made themselves
 * are otherwise left alone, so an imported item is never rewritten behind the user's back.
 * Returns the same object when nothing changes.
 */
export function syncExtensions(
  previous: unknown,
  next: unknown,
): { item: unknown; changes: ExtensionChange[] } {
  if (!isRecord(next)) {
    return { item: next, changes: [] };
  }
  const list = Array.isArray(next.stac_extensions) ? [...(next.stac_extensions as unknown[])] : [];
  const changes: ExtensionChange[] = [];
  if (!list.includes(MLM_SCHEMA_URL)) {
    list.unshift(MLM_SCHEMA_URL);
    changes.push({
      url: MLM_SCHEMA_URL,
      action: 'added',
      reason: 'every MLM item lists the MLM v1.5.2 schema',
    });
  }
  const before = isRecord(previous) ? previous : undefined;
  for (const fam of FAMILIES) {
    const listedAt = list.findIndex((u) => typeof u === 'string' && fam.listed.test(u));
    const usedNow = uses(next, fam);
    if (usedNow && listedAt < 0) {
      list.push(fam.url);
      changes.push({ url: fam.url, action: 'added', reason: `the item uses ${fam.name} fields` });
    } else if (!usedNow && listedAt >= 0 && before && uses(before, fam)) {
      const [url] = list.splice(listedAt, 1);
      changes.push({ url: String(url), action: 'removed', reason: `no ${fam.name} field is left` });
    }
  }
  return changes.length === 0
    ? { item: next, changes }
    : { item: { ...next, stac_extensions: list }, changes };
}
