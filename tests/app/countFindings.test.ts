import { describe, expect, it } from 'vitest';

import type { Finding, Severity } from '../../schemas/finding';
import { countFindings, describeCounts } from '../../src/app/countFindings';
import { formatPointer } from '../../src/app/formatPointer';

const f = (severity: Severity): Finding => ({
  severity,
  code: 'c',
  path: '',
  message: 'm',
  source: 'lint',
});

describe('countFindings / describeCounts', () => {
  it('counts each severity', () => {
    expect(countFindings([f('error'), f('warning'), f('error'), f('info')])).toEqual({
      error: 2,
      warning: 1,
      info: 1,
    });
  });

  it('always names errors and warnings, and notes only when present', () => {
    expect(describeCounts({ error: 0, warning: 0, info: 0 })).toBe('0 errors, 0 warnings');
    expect(describeCounts({ error: 1, warning: 1, info: 0 })).toBe('1 error, 1 warning');
    expect(describeCounts({ error: 2, warning: 3, info: 1 })).toBe('2 errors, 3 warnings, 1 note');
  });
});

describe('formatPointer', () => {
  it('names the root pointer and keeps others as they are', () => {
    expect(formatPointer('')).toBe('(document)');
    expect(formatPointer('/properties/mlm:name')).toBe('/properties/mlm:name');
  });
});
