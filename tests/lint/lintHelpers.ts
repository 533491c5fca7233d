import { expect } from 'vitest';

import type { Finding, FixOperation } from '../../schemas/finding';
import { syncExtensions } from '../../schemas/manageExtensions';
import { validateItem } from '../../schemas/validateItem';
import { applyFix } from '../../src/lint/applyFix';
import { lintItem } from '../../src/lint/lintItem';
import { loadExample } from '../support/shared';

export type Item = Record<string, unknown>;

/** A copy of an official example with some values set (`undefined` removes the key). */
export function variant(file: string, changes: Record<string, unknown> = {}): Item {
  const operations: FixOperation[] = Object.entries(changes).map(([path, value]) =>
    value === undefined ? { op: 'remove', path } : { op: 'set', path, value },
  );
  return applyFix(structuredClone(loadExample(file)), { label: 'test edit', operations });
}

export const IN0 = '/properties/mlm:input/0';
export const OUT0 = '/properties/mlm:output/0';

export function findingsAt(item: unknown, code: string, path: string): Finding[] {
  return lintItem(item).filter((f) => f.code === code && f.path === path);
}

export function expectFinding(item: unknown, code: string, path: string): Finding {
  const found = findingsAt(item, code, path);
  expect(
    found,
    `expected ${code} at ${path}; got ${JSON.stringify(lintItem(item).map((f) => [f.code, f.path]))}`,
  ).toHaveLength(1);
  return found[0] as Finding;
}

export function expectNoFinding(item: unknown, code: string): void {
  expect(lintItem(item).filter((f) => f.code === code)).toEqual([]);
}

const schemaErrors = (item: unknown) =>
  validateItem(syncExtensions(undefined, item).item)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.code} ${f.path}`);

/**
 * Applies the finding's fix and checks that the finding is gone and that the fix brought in no
 * schema error the item did not already have.
 */
export function expectFixWorks(item: Item, finding: Finding): Item {
  expect(finding.fix, `${finding.code} at ${finding.path} has a fix`).toBeDefined();
  const before = JSON.stringify(item);
  const fixed = applyFix(item, finding.fix!);
  expect(JSON.stringify(item)).toBe(before);
  expect(findingsAt(fixed, finding.code, finding.path)).toEqual([]);
  const errorsBefore = new Set(schemaErrors(item));
  expect(schemaErrors(fixed).filter((e) => !errorsBefore.has(e))).toEqual([]);
  return fixed;
}
