import { describe, expect, it } from 'vitest';

import { findSelfIntersection } from '../../src/map/findSelfIntersection';
import type { FootprintGeometry, Position } from '../../src/map/footprintTypes';
import { normalizeFootprint } from '../../src/map/normalizeFootprint';
import { signedRingArea } from '../../src/map/signedRingArea';
import { mulberry32 } from '../support/randomMutations';
import { bboxContains, expectRfc7946, netArea, positionsOf } from './footprintAssertions';

interface Generated {
  /** Rings as drawn, with continuous longitudes (possibly beyond ±180). */
  rings: Position[][];
  area: number;
}

/**
 * A convex (vertices on an ellipse) or star-shaped polygon around its centre, counterclockwise,
 * optionally with a clockwise hole near the centre. Angular steps stay below 150°, so the centre is
 * inside and the hole (radius 0.15 of the ellipse) fits in every generated outline.
 */
function generate(rand: () => number, crossing: boolean): Generated {
  const star = rand() < 0.5;
  const n = star ? 5 + Math.floor(rand() * 25) : 3 + Math.floor(rand() * 15);
  const cx = crossing ? 180 + (rand() * 2 - 1) * 30 : (rand() * 2 - 1) * 220;
  const cy = (rand() * 2 - 1) * 45;
  const rx = 2 + rand() * 45;
  const ry = 2 + rand() * 30;
  const step = (2 * Math.PI) / n;
  const start = rand() * 2 * Math.PI;
  const at = (angle: number, r: number): Position => [
    cx + rx * r * Math.cos(angle),
    cy + ry * r * Math.sin(angle),
  ];
  const exterior = Array.from({ length: n }, (_, i) =>
    at(start + i * step + (rand() * 2 - 1) * 0.1 * step, star ? 0.4 + 0.6 * rand() : 1),
  );
  const rings = [exterior];
  if (rand() < 0.3) {
    const m = 4 + Math.floor(rand() * 5);
    rings.push(Array.from({ length: m }, (_, i) => at(-i * ((2 * Math.PI) / m), 0.15)));
  }
  return { rings, area: rings.reduce((sum, ring) => sum + signedRingArea(ring), 0) };
}

const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/** Writes a ring the many ways users do: wrapped or continuous, either winding, open, repeats. */
function scramble(ring: Position[], rand: () => number): Position[] {
  let out = ring.map((p) => [...p]);
  if (rand() < 0.5) {
    out = out.map(([lon, lat]) => [wrap(lon as number), lat as number]);
  }
  if (rand() < 0.4) {
    out.reverse();
  }
  if (rand() < 0.3) {
    const i = Math.floor(rand() * out.length);
    out.splice(i, 0, [...(out[i] as Position)]);
  }
  if (rand() < 0.7) {
    out.push([...(out[0] as Position)]);
  }
  return out;
}

function crossesAntimeridian(ring: readonly Position[], margin: number): boolean {
  const lons = ring.map((p) => p[0] as number);
  const min = Math.min(...lons);
  const max = Math.max(...lons);
  const c = 180 + 360 * (Math.floor((min - 180) / 360) + 1);
  return c > min + margin && c < max - margin;
}

