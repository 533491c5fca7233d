import { isRecord } from '../../../schemas/primitives';

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

/** A copy of the rows with one field of one row changed; an empty optional text removes the key. */
export function setClassField(
  rows: readonly unknown[],
  index: number,
  key: string,
  value: unknown,
): unknown[] {
  return rows.map((row, i) => {
    if (i !== index || !isRecord(row)) {
      return row;
    }
    const next: ClassRow = { ...row };
    if (value === undefined || (value === '' && (key === 'name' || key === 'color_hint'))) {
      delete next[key];
    } else {
      next[key] = value;
    }
    return next;
  });
}

/** "#1f77b4" from a colour hint, for the swatch; grey when the hint is not six hex digits. */
export function swatchColor(hint: unknown): string {
  return typeof hint === 'string' && /^[0-9A-Fa-f]{6}$/.test(hint) ? `#${hint}` : '#9e9e9e';
}
