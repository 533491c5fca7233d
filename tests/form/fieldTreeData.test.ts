import * as z from 'zod';
import { describe, expect, it } from 'vitest';

import type { ArrayNode, FieldNode, ObjectNode, RecordNode } from '../../src/form/fieldNode';
import { resolveNode } from '../../src/form/fieldNode';
import { buildFieldTree } from '../../src/form/fieldTree';
import { fromFieldTreeData, toFieldTreeData, type NodeRecord } from '../../src/form/fieldTreeData';

interface Category {
  name: string;
  children?: Category[];
}
const category: z.ZodType<Category> = z.lazy(() =>
  z.object({
    name: z.string().meta({ label: 'Category name' }),
    children: z.array(category).optional(),
  }),
);

const shape = z.object({
  title: z.string().min(1).meta({ label: 'Title', help: 'Shown first.' }),
  count: z.number().int().min(0).max(10).optional(),
  mode: z.enum(['fast', 'exact']),
  kind: z.literal('fixed'),
  nothing: z.null().nullable(),
  params: z.record(z.string().regex(/^[a-z]+$/iu), z.unknown()),
  tags: z.array(z.string()).max(3),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Point'), coordinates: z.array(z.number()) }),
    z.object({ type: z.literal('Line'), coordinates: z.array(z.array(z.number())) }),
  ]),
  either: z.union([z.string(), z.number()]).nullable(),
  root: category,
  // Two equal subtrees: written once.
  left: z.object({ x: z.number(), y: z.number() }),
  right: z.object({ x: z.number(), y: z.number() }),
});

const child = (node: FieldNode, key: string): FieldNode => {
  const found = (resolveNode(node) as ObjectNode).children.find((c) => c.key === key);
  if (!found) {
    throw new Error(`no ${key}`);
  }
  return found.node;
};

/** A tree as JSON with lazy nodes expanded `depth` levels, for comparing trees by value. */
function expand(node: FieldNode, depth = 4): unknown {
  if (depth === 0) {
    return node.kind;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) {
      continue;
    }
    if (key === 'resolve') {
      out.resolved = expand(resolveNode(node), depth - 1);
    } else if (key === 'children') {
      out.children = (value as ObjectNode['children']).map((c) => ({
        ...c,
        node: expand(c.node, depth - 1),
      }));
    } else if ((key === 'item' || (key === 'value' && node.kind === 'record')) && value) {
      out[key] = expand(value as FieldNode, depth - 1);
    } else if (key === 'options' && node.kind === 'union') {
      out.options = node.options.map((o) => expand(o, depth - 1));
    } else if (key === 'options' && node.kind === 'discriminatedUnion') {
      out.options = node.options.map((o) => ({ value: o.value, node: expand(o.node, depth - 1) }));
    } else {
      out[key] = value instanceof RegExp ? `/${value.source}/${value.flags}` : value;
    }
  }
  return out;
}

describe('field trees as JSON', () => {
  const tree = buildFieldTree(shape, 'Thing');
  const data = toFieldTreeData({ thing: tree });
  const back = fromFieldTreeData(JSON.parse(JSON.stringify(data)) as typeof data).thing!;

  it('gives back a tree equal to the one written, lazy nodes and RegExps included', () => {
    expect(expand(back, 6)).toEqual(expand(tree, 6));
    const params = resolveNode(child(back, 'params')) as RecordNode;
    expect(params.keyPattern).toBeInstanceOf(RegExp);
    expect(params.keyPattern?.test('ABC')).toBe(true);
    expect(params.keyPattern?.test('a1')).toBe(false);
  });

  it('keeps a recursive schema finite, and its lazy nodes expand to the same node each time', () => {
    const item = (node: FieldNode) => (resolveNode(node) as ArrayNode).item;
    const deep = child(
      item(child(item(child(child(back, 'root'), 'children')), 'children')),
      'name',
    );
    expect(resolveNode(deep).label).toBe('Category name');
    const root = child(back, 'root');
    expect(resolveNode(root)).toBe(resolveNode(root));
  });

  it('writes equal subtrees once, and writes several trees into one table', () => {
    const childIds = (record: NodeRecord | undefined) =>
      new Map((record?.children as [string, number, boolean][]).map(([k, id]) => [k, id]));
    const top = childIds(data.nodes[data.roots.thing!]);
    const left = childIds(data.nodes[top.get('left')!]);
    const right = childIds(data.nodes[top.get('right')!]);
    expect(top.get('left')).not.toBe(top.get('right'));
    expect(left.get('x')).toBe(right.get('x'));
    const both = toFieldTreeData({ a: tree, b: buildFieldTree(shape, 'Thing') });
    expect(both.roots.a).toBe(both.roots.b);
    expect(both.nodes.length).toBe(data.nodes.length);
  });

  it('refuses what JSON cannot hold, and names damaged data', () => {
    const infinite: FieldNode = {
      kind: 'number',
      label: 'Scale',
      integer: false,
      max: Infinity,
      optional: false,
      nullable: false,
    };
    expect(() => toFieldTreeData({ t: infinite })).toThrow('"Scale" has max = Infinity');
    expect(() =>
      fromFieldTreeData({ nodes: [{ kind: 'array', item: 7 }], roots: { t: 0 } }),
    ).toThrow('no node 7');
  });
});
