import * as z from 'zod';
import { describe, expect, it } from 'vitest';

import { createErrorStore } from '../../src/form/errorStore';
import type { DiscriminatedUnionNode, UnionNode } from '../../src/form/fieldNode';
import { resolveNode } from '../../src/form/fieldNode';
import { getAtPath, joinPath, locateFieldPath, splitPath } from '../../src/form/fieldPath';
import { buildFieldTree } from '../../src/form/fieldTree';
import { formatBytes } from '../../src/form/formatBytes';
import {
  convertForOption,
  initialEntryValue,
  initialItemValue,
  initialValue,
  switchBranch,
} from '../../src/form/initialValue';
import { summarize } from '../../src/form/itemSummary';
import { formatPointer, parsePointer } from '../../schemas/jsonPointer';
import { humanizeKey, kindLabel, singularLabel } from '../../src/form/labels';
import { parseNumberText } from '../../src/form/numberText';
import { duplicateKeyIndexes, keyProblem } from '../../src/form/recordKeys';
import { convertValueType, detectValueType } from '../../src/form/typedValue';
import { matchUnionOption } from '../../src/form/unionMatch';

describe('labels', () => {
  it.each([
    ['mlm:framework_version', 'Framework version'],
    ['colorHint', 'Color hint'],
    ['file:size', 'Size'],
    ['ml-aoi:split', 'Split'],
    ['href', 'Href'],
    ['', ''],
  ])('humanizeKey(%j) = %j', (key, label) => expect(humanizeKey(key)).toBe(label));

  it.each([
    ['Classes', 'Class'],
    ['Providers', 'Provider'],
    ['Properties', 'Property'],
    ['Boxes', 'Box'],
    ['Bands', 'Band'],
    ['Value scaling', 'Value scaling'],
    ['', 'Item'],
  ])('singularLabel(%j) = %j', (label, single) => expect(singularLabel(label)).toBe(single));

  it('names union options by kind', () => {
    const union = resolveNode(
      buildFieldTree(z.union([z.string(), z.int(), z.enum(['nan', 'inf']), z.array(z.number())])),
    ) as UnionNode;
    expect(union.options.map(resolveNode).map(kindLabel)).toEqual([
      'Text',
      'Whole number',
      'nan / inf',
      'List',
    ]);
  });
});

describe('JSON pointers and field paths', () => {
  it('parses and formats RFC 6901 pointers', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/c~0d/')).toEqual(['a/b', 'c~d', '']);
    expect(parsePointer('no-slash')).toBeUndefined();
    expect(formatPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
  });

  it('joins, splits and reads field paths', () => {
    expect(joinPath('', 'a')).toBe('a');
    expect(joinPath('a', 0)).toBe('a.0');
    expect(splitPath('')).toEqual([]);
    expect(getAtPath({ a: [{ b: 1 }] }, 'a.0.b')).toBe(1);
    expect(getAtPath({ a: 1 }, 'a.b')).toBeUndefined();
  });

  it('locates nodes through unions by the current value', () => {
    const tree = buildFieldTree(
      z.object({
        list: z.array(
          z.discriminatedUnion('t', [
            z.object({ t: z.literal('a'), x: z.number() }),
            z.object({ t: z.literal('b'), y: z.string() }),
          ]),
        ),
      }),
    );
    const values = { list: [{ t: 'b', y: 'z' }] };
    const found = locateFieldPath(tree, 'list.0.y', (p) => getAtPath(values, p));
    expect(found?.node.kind).toBe('string');
    expect(found?.unionPaths).toEqual(['list.0.t']);
    expect(found?.pointer).toEqual(['list', '0', 'y']);
    expect(locateFieldPath(tree, 'list.0.x', (p) => getAtPath(values, p))).toBeUndefined();
  });
});

describe('matchUnionOption', () => {
  const union = resolveNode(
    buildFieldTree(
      z.union([
        z.string(),
        z.number(),
        z.object({ kind: z.literal('circle'), r: z.number() }),
        z.object({ kind: z.literal('square'), side: z.number() }),
        z.array(z.string()),
      ]),
    ),
  ) as UnionNode;

  it.each([
    ['text', 0],
    [1, 1],
    [{ kind: 'square', side: 1 }, 3],
    [{ kind: 'circle' }, 2],
    [['a'], 4],
    [true, -1],
    [null, -1],
    [undefined, -1],
  ])('%j → option %i', (value, index) => expect(matchUnionOption(union, value)).toBe(index));
});