describe('normalizeFootprint on random polygons (seeded)', () => {
  const rand = mulberry32(7946);
  const cases = Array.from({ length: 400 }, (_, index) => {
    const parts = rand() < 0.25 ? 2 : 1;
    const generated = Array.from({ length: parts }, () => generate(rand, rand() < 0.45));
    const polygons = generated.map((g) => g.rings.map((ring) => scramble(ring, rand)));
    const geometry: FootprintGeometry =
      parts === 1
        ? { type: 'Polygon', coordinates: polygons[0] as Position[][] }
        : { type: 'MultiPolygon', coordinates: polygons };
    return {
      index,
      geometry,
      area: generated.reduce((sum, g) => sum + g.area, 0),
      crossing: generated.some((g) => crossesAntimeridian(g.rings[0] as Position[], 1e-3)),
    };
  });

  it('covers crossing and non-crossing, convex and star-shaped cases', () => {
    expect(cases.filter((c) => c.crossing).length).toBeGreaterThan(100);
    expect(cases.filter((c) => !c.crossing).length).toBeGreaterThan(100);
  });

  it.each(cases)('case $index', ({ geometry, area, crossing }) => {
    const result = normalizeFootprint(geometry);
    expect(result.problems).toEqual([]);
    // Closed rings, CCW exteriors, CW holes, longitudes in [-180, 180], valid for the app's schema.
    expectRfc7946(result.geometry);
    const bbox = result.bbox;
    expect(bbox).toBeDefined();
    for (const position of positionsOf(result.geometry)) {
      expect(bboxContains(bbox!, position)).toBe(true);
    }
    if (crossing) {
      expect(result.geometry.type).toBe('MultiPolygon');
      expect(bbox![0]).toBeGreaterThan(bbox![2]);
    }
    // Splitting and shifting move no area; rounding to 1e-6 moves a little.
    expect(Math.abs(netArea(result.geometry) - area)).toBeLessThan(5e-3);
    const again = normalizeFootprint(result.geometry);
    expect(again.geometry).toEqual(result.geometry);
    expect(again.bbox).toEqual(result.bbox);
    expect(again.notices).toEqual([]);
    expect(again.problems).toEqual([]);
  });
});

describe('normalizeFootprint on grid polygons touching the antimeridian (seeded)', () => {
  // Integer vertices near 180 often lie exactly on the cut, run along it, or touch it without
  // crossing; writing each ±180 either way mimics outlines pasted from mixed sources.
  const rand = mulberry32(180);
  const cases: { index: number; rings: Position[][]; area: number }[] = [];
  while (cases.length < 300) {
    const n = 4 + Math.floor(rand() * 10);
    const cx = 180 + Math.round((rand() * 2 - 1) * 4);
    const exterior = Array.from({ length: n }, (_, i) => {
      const angle = (i * 2 * Math.PI) / n;
      const r = 1 + rand() * 5;
      return [Math.round(cx + r * Math.cos(angle)), Math.round(r * Math.sin(angle))];
    });
    const closed = [...exterior, exterior[0] as Position];
    const simple =
      new Set(exterior.map(String)).size === exterior.length &&
      signedRingArea(exterior) > 0 &&
      !findSelfIntersection(closed).found;
    if (!simple) {
      continue;
    }
    const rings = [closed];
    if (
      rand() < 0.5 &&
      exterior.every((p) => Math.hypot((p[0] as number) - cx, p[1] as number) > 1)
    ) {
      rings.push([
        [cx - 0.25, -0.25],
        [cx - 0.25, 0.25],
        [cx + 0.25, 0.25],
        [cx + 0.25, -0.25],
        [cx - 0.25, -0.25],
      ]);
    }
    const area = rings.reduce((sum, ring) => sum + signedRingArea(ring), 0);
    const written = rings.map((ring) =>
      ring.map(([lon, lat]) => [
        rand() < 0.5 ? wrap(lon as number) : (lon as number),
        lat as number,
      ]),
    );
    cases.push({ index: cases.length, rings: written, area });
  }

  it.each(cases)('case $index', ({ rings, area }) => {
    const result = normalizeFootprint({ type: 'Polygon', coordinates: rings });
    expect(result.problems).toEqual([]);
    expectRfc7946(result.geometry);
    for (const position of positionsOf(result.geometry)) {
      expect(bboxContains(result.bbox!, position)).toBe(true);
    }
    expect(Math.abs(netArea(result.geometry) - area)).toBeLessThan(1e-4);
    const again = normalizeFootprint(result.geometry);
    expect(again.geometry).toEqual(result.geometry);
    expect(again.notices).toEqual([]);
  });
});
