/** The text a shape dimension shows: -1 is a size that varies (batch, variable image size). */
export function dimText(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** Parses a dimension typed by the user: a whole number ≥ -1, or undefined when it is not one. */
export function parseDim(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) {
    return undefined;
  }
  const n = Number(trimmed);
  return n >= -1 ? n : undefined;
}

/** A name for dimension `index`: its dim_order entry, or "dimension 2". */
export function dimName(dimOrder: unknown, index: number): string {
  const name = Array.isArray(dimOrder) ? dimOrder[index] : undefined;
  return typeof name === 'string' && name !== '' ? name : `dimension ${index + 1}`;
}
