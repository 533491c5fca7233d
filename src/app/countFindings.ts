import type { Finding, Severity } from '../../schemas/finding';

export type FindingCounts = Record<Severity, number>;

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) {
    counts[finding.severity] += 1;
  }
  return counts;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 errors, 1 warning", plus notes only when there are some. */
export function describeCounts(counts: FindingCounts): string {
  const parts = [
    plural(counts.error, 'error', 'errors'),
    plural(counts.warning, 'warning', 'warnings'),
  ];
  if (counts.info > 0) {
    parts.push(plural(counts.info, 'note', 'notes'));
  }
  return parts.join(', ');
}
