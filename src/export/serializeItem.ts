import { ASSET_ONLY_FIELDS, MLM_FIELDS } from '../../schemas/mlmFields';
import { isRecord } from '../../schemas/isRecord';

// Pure text output for "Save" and "Copy": the item as people expect to read a STAC file, with the
// usual keys first. Only the order of keys changes, never a value, so parsing the text gives back
// an item deep-equal to the one serialized.

const ITEM_KEYS = [
  'type',
  'stac_version',
  'stac_extensions',
  'id',
  'collection',
  'geometry',
  'bbox',
  'properties',
  'links',
  'assets',
];

/** Common metadata first, then the MLM fields in the order of the MLM README's field table. */
const PROPERTY_KEYS = [
  'title',
  'description',
  'datetime',
  'start_datetime',
  'end_datetime',
  'created',
  'updated',
  ...MLM_FIELDS.filter((k) => !(ASSET_ONLY_FIELDS as readonly string[]).includes(k)),
];

const ASSET_KEYS = ['href', 'type', 'title', 'description', 'roles'];

// JSON.parse reads 1e400 as Infinity, which JSON.stringify would write as null. Writing 1e999
// instead parses back to the same Infinity, so a round trip keeps the value.
const INFINITY = '\u0000mlm-editor:+Infinity\u0000';
const NEG_INFINITY = '\u0000mlm-editor:-Infinity\u0000';

/** Sets an own property; assignment would treat a "__proto__" key as the prototype. */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The same object with `first` keys (those present) leading and the others in their order. */
function ordered(
  value: Record<string, unknown>,
  first: readonly string[],
  child: (key: string, value: unknown) => unknown = (_, v) => v,
): Record<string, unknown> {
  const own = Object.keys(value);
  const present = new Set(own);
  const leading = first.filter((k) => present.has(k));
  const lead = new Set(leading);
  const out: Record<string, unknown> = {};
  for (const key of [...leading, ...own.filter((k) => !lead.has(k))]) {
    setOwn(out, key, child(key, value[key]));
  }
  return out;
}

function orderAssets(assets: unknown): unknown {
  if (!isRecord(assets)) {
    return assets;
  }
  return ordered(assets, [], (_, asset) => (isRecord(asset) ? ordered(asset, ASSET_KEYS) : asset));
}

function hasInfinity(value: unknown): boolean {
  if (typeof value === 'number') {
    return value === Infinity || value === -Infinity;
  }
  if (Array.isArray(value)) {
    return value.some(hasInfinity);
  }
  return isRecord(value) && Object.values(value).some(hasInfinity);
}

/**
 * The item as pretty JSON (two-space indent, trailing newline) in STAC's usual key order: the core
 * fields first, then common metadata and MLM fields inside `properties`, and `href, type, title,
 * description, roles` first in each asset. Everything else keeps its original order.
 */
export function serializeItem(item: unknown): string {
  const value = isRecord(item)
    ? ordered(item, ITEM_KEYS, (key, v) => {
        if (key === 'properties' && isRecord(v)) {
          return ordered(v, PROPERTY_KEYS);
        }
        return key === 'assets' ? orderAssets(v) : v;
      })
    : item;
  if (!hasInfinity(value)) {
    return `${JSON.stringify(value, null, 2)}\n`;
  }
  const text = JSON.stringify(
    value,
    (_, v: unknown) => (v === Infinity ? INFINITY : v === -Infinity ? NEG_INFINITY : v),
    2,
  );
  return `${text
    .replaceAll(JSON.stringify(INFINITY), '1e999')
    .replaceAll(JSON.stringify(NEG_INFINITY), '-1e999')}\n`;
}

// Characters that Windows, macOS or Linux refuse in file names, plus control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/gu;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/iu;
const MAX_STEM = 200;

/**
 * `<id>.json` with characters that are unsafe in file names replaced by "_"; `item.json` when the
 * item has no usable id.
 */
export function itemFileName(item: unknown): string {
  const id = isRecord(item) && typeof item.id === 'string' ? item.id : '';
  let stem = id
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .trim()
    // Windows drops trailing dots and spaces; a leading dot would hide the file on Unix.
    .replace(/^[.\s]+|[.\s]+$/gu, '');
  stem = Array.from(stem).slice(0, MAX_STEM).join('');
  if (stem === '' || /^_+$/u.test(stem)) {
    return 'item.json';
  }
  return `${RESERVED.test(stem) ? `${stem}_` : stem}.json`;
}
