import * as z from 'zod';
import { describe, expect, it } from 'vitest';

import {
  editorItemSchemaV10,
  editorItemSchemaV11,
  editorSchemaFor,
} from '../../schemas/editorSchema';
import { getAtPath, joinPath } from '../../src/form/fieldPath';
import { jsonEqual } from '../../src/form/jsonValue';
import { buildFieldTree } from '../../src/form/fieldTree';
import {
  applyFormChange,
  decodeValue,
  encodeValue,
  fieldPathToPointer,
  fromFormValues,
  pointerToFieldPath,
  toFormValues,
} from '../../src/form/formValues';
import { formatPointer } from '../../schemas/jsonPointer';
import { mulberry32, mutate } from '../support/randomMutations';
import { loadExample, loadExamples } from '../support/shared';

const V10 = buildFieldTree(editorItemSchemaV10);
const V11 = buildFieldTree(editorItemSchemaV11);
const treeFor = (doc: unknown) =>
  editorSchemaFor((doc as { stac_version?: unknown }).stac_version) === editorItemSchemaV11
    ? V11
    : V10;

/** Same values and the same key order (JSON text compares both). */
function expectSameDocument(actual: unknown, expected: unknown) {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

const roundTrip = (tree: typeof V10, doc: unknown) => fromFormValues(tree, toFormValues(tree, doc));

const SYNTHETIC = buildFieldTree(
  z.looseObject({
    name: z.string(),
    count: z.number().optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
    files: z.record(z.string(), z.looseObject({ href: z.string(), tags: z.array(z.string()) })),
    items: z.array(z.looseObject({ id: z.string(), extra: z.record(z.string(), z.number()) })),
    ref: z.union([
      z.string(),
      z.object({ name: z.string(), attrs: z.record(z.string(), z.string()) }),
    ]),
    shape: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a'), map: z.record(z.string(), z.number()) }),
      z.object({ kind: z.literal('b'), list: z.array(z.number()) }),
    ]),
  }),
);

