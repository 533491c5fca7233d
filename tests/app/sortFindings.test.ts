import { describe, expect, it } from 'vitest';

import type { Finding, Severity } from '../../schemas/finding';
import { comparePointers, sortFindings } from '../../src/app/sortFindings';

function finding(severity: Severity, path: string, code = 'c'): Finding {
  return { severity, path, code, message: `${severity} at ${path}`, source: 'schema' };
}

describe('comparePointers', () => {
  it('puts the root and parents before their children', () => {
    expect(comparePointers('', '/a')).toBeLessThan(0);
    expect(comparePointers('/a', '/a/b')).toBeLessThan(0);
    expect(comparePointers('/a', '/a')).toBe(0);
  });

  it('orders array indexes numerically and names alphabetically', () => {
    expect(comparePointers('/mlm:input/2', '/mlm:input/10')).toBeLessThan(0);
    expect(comparePointers('/assets', '/properties')).toBeLessThan(0);
    expect(comparePointers('/properties/mlm:name', '/properties/mlm:input/0')).toBeGreaterThan(0);
  });
});

describe('sortFindings', () => {
  it('lists errors first, then warnings, then info, each by path', () => {
    const input = [
      finding('info', '/a'),
      finding('warning', '/b'),
      finding('error', '/properties/x/10'),
      finding('warning', ''),
      finding('error', '/properties/x/2'),
      finding('error', ''),
    ];
    expect(sortFindings(input).map((f) => `${f.severity} ${f.path}`)).toEqual([
      'error ',
      'error /properties/x/2',
      'error /properties/x/10',
      'warning ',
      'warning /b',
      'info /a',
    ]);
  });

  it('breaks ties by code and leaves the input untouched', () => {
    const input = [finding('error', '/a', 'z'), finding('error', '/a', 'a')];
    expect(sortFindings(input).map((f) => f.code)).toEqual(['a', 'z']);
    expect(input.map((f) => f.code)).toEqual(['z', 'a']);
  });
});
