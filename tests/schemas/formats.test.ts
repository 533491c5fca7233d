import { describe, expect, it } from 'vitest';

import { canonicalJson, firstDuplicateIndex } from '../../schemas/formats';
import { mulberry32 } from '../support/randomMutations';

/** The plain definition: the first item whose canonical JSON was seen before. */
function naiveFirstDuplicate(items: readonly unknown[]): number {
  const seen = new Set<string>();
  for (let j = 0; j < items.length; j += 1) {
    const key = canonicalJson(items[j]);
    if (seen.has(key)) {
      return j;
    }
    seen.add(key);
  }
  return -1;
}

describe('firstDuplicateIndex', () => {
  it('finds equal objects whatever their key order, nested too', () => {
    expect(
      firstDuplicateIndex([
        { a: 1, b: { c: [1, 2] } },
        { b: { c: [1, 2] }, a: 1 },
      ]),
    ).toBe(1);
    expect(
      firstDuplicateIndex([
        { a: 1, b: { c: [1, 2] } },
        { b: { c: [2, 1] }, a: 1 },
      ]),
    ).toBe(-1);
    expect(firstDuplicateIndex(['a', 'b', 'a'])).toBe(2);
    expect(firstDuplicateIndex([1, '1', true, 'true', null, 'null'])).toBe(-1);
    expect(firstDuplicateIndex([0, -0])).toBe(1);
    expect(firstDuplicateIndex([])).toBe(-1);
  });

  it('agrees with comparing canonical JSON on random lists', () => {
    const rand = mulberry32(99);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    const leaf = () => pick<unknown>([0, 1, 2, 'a', 'b', 'ab', true, false, null, 1.5, -1]);
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth <= 0 || r < 0.4) {
        return leaf();
      }
      if (r < 0.7) {
        return Array.from({ length: Math.floor(rand() * 3) }, () => value(depth - 1));
      }
      const keys = ['x', 'y', 'z'].filter(() => rand() < 0.6);
      // Shuffled key order, so equal objects are often written differently.
      keys.sort(() => rand() - 0.5);
      return Object.fromEntries(keys.map((k) => [k, value(depth - 1)]));
    };
    for (let round = 0; round < 3000; round += 1) {
      const items = Array.from({ length: Math.floor(rand() * 8) }, () => value(2));
      expect(firstDuplicateIndex(items)).toBe(naiveFirstDuplicate(items));
    }
  });
});
