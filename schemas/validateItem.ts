import type * as z from 'zod';

import { EXTENSIONS } from './extensions/registry';
import type { Finding, ValidationResult } from './finding';
import { describeValue, plainError, TYPE_NAMES } from './messages';
import { mlmItemSchema } from './mlmItem';
import { MLM_SCHEMA_URL } from './mlmUrls';
import { PROTO_KEY_STAND_IN, prepareForZod } from './prepareForZod';
import { isRecord } from './isRecord';
import { type ValidationCache, withValidationCache } from './validationCache';

/** A JSON pointer (RFC 6901) for a Zod issue path. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (p === PROTO_KEY_STAND_IN ? '__proto__' : String(p)))
    .map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let cur = doc;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) {
      return undefined;
    }
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function finding(code: string, path: readonly PropertyKey[], message: string): Finding {
  return { severity: 'error', code, path: toPointer(path), message, source: 'schema' };
}

/**
 * Turns Zod issues into findings. A failed union ("band name or band object", "class list or empty
 * list") is replaced by the problems of the one alternative the value was meant to be, so the finding
 * lands on the exact field; when no alternative fits, it says which kinds of value are allowed.
 */
function toFindings(iss: z.core.$ZodIssue, doc: unknown): Finding[] {
  if (iss.code === 'invalid_union') {
    const union = iss as z.core.$ZodIssueInvalidUnion & { options?: unknown[] };
    if (union.options && union.errors.length === 0) {
      const options = union.options.map((o) => JSON.stringify(o)).join(', ');
      return [finding('invalid_value', iss.path, `Must be one of ${options}.`)];
    }
    const atRoot = (e: z.core.$ZodIssue) => e.path.length === 0 && e.code === 'invalid_type';
    const fitting = union.errors.filter((branch) => branch.length > 0 && !branch.some(atRoot));
    // When several alternatives take this kind of value, the one whose problems all lie inside the
    // value (not about the value as a whole, such as its length) is the one meant.
    const inner = fitting.filter((branch) => branch.every((e) => e.path.length > 0));
    const meant = fitting.length === 1 ? fitting[0] : inner.length === 1 ? inner[0] : undefined;
    if (meant) {
      return meant.flatMap((e) => toFindings({ ...e, path: [...iss.path, ...e.path] }, doc));
    }
    const expected = [
      ...new Set(
        union.errors.flatMap((branch) =>
          branch.filter(atRoot).map((e) => (e as z.core.$ZodIssueInvalidType).expected),
        ),
      ),
    ];
    if (fitting.length === 0 && expected.length > 0) {
      const words = expected.map((t) => TYPE_NAMES[t] ?? t);
      const list =
        words.length > 1
          ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`
          : words[0];
      return [
        finding(
          'invalid_type',
          iss.path,
          `Expected ${list}, but found ${describeValue(valueAt(doc, iss.path))}.`,
        ),
      ];
    }
  }
  const code = (iss as { params?: { code?: string } }).params?.code ?? iss.code;
  return [finding(code, iss.path, iss.message)];
}

/** Extensions listed by the item that the model cannot check offline. */
export function uncheckedExtensions(doc: unknown): Finding[] {
  if (!isRecord(doc) || !Array.isArray(doc.stac_extensions)) {
    return [];
  }
  return doc.stac_extensions.flatMap((url, i): Finding[] =>
    typeof url === 'string' && url !== MLM_SCHEMA_URL && !EXTENSIONS.has(url)
      ? [
          {
            severity: 'warning',
            code: 'extension-unchecked',
            path: `/stac_extensions/${i}`,
            message: `The fields of ${url} were not checked: that extension is not known to this editor.`,
            source: 'schema',
          },
        ]
      : [],
  );
}

/**
 * The Zod model's verdict on a document: valid exactly when the official STAC core, MLM v1.5.2 and
 * listed extension schemas accept it. Every problem is returned at its JSON pointer.
 */
export interface ValidateOptions {
  /**
   * Remembers results by object identity from one call to the next. Only when the caller never
   * changes a document (or any part of it) after validating it.
   */
  cache?: ValidationCache;
}

export function validateItem(doc: unknown, { cache }: ValidateOptions = {}): ValidationResult {
  if (isRecord(doc) && doc.type !== 'Feature') {
    const kind = typeof doc.type === 'string' ? `a STAC ${doc.type}` : 'not a STAC Item';
    return {
      valid: false,
      findings: [
        {
          severity: 'error',
          code: 'not-an-item',
          path: '/type',
          message: `This document is ${kind}; the editor checks STAC Items ("type": "Feature").`,
          source: 'schema',
        },
      ],
    };
  }
  const { prepared, result } = withValidationCache(cache, () => {
    const input = prepareForZod(doc);
    return { prepared: input, result: mlmItemSchema.safeParse(input, { error: plainError }) };
  });
  const findings = result.success
    ? []
    : result.error.issues.flatMap((iss) => toFindings(iss, prepared));
  findings.push(...uncheckedExtensions(doc));
  return { valid: !findings.some((f) => f.severity === 'error'), findings };
}
