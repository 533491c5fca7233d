import type { Finding, Severity } from '../../schemas/finding';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Orders JSON pointers segment by segment, numbers numerically, so `/mlm:input/2` comes before
 * `/mlm:input/10` and a parent comes before its children.
 */
export function comparePointers(a: string, b: string): number {
  const as = a === '' ? [] : a.split('/').slice(1);
  const bs = b === '' ? [] : b.split('/').slice(1);
  const shared = Math.min(as.length, bs.length);
  for (let i = 0; i < shared; i += 1) {
    const x = as[i] as string;
    const y = bs[i] as string;
    if (x === y) {
      continue;
    }
    const bothIndexes = /^\d+$/.test(x) && /^\d+$/.test(y);
    return bothIndexes ? Number(x) - Number(y) : x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

/** Errors first, then warnings, then info; within a severity by path, then code. Returns a copy. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      comparePointers(a.path, b.path) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
