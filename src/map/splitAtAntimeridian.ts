import type { Position } from './footprintTypes';
import { pointInRing, signedRingArea } from './signedRingArea';

// Rings here are open: the closing position is not repeated. Longitudes may be "unwrapped", i.e.
// continuous beyond ±180 (170 → 190), which is how the planar cutting below sees a crossing.

export interface UnwrappedPolygon {
  rings: Position[][];
  /** Some edge jumped by more than 180° of longitude and was read as crossing the antimeridian. */
  jumped: boolean;
  /** Index of a ring whose longitudes do not come back to the start: it circles a pole. */
  poleRing?: number;
}

const isSeam = (a: number, b: number) => Math.abs(a) === 180 && Math.abs(b) === 180;

/** How many whole turns of 360° an edge from longitude a to b is read to have skipped. */
function wrapTurns(a: number, b: number, seamIsLiteral: boolean): number {
  const d = b - a;
  if ((seamIsLiteral && isSeam(a, b)) || Math.abs(d) <= 180) {
    return 0;
  }
  return d > 0 ? -Math.ceil((d - 180) / 360) : Math.ceil((-d - 180) / 360);
}

function unwrapWith(ring: readonly Position[], seamIsLiteral: boolean) {
  let turns = 0;
  let jumped = false;
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i += 1) {
    const p = ring[i] as Position;
    if (i > 0) {
      const step = wrapTurns((ring[i - 1] as Position)[0] as number, p[0] as number, seamIsLiteral);
      jumped ||= step !== 0;
      turns += step;
    }
    out.push(turns === 0 ? [...p] : [(p[0] as number) + 360 * turns, ...p.slice(1)]);
  }
  const last = ring[ring.length - 1];
  const first = ring[0];
  if (last && first) {
    const step = wrapTurns(last[0] as number, first[0] as number, seamIsLiteral);
    jumped ||= step !== 0;
    turns += step;
  }
  return { ring: out, jumped, turns };
}

/**
 * Makes a ring's longitudes continuous: each edge goes the short way round (at most 180°). Whole
 * turns are counted as integers so the unwrapped value is raw + 360·k, without drift. `turns` is
 * not 0 when the ring does not come back to where it started, i.e. it circles a pole.
 *
 * An edge from -180 straight to 180 can mean the full width (the classic whole-world polygon) or a
 * zero-length hop across the seam (a ring along the antimeridian that writes some vertices -180
 * and others 180). Both readings are tried: only one that closes the ring within 360° counts, and
 * the hop wins unless it flattens the ring to nothing, which is what the whole-world box does.
 */
export function unwrapRing(ring: readonly Position[]): {
  ring: Position[];
  jumped: boolean;
  turns: number;
} {
  const fits = (candidate: { ring: Position[]; turns: number }) => {
    const [min, max] = lonRange(candidate.ring);
    return candidate.turns === 0 && max - min <= 360;
  };
  const literal = unwrapWith(ring, true);
  const hop = unwrapWith(ring, false);
  if (!fits(hop)) {
    return fits(literal) || hop.turns !== 0 ? literal : hop;
  }
  return fits(literal) && Math.abs(signedRingArea(hop.ring)) < 1e-9 ? literal : hop;
}

