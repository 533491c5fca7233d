import { describe, expect, it } from 'vitest';

import type { ValidationResult } from '../../schemas/finding';
import { checkItemText, findingsOf } from '../../src/app/checkItemText';

const VALID: ValidationResult = { valid: true, findings: [] };

describe('checkItemText', () => {
  it('treats blank text as the empty state, without calling the validator', () => {
    const validate = () => {
      throw new Error('must not be called');
    };
    expect(checkItemText('', validate)).toEqual({ kind: 'empty' });
    expect(checkItemText('  \n\t', validate)).toEqual({ kind: 'empty' });
  });

  it('reports a syntax error with its line and column', () => {
    const check = checkItemText('{\n  "id": \n}', () => VALID);
    expect(check.kind).toBe('syntax');
    if (check.kind !== 'syntax') {
      return;
    }
    expect(check.line).toBe(3);
    expect(check.column).toBe(1);
    expect(check.finding).toMatchObject({ severity: 'error', code: 'json-syntax', path: '' });
    expect(check.finding.message).toContain('line 3, column 1');
    expect(findingsOf(check)).toEqual([check.finding]);
  });

  it('hands the parsed document to the validator', () => {
    const seen: unknown[] = [];
    const result: ValidationResult = {
      valid: false,
      findings: [{ severity: 'error', code: 'c', path: '/id', message: 'm', source: 'schema' }],
    };
    const check = checkItemText('{"id": 1}', (doc) => {
      seen.push(doc);
      return result;
    });
    expect(seen).toEqual([{ id: 1 }]);
    expect(check).toEqual({ kind: 'checked', result });
    expect(findingsOf(check)).toBe(result.findings);
  });

  it('turns a crashing validator into an error finding instead of throwing', () => {
    const check = checkItemText('{}', () => {
      throw new TypeError('boom');
    });
    expect(check.kind).toBe('checked');
    const [finding] = findingsOf(check);
    expect(finding).toMatchObject({ severity: 'error', code: 'validator-crashed', path: '' });
    expect(finding?.message).toContain('boom');
  });

  it('lists nothing for the empty state', () => {
    expect(findingsOf({ kind: 'empty' })).toEqual([]);
  });
});
