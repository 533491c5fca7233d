import { describe, expect, it } from 'vitest';

import { minimalChange } from '../../src/jsonview/minimalChange';

function apply(text: string, change: ReturnType<typeof minimalChange>): string {
  return change ? text.slice(0, change.from) + change.insert + text.slice(change.to) : text;
}

describe('minimalChange', () => {
  it('returns null for equal texts', () => {
    expect(minimalChange('', '')).toBeNull();
    expect(minimalChange('{"a":1}', '{"a":1}')).toBeNull();
  });

  it.each([
    [
      'replacement in the middle',
      '{"a":1,"b":2}',
      '{"a":1,"b":35}',
      { from: 11, to: 12, insert: '35' },
    ],
    ['insertion', '{"a":1}', '{"a":1,"b":2}', { from: 6, to: 6, insert: ',"b":2' }],
    ['deletion', '{"a":1,"b":2}', '{"a":1}', { from: 6, to: 12, insert: '' }],
    ['from empty', '', '{}', { from: 0, to: 0, insert: '{}' }],
    ['to empty', '{}', '', { from: 0, to: 2, insert: '' }],
    ['change at the start', 'xbc', 'ybc', { from: 0, to: 1, insert: 'y' }],
    ['change at the end', 'abx', 'aby', { from: 2, to: 3, insert: 'y' }],
    ['whole text', 'abc', 'xyz', { from: 0, to: 3, insert: 'xyz' }],
  ])('finds the %s', (_name, oldText, newText, expected) => {
    expect(minimalChange(oldText, newText)).toEqual(expected);
    expect(apply(oldText, minimalChange(oldText, newText))).toBe(newText);
  });

  it('does not let prefix and suffix overlap on repeated characters', () => {
    expect(minimalChange('aa', 'aaa')).toEqual({ from: 2, to: 2, insert: 'a' });
    expect(minimalChange('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
    expect(minimalChange('abab', 'ab')).toEqual({ from: 2, to: 4, insert: '' });
  });

  it('never splits a surrogate pair', () => {
    // U+1F600 and U+1F601 share their high surrogate; U+1F600 and U+2F600 share the low one.
    const change = minimalChange('"😀"', '"😁"');
    expect(change).toEqual({ from: 1, to: 3, insert: '😁' });
    const low = minimalChange('x\u{1F600}', 'x\u{2F600}');
    expect(low).toEqual({ from: 1, to: 3, insert: '\u{2F600}' });
  });

  it('is correct on random edits', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = 'ab{}",:1 \n';
    for (let round = 0; round < 500; round += 1) {
      const base = Array.from({ length: random(30) }, () => alphabet[random(alphabet.length)]).join(
        '',
      );
      const from = random(base.length + 1);
      const to = from + random(base.length - from + 1);
      const insert = Array.from({ length: random(5) }, () => alphabet[random(3)]).join('');
      const next = base.slice(0, from) + insert + base.slice(to);
      const change = minimalChange(base, next);
      expect(apply(base, change)).toBe(next);
      if (change) {
        // Never larger than the edit that was made.
        expect(change.to - change.from).toBeLessThanOrEqual(to - from);
        expect(change.insert.length).toBeLessThanOrEqual(insert.length);
      }
    }
  });

  it('finds the edit in long texts, across and inside the compared blocks', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round += 1) {
      const base = 'ab'.repeat(random(12000)) + 'x'.repeat(random(3));
      const from = random(base.length + 1);
      const to = from + random(Math.min(50, base.length - from) + 1);
      const insert = 'ba'.slice(0, random(3));
      const next = base.slice(0, from) + insert + base.slice(to);
      const change = minimalChange(base, next);
      expect(apply(base, change)).toBe(next);
      if (change) {
        expect(change.to - change.from).toBeLessThanOrEqual(to - from);
      }
    }
  });

  it('replaces only the edited part of a large document', () => {
    const big = JSON.stringify(
      { features: Array.from({ length: 20000 }, (_, i) => ({ id: i, name: `n${i}` })) },
      null,
      2,
    );
    const edited = big.replace('"n10000"', '"renamed"');
    const change = minimalChange(big, edited);
    expect(change?.insert.length).toBeLessThanOrEqual('renamed'.length);
    expect(apply(big, change)).toBe(edited);
  });
});
