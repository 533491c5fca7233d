import { describe, expect, it } from 'vitest';

import { applyFix } from '../../src/lint/applyFix';

describe('applyFix', () => {
  const doc = { a: { list: [1, 2, 3], keep: { x: 1 } }, 'b/c': { '~d': 0 } };

  it('sets, appends at the list length and removes, without mutating', () => {
    const before = structuredClone(doc);
    const out = applyFix(doc, {
      label: 'test',
      operations: [
        { op: 'set', path: '/a/list/3', value: 4 },
        { op: 'remove', path: '/a/list/0' },
        { op: 'set', path: '/b~1c/~0d', value: 1 },
        { op: 'set', path: '/new/deep', value: true },
      ],
    });
    expect(doc).toEqual(before);
    expect(out).toEqual({
      a: { list: [2, 3, 4], keep: { x: 1 } },
      'b/c': { '~d': 1 },
      new: { deep: true },
    });
    // Untouched branches are shared, touched ones copied.
    expect(out.a.keep).toBe(doc.a.keep);
    expect(out.a).not.toBe(doc.a);
  });

  it('copies set values, so later edits of the fix do not leak into the item', () => {
    const value = { n: 1 };
    const out = applyFix({} as Record<string, unknown>, {
      label: 'test',
      operations: [{ op: 'set', path: '/v', value }],
    });
    value.n = 2;
    expect(out.v).toEqual({ n: 1 });
  });

  it('removes object keys', () => {
    expect(
      applyFix({ a: 1, b: 2 }, { label: 't', operations: [{ op: 'remove', path: '/a' }] }),
    ).toEqual({ b: 2 });
  });
});
