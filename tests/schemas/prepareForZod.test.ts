import { describe, expect, it } from 'vitest';

import { PROTO_KEY_STAND_IN, prepareForZod } from '../../schemas/prepareForZod';
import { validateItem } from '../../schemas/validateItem';
import { loadExample } from '../support/shared';

describe('prepareForZod', () => {
  it('returns the same document when nothing needs changing', () => {
    const doc = { a: [1, { b: 'c' }] };
    expect(prepareForZod(doc)).toBe(doc);
  });

  it('renames "__proto__" keys without touching any prototype', () => {
    const doc = JSON.parse('{"a": {"__proto__": {"polluted": true}}}') as Record<string, unknown>;
    const prepared = prepareForZod(doc) as { a: Record<string, unknown> };
    expect(Object.keys(prepared.a)).toEqual([PROTO_KEY_STAND_IN]);
    expect(Object.getPrototypeOf(prepared.a)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('replaces infinities from huge numbers by the largest finite doubles', () => {
    expect(prepareForZod(JSON.parse('[1e400, -1e400, 2]'))).toEqual([
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      2,
    ]);
  });

  it('reports problems under "__proto__" at their real path', () => {
    const doc = structuredClone(loadExample('item_basic.json'));
    const assets = JSON.parse('{"__proto__": {"roles": ["data"]}}') as Record<string, unknown>;
    Object.assign(doc, { assets });
    const result = validateItem(doc);
    expect(result.valid).toBe(false);
    expect(result.findings.map((f) => f.path)).toContain('/assets/__proto__/href');
  });
});
