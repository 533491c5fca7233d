import type { FileReport } from './validateFiles';

/** Human-readable report: PASS/FAIL per file, then each finding at its JSON path. */
export function formatReport(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.valid ? 'PASS' : 'FAIL'} ${r.file}`);
    for (const f of r.findings) {
      const path = f.path === '' ? '(document)' : f.path;
      lines.push(`  ${f.severity.padEnd(7)} ${path}: ${f.message} [${f.code}, ${f.source}]`);
    }
  }
  const passed = reports.filter((r) => r.valid).length;
  const lint = reports.reduce(
    (n, r) => n + r.findings.filter((f) => f.source === 'lint').length,
    0,
  );
  lines.push('');
  if (lint > 0) {
    // Says why a file with lint errors can still PASS: lint never changes the schema verdict.
    lines.push(
      `${lint} lint finding${lint === 1 ? '' : 's'} (MLM prose rules): advice that fails a file only with --strict.`,
    );
  }
  lines.push(
    `${reports.length} file${reports.length === 1 ? '' : 's'}: ${passed} passed, ${reports.length - passed} failed.`,
  );
  return lines.join('\n');
}
