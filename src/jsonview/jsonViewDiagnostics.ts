import type { Diagnostic } from '@codemirror/lint';

import type { Finding } from '../../schemas/finding';
import { findingsToDiagnostics } from './findingsToDiagnostics';
import { syntaxErrorDiagnostic } from './syntaxErrorDiagnostic';

/** Codes parseJsonText gives its findings; the view recomputes those from its own text. */
const PARSE_FINDING_CODES: ReadonlySet<string> = new Set(['json-syntax', 'json-empty']);

/**
 * Everything the JSON view shows for `text`: the syntax error of the text as it is now, plus the
 * validation findings. The app may also pass its own syntax finding, but that one sits at the root
 * pointer (position 0) and may describe an older text, so it is dropped in favour of the local one.
 */
export function jsonViewDiagnostics(text: string, findings: readonly Finding[]): Diagnostic[] {
  const syntax = syntaxErrorDiagnostic(text);
  const validation = findingsToDiagnostics(
    text,
    findings.filter((finding) => !PARSE_FINDING_CODES.has(finding.code)),
  );
  return syntax ? [syntax, ...validation] : validation;
}