function lonRange(ring: readonly Position[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of ring) {
    const x = p[0] as number;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return [min, max];
}

const shiftRing = (ring: readonly Position[], dx: number): Position[] =>
  dx === 0 ? ring.map((p) => [...p]) : ring.map((p) => [(p[0] as number) + dx, ...p.slice(1)]);

/** Unwraps every ring and moves holes into the same copy of the world as their exterior. */
export function unwrapPolygon(rings: readonly (readonly Position[])[]): UnwrappedPolygon {
  const out: Position[][] = [];
  let jumped = false;
  let poleRing: number | undefined;
  let exteriorMid = 0;
  rings.forEach((ring, index) => {
    const unwrapped = unwrapRing(ring);
    jumped ||= unwrapped.jumped;
    if (unwrapped.turns !== 0 && poleRing === undefined) {
      poleRing = index;
    }
    const [min, max] = lonRange(unwrapped.ring);
    const mid = (min + max) / 2;
    if (index === 0) {
      exteriorMid = mid;
      out.push(unwrapped.ring);
    } else {
      out.push(shiftRing(unwrapped.ring, -360 * Math.round((mid - exteriorMid) / 360)));
    }
  });
  return poleRing === undefined ? { rings: out, jumped } : { rings: out, jumped, poleRing };
}

export type SplitResult =
  | { kind: 'inRange'; polygons: Position[][][]; droppedHoles: 0 }
  | { kind: 'shifted'; polygons: Position[][][]; droppedHoles: 0 }
  | { kind: 'split'; polygons: Position[][][]; droppedHoles: number }
  | { kind: 'tooWide'; polygons: Position[][][]; droppedHoles: 0 };

/** A stretch of a ring strictly on one side of the cut, from the cut back to the cut. */
interface Arc {
  points: Position[];
  /** Latitude where the arc leaves the cut meridian. */
  entry: number;
  /** Latitude where it comes back to it. */
  exit: number;
  /** Direction of the first edge away from the cut, and of the last edge into it. */
  out: [number, number];
  in: [number, number];
}

/** Where edge a→b meets the meridian x = c; other ordinates (heights) are interpolated too. */
function cutPoint(a: Position, b: Position, c: number): Position {
  const ax = a[0] as number;
  const bx = b[0] as number;
  const t = (c - ax) / (bx - ax);
  return [c, ...a.slice(1).map((v, i) => v + t * ((b[i + 1] ?? v) - v))];
}

const direction = (from: Position, to: Position): [number, number] => [
  (to[0] as number) - (from[0] as number),
  (to[1] as number) - (from[1] as number),
];

/**
 * Splits an open ring that has vertices strictly on both sides of x = c into arcs. Every point
 * where the ring meets the meridian (a vertex on it, or where an edge crosses it) ends one arc and
 * starts the next, so a ring that only touches the cut at a vertex is not glued to itself there.
 * Edges lying along the meridian belong to no arc: stitching redraws the cut line itself.
 */
function ringArcs(ring: readonly Position[], c: number): { west: Arc[]; east: Arc[] } {
  const side = (p: Position) => Math.sign((p[0] as number) - c);
  const points: Position[] = [];
  ring.forEach((p, i) => {
    const next = ring[(i + 1) % ring.length] as Position;
    points.push(p);
    if (side(p) * side(next) < 0) {
      points.push(cutPoint(p, next, c));
    }
  });
  const start = points.findIndex((p) => side(p) === 0);
  const arcs = { west: [] as Arc[], east: [] as Arc[] };
  let current: Position[] = [points[start] as Position];
  for (let k = 1; k <= points.length; k += 1) {
    const p = points[(start + k) % points.length] as Position;
    current.push(p);
    if (side(p) !== 0) {
      continue;
    }
    if (current.length > 2) {
      const first = current[0] as Position;
      const second = current[1] as Position;
      const beforeLast = current[current.length - 2] as Position;
      (side(second) < 0 ? arcs.west : arcs.east).push({
        points: current,
        entry: first[1] as number,
        exit: p[1] as number,
        out: direction(first, second),
        in: direction(beforeLast, p),
      });
    }
    current = [p];
  }
  return arcs;
}

/** Signed angle of the turn from direction u to direction w: positive when turning left. */
const turn = (u: readonly number[], w: readonly number[]) =>
  Math.atan2(
    (u[0] as number) * (w[1] as number) - (u[1] as number) * (w[0] as number),
    (u[0] as number) * (w[0] as number) + (u[1] as number) * (w[1] as number),
  );

/**
 * Joins arcs into rings by walking along the cut meridian. With every ring oriented so the
 * polygon's interior is on its left (CCW exterior, CW holes), the boundary continues northwards
 * along the cut on the west side and southwards on the east side. Where an arc ends at the very
 * point another starts (a ring touching the cut), the sharpest left turn keeps the interior on the
 * left, so pinched shapes come apart instead of forming a figure eight.
 */
function stitch(arcs: readonly Arc[], northwards: boolean): Position[][] {
  const used = arcs.map(() => false);
  const along: [number, number] = northwards ? [0, 1] : [0, -1];
  const rings: Position[][] = [];
  arcs.forEach((startArc, startIndex) => {
    if (used[startIndex]) {
      return;
    }
    used[startIndex] = true;
    const ring = [...startArc.points];
    let current = startArc;
    for (let guard = 0; guard <= arcs.length; guard += 1) {
      const free = (index: number) => !used[index] || index === startIndex;
      let best = -1;
      let bestTurn = turn(current.in, along);
      arcs.forEach((arc, index) => {
        const angle = turn(current.in, arc.out);
        if (free(index) && arc.entry === current.exit && angle > bestTurn) {
          best = index;
          bestTurn = angle;
        }
      });
      if (best < 0) {
        let bestGap = Infinity;
        arcs.forEach((arc, index) => {
          const gap = northwards ? arc.entry - current.exit : current.exit - arc.entry;
          // best is still -1 while bestGap is Infinity, which a gap reaches when latitudes are
          // absurd (1e308 minus -1e308): no tie with nothing.
          const tie =
            best >= 0 &&
            gap === bestGap &&
            turn(along, arc.out) > turn(along, (arcs[best] as Arc).out);
          if (free(index) && gap > 0 && (gap < bestGap || tie)) {
            best = index;
            bestGap = gap;
          }
        });
      }
      const next = arcs[best];
      if (!next || best === startIndex) {
        break;
      }
      used[best] = true;
      // One push per point: an arc of a huge outline has too many points to spread into a call.
      for (const point of next.points) {
        ring.push(point);
      }
      current = next;
    }
    rings.push(ring);
  });
  return rings;
}

function dropRepeats(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) {
      out.push(p);
    }
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) {
    out.pop();
  }
  return out;
}

