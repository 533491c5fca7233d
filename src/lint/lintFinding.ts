import type { Finding, FindingFix, Severity } from '../../schemas/finding';
import { isRecord } from '../../schemas/isRecord';

/** A JSON pointer (RFC 6901) from its keys, e.g. `pointer('properties', 'mlm:input', 0)`. */
export function pointer(...parts: readonly (string | number)[]): string {
  return parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Builds a lint finding; `rule` is the number of the prose rule in the spec notes (section d). */
export function lintFinding(
  severity: Severity,
  rule: number,
  path: string,
  message: string,
  fix?: FindingFix,
): Finding {
  return {
    severity,
    code: `MLM-L${rule}`,
    path,
    message,
    source: 'lint',
    ...(fix ? { fix } : {}),
  };
}

export const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter(isRecord) : [];

export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

/** A model input or output with where it sits, so every rule reports at the same pointers. */
export interface Tensor {
  /** `/properties/mlm:input/0` */
  at: string;
  kind: 'input' | 'output';
  value: Record<string, unknown>;
  /** The structure key: `input` for inputs, `result` for outputs. */
  structKey: 'input' | 'result';
  shape: unknown[] | undefined;
  dimOrder: unknown[] | undefined;
}

export function tensorsOf(properties: Record<string, unknown>): Tensor[] {
  const out: Tensor[] = [];
  for (const [key, kind, structKey] of [
    ['mlm:input', 'input', 'input'],
    ['mlm:output', 'output', 'result'],
  ] as const) {
    const list = properties[key];
    if (!Array.isArray(list)) {
      continue;
    }
    list.forEach((value: unknown, i) => {
      if (!isRecord(value)) {
        return;
      }
      const struct = value[structKey];
      out.push({
        at: pointer('properties', key, i),
        kind,
        value,
        structKey,
        shape: isRecord(struct) && Array.isArray(struct.shape) ? struct.shape : undefined,
        dimOrder:
          isRecord(struct) && Array.isArray(struct.dim_order) ? struct.dim_order : undefined,
      });
    });
  }
  return out;
}

/** The name a band or variable entry refers to; undefined for virtual (computed) entries. */
export function referencedName(entry: unknown): string | undefined {
  if (typeof entry === 'string') {
    return entry;
  }
  if (isRecord(entry) && typeof entry.name === 'string' && entry.expression === undefined) {
    return entry.name;
  }
  return undefined;
}

export function entryName(entry: unknown): string | undefined {
  if (typeof entry === 'string') {
    return entry;
  }
  return isRecord(entry) && typeof entry.name === 'string' ? entry.name : undefined;
}

export const hasModelRole = (asset: unknown): boolean =>
  isRecord(asset) && Array.isArray(asset.roles) && asset.roles.includes('mlm:model');
