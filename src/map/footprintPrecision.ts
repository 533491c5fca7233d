/** Six decimals of a degree is about 11 cm: finer digits only add noise to hand-drawn outlines. */
export const DEFAULT_PRECISION = 6;

/** An integer number of decimals that Math.round can honour without float artefacts. */
export function clampPrecision(precision: number): number {
  if (!Number.isFinite(precision)) {
    return DEFAULT_PRECISION;
  }
  return Math.min(12, Math.max(0, Math.trunc(precision)));
}

/**
 * Rounds a coordinate to `precision` decimals. Rounding an already rounded value returns it
 * unchanged, which keeps normalisation idempotent; -0 becomes 0 so equality checks and JSON agree.
 */
export function roundCoordinate(value: number, precision: number = DEFAULT_PRECISION): number {
  if (!Number.isFinite(value)) {
    return value;
  }
  const factor = 10 ** clampPrecision(precision);
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

export function roundPosition(position: readonly number[], precision: number = DEFAULT_PRECISION) {
  return position.map((value) => roundCoordinate(value, precision));
}

/** Roughly how far `precision` decimals of a degree reach on the ground, for notices. */
export function describePrecision(precision: number): string {
  const metres = 111_320 / 10 ** clampPrecision(precision);
  if (metres >= 1000) {
    return `about ${Math.round(metres / 1000)} km`;
  }
  if (metres >= 1) {
    return `about ${Math.round(metres)} m`;
  }
  return `about ${Math.round(metres * 100)} cm`;
}
