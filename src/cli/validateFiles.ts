import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Finding } from '../../schemas/finding';
import { parseJsonText } from '../../schemas/parseJsonText';
import { validateItem } from '../../schemas/validateItem';
import { lintItem } from '../lint/lintItem';
import type { OfficialValidator } from './officialValidator';

export interface FileReport {
  file: string;
  valid: boolean;
  findings: Finding[];
}

export interface ValidateOptions {
  /** Where relative FILE arguments are resolved from. */
  cwd: string;
  /** Checks with the official JSON Schemas too; undefined means the Zod model alone. */
  official?: OfficialValidator;
  /** Warnings fail the file too, and so do lint findings (errors and warnings). */
  strict: boolean;
}

/** Files bigger than this are refused: an item is a few kilobytes to a few megabytes. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

function fileFinding(code: string, message: string): Finding {
  return { severity: 'error', code, path: '', message, source: 'schema' };
}

function readDocument(path: string): { text: string } | { finding: Finding } {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      return { finding: fileFinding('file-is-directory', `${path} is a folder, not a JSON file.`) };
    }
    size = stat.size;
  } catch {
    return { finding: fileFinding('file-not-found', `File not found: ${path}.`) };
  }
  if (size > MAX_FILE_BYTES) {
    return {
      finding: fileFinding(
        'file-too-large',
        `The file is ${(size / 1e6).toFixed(0)} MB; STAC Items larger than ${MAX_FILE_BYTES / 1e6} MB are not read.`,
      ),
    };
  }
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return {
      finding: fileFinding(
        'file-unreadable',
        `Could not read ${path}: ${(error as Error).message}.`,
      ),
    };
  }
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Lint findings are advice about the prose rules: they never change the schema verdict, and only
 * `--strict` (which asks for a clean file) lets them fail it.
 */
function fails(f: Finding, strict: boolean): boolean {
  if (f.source === 'lint') {
    return strict && f.severity !== 'info';
  }
  return f.severity === 'error' || (strict && f.severity === 'warning');
}

export function validateFile(file: string, options: ValidateOptions): FileReport {
  const loaded = readDocument(resolve(options.cwd, file));
  if ('finding' in loaded) {
    return { file, valid: false, findings: [loaded.finding] };
  }
  const parsed = parseJsonText(loaded.text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    return { file, valid: false, findings: [parsed.finding] };
  }
  const findings = [...validateItem(parsed.value).findings];
  if (options.official) {
    findings.push(...options.official.validate(parsed.value));
  }
  // The report keeps its documented shape: a quick fix is for the editor, not for scripts.
  findings.push(
    ...lintItem(parsed.value).map(({ severity, code, path, message, source }) => ({
      severity,
      code,
      path,
      message,
      source,
    })),
  );
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.path.localeCompare(b.path));
  return { file, valid: !findings.some((f) => fails(f, options.strict)), findings };
}
