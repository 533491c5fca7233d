import * as z from 'zod';

import './meta';
import { codePointLength, firstDuplicateIndex, isDateTime, isIri, isIriReference } from './formats';
import { isRecord } from './isRecord';

// Building blocks that keep JSON Schema's exact meaning where Zod's defaults differ: JSON Schema
// integers may exceed 2^53, lengths count code points, and `pattern` is unanchored unless it says so.

/** A JSON Schema `integer`: any whole number, with optional bounds. */
export function integer(bounds: { min?: number; max?: number } = {}) {
  let schema = z.number().refine(Number.isInteger, {
    error: 'Must be a whole number.',
    abort: true,
    params: { code: 'not_integer' },
  });
  if (bounds.min !== undefined) {
    schema = schema.min(bounds.min, { error: `Must be ${bounds.min} or more.` });
  }
  if (bounds.max !== undefined) {
    schema = schema.max(bounds.max, { error: `Must be ${bounds.max} or less.` });
  }
  return schema.meta({ jsonType: 'integer' });
}

/** A string of at least `min` Unicode code points. */
export function stringMin(min: number, message = 'Must not be empty.') {
  return z
    .string()
    .refine((s) => codePointLength(s) >= min, { error: message, params: { code: 'too_small' } });
}

/** A string that must match a JSON Schema pattern (ECMAScript syntax with the `u` flag). */
export function patterned(pattern: string, message: string) {
  const re = new RegExp(pattern, 'u');
  return z
    .string()
    .refine((s) => re.test(s), { error: message, params: { code: 'invalid_format' } });
}

/** An array whose items must all be different (JSON Schema `uniqueItems`). */
export function uniqueArray<T extends z.ZodType>(item: T) {
  return z.array(item).superRefine((items, ctx) => {
    const dup = firstDuplicateIndex(items);
    if (dup >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: [dup],
        message: 'Repeats an earlier entry: entries must be unique.',
      });
    }
  });
}

/** A STAC timestamp: RFC 3339 date-time in UTC (ending in `Z` or `+00:00`). */
export function utcDateTime() {
  return z.string().superRefine((s, ctx) => {
    if (!isDateTime(s)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Must be an RFC 3339 date-time such as 2024-05-01T00:00:00Z.',
        params: { code: 'format-date-time' },
      });
    } else if (!/(\+00:00|Z)$/u.test(s)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Must be in UTC: end the date-time with "Z" (or "+00:00").',
        params: { code: 'datetime-utc' },
      });
    }
  });
}

/** An absolute IRI (with scheme and host). */
export function iri() {
  return z.string().refine(isIri, {
    error: 'Must be an absolute URL such as https://example.com/file.json.',
    params: { code: 'invalid_url' },
  });
}

/** A URL or a relative path (an IRI reference) with at least one character. */
export function iriReference() {
  return z
    .string()
    .refine((s) => s.length > 0, {
      error: 'Must not be empty.',
      abort: true,
      params: { code: 'too_small' },
    })
    .refine(isIriReference, {
      error: 'Must be a URL or a relative path.',
      params: { code: 'invalid_url' },
    });
}

/**
 * For refinements that must run even when a field inside already failed, so every problem is
 * reported at once; such refinements check the shape of what they read themselves.
 */
export const ALWAYS_RUN = { when: () => true };

export type Issue = { path: PropertyKey[]; message: string; code: string };

/** Keys that start with `prefix` but are not among `known` (each extension rejects those). */
export function unknownPrefixedKeys(
  value: unknown,
  prefix: string,
  known: readonly string[],
): string[] {
  if (!isRecord(value)) {
    return [];
  }
  return Object.keys(value).filter((k) => k.startsWith(prefix) && !known.includes(k));
}