/** A point of the hole that is safely away from the cut, so containment is not decided on it. */
function probe(hole: readonly Position[], c: number): Position {
  let best = hole[0] as Position;
  for (const p of hole) {
    if (Math.abs((p[0] as number) - c) > Math.abs((best[0] as number) - c)) {
      best = p;
    }
  }
  return best;
}

/** Builds the polygons of one side of the cut from its arcs and its whole rings. */
function assemble(
  arcs: readonly Arc[],
  wholeRings: readonly Position[][],
  northwards: boolean,
  c: number,
): { polygons: Position[][][]; droppedHoles: number } {
  const exteriors: Position[][] = [];
  const holes: Position[][] = [];
  for (const ring of [...stitch(arcs, northwards).map(dropRepeats), ...wholeRings]) {
    const area = signedRingArea(ring);
    if (ring.length < 3 || area === 0) {
      continue;
    }
    (area > 0 ? exteriors : holes).push(ring);
  }
  const polygons = exteriors.map((exterior) => [exterior]);
  let droppedHoles = 0;
  for (const hole of holes) {
    const owner =
      polygons.length === 1
        ? polygons[0]
        : polygons.find((polygon) => pointInRing(probe(hole, c), polygon[0] as Position[]));
    if (owner) {
      owner.push(hole);
    } else {
      droppedHoles += 1;
    }
  }
  return { polygons, droppedHoles };
}

/**
 * Cuts an unwrapped, correctly wound polygon (open rings, exterior first) at the antimeridian and
 * brings every piece into [-180, 180]. A polygon whose exterior spans at most 360° meets at most one
 * meridian 180 + 360k strictly inside its span, so one cut is always enough.
 */
export function splitAtAntimeridian(rings: readonly (readonly Position[])[]): SplitResult {
  const exterior = rings[0];
  if (!exterior || exterior.length < 3) {
    return { kind: 'inRange', polygons: [rings.map((r) => r.map((p) => [...p]))], droppedHoles: 0 };
  }
  const [min, max] = lonRange(exterior);
  if (max - min > 360) {
    return { kind: 'tooWide', polygons: [rings.map((r) => r.map((p) => [...p]))], droppedHoles: 0 };
  }
  // The first antimeridian copy east of the westernmost vertex.
  const k = Math.floor((min - 180) / 360) + 1;
  const c = 180 + 360 * k;
  if (!(c < max)) {
    const polygon = rings.map((r) => shiftRing(r, -360 * k));
    return { kind: k === 0 ? 'inRange' : 'shifted', polygons: [polygon], droppedHoles: 0 };
  }
  const westArcs: Arc[] = [];
  const eastArcs: Arc[] = [];
  const westWhole: Position[][] = [];
  const eastWhole: Position[][] = [];
  for (const ring of rings) {
    const [rmin, rmax] = lonRange(ring);
    if (rmin < c && rmax > c) {
      // A zigzag along the antimeridian can make tens of thousands of arcs: no spreading.
      const arcs = ringArcs(ring, c);
      arcs.west.forEach((arc) => westArcs.push(arc));
      arcs.east.forEach((arc) => eastArcs.push(arc));
    } else if (rmax <= c && rmin < c) {
      westWhole.push(ring.map((p) => [...p]));
    } else {
      eastWhole.push(ring.map((p) => [...p]));
    }
  }
  const west = assemble(westArcs, westWhole, true, c);
  const east = assemble(eastArcs, eastWhole, false, c);
  return {
    kind: 'split',
    polygons: [
      ...west.polygons.map((polygon) => polygon.map((r) => shiftRing(r, -360 * k))),
      ...east.polygons.map((polygon) => polygon.map((r) => shiftRing(r, -360 * (k + 1)))),
    ],
    droppedHoles: west.droppedHoles + east.droppedHoles,
  };
}
