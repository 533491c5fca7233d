// Random, seeded mutations of JSON documents, used to compare the Zod model with the official
// schemas on many documents nobody wrote by hand.

import { MLM_FIELDS } from '../../schemas/mlmFields';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

const EXTENSION_URLS = [
  'https://stac-extensions.github.io/mlm/v1.5.2/schema.json',
  'https://stac-extensions.github.io/mlm/v1.5.1/schema.json',
  'https://stac-extensions.github.io/eo/v1.1.0/schema.json',
  'https://stac-extensions.github.io/eo/v2.0.0/schema.json',
  'https://stac-extensions.github.io/raster/v1.1.0/schema.json',
  'https://stac-extensions.github.io/raster/v2.0.0/schema.json',
  'https://stac-extensions.github.io/file/v1.0.0/schema.json',
  'https://stac-extensions.github.io/file/v2.1.0/schema.json',
  'https://stac-extensions.github.io/classification/v1.1.0/schema.json',
  'https://stac-extensions.github.io/processing/v1.1.0/schema.json',
  'https://stac-extensions.github.io/processing/v1.2.0/schema.json',
  'https://stac-extensions.github.io/datacube/v2.3.0/schema.json',
  'https://stac-extensions.github.io/ml-aoi/v0.2.0/schema.json',
  'https://stac-extensions.github.io/scientific/v1.0.0/schema.json',
  'https://stac-extensions.github.io/version/v1.2.0/schema.json',
  'https://stac-extensions.github.io/example-links/v0.0.1/schema.json',
  'https://stac-extensions.github.io/label/v1.0.1/schema.json',
  'https://stac-extensions.github.io/item-assets/v1.0.0/schema.json',
];

const KEYS = [
  ...MLM_FIELDS,
  'mlm:unknown',
  'eo:bands',
  'eo:cloud_cover',
  'eo:foo',
  'raster:bands',
  'raster:foo',
  'file:size',
  'file:checksum',
  'file:foo',
  'file:bits_per_sample',
  'file:local_path',
  'classification:classes',
  'classification:foo',
  'processing:level',
  'processing:expression',
  'processing:foo',
  'cube:dimensions',
  'cube:variables',
  'cube:foo',
  'ml-aoi:split',
  'ml-aoi:role',
  'sci:doi',
  'sci:citation',
  'sci:foo',
  'version',
  'deprecated',
  'bands',
  'datetime',
  'start_datetime',
  'end_datetime',
  'created',
  'license',
  'providers',
  'keywords',
  'roles',
  'description',
  'title',
  'gsd',
  'platform',
  'instruments',
  'data_type',
  'nodata',
  'statistics',
  'unit',
  'collection',
  'bbox',
  'geometry',
  'name',
  'bands',
  'variables',
  'value_scaling',
  'resize_type',
  'pre_processing_function',
  'post_processing_function',
  'shape',
  'dim_order',
  'type',
  'href',
  'rel',
  'format',
  'expression',
  'label:type',
  'example:language',
];

const STRINGS = [
  '',
  'x',
  'Foo Bar',
  'bands',
  'variables',
  'channel',
  'mlm:model',
  'code',
  'float32',
  'int8',
  'uint16',
  'PyTorch',
  'pytorch',
  'torch.save',
  'amd64',
  'cpu',
  'cuda',
  'min-max',
  'z-score',
  'clip',
  'clip-min',
  'clip-max',
  'offset',
  'scale',
  'processing',
  'classification',
  'segmentation',
  'detection',
  '2024-01-01T00:00:00Z',
  '2024-01-01T00:00:00',
  '2024-13-01T00:00:00Z',
  '2024-01-01T00:00:00+01:00',
  '2024-01-01T00:00:00+00:00',
  'https://example.com/a.json',
  './rel/path.json',
  'rel',
  'collection',
  'self',
  'example',
  '1.0.0',
  '1.1.0',
  '2.1',
  '2.1.0+cu121',
  'CC-BY-4.0',
  'proprietary',
  'a b',
  'abc123',
  'ABC',
  '1220abcdef',
  '1220ABCDEF',
  'train',
  'label',
  'raster',
  'crop',
  'BGR',
  'B04',
  'B08',
  'red',
  'nir',
  'Feature',
  'Collection',
  'mailto:x@y.z',
  '#frag',
  'geometry',
  'spatial',
  'temporal',
  '10.1234/abcd',
  'text/x-python',
  'mlm:source_code',
  'batch',
  'height',
  'width',
];

