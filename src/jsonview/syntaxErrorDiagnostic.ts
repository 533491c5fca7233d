import type { Diagnostic } from '@codemirror/lint';

import { parseJsonText } from '../../schemas/parseJsonText';

/**
 * The first JSON syntax error of `text` as an error diagnostic at the character where parsing
 * failed (zero-width at a line end or the end of the text), or undefined when the text parses.
 */
export function syntaxErrorDiagnostic(text: string): Diagnostic | undefined {
  const parsed = parseJsonText(text);
  if (parsed.ok) {
    return undefined;
  }
  const from = Math.min(Math.max(parsed.offset, 0), text.length);
  const to = from < text.length && text[from] !== '\n' && text[from] !== '\r' ? from + 1 : from;
  return {
    from,
    to,
    severity: 'error',
    message: parsed.finding.message,
    source: parsed.finding.code,
  };
}
