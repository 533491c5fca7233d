import fastUri from 'fast-uri';

import { activeValidationCache } from './validationCache';

const parseUri = (value: string) => fastUri.parse(value);

// These mirror the format checks of the official validation (ajv-formats "full" date-time, and the
// iri / iri-reference rules stac-node-validator adds), so the Zod model and the official schemas
// judge a value the same way.

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const DATE_TIME_SEPARATOR = /t|\s/i;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) {
    return false;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const maxDay = month === 2 && isLeapYear(year) ? 29 : (DAYS[month] ?? 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= maxDay;
}

function isTime(value: string): boolean {
  const m = TIME.exec(value);
  if (!m) {
    return false;
  }
  const hr = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3]);
  const tz = m[4];
  const tzSign = m[5] === '-' ? -1 : 1;
  const tzH = Number(m[6] ?? 0);
  const tzM = Number(m[7] ?? 0);
  if (tzH > 23 || tzM > 59 || !tz) {
    return false;
  }
  if (hr <= 23 && min <= 59 && sec < 60) {
    return true;
  }
  // A leap second is only valid at 23:59:60 UTC.
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

/** RFC 3339 date-time with a required time zone, as JSON Schema's `date-time` format. */
export function isDateTime(value: string): boolean {
  const parts = value.split(DATE_TIME_SEPARATOR);
  return parts.length === 2 && isDate(parts[0] as string) && isTime(parts[1] as string);
}

function isAbsoluteIri(value: string): boolean {
  const iri = parseUri(value);
  return (
    (iri.reference === 'absolute' || iri.reference === 'uri') &&
    Boolean(iri.scheme) &&
    (Boolean(iri.host) || (iri.scheme === 'file' && Boolean(iri.path)))
  );
}

/** An absolute IRI with a host (or a file path); no empty, same-document or mailto values. */
export function isIri(value: string): boolean {
  return value.length > 0 && isAbsoluteIri(value);
}

/** An absolute IRI as in {@link isIri}, or a relative reference with a path. */
export function isIriReference(value: string): boolean {
  if (value.length === 0) {
    return false;
  }
  if (isAbsoluteIri(value)) {
    return true;
  }
  const iri = parseUri(value);
  return Boolean(iri.path) && (iri.reference === 'relative' || iri.reference === 'uri');
}

/** Number of Unicode code points, which is what JSON Schema's minLength and maxLength count. */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}

/** JSON value equality, as JSON Schema's `const`, `enum` and `uniqueItems` use it. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.prototype.hasOwnProperty.call(b, k) &&
        jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/** A string that is equal for equal JSON values: object keys are sorted. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** FNV-1a over the UTF-16 code units of `text`, from `seed`. */
function hashText(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

/**
 * A 32-bit hash that is equal for equal JSON values (object members are combined in any order).
 * Different values rarely collide, so uniqueness checks compare canonical texts only on a hit.
 */
function jsonHash(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return hashText(value, 2166136261);
    case 'number':
      return hashText(String(value), 3735928559);
    case 'boolean':
      return value ? 1 : 2;
    case 'object': {
      if (value === null) {
        return 3;
      }
      // Parts an earlier check already hashed (unchanged, so the same object) are not walked again.
      const hashes = activeValidationCache()?.hashes;
      const known = hashes?.get(value);
      if (known !== undefined) {
        return known;
      }
      const h = hashObject(value);
      hashes?.set(value, h);
      return h;
    }
    default:
      return 0;
  }
}

function hashObject(value: object): number {
  if (Array.isArray(value)) {
    let h = 5381;
    for (const item of value) {
      h = (Math.imul(h, 33) + jsonHash(item)) >>> 0;
    }
    return h;
  }
  let h = 7;
  for (const [key, member] of Object.entries(value)) {
    // Sum of the member hashes: the same for any key order.
    h = (h + Math.imul(hashText(key, 2166136261) ^ 0x9e3779b9, jsonHash(member) | 1)) >>> 0;
  }
  return h;
}

/** Index of the first item that repeats an earlier one, or -1 when all items are distinct. */
export function firstDuplicateIndex(items: readonly unknown[]): number {
  // Lists of names (bands, tasks, dim_order) are all strings: a Set tells at once.
  if (items.every((item) => typeof item === 'string') && new Set(items).size === items.length) {
    return -1;
  }
  const byHash = new Map<number, number[]>();
  const canonical = new Map<number, string>();
  const textOf = (i: number): string => {
    let text = canonical.get(i);
    if (text === undefined) {
      text = canonicalJson(items[i]);
      canonical.set(i, text);
    }
    return text;
  };
  for (let j = 0; j < items.length; j += 1) {
    const hash = jsonHash(items[j]);
    const earlier = byHash.get(hash);
    if (earlier) {
      if (earlier.some((i) => textOf(i) === textOf(j))) {
        return j;
      }
      earlier.push(j);
    } else {
      byHash.set(hash, [j]);
    }
  }
  return -1;
}