describe('toFormValues / fromFormValues', () => {
  it('stores records as key/value entries, so keys with dots are addressable', () => {
    const doc = {
      name: 'x',
      files: { 'model.pt': { href: 'a', tags: [] }, 'b.c.d': { href: 'b', tags: ['t'] } },
    };
    const values = toFormValues(SYNTHETIC, doc);
    expect(values.files).toEqual([
      { key: 'model.pt', value: { href: 'a', tags: [] } },
      { key: 'b.c.d', value: { href: 'b', tags: ['t'] } },
    ]);
    expectSameDocument(fromFormValues(SYNTHETIC, values), doc);
  });

  it('encodes records inside arrays, union branches and discriminated branches', () => {
    const doc = {
      items: [{ id: '1', extra: { 'a.b': 1 } }],
      ref: { name: 'n', attrs: { k: 'v' } },
      shape: { kind: 'a', map: { x: 1 } },
    };
    const values = toFormValues(SYNTHETIC, doc);
    expect(getAtPath(values, 'items.0.extra')).toEqual([{ key: 'a.b', value: 1 }]);
    expect(getAtPath(values, 'ref.attrs')).toEqual([{ key: 'k', value: 'v' }]);
    expect(getAtPath(values, 'shape.map')).toEqual([{ key: 'x', value: 1 }]);
    expectSameDocument(fromFormValues(SYNTHETIC, values), doc);
    // The other branch has no record: its value is stored as it is.
    expect(toFormValues(SYNTHETIC, { shape: { kind: 'b', list: [1] } }).shape).toEqual({
      kind: 'b',
      list: [1],
    });
  });

  it('keeps unknown keys, their order and values that do not fit the tree', () => {
    const doc = {
      zeta: 1,
      name: 5,
      files: ['not', 'an', 'object'],
      meta: 'text',
      items: { not: 'a list' },
      count: 'many',
      ref: 12,
      shape: { kind: 'c', map: { x: 1 } },
      alpha: { nested: { deep: [1, { 'x.y': null }] } },
    };
    expectSameDocument(roundTrip(SYNTHETIC, doc), doc);
    // A value that is not an object at a record position is wrapped, never mistaken for entries.
    const values = toFormValues(SYNTHETIC, doc);
    expect(Array.isArray(values.files)).toBe(false);
  });

  it('keeps "__proto__" members and empty keys as data', () => {
    const doc = JSON.parse(
      '{"files":{"__proto__":{"href":"p","tags":[]},"":{"href":"e","tags":[]}},"__proto__":1}',
    );
    const back = roundTrip(SYNTHETIC, doc) as Record<string, unknown>;
    expectSameDocument(back, doc);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back.files as object)).toEqual(['__proto__', '']);
  });

  it('round-trips JSON that is not an object at all', () => {
    for (const doc of [null, 1, 'text', [1, 2], true]) {
      expect(roundTrip(SYNTHETIC, doc)).toEqual(doc);
    }
  });

  it('leaves absent members out and decodes null', () => {
    const values = {
      name: 'x',
      count: undefined,
      meta: null,
      files: [{ key: 'a', value: undefined }],
    };
    expect(fromFormValues(SYNTHETIC, values)).toEqual({ name: 'x', meta: null, files: {} });
  });

  it('a later duplicate key wins, as it would in JSON text', () => {
    const values = {
      meta: [
        { key: 'a', value: 1 },
        { key: 'a', value: 2 },
      ],
    };
    expect(fromFormValues(SYNTHETIC, values)).toEqual({ meta: { a: 2 } });
  });

  it('encodeValue and decodeValue work on any subtree', () => {
    expect(encodeValue(SYNTHETIC, undefined)).toBeUndefined();
    expect(decodeValue(SYNTHETIC, null)).toBeNull();
  });

  it.each(loadExamples().map((e) => [e.file, e.doc] as const))(
    'round-trips the official example %s',
    (_file, doc) => {
      expectSameDocument(roundTrip(V10, doc), doc);
      expectSameDocument(roundTrip(V11, doc), doc);
    },
  );

  it('round-trips randomly mutated examples (both trees)', () => {
    const rand = mulberry32(20261122);
    let checked = 0;
    for (const { doc: start } of loadExamples()) {
      let doc: unknown = start;
      for (let step = 0; step < 40; step += 1) {
        doc = mutate(doc, rand).doc;
        expectSameDocument(roundTrip(V10, doc), doc);
        expectSameDocument(roundTrip(V11, doc), doc);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('round-trips random JSON dropped anywhere into an example', () => {
    const rand = mulberry32(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
    const keys = ['a', 'a.b', '__proto__', '', '~/', 'mlm:input', 'href', 'type', '0'];
    const randomJson = (depth: number): unknown => {
      const r = rand();
      if (depth <= 0 || r < 0.4) {
        return pick([null, true, 0, -1.5, 'x', '', 1e21]);
      }
      if (r < 0.7) {
        return Array.from({ length: Math.floor(rand() * 3) }, () => randomJson(depth - 1));
      }
      const out: Record<string, unknown> = {};
      for (let i = 0; i < 3; i += 1) {
        Object.defineProperty(out, pick(keys), {
          value: randomJson(depth - 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    };
    const base = loadExample('item_multi_io.json');
    for (let i = 0; i < 200; i += 1) {
      const doc = structuredClone(base) as Record<string, unknown>;
      // Walk to a random container and replace one of its members.
      let parent: unknown = doc;
      for (let depth = 0; depth < 6; depth += 1) {
        const members = parent && typeof parent === 'object' ? Object.keys(parent) : [];
        if (members.length === 0) {
          break;
        }
        const key = pick(members);
        const next = (parent as Record<string, unknown>)[key];
        if (rand() < 0.3 || next === null || typeof next !== 'object') {
          (parent as Record<string, unknown>)[key] = randomJson(3);
          break;
        }
        parent = next;
      }
      expectSameDocument(roundTrip(V10, doc), doc);
    }
  });
});

describe('applyFormChange', () => {
  const doc = loadExample('item_multi_io.json');
  const tree = treeFor(doc);

  it('returns the same document when the change leaves it equal', () => {
    const values = toFormValues(tree, doc);
    expect(applyFormChange(tree, doc, values, 'properties.mlm:name')).toBe(doc);
    expect(applyFormChange(tree, doc, values, '')).toBe(doc);
  });

  it('decodes only the changed branch and shares the rest', () => {
    const values = toFormValues(tree, doc) as { properties: Record<string, unknown> };
    values.properties['mlm:name'] = 'Renamed';
    const next = applyFormChange(tree, doc, values, 'properties.mlm:name') as typeof doc & {
      properties: Record<string, unknown>;
    };
    const before = doc as typeof next;
    expect(next.properties['mlm:name']).toBe('Renamed');
    expect(next.properties['mlm:input']).toBe(before.properties['mlm:input']);
    expect(next.assets).toBe(before.assets);
    expect(before.properties['mlm:name']).not.toBe('Renamed');
  });

  it('removes a member set to undefined, and decodes records and unions whole', () => {
    const values = toFormValues(tree, doc) as { properties: Record<string, unknown> };
    values.properties['mlm:architecture'] = undefined;
    const next = applyFormChange(tree, doc, values, 'properties.mlm:architecture') as {
      properties: Record<string, unknown>;
    };
    expect(Object.hasOwn(next.properties, 'mlm:architecture')).toBe(false);
    const assets = getAtPath(values, 'assets') as { key: string; value: { href: string } }[];
    const first = assets[0] as (typeof assets)[number];
    first.value.href = 'https://example.com/moved.pt';
    const moved = applyFormChange(tree, next, values, 'assets.0.value.href') as {
      assets: Record<string, { href: string }>;
    };
    expect(moved.assets[first.key]?.href).toBe('https://example.com/moved.pt');
  });

  it('agrees with decoding the whole form for random edits anywhere', () => {
    const rand = mulberry32(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    const replacements = [undefined, null, 0, 42, 'text', true, [], {}, ['a', 1], { x: 1 }];
    for (const base of loadExamples().map((e) => e.doc)) {
      const t = treeFor(base);
      let current: unknown = base;
      let values = toFormValues(t, base);
      for (let i = 0; i < 60; i += 1) {
        values = structuredClone(values);
        // Walk to a random place in the form values and replace what is there.
        let path = '';
        let parent: unknown = values;
        for (let depth = 0; depth < 8; depth += 1) {
          const members = parent && typeof parent === 'object' ? Object.keys(parent as object) : [];
          if (members.length === 0) {
            break;
          }
          const key = pick(members);
          const child = (parent as Record<string, unknown>)[key];
          if (rand() < 0.25 || child === null || typeof child !== 'object') {
            (parent as Record<string, unknown>)[key] = structuredClone(pick(replacements));
            path = joinPath(path, key);
            break;
          }
          path = joinPath(path, key);
          parent = child;
        }
        const next = applyFormChange(t, current, values, path);
        expect(jsonEqual(next, fromFormValues(t, values))).toBe(true);
        current = next;
      }
    }
  });
});

describe('pointerToFieldPath / fieldPathToPointer', () => {
  const doc = {
    properties: {
      'mlm:input': [{ name: 'a', value_scaling: [{ type: 'z-score', mean: 1, stddev: 2 }] }],
    },
    assets: {
      weights: { href: 'w' },
      config: { href: 'c' },
      'model.pt': { href: 'm', roles: ['a/b'] },
    },
    geometry: { type: 'Point', coordinates: [1, 2] },
  };
  const values = toFormValues(V10, doc);

  it.each([
    ['/assets/model.pt/href', 'assets.2.value.href'],
    ['/assets/model.pt', 'assets.2.value'],
    ['/properties/mlm:input/0/name', 'properties.mlm:input.0.name'],
    ['/properties/mlm:input/0/value_scaling/0/mean', 'properties.mlm:input.0.value_scaling.0.mean'],
    ['/properties/mlm:name', 'properties.mlm:name'],
    ['/geometry/coordinates', 'geometry.coordinates'],
  ])('%s → %s', (pointer, path) => {
    expect(pointerToFieldPath(V10, values, pointer)).toBe(path);
    expect(fieldPathToPointer(V10, values, path)).toBe(pointer);
  });

  it('stops at the deepest field when the pointer goes past the form', () => {
    expect(pointerToFieldPath(V10, values, '/properties/mlm:input/0/unknown/x')).toBe(
      'properties.mlm:input.0',
    );
    expect(pointerToFieldPath(V10, values, '/properties/mlm:input/5/name')).toBe(
      'properties.mlm:input',
    );
    expect(pointerToFieldPath(V10, values, '/assets/missing/href')).toBe('assets');
    expect(pointerToFieldPath(V10, values, '/assets/model.pt/roles/0')).toBe(
      'assets.2.value.roles.0',
    );
    // Into a list the tree describes (the widget may show it as one control, e.g. chips).
    expect(pointerToFieldPath(V10, values, '/geometry/coordinates/0')).toBe(
      'geometry.coordinates.0',
    );
    expect(pointerToFieldPath(V10, values, '/geometry/coordinates/7')).toBe('geometry.coordinates');
  });

  it('gives undefined for the document itself, unknown keys and malformed pointers', () => {
    expect(pointerToFieldPath(V10, values, '')).toBeUndefined();
    expect(pointerToFieldPath(V10, values, '/nope')).toBeUndefined();
    expect(pointerToFieldPath(V10, values, 'assets')).toBeUndefined();
    expect(fieldPathToPointer(V10, values, 'nope.x')).toBeUndefined();
  });

  it('escapes ~ and / in keys and maps record keys', () => {
    const tricky = toFormValues(V10, { assets: { 'a/b~c': { href: 'x' } } });
    expect(pointerToFieldPath(V10, tricky, '/assets/a~1b~0c/href')).toBe('assets.0.value.href');
    expect(fieldPathToPointer(V10, tricky, 'assets.0.value.href')).toBe('/assets/a~1b~0c/href');
    expect(fieldPathToPointer(V10, tricky, 'assets.0.key')).toBe('/assets/a~1b~0c');
  });

  it.each(loadExamples().map((e) => [e.file, e.doc] as const))(
    'maps every pointer of %s to a field and back to the same place or a parent',
    (_file, example) => {
      const tree = treeFor(example);
      const encoded = toFormValues(tree, example);
      const pointers: string[][] = [];
      const walk = (value: unknown, tokens: string[]) => {
        pointers.push(tokens);
        if (value && typeof value === 'object') {
          for (const [key, member] of Object.entries(value)) {
            walk(member, [...tokens, key]);
          }
        }
      };
      walk(example, []);
      for (const tokens of pointers.slice(1)) {
        const pointer = formatPointer(tokens);
        const path = pointerToFieldPath(tree, encoded, pointer);
        if (path === undefined) {
          continue;
        }
        const back = fieldPathToPointer(tree, encoded, path);
        expect(back, pointer).toBeDefined();
        expect(
          pointer === back || pointer.startsWith(`${back}/`),
          `${pointer} → ${path} → ${back}`,
        ).toBe(true);
      }
    },
  );
});