function randomScalar(rand: () => number): Json {
  const r = rand();
  if (r < 0.08) return null;
  if (r < 0.16) return rand() < 0.5;
  if (r < 0.4) {
    const nums = [-2, -1, 0, 1, 2, 3, 0.5, -0.5, 100, 101, 1e20, 224, 4, 6, 13];
    return nums[Math.floor(rand() * nums.length)] as number;
  }
  return STRINGS[Math.floor(rand() * STRINGS.length)] as string;
}

function randomValue(rand: () => number, depth = 0): Json {
  const r = rand();
  if (depth > 2 || r < 0.6) return randomScalar(rand);
  if (r < 0.8)
    return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  const obj: { [k: string]: Json } = {};
  const n = Math.floor(rand() * 4);
  for (let i = 0; i < n; i += 1) obj[pick(rand, KEYS)] = randomValue(rand, depth + 1);
  return obj;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** Every path to a value inside the document (including the root, as []). */
function allPaths(doc: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(doc)) doc.forEach((v, i) => allPaths(v, [...prefix, i], out));
  else if (doc && typeof doc === 'object')
    for (const [k, v] of Object.entries(doc)) allPaths(v, [...prefix, k], out);
  return out;
}

function get(doc: Json, path: Path): Json {
  let cur: Json = doc;
  for (const p of path) cur = (cur as Record<string | number, Json>)[p] as Json;
  return cur;
}

/** One random edit of a deep copy of `doc`; returns the copy and a description of the edit. */
export function mutate(doc: unknown, rand: () => number): { doc: unknown; edit: string } {
  const copy = structuredClone(doc) as Json;
  const paths = allPaths(copy).filter((p) => p.length > 0);
  const path = pick(rand, paths);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1] as string | number;
  const parent = get(copy, parentPath) as Record<string | number, Json> & Json[];
  const target = parent[key] as Json;
  const r = rand();
  const at = JSON.stringify(path);
  if (r < 0.18) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    return { doc: copy, edit: `delete ${at}` };
  }
  if (r < 0.45) {
    const value = randomScalar(rand);
    parent[key] = value;
    return { doc: copy, edit: `set ${at} = ${JSON.stringify(value)}` };
  }
  if (r < 0.55) {
    const value = randomValue(rand);
    parent[key] = value;
    return { doc: copy, edit: `set ${at} = ${JSON.stringify(value)}` };
  }
  if (r < 0.7 && target && typeof target === 'object' && !Array.isArray(target)) {
    const k = pick(rand, KEYS);
    const value = randomValue(rand);
    target[k] = value;
    return { doc: copy, edit: `add ${at}.${k} = ${JSON.stringify(value)}` };
  }
  if (r < 0.8 && Array.isArray(target)) {
    const choice = rand();
    if (choice < 0.3) {
      target.length = 0;
      return { doc: copy, edit: `empty ${at}` };
    }
    if (choice < 0.6 && target.length > 0) {
      target.push(structuredClone(target[Math.floor(rand() * target.length)]) as Json);
      return { doc: copy, edit: `duplicate item in ${at}` };
    }
    const value = randomValue(rand);
    target.push(value);
    return { doc: copy, edit: `push ${JSON.stringify(value)} to ${at}` };
  }
  // Document-level edits that exercise the extension and version dispatch.
  const root = copy as Record<string, Json>;
  const c = rand();
  if (c < 0.35 && Array.isArray(root.stac_extensions)) {
    const url = pick(rand, EXTENSION_URLS);
    const list = root.stac_extensions as Json[];
    const idx = list.indexOf(url);
    if (idx >= 0) list.splice(idx, 1);
    else list.push(url);
    return { doc: copy, edit: `toggle extension ${url}` };
  }
  if (c < 0.5) {
    root.stac_version = root.stac_version === '1.0.0' ? '1.1.0' : '1.0.0';
    return { doc: copy, edit: `switch stac_version to ${String(root.stac_version)}` };
  }
  parent[key] = randomValue(rand);
  return { doc: copy, edit: `replace ${at}` };
}
