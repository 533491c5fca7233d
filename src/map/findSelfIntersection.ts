import type { Position } from './footprintTypes';

export interface SelfIntersection {
  /** Index of the first position of each of the two edges that meet (edge i runs i → i+1). */
  edges: [number, number];
  /** Where they meet (for overlapping edges, a point of the overlap). */
  at: [number, number];
  /** 'cross': two edges cross or touch; 'spike': the ring turns straight back on itself. */
  kind: 'cross' | 'spike';
}

export interface SelfIntersectionResult {
  found?: SelfIntersection;
  /** The comparison budget ran out before every pair of edges was checked. */
  incomplete: boolean;
  comparisons: number;
}

type Segment = {
  i: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
};

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

const within = (a: number, b: number, v: number) => Math.min(a, b) <= v && v <= Math.max(a, b);

function meet(s: Segment, t: Segment): [number, number] | undefined {
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
    const d = (s.bx - s.ax) * (t.by - t.ay) - (s.by - s.ay) * (t.bx - t.ax);
    const u = ((t.ax - s.ax) * (t.by - t.ay) - (t.ay - s.ay) * (t.bx - t.ax)) / d;
    return [s.ax + u * (s.bx - s.ax), s.ay + u * (s.by - s.ay)];
  }
  // Touching and collinear overlaps: a point of one edge lying on the other.
  const on = (o: number, px: number, py: number, q: Segment) =>
    o === 0 && within(q.ax, q.bx, px) && within(q.ay, q.by, py);
  if (on(o1, t.ax, t.ay, s)) {
    return [t.ax, t.ay];
  }
  if (on(o2, t.bx, t.by, s)) {
    return [t.bx, t.by];
  }
  if (on(o3, s.ax, s.ay, t)) {
    return [s.ax, s.ay];
  }
  if (on(o4, s.bx, s.by, t)) {
    return [s.bx, s.by];
  }
  return undefined;
}

/**
 * Finds one place where a closed ring (last position repeats the first) touches or crosses itself.
 * Edges are swept in order of their west end, so only edges whose longitude ranges overlap are
 * compared; `budget` caps the pair comparisons so a huge, pathological ring cannot stall the UI.
 */
export function findSelfIntersection(
  ring: readonly Position[],
  budget = 4_000_000,
): SelfIntersectionResult {
  const n = ring.length - 1; // number of edges
  if (n < 3) {
    return { incomplete: false, comparisons: 0 };
  }
  const segments: Segment[] = [];
  for (let i = 0; i < n; i += 1) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    const ax = a[0] as number;
    const ay = a[1] as number;
    const bx = b[0] as number;
    const by = b[1] as number;
    segments.push({ i, ax, ay, bx, by, minX: Math.min(ax, bx), maxX: Math.max(ax, bx) });
  }
  // Adjacent edges share a vertex by construction; they only count when the ring doubles back.
  for (let i = 0; i < n; i += 1) {
    const s = segments[i] as Segment;
    const t = segments[(i + 1) % n] as Segment;
    const turn = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
    const back = (s.bx - s.ax) * (t.bx - t.ax) + (s.by - s.ay) * (t.by - t.ay) < 0;
    if (turn === 0 && back) {
      return {
        found: { edges: [s.i, t.i], at: [s.bx, s.by], kind: 'spike' },
        incomplete: false,
        comparisons: n,
      };
    }
  }
  const sorted = [...segments].sort((p, q) => p.minX - q.minX);
  let comparisons = 0;
  for (let a = 0; a < sorted.length; a += 1) {
    const s = sorted[a] as Segment;
    for (let b = a + 1; b < sorted.length; b += 1) {
      const t = sorted[b] as Segment;
      if (t.minX > s.maxX) {
        break;
      }
      const gap = Math.abs(s.i - t.i);
      if (gap === 1 || gap === n - 1) {
        continue;
      }
      comparisons += 1;
      if (comparisons > budget) {
        return { incomplete: true, comparisons };
      }
      if (
        Math.max(s.ay, s.by) < Math.min(t.ay, t.by) ||
        Math.max(t.ay, t.by) < Math.min(s.ay, s.by)
      ) {
        continue;
      }
      const at = meet(s, t);
      if (at) {
        const edges: [number, number] = s.i < t.i ? [s.i, t.i] : [t.i, s.i];
        return { found: { edges, at, kind: 'cross' }, incomplete: false, comparisons };
      }
    }
  }
  return { incomplete: false, comparisons };
}
