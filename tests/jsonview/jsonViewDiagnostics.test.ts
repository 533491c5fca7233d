import { describe, expect, it } from 'vitest';

import type { Finding } from '../../schemas/finding';
import { jsonViewDiagnostics } from '../../src/jsonview/jsonViewDiagnostics';
import { syntaxErrorDiagnostic } from '../../src/jsonview/syntaxErrorDiagnostic';

const idFinding: Finding = {
  severity: 'warning',
  code: 'mlm-id',
  path: '/id',
  message: 'Check the id.',
  source: 'lint',
};

describe('syntaxErrorDiagnostic', () => {
  it('is undefined for valid JSON', () => {
    expect(syntaxErrorDiagnostic('{"a": 1}')).toBeUndefined();
  });

  it('marks the character where parsing failed', () => {
    const text = '{\n  "a": 1,\n  "b" 2\n}';
    const d = syntaxErrorDiagnostic(text);
    expect(d).toMatchObject({ severity: 'error', source: 'json-syntax' });
    expect(d && text.slice(d.from, d.to)).toBe('2');
    expect(d?.message).toMatch(/line 3, column 7/);
  });

  it('is zero-width at the end of an unfinished text', () => {
    const text = '{"a": [1, 2';
    expect(syntaxErrorDiagnostic(text)).toMatchObject({ from: text.length, to: text.length });
  });

  it('marks a bracket that comes too early', () => {
    const text = '{"a":\n}';
    expect(syntaxErrorDiagnostic(text)).toMatchObject({ from: 6, to: 7 });
  });

  it('reports an empty text at position 0', () => {
    expect(syntaxErrorDiagnostic('')).toMatchObject({ from: 0, to: 0, source: 'json-empty' });
  });
});

describe('jsonViewDiagnostics', () => {
  it('shows only findings when the text parses', () => {
    const diagnostics = jsonViewDiagnostics('{"id": "x"}', [idFinding]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ from: 7, to: 10, severity: 'warning', source: 'mlm-id' }),
    ]);
  });

  it('puts its own syntax error first and drops the app’s stale syntax finding', () => {
    const text = '{"id": "x",}';
    const diagnostics = jsonViewDiagnostics(text, [
      { ...idFinding, severity: 'error', code: 'json-syntax', path: '', message: 'old' },
      idFinding,
    ]);
    expect(diagnostics.map((d) => d.source)).toEqual(['json-syntax', 'mlm-id']);
    expect(diagnostics[0]?.message).not.toBe('old');
  });
});
