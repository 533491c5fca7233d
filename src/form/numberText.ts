// Number inputs are text inputs: a browser <input type="number"> reports '' for text it cannot
// parse, and the user's half-typed or wrong text must stay visible with an error.

const JSON_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/u;

export type NumberParse =
  { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; message: string };

export function parseNumberText(text: string, integer: boolean): NumberParse {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { kind: 'empty' };
  }
  const value = JSON_NUMBER.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(value)) {
    return {
      kind: 'invalid',
      message: integer ? 'Enter a whole number, e.g. 42.' : 'Enter a number, e.g. 0.5 or 1e-3.',
    };
  }
  return { kind: 'number', value };
}

export function formatNumber(value: unknown): string {
  return typeof value === 'number' ? String(value) : '';
}
