import { isRecord } from '../../../schemas/isRecord';

export type ClassRow = Record<string, unknown> & {
  value?: unknown;
  name?: unknown;
  description?: unknown;
  color_hint?: unknown;
};

/** The next class value: one more than the largest whole value so far. */
export function nextClassValue(rows: readonly unknown[]): number {
  const values = rows.flatMap((r) =>
    isRecord(r) && Number.isInteger(r.value) ? [r.value as number] : [],
  );
  return values.length === 0 ? 0 : Math.max(...values) + 1;
}

/** The cells of a class row the table shows (a fresh object, compared by value when watched). */
export function rowCells(row: unknown): ClassRow {
  if (!isRecord(row)) {
    return {};
  }
  const { value, name, description, color_hint } = row;
  return { value, name, description, color_hint };
}

/** "#1f77b4" from a colour hint, for the swatch; grey when the hint is not six hex digits. */
export function swatchColor(hint: unknown): string {
  return typeof hint === 'string' && /^[0-9A-Fa-f]{6}$/.test(hint) ? `#${hint}` : '#9e9e9e';
}
