import type { Finding, ValidationResult } from '../../schemas/finding';
import { parseJsonText } from '../../schemas/parseJsonText';

/** What the editor knows about the current text. */
export type ItemCheck =
  | { kind: 'empty' }
  | { kind: 'syntax'; finding: Finding; line: number; column: number; offset: number }
  | { kind: 'checked'; result: ValidationResult };

export type ItemValidator = (doc: unknown) => ValidationResult;

/**
 * Parses and validates the editor text. Blank text is the empty state, not an error: the user has
 * not given us anything yet. A validator that throws becomes a finding, because a bug in the model
 * must not take the whole screen down while the user is typing.
 */
export function checkItemText(text: string, validate: ItemValidator): ItemCheck {
  if (text.trim() === '') {
    return { kind: 'empty' };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return {
      kind: 'syntax',
      finding: parsed.finding,
      line: parsed.line,
      column: parsed.column,
      offset: parsed.offset,
    };
  }
  try {
    return { kind: 'checked', result: validate(parsed.value) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      kind: 'checked',
      result: {
        valid: false,
        findings: [
          {
            severity: 'error',
            code: 'validator-crashed',
            path: '',
            message: `The validator stopped unexpectedly (${detail}). This is a bug in the editor, not necessarily in your item.`,
            source: 'schema',
          },
        ],
      },
    };
  }
}

/** The findings to list for a check: the syntax error alone, or the validator's findings. */
export function findingsOf(check: ItemCheck): Finding[] {
  switch (check.kind) {
    case 'empty':
      return [];
    case 'syntax':
      return [check.finding];
    case 'checked':
      return check.result.findings;
  }
}
