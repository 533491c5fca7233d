import { describe, expect, it } from 'vitest';

import { createPointerLocator, locatePointer } from '../../schemas/locatePointer';

const text = JSON.stringify(
  {
    type: 'Feature',
    properties: {
      'mlm:name': 'x',
      'a/b': [1, { 'c~d': 'it "works"' }],
      'mlm:input': [{ input: { shape: [1, 2] } }],
    },
  },
  null,
  2,
);

const at = (pointer: string) => {
  const r = locatePointer(text, pointer);
  return r ? text.slice(r.start, r.end) : undefined;
};

describe('locatePointer', () => {
  it('finds values by JSON pointer, including escaped keys', () => {
    expect(at('/type')).toBe('"Feature"');
    expect(at('/properties/mlm:name')).toBe('"x"');
    expect(at('/properties/a~1b/1/c~0d')).toBe('"it \\"works\\""');
    expect(at('/properties/mlm:input/0/input/shape/1')).toBe('2');
    expect(at('')).toBe(text);
  });

  it('falls back to the closest existing parent for a missing member', () => {
    expect(at('/properties/mlm:input/0/input/dim_order')).toBe(
      '{\n          "shape": [\n            1,\n            2\n          ]\n        }',
    );
    expect(at('/properties/nothing/deeper')?.startsWith('{')).toBe(true);
  });

  it('gives nothing for empty text and copes with broken text', () => {
    expect(locatePointer('', '/a')).toBeUndefined();
    expect(locatePointer('{"a": [1, 2', '/a/1')).toEqual({ start: 10, end: 11 });
  });

  it('reads keys with escapes, and stops at a key that is not a string', () => {
    const escaped = '{"a\\"b": 1, "c\\u0041": 2, "plain": 3}';
    expect(locatePointer(escaped, '/a"b')).toEqual({ start: 9, end: 10 });
    expect(locatePointer(escaped, '/cA')).toEqual({ start: 23, end: 24 });
    expect(locatePointer('{a: 1, "b": 2}', '/b')).toEqual({ start: 0, end: 14 });
  });

  it('places one pointer per item of a long list in linear time', () => {
    const list = JSON.stringify({ tasks: Array.from({ length: 50_000 }, (_, i) => i) });
    const locate = createPointerLocator(list);
    const started = performance.now();
    for (let i = 0; i < 50_000; i += 1) {
      const range = locate(`/tasks/${i}`);
      expect(range && list.slice(range.start, range.end)).toBe(String(i));
    }
    // Scanning the list again for each item took minutes; once per list takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