describe('initial values', () => {
  const tree = buildFieldTree(
    z.object({
      name: z.string(),
      count: z.number(),
      flag: z.boolean(),
      tags: z.array(z.string()),
      map: z.record(z.string(), z.number()),
      opt: z.string().optional(),
      kind: z.literal('x'),
      free: z.unknown(),
    }),
  );

  it('fills required members with empty values and leaves numbers and free values absent', () => {
    expect(initialValue(tree)).toEqual({ name: '', flag: false, tags: [], map: [], kind: 'x' });
    expect(initialItemValue(buildFieldTree(z.number()))).toBeNull();
    expect(initialEntryValue(buildFieldTree(z.unknown()))).toBe('');
  });

  it('switches a discriminated branch keeping shared members', () => {
    const node = resolveNode(
      buildFieldTree(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('min-max'), minimum: z.number(), maximum: z.number() }),
          z.object({ type: z.literal('clip'), minimum: z.number(), maximum: z.number() }),
          z.object({ type: z.literal('scale'), value: z.number() }),
        ]),
      ),
    ) as DiscriminatedUnionNode;
    const current = { type: 'min-max', minimum: 0, maximum: 1 };
    expect(switchBranch(current, node.options[1]!, 'type')).toEqual({
      type: 'clip',
      minimum: 0,
      maximum: 1,
    });
    expect(switchBranch(current, node.options[2]!, 'type')).toEqual({ type: 'scale' });
  });

  it('carries a value into another union option', () => {
    const union = resolveNode(
      buildFieldTree(
        z.union([z.string(), z.object({ name: z.string(), format: z.string().optional() })]),
      ),
    ) as UnionNode;
    const [text, object] = union.options;
    expect(convertForOption('B04', object!)).toEqual({ name: 'B04' });
    expect(convertForOption({ name: 'B04' }, text!)).toBe('B04');
    expect(convertForOption('3', buildFieldTree(z.number()))).toBe(3);
    expect(convertForOption('x', buildFieldTree(z.array(z.string())))).toEqual(['x']);
  });
});

describe('small helpers', () => {
  it.each([
    ['', { kind: 'empty' }],
    [' 42 ', { kind: 'number', value: 42 }],
    ['-1', { kind: 'number', value: -1 }],
    ['1e-3', { kind: 'number', value: 0.001 }],
    ['.5', { kind: 'number', value: 0.5 }],
  ])('parseNumberText(%j)', (text, parsed) => expect(parseNumberText(text, false)).toEqual(parsed));

  it.each(['abc', '0x10', '1,5', 'Infinity', '1e999', '--1'])('rejects %j', (text) => {
    expect(parseNumberText(text, true).kind).toBe('invalid');
  });

  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [12_345_678, '12.3 MB'],
    [1_500_000_000, '1.5 GB'],
    [250_000, '250 kB'],
  ])('formatBytes(%d) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('finds duplicate record keys and checks patterns', () => {
    const entries = [
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
      { key: 'a', value: 3 },
    ];
    expect(duplicateKeyIndexes(entries)).toEqual([0, 2]);
    expect(duplicateKeyIndexes('nope')).toEqual([]);
    const node = resolveNode(
      buildFieldTree(
        z.record(z.string().regex(/^[a-z_]+$/u), z.unknown()).meta({ label: 'Params' }),
      ),
    );
    if (node.kind !== 'record') {
      throw new Error('expected a record');
    }
    expect(keyProblem(node, 'ok_key', false)).toBeUndefined();
    expect(keyProblem(node, 'Bad Key', false)).toMatch(/pattern/u);
    expect(keyProblem(node, 'ok', true)).toMatch(/unique/u);
  });

  it('detects and converts free value types', () => {
    expect([0.1, 'x', true, null, [], {}, undefined].map(detectValueType)).toEqual([
      'number',
      'text',
      'boolean',
      'null',
      'json',
      'json',
      undefined,
    ]);
    expect(convertValueType('0.001', 'number')).toBe(0.001);
    expect(convertValueType('abc', 'number')).toBeUndefined();
    expect(convertValueType(12, 'text')).toBe('12');
    expect(convertValueType('true', 'boolean')).toBe(true);
    expect(convertValueType({ a: 1 }, 'json')).toEqual({ a: 1 });
  });

  it('summarizes items by their most telling member', () => {
    const link = buildFieldTree(
      z.object({ title: z.string().optional(), rel: z.string(), href: z.string() }),
    );
    expect(summarize(link, { rel: 'self', href: 'x' })).toBe('self');
    expect(summarize(link, { title: 'Docs', rel: 'self' })).toBe('Docs');
    expect(summarize(link, 'B04')).toBe('B04');
    expect(summarize(link, [1])).toBe('');
  });
});

describe('error store', () => {
  it('notifies only the paths whose messages changed and keeps unchanged arrays', () => {
    const store = createErrorStore({ a: ['x'], b: ['y'] });
    const seen: string[] = [];
    store.subscribe('a', () => seen.push('a'));
    store.subscribe('b', () => seen.push('b'));
    const before = store.get('a');
    store.set({ a: ['x'], b: ['z'] });
    expect(seen).toEqual(['b']);
    expect(store.get('a')).toBe(before);
    store.set({ a: ['x'], b: ['z'] });
    expect(seen).toEqual(['b']);
    store.set({});
    expect(seen).toEqual(['b', 'a', 'b']);
  });

  it('counts and collects messages below a path', () => {
    const store = createErrorStore({
      list: ['too short'],
      'list.1': ['bad'],
      'list.1.x': ['worse'],
      listing: ['no'],
    });
    expect(store.countUnder('list')).toBe(3);
    expect(store.countUnder('list.1')).toBe(2);
    expect(store.getWithDescendants('list')).toEqual([
      'too short',
      'Item 2: bad',
      'Item 2 › x: worse',
    ]);
    expect(store.getWithDescendants('list')).toBe(store.getWithDescendants('list'));
  });
});
