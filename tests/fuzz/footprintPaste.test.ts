// Seeded fuzzing of the footprint paste: 10,000 GeoJSON, 10,000 WKT and 10,000 bbox texts, tidy to
// hostile, each read and normalised as the footprint panel does (parseFootprint, then
// normalizeFootprint with its self-intersection check, antimeridian split and bbox). Nothing may
// throw or hang; a refusal is a clear message (with its line and column when it has one); and an
// accepted footprint without problems is valid GeoJSON as RFC 7946 wants it, with a bbox that fits.
import { describe, expect, it } from 'vitest';

import { geometrySchema, type Geometry } from '../../schemas/geojson';
import { parsePointer } from '../../schemas/jsonPointer';
import { trainingExtentOf } from '../../src/app/footprint/trainingExtent';
import { footprintBbox, unionBbox, validateBboxFields } from '../../src/map/bboxFootprint';
import type { Bbox, Position } from '../../src/map/footprintTypes';
import { normalizeFootprint, type NormalizedFootprint } from '../../src/map/normalizeFootprint';
import { parseFootprint } from '../../src/map/parseFootprint';
import { signedRingArea } from '../../src/map/signedRingArea';
import { bboxContains, polygonsOf, positionsOf } from '../map/footprintAssertions';
import { bboxText, bboxValues, geoJsonValue, geometry, wkt } from './hostileFootprint';
import { mutateText, writeJson } from './hostileJson';
import { pollutionProblem, prototypeKeys } from './openItem';
import { createRandom, type Random } from './prng';

const SEED = 0x5eed_7946;
const CASES = 10_000;
const PROTOTYPES_AT_START = prototypeKeys();
const FOOTPRINT_TYPES = new Set(['Point', 'MultiPoint', 'Polygon', 'MultiPolygon']);
/** A paste of a few kilobytes that takes longer than this would freeze the panel noticeably. */
const TIME_LIMIT_MS = 1_000;

interface Tally {
  cases: number;
  accepted: number;
  clean: number;
  refused: number;
  failures: string[];
}

const newTally = (): Tally => ({ cases: 0, accepted: 0, clean: 0, refused: 0, failures: [] });

function messageProblem(message: unknown): string | undefined {
  if (typeof message !== 'string' || message.trim() === '') {
    return 'an empty message';
  }
  // Quoted text is the user's own ("found "undefined""); outside quotes these words mean a bug.
  const own = message.replace(/"[^"]*"/gu, '""');
  if (/\[object Object\]|\bundefined\b|\bNaN\b|internal error/u.test(own)) {
    return `an unclear message: ${message.slice(0, 300)}`;
  }
  return undefined;
}

/** The value at a pointer's parent exists in `doc` (the pointer names a place in it). */
function leadsInto(doc: unknown, pointer: string): boolean {
  const tokens = parsePointer(pointer);
  if (!tokens) {
    return false;
  }
  let cur = doc;
  for (const token of tokens.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, token)) {
      return false;
    }
    cur = (cur as Record<string, unknown>)[token];
  }
  return tokens.length === 0 || (cur !== null && typeof cur === 'object');
}

