import { describe, expect, it } from 'vitest';

import type { Finding } from '../../schemas/finding';
import { findingsToDiagnostics } from '../../src/jsonview/findingsToDiagnostics';

function finding(path: string, overrides: Partial<Finding> = {}): Finding {
  return {
    severity: 'error',
    code: 'invalid_type',
    path,
    message: `problem at ${path}`,
    source: 'schema',
    ...overrides,
  };
}

const TEXT = JSON.stringify(
  {
    type: 'Feature',
    id: 'x',
    bbox: [1, 2, 3, 4],
    properties: { 'mlm:name': 'model', 'mlm:input': [{ name: 'in' }] },
  },
  null,
  2,
);

function underlined(text: string, d: { from: number; to: number }): string {
  return text.slice(d.from, d.to);
}

describe('findingsToDiagnostics', () => {
  it('underlines a one-line value whole', () => {
    const [d] = findingsToDiagnostics(TEXT, [finding('/properties/mlm:name')]);
    expect(d && underlined(TEXT, d)).toBe('"model"');
    expect(d).toMatchObject({
      severity: 'error',
      message: 'problem at /properties/mlm:name',
      source: 'invalid_type',
    });
  });

  it('maps the severities', () => {
    const diagnostics = findingsToDiagnostics(TEXT, [
      finding('/id', { severity: 'error' }),
      finding('/id', { severity: 'warning' }),
      finding('/id', { severity: 'info' }),
    ]);
    expect(diagnostics.map((d) => d.severity)).toEqual(['error', 'warning', 'info']);
    expect(diagnostics.map((d) => underlined(TEXT, d))).toEqual(['"x"', '"x"', '"x"']);
  });

  it('underlines only the first line of a multi-line value, with its key', () => {
    const [d] = findingsToDiagnostics(TEXT, [finding('/properties/mlm:input/0')]);
    expect(d && underlined(TEXT, d)).toBe('{');
    const [member] = findingsToDiagnostics(TEXT, [finding('/properties/mlm:input')]);
    expect(member && underlined(TEXT, member)).toBe('"mlm:input": [');
  });

  it('puts a missing member on its closest existing parent', () => {
    const [d] = findingsToDiagnostics(TEXT, [finding('/properties/mlm:framework')]);
    expect(d && underlined(TEXT, d)).toBe('"properties": {');
  });

  it('puts a root finding on the first line', () => {
    const [d] = findingsToDiagnostics(TEXT, [finding('')]);
    expect(d).toMatchObject({ from: 0, to: 1 });
  });

  it('locates array items by index', () => {
    const [d] = findingsToDiagnostics(TEXT, [finding('/bbox/2')]);
    expect(d && underlined(TEXT, d)).toBe('3');
  });

  it('handles escaped pointer segments and escaped quotes in keys', () => {
    const text = '{\n  "a/b": {\n    "x": 1\n  },\n  "q\\"k": {\n    "y": 2\n  }\n}';
    const [slash, quote] = findingsToDiagnostics(text, [finding('/a~1b'), finding('/q"k')]);
    expect(slash && underlined(text, slash)).toBe('"a/b": {');
    expect(quote && underlined(text, quote)).toBe('"q\\"k": {');
  });

  it('sends findings that cannot be located to position 0', () => {
    expect(findingsToDiagnostics('', [finding('/id')])).toEqual([
      expect.objectContaining({ from: 0, to: 0, message: 'problem at /id' }),
    ]);
    expect(findingsToDiagnostics('   \n', [finding('')])).toEqual([
      expect.objectContaining({ from: 0, to: 0 }),
    ]);
  });

  it('still places findings in text that does not parse', () => {
    const broken = '{\n  "id": "x",\n  "bbox": [1, 2,\n';
    const [d] = findingsToDiagnostics(broken, [finding('/id')]);
    expect(d && underlined(broken, d)).toBe('"x"');
  });

  it('keeps every diagnostic inside the text', () => {
    const diagnostics = findingsToDiagnostics(TEXT, [
      finding(''),
      finding('/nope/deeper'),
      finding('/bbox/99'),
      finding('/properties/mlm:input/0/name'),
    ]);
    for (const d of diagnostics) {
      expect(d.from).toBeGreaterThanOrEqual(0);
      expect(d.to).toBeGreaterThanOrEqual(d.from);
      expect(d.to).toBeLessThanOrEqual(TEXT.length);
    }
  });

  it('returns one diagnostic per finding, in order', () => {
    expect(findingsToDiagnostics(TEXT, [])).toEqual([]);
    const diagnostics = findingsToDiagnostics(TEXT, [
      finding('/id'),
      finding('/type'),
      finding('/id'),
    ]);
    expect(diagnostics.map((d) => underlined(TEXT, d))).toEqual(['"x"', '"Feature"', '"x"']);
  });
});
