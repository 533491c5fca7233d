// The bugs the fuzz suites found, each pinned by the smallest input that showed it, so a
// regression fails here by name rather than as one case among thousands.
import { describe, expect, it } from 'vitest';

import { parseJsonText } from '../../schemas/parseJsonText';
import { validateItem } from '../../schemas/validateItem';
import { splitColor } from '../../src/app/footprint/trainingLinks';
import { applyFix } from '../../src/lint/applyFix';
import { lintItem } from '../../src/lint/lintItem';
import { footprintBbox } from '../../src/map/bboxFootprint';
import type { FootprintGeometry } from '../../src/map/footprintTypes';
import { normalizeFootprint } from '../../src/map/normalizeFootprint';
import { parseFootprint } from '../../src/map/parseFootprint';
import { upgradeItem } from '../../src/import/upgradeItem';
import { loadExample } from '../support/shared';

const basic = (): Record<string, unknown> => structuredClone(loadExample('item_basic.json'));
const props = (doc: Record<string, unknown>) => doc.properties as Record<string, unknown>;

describe('item JSON', () => {
  it('refuses 10,000-deep nesting at its line and column instead of overflowing the stack', () => {
    const parsed = parseJsonText(`{\n  "a": ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}`);
    expect(parsed).toMatchObject({ ok: false, line: 2, column: 263 });
    // Every later step was recursive: upgrading, validating, linting and saving all threw.
    const deep = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) as unknown;
    expect(() => upgradeItem({ type: 'Feature', x: deep })).not.toThrow();
  });

  it('validates a list of 200,000 values (prepareForZod spread them into one call)', () => {
    const doc = basic();
    props(doc).keywords = Array.from({ length: 200_000 }, String);
    expect(validateItem(doc).valid).toBe(true);
  });

  it('pads the dim_order of a shape with hundreds of dimensions (the lint looped forever)', () => {
    const doc = basic();
    const output = (props(doc)['mlm:output'] as Record<string, unknown>[])[0] as object;
    const shape = Array.from({ length: 300 }, () => 1);
    props(doc)['mlm:output'] = [{ ...output, result: { shape, dim_order: ['batch'] } }];
    const fix = lintItem(doc).find((f) => f.code === 'MLM-L2')?.fix;
    const padded = fix?.operations[0]?.op === 'set' ? (fix.operations[0].value as string[]) : [];
    expect(padded).toHaveLength(300);
    expect(new Set(padded).size).toBe(300);
  });

  it('does not mistake a "constructor" framework for a known one (its fix threw)', () => {
    const doc = basic();
    props(doc)['mlm:framework'] = 'constructor';
    const findings = lintItem(doc).filter((f) => f.code === 'MLM-L13');
    expect(findings.map((f) => f.message).join(' ')).not.toMatch(/function|native code/u);
    for (const f of findings) {
      expect(() => f.fix && applyFix(doc, f.fix)).not.toThrow();
    }
  });

  it('writes values of any type readably in lint messages, never "[object Object]"', () => {
    const doc = basic();
    props(doc)['mlm:tasks'] = [{ a: 1 }];
    props(doc)['mlm:pretrained'] = false;
    props(doc)['mlm:pretrained_source'] = { a: 1 };
    const messages = lintItem(doc).map((f) => f.message);
    expect(messages.join('\n')).not.toContain('[object Object]');
    expect(messages.join('\n')).toContain('{"a":1}');
  });
});

describe('footprint', () => {
  it('refuses collections nested 10,000 deep in WKT and GeoJSON with a message', () => {
    const wkt = parseFootprint(
      `${'GEOMETRYCOLLECTION('.repeat(10_000)}POINT(1 2)${')'.repeat(10_000)}`,
    );
    expect(wkt).toMatchObject({ ok: false, message: expect.stringMatching(/nested more than/u) });
    const json = parseFootprint(
      `${'{"type":"GeometryCollection","geometries":['.repeat(10_000)}{"type":"Point","coordinates":[1,2]}${']}'.repeat(10_000)}`,
    );
    expect(json).toMatchObject({ ok: false, message: expect.stringMatching(/nested more than/u) });
  });

  it('normalises 200,000 points (spreading them into Math.min overflowed the stack)', () => {
    const coordinates = Array.from({ length: 200_000 }, (_, i) => [(i % 360) - 180, 0]);
    expect(normalizeFootprint({ type: 'MultiPoint', coordinates }).bbox).toEqual([-180, 0, 179, 0]);
  });

  it('reports malformed geometries from a training file instead of throwing', () => {
    for (const coordinates of ['x', [null], [[null, 1]], null]) {
      const geometry = { type: 'Polygon', coordinates } as unknown as FootprintGeometry;
      expect(normalizeFootprint(geometry).problems.length).toBeGreaterThan(0);
      expect(footprintBbox(geometry)).toBeUndefined();
    }
    const line = { type: 'LineString', coordinates: [] } as unknown as FootprintGeometry;
    expect(footprintBbox(line)).toBeUndefined();
  });

  it('keeps a 1e308 longitude as it is and reports it (rounding made it Infinity, then NaN)', () => {
    const result = normalizeFootprint({ type: 'Point', coordinates: [1e308, 0] });
    expect(JSON.stringify(result.geometry)).not.toMatch(/null|NaN|Infinity/u);
    const polygon = normalizeFootprint({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 1e308],
          [20, 0],
          [10, -1e308],
          [0, 0],
        ],
      ],
    });
    expect(polygon.problems.map((p) => p.message).join(' ')).not.toMatch(/NaN/u);
    expect(polygon.problems.some((p) => /Latitude 1e\+308 is outside/u.test(p.message))).toBe(true);
  });

  it('splits a polygon whose latitudes overflow without throwing', () => {
    const ring = [
      [180, 52],
      [215, -1e308],
      [261, 9],
      [-198, 73],
      [180, 52],
    ];
    expect(() => normalizeFootprint({ type: 'Polygon', coordinates: [ring] })).not.toThrow();
  });

  it('gives a "constructor" or "__proto__" split the colour of any other split', () => {
    expect(splitColor('constructor')).toBe(splitColor('other'));
    expect(splitColor('__proto__')).toBe(splitColor('other'));
    expect(splitColor('toString')).toMatch(/^#[0-9a-f]{6}$/u);
  });
});
