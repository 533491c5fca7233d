import { describe, expect, it } from 'vitest';

import {
  lineColumnAt,
  locateJsonError,
  MAX_JSON_CHARS,
  parseJsonText,
} from '../../schemas/parseJsonText';

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a": [1, true, null]}')).toEqual({
      ok: true,
      value: { a: [1, true, null] },
    });
  });

  it.each([
    ['{\n  "a": 1,\n  "b": \n}', 4, 1, /expected a value/],
    ['{"a": 1', 1, 8, /ends before this object is closed/],
    ['[1, 2,, 3]', 1, 7, /expected a value but found ","/],
    ['{"a" 1}', 1, 6, /expected ':'/],
    ["{'a': 1}", 1, 2, /property name in double quotes/],
    ['{"a": "x\ny"}', 1, 7, /string is not closed/],
    ['{} extra', 1, 4, /after the end of the document/],
    ['{"a": tru}', 1, 7, /expected a value/],
  ])('reports %j at line %i, column %i', (text, line, column, reason) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect([result.line, result.column]).toEqual([line, column]);
      expect(result.finding.message).toMatch(reason);
      expect(result.finding.message).toContain(`line ${line}, column ${column}`);
      expect(result.finding.path).toBe('');
    }
  });

  it('says what to do with empty text', () => {
    const result = parseJsonText('  \n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.finding.code).toBe('json-empty');
  });

  it('refuses text longer than the largest item it opens, without parsing it', () => {
    const text = `{"pad": "${'x'.repeat(MAX_JSON_CHARS)}"}`;
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.finding.code).toBe('json-too-large');
    expect(!parsed.ok && parsed.finding.message).toMatch(/50 million characters long.*up to 50/);
  });

  it('copes with very deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(100_000);
    expect(locateJsonError(deep).offset).toBe(100_000);
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
