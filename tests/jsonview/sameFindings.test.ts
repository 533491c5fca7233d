import { describe, expect, it } from 'vitest';

import type { Finding } from '../../schemas/finding';
import { sameFindings } from '../../src/jsonview/sameFindings';

const a: Finding = { severity: 'error', code: 'c', path: '/id', message: 'm', source: 'schema' };

describe('sameFindings', () => {
  it('treats equal content in new arrays as the same', () => {
    expect(sameFindings([], [])).toBe(true);
    expect(sameFindings([a], [{ ...a }])).toBe(true);
  });

  it.each([
    ['length', [a, a]],
    ['severity', [{ ...a, severity: 'warning' as const }]],
    ['code', [{ ...a, code: 'd' }]],
    ['path', [{ ...a, path: '/type' }]],
    ['message', [{ ...a, message: 'n' }]],
  ])('sees a different %s', (_name, other) => {
    expect(sameFindings([a], other)).toBe(false);
  });
});