/** What RFC 7946 and the item schema ask of a footprint reported without problems. */
function cleanFootprintProblems(result: NormalizedFootprint<Geometry>): string[] {
  const problems: string[] = [];
  const { geometry: g, bbox } = result;
  if (!FOOTPRINT_TYPES.has(g.type)) {
    problems.push(`a ${g.type} passed without a problem`);
    return problems;
  }
  if (!geometrySchema.safeParse(g).success) {
    problems.push('the geometry fails the item schema');
  }
  for (const polygon of polygonsOf(g)) {
    polygon.forEach((ring, r) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
        problems.push(`ring ${r} is not a closed ring of 4 or more positions`);
        return;
      }
      const area = signedRingArea(ring);
      if (r === 0 ? !(area > 0) : !(area < 0)) {
        problems.push(`ring ${r} is wound the wrong way (area ${area})`);
      }
    });
  }
  const positions = positionsOf(g) as number[][];
  for (const p of positions) {
    const [lon, lat] = p as [number, number];
    if (!(
      Number.isFinite(lon) &&
      Number.isFinite(lat) &&
      Math.abs(lon) <= 180 &&
      Math.abs(lat) <= 90
    )) {
      problems.push(`position ${JSON.stringify(p)} is out of range`);
      break;
    }
  }
  if (positions.length === 0) {
    return problems;
  }
  if (!bbox || bbox.length !== 4 || !bbox.every(Number.isFinite)) {
    problems.push(`bbox ${JSON.stringify(bbox)} is not 4 finite numbers`);
    return problems;
  }
  const [west, south, east, north] = bbox;
  if (!(south <= north && Math.abs(south) <= 90 && Math.abs(north) <= 90)) {
    problems.push(`bbox ${JSON.stringify(bbox)} has south > north or is out of range`);
  }
  if (!positions.every((p) => bboxContains(bbox, p))) {
    problems.push(`bbox ${JSON.stringify(bbox)} leaves out a position`);
  }
  let lowest = Infinity;
  let highest = -Infinity;
  for (const p of positions) {
    lowest = Math.min(lowest, p[1] as number);
    highest = Math.max(highest, p[1] as number);
  }
  if (south !== lowest || north !== highest) {
    problems.push(
      `bbox ${JSON.stringify(bbox)} does not reach the southern- and northernmost positions`,
    );
  }
  const lons = new Set(positions.map((p) => p[0] as number));
  if (!lons.has(west) || !lons.has(east)) {
    problems.push(`bbox ${JSON.stringify(bbox)} does not start and end at positions`);
  }
  if (west > east) {
    // Only a footprint split at the antimeridian crosses it: some polygon ends at 180.
    const touches = (x: number) => polygonsOf(g).some((poly) => poly[0]?.some((p) => p[0] === x));
    if (!touches(180) || !touches(-180)) {
      problems.push(
        `bbox ${JSON.stringify(bbox)} crosses the antimeridian but the geometry does not`,
      );
    }
  }
  // The bbox written with the footprint is the one computed from the geometry.
  const again = footprintBbox(g as Parameters<typeof footprintBbox>[0]);
  if (JSON.stringify(again) !== JSON.stringify(bbox)) {
    problems.push(
      `bbox ${JSON.stringify(bbox)} differs from footprintBbox ${JSON.stringify(again)}`,
    );
  }
  return problems;
}

function normalizedProblems(result: NormalizedFootprint<Geometry>): string[] {
  const problems: string[] = [];
  for (const notice of result.notices) {
    const p = messageProblem(notice);
    if (p) {
      problems.push(`notice: ${p}`);
    }
  }
  for (const problem of result.problems) {
    const p = messageProblem(problem.message);
    if (p) {
      problems.push(`problem: ${p}`);
    }
    if (problem.path !== undefined && !leadsInto(result.geometry, problem.path)) {
      problems.push(`problem path ${problem.path} is not in the geometry`);
    }
  }
  if (
    result.bbox !== undefined &&
    (result.bbox.length !== 4 || !result.bbox.every((v) => typeof v === 'number'))
  ) {
    problems.push(`bbox ${JSON.stringify(result.bbox)} is not 4 numbers`);
  }
  if (result.problems.length === 0) {
    problems.push(...cleanFootprintProblems(result));
    // Normalising a clean footprint again changes nothing.
    const again = normalizeFootprint(result.geometry);
    if (
      JSON.stringify(again.geometry) !== JSON.stringify(result.geometry) ||
      JSON.stringify(again.bbox) !== JSON.stringify(result.bbox) ||
      again.problems.length > 0
    ) {
      problems.push('normalising the result again changes it');
    }
  }
  return problems;
}

