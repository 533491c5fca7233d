import * as z from 'zod';

import { plainError } from '../messages';
import { ALWAYS_RUN, unknownPrefixedKeys } from '../primitives';
import { isRecord } from '../isRecord';
import { cachedSafeParse } from '../validationCache';

export type Path = PropertyKey[];

/** Collects issues for one item; the item schema turns them into Zod issues. */
export interface Reporter {
  issue(path: Path, message: string, code: string): void;
  /** Validates `value` with `schema` and reports its issues under `path`; true when it passed. */
  parse(schema: z.ZodType, value: unknown, path: Path): boolean;
}

/** Everything the editor and validator need to know about one STAC extension. */
export interface ExtensionModel {
  url: string;
  /** Short name such as "eo v1.1.0". */
  name: string;
  /** Checks an Item (type "Feature") that lists this extension in `stac_extensions`. */
  checkItem(item: Record<string, unknown>, report: Reporter): void;
  /** The extension's fields by where they go, for the editor. */
  fields: { properties?: z.ZodType; asset?: z.ZodType; link?: z.ZodType };
}

/**
 * An extension's field object: typed fields, other prefixed keys rejected (the extension schemas'
 * `additionalProperties: false` over their own prefix), everything else allowed.
 */
export function prefixedFields<S extends z.core.$ZodLooseShape>(
  prefix: string,
  shape: S,
  closed = true,
) {
  const known = Object.keys(shape);
  return z.looseObject(shape).superRefine((value, ctx) => {
    if (!closed) {
      return;
    }
    for (const key of unknownPrefixedKeys(value, prefix, known)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `"${key}" is not a field of this extension (known: ${known.join(', ')}).`,
        params: { code: 'unknown-extension-field' },
      });
    }
  }, ALWAYS_RUN);
}

/** Issues of a sub-parse, re-rooted under `path`. */
export function forwardIssues(
  result: z.ZodSafeParseResult<unknown>,
  path: Path,
  report: Reporter['issue'],
): boolean {
  if (result.success) {
    return true;
  }
  for (const iss of result.error.issues) {
    const code = (iss as { params?: { code?: string } }).params?.code ?? iss.code;
    report([...path, ...iss.path], iss.message, code);
  }
  return false;
}

/** Parses with plain messages; an unchanged part of the item is not parsed again. */
export function parseWith(schema: z.ZodType, value: unknown) {
  return cachedSafeParse(schema, value, PARSE_PARAMS);
}

const PARSE_PARAMS = { error: plainError };

export function assetsOf(item: Record<string, unknown>): [string, Record<string, unknown>][] {
  return isRecord(item.assets)
    ? Object.entries(item.assets).filter((e): e is [string, Record<string, unknown>] =>
        isRecord(e[1]),
      )
    : [];
}

export function linksOf(item: Record<string, unknown>): [number, Record<string, unknown>][] {
  return Array.isArray(item.links)
    ? item.links.flatMap((l, i): [number, Record<string, unknown>][] =>
        isRecord(l) ? [[i, l]] : [],
      )
    : [];
}

/** Checks properties and every asset against the same field object, as most extensions do. */
export function checkPropertiesAndAssets(
  item: Record<string, unknown>,
  report: Reporter,
  fields: z.ZodType,
): void {
  if (isRecord(item.properties)) {
    report.parse(fields, item.properties, ['properties']);
  }
  for (const [key, asset] of assetsOf(item)) {
    report.parse(fields, asset, ['assets', key]);
  }
}

export function checkAssets(
  item: Record<string, unknown>,
  report: Reporter,
  fields: z.ZodType,
): void {
  for (const [key, asset] of assetsOf(item)) {
    report.parse(fields, asset, ['assets', key]);
  }
}

/** The "at least one of these fields" rule several extensions put on Item properties. */
export function requireAnyField(
  item: Record<string, unknown>,
  report: Reporter,
  keys: readonly string[],
  extensionName: string,
): void {
  const props = item.properties;
  if (isRecord(props) && !keys.some((k) => k in props)) {
    report.issue(
      ['properties'],
      `The ${extensionName} extension is listed, so the properties need at least one of ${keys.join(', ')}.`,
      'extension-field-required',
    );
  }
}
