import type { Position } from './footprintTypes';

/**
 * Planar signed area in square degrees: positive for counterclockwise rings (RFC 7946 exteriors),
 * negative for clockwise ones. Works on open and closed rings alike (the closing edge adds nothing
 * twice). Coordinates are taken relative to the first vertex so large longitudes (beyond ±180 while
 * a ring is unwrapped) do not cost precision.
 */
export function signedRingArea(ring: readonly Position[]): number {
  const first = ring[0];
  if (!first || ring.length < 3) {
    return 0;
  }
  const x0 = first[0] ?? 0;
  const y0 = first[1] ?? 0;
  let twice = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const a = ring[i] as Position;
    const b = ring[(i + 1) % ring.length] as Position;
    twice += ((a[0] ?? 0) - x0) * ((b[1] ?? 0) - y0) - ((b[0] ?? 0) - x0) * ((a[1] ?? 0) - y0);
  }
  return twice / 2;
}

/** Even-odd ray casting; points exactly on the boundary may fall either way. */
export function pointInRing(point: readonly number[], ring: readonly Position[]): boolean {
  const x = point[0] ?? 0;
  const y = point[1] ?? 0;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    const ax = a[0] ?? 0;
    const ay = a[1] ?? 0;
    const bx = b[0] ?? 0;
    const by = b[1] ?? 0;
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) {
      inside = !inside;
    }
  }
  return inside;
}