/** Pastes `text` into the footprint panel and checks what comes back. */
function pasteCase(tally: Tally, label: string, text: string, limitMs = TIME_LIMIT_MS): void {
  tally.cases += 1;
  const problems: string[] = [];
  let elapsed = 0;
  try {
    const started = performance.now();
    const parsed = parseFootprint(text);
    elapsed = performance.now() - started;
    if (!parsed.ok) {
      tally.refused += 1;
      const p = messageProblem(parsed.message);
      if (p) {
        problems.push(`refusal: ${p}`);
      }
      const lines = text.split('\n').length;
      if (parsed.line !== undefined && !(parsed.line >= 1 && parsed.line <= lines)) {
        problems.push(`refusal at line ${parsed.line} of ${lines}`);
      }
      if (parsed.column !== undefined && !(parsed.column >= 1)) {
        problems.push(`refusal at column ${parsed.column}`);
      }
    } else {
      tally.accepted += 1;
      if (!FOOTPRINT_TYPES.has(parsed.geometry.type)) {
        problems.push(`parsed a ${parsed.geometry.type}`);
      }
      for (const notice of parsed.notices) {
        const p = messageProblem(notice);
        if (p) {
          problems.push(`parse notice: ${p}`);
        }
      }
      const normalizing = performance.now();
      const result = normalizeFootprint(parsed.geometry);
      elapsed += performance.now() - normalizing;
      tally.clean += result.problems.length === 0 ? 1 : 0;
      problems.push(...normalizedProblems(result));
    }
  } catch (error) {
    problems.push(
      `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  if (elapsed > limitMs) {
    problems.push(`took ${Math.round(elapsed)} ms`);
  }
  const pollution = pollutionProblem(PROTOTYPES_AT_START);
  if (pollution) {
    problems.push(pollution);
  }
  if (problems.length > 0 && tally.failures.length < 20) {
    tally.failures.push(`${label}: ${text.slice(0, 300)}\n  ${problems.slice(0, 4).join('\n  ')}`);
  }
}

/**
 * Opens `text` as a training-data file (a linked Item or Collection) is read for its extent: its
 * geometry goes to normalizeFootprint as it is, however broken.
 */
function trainingCase(tally: Tally, label: string, text: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return;
  }
  const problems: string[] = [];
  try {
    const extent = trainingExtentOf(doc);
    if ('error' in extent) {
      const p = messageProblem(extent.error);
      if (p) {
        problems.push(p);
      }
    } else if (!extent.bboxes.every((b) => b.length === 4 && b.every(Number.isFinite))) {
      problems.push(`training boxes ${JSON.stringify(extent.bboxes)}`);
    }
  } catch (error) {
    problems.push(
      `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  if (problems.length > 0 && tally.failures.length < 20) {
    tally.failures.push(`${label}: ${text.slice(0, 300)}\n  ${problems.slice(0, 4).join('\n  ')}`);
  }
}

/** Some pastes arrive damaged: cut short, a character lost or added. */
function damage(text: string, random: Random): string {
  return random.chance(0.15) ? mutateText(text, random) : text;
}

function expectMix(tally: Tally): void {
  expect(tally.failures).toEqual([]);
  expect(tally.cases).toBe(CASES);
  // Every outcome is reached: refusals, footprints with problems, clean footprints.
  expect(tally.refused).toBeGreaterThan(CASES / 50);
  expect(tally.accepted - tally.clean).toBeGreaterThan(CASES / 50);
  expect(tally.clean).toBeGreaterThan(CASES / 10);
}

describe('pasting hostile footprints (seeded fuzz)', () => {
  it(`reads ${CASES} GeoJSON pastes`, () => {
    const random = createRandom(SEED);
    const tally = newTally();
    for (let i = 0; i < CASES; i += 1) {
      const text = damage(writeJson(geoJsonValue(random), random.chance(0.5)), random);
      pasteCase(tally, `GeoJSON case ${i}`, text);
      trainingCase(tally, `GeoJSON case ${i} as a training-data file`, text);
    }
    expectMix(tally);
  });

  it(`reads ${CASES} WKT pastes`, () => {
    const random = createRandom(SEED + 1);
    const tally = newTally();
    for (let i = 0; i < CASES; i += 1) {
      pasteCase(tally, `WKT case ${i}`, damage(wkt(random, geometry(random)), random));
    }
    expectMix(tally);
  });

  it(`reads ${CASES} bbox pastes`, () => {
    const random = createRandom(SEED + 2);
    const tally = newTally();
    for (let i = 0; i < CASES; i += 1) {
      pasteCase(tally, `bbox case ${i}`, damage(bboxText(random), random));
    }
    expect(tally.failures).toEqual([]);
    expect(tally.cases).toBe(CASES);
    expect(tally.refused).toBeGreaterThan(CASES / 20);
    expect(tally.clean).toBeGreaterThan(CASES / 10);
  });

  it('checks the bbox fields and the union of training extents as the panel does', () => {
    const random = createRandom(SEED + 3);
    let usable = 0;
    const boxes: number[][] = [];
    for (let i = 0; i < 2_000; i += 1) {
      const values = bboxValues(random);
      const [w, s, e, n] = values.map((v) => (typeof v === 'number' ? v : Number.NaN));
      const errors = validateBboxFields(w, s, e, n);
      for (const message of Object.values(errors)) {
        expect(messageProblem(message)).toBeUndefined();
      }
      if (Object.keys(errors).length === 0) {
        usable += 1;
        boxes.push([w, s, e, n] as number[]);
      }
    }
    expect(usable).toBeGreaterThan(1_000);
    const union = unionBbox(boxes) as Bbox;
    for (const box of boxes) {
      const [w, s, e, n] = box as [number, number, number, number];
      // Both corners of every box lie in the union (for a crossing box, its west and east ends).
      expect(bboxContains(union, [w, s])).toBe(true);
      expect(bboxContains(union, [e, n])).toBe(true);
    }
    expect(pollutionProblem(PROTOTYPES_AT_START)).toBeUndefined();
  });

  it('answers nesting, huge outlines and numbers out of range with messages, not exceptions', () => {
    const tally = newTally();
    const deep = 10_000;
    const circle = (n: number): Position[] => {
      const ring = Array.from({ length: n }, (_, i) => [
        10 * Math.cos((2 * Math.PI * i) / n),
        10 * Math.sin((2 * Math.PI * i) / n),
      ]);
      return [...ring, ring[0] as Position];
    };
    const cases: [string, string][] = [
      [
        'WKT collections 10,000 deep',
        `${'GEOMETRYCOLLECTION('.repeat(deep)}POINT(1 2)${')'.repeat(deep)}`,
      ],
      [
        'GeoJSON collections 10,000 deep',
        `${'{"type":"GeometryCollection","geometries":['.repeat(deep)}{"type":"Point","coordinates":[1,2]}${']}'.repeat(deep)}`,
      ],
      ['arrays 10,000 deep', `${'['.repeat(deep)}${']'.repeat(deep)}`],
      [
        'coordinates 10,000 deep',
        `{"type":"Polygon","coordinates":${'['.repeat(deep)}${']'.repeat(deep)}}`,
      ],
      ['WKT parentheses 10,000 deep', `POLYGON${'('.repeat(deep)}${')'.repeat(deep)}`],
      [
        'a 50,000-vertex outline',
        JSON.stringify({ type: 'Polygon', coordinates: [circle(50_000)] }),
      ],
      [
        '50,000 points',
        `MULTIPOINT(${Array.from({ length: 50_000 }, (_, i) => `${(i % 360) - 180} ${(i % 180) - 90}`).join(',')})`,
      ],
      ['a 1e999 longitude', 'POINT(1e999 0)'],
      ['a 1e308 longitude', 'POINT(1e308 0)'],
      ['NaN in GeoJSON', '{"type":"Point","coordinates":[NaN, 0]}'],
      [
        '__proto__ members',
        '{"type":"Polygon","__proto__":{"polluted":true},"coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}',
      ],
      ['nothing', ' \n\t '],
    ];
    for (const [label, text] of cases) {
      // Megabytes of coordinates take a moment, but must not freeze the page.
      pasteCase(tally, label, text, 5_000);
    }
    expect(tally.failures).toEqual([]);
    expect(tally.refused).toBeGreaterThan(5);
    // A training Item's geometry goes to normalizeFootprint unparsed, so nesting reaches it too.
    const deepGeometry = JSON.parse(
      `{"type":"Polygon","coordinates":${'['.repeat(deep)}${']'.repeat(deep)}}`,
    ) as Geometry;
    const result = normalizeFootprint(deepGeometry);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(normalizedProblems(result)).toEqual([]);
  });
});
