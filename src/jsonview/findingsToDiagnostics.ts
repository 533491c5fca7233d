import type { Diagnostic } from '@codemirror/lint';

import type { Finding, Severity } from '../../schemas/finding';
import { createPointerLocator } from '../../schemas/locatePointer';

function toDiagnosticSeverity(severity: Severity): Diagnostic['severity'] {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
      return 'info';
    default:
      return 'error';
  }
}

function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

/** Start of the `"key": ` in front of a member value at `valueStart`, or undefined for array items and the root. */
function memberKeyStart(text: string, valueStart: number): number | undefined {
  let i = valueStart - 1;
  while (i >= 0 && /\s/.test(text[i] as string)) {
    i -= 1;
  }
  if (text[i] !== ':') {
    return undefined;
  }
  i -= 1;
  while (i >= 0 && /\s/.test(text[i] as string)) {
    i -= 1;
  }
  if (text[i] !== '"') {
    return undefined;
  }
  // Walk back to the opening quote; a quote preceded by an odd number of backslashes is escaped.
  for (let j = i - 1; j >= 0; j -= 1) {
    if (text[j] === '"') {
      let slashes = 0;
      while (text[j - 1 - slashes] === '\\') {
        slashes += 1;
      }
      if (slashes % 2 === 0) {
        return j;
      }
    } else if (text[j] === '\n') {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Where to underline a value located at `start`..`end`. A value on one line is underlined whole.
 * A multi-line object or array (e.g. the parent of a missing required field) is underlined only on
 * its first line, key included, so one finding does not paint hundreds of lines red.
 */
function underlineRange(text: string, start: number, end: number): { from: number; to: number } {
  const firstLineEnd = lineEndAt(text, start);
  if (end <= firstLineEnd) {
    return { from: start, to: end };
  }
  return { from: memberKeyStart(text, start) ?? start, to: firstLineEnd };
}

/**
 * Validation findings as CodeMirror lint diagnostics on the text they point into. Findings carry
 * JSON pointers, not offsets, so each is located in `text` with a pointer locator; a pointer to a
 * missing member lands on its closest existing parent, and a finding that cannot be placed at all
 * (e.g. the text is blank) goes to position 0 so it still shows.
 */
export function findingsToDiagnostics(text: string, findings: readonly Finding[]): Diagnostic[] {
  // Many findings share a pointer (several rules on one field), and many sit in one list: the
  // locator scans each container of the text once for all of them.
  const locate = createPointerLocator(text);
  const ranges = new Map<string, { from: number; to: number }>();
  return findings.map((finding) => {
    let range = ranges.get(finding.path);
    if (!range) {
      const located = locate(finding.path);
      range = located ? underlineRange(text, located.start, located.end) : { from: 0, to: 0 };
      ranges.set(finding.path, range);
    }
    return {
      from: range.from,
      to: range.to,
      severity: toDiagnosticSeverity(finding.severity),
      message: finding.message,
      source: finding.code,
    };
  });
}
