import type { FieldNode, ObjectNode } from './fieldNode';

// Field trees as plain JSON, so an app can build them at build time and its first load needs
// neither Zod nor the schemas (fieldTree.ts walks those). Lazy nodes become references, so
// recursive trees stay finite, and equal subtrees (within a tree or across several) are written
// once.

/** One node: its own data, with the nodes it links to as indexes into `nodes`. */
export type NodeRecord = Record<string, unknown> & { kind: FieldNode['kind'] };

export interface FieldTreeData {
  nodes: NodeRecord[];
  /** The index of each tree's root node. */
  roots: Record<string, number>;
}

/** A node's links, in order, with what tells them apart (a child's key, an option's value). */
function linksOf(node: FieldNode): { tag: unknown; node: FieldNode }[] {
  switch (node.kind) {
    case 'object':
      return node.children.map((c) => ({ tag: [c.key, c.required], node: c.node }));
    case 'array':
      return [{ tag: 'item', node: node.item }];
    case 'record':
      return [{ tag: 'value', node: node.value }];
    case 'union':
      return node.options.map((o) => ({ tag: 'option', node: o }));
    case 'discriminatedUnion':
      return node.options.map((o) => ({ tag: o.value, node: o.node }));
    case 'lazy':
      return [{ tag: 'target', node: node.resolve() }];
    default:
      return [];
  }
}

/** The keys that hold links, by kind (`options` of an enum and `value` of a literal are data). */
const LINK_KEYS: Partial<Record<FieldNode['kind'], string>> = {
  object: 'children',
  array: 'item',
  record: 'value',
  union: 'options',
  discriminatedUnion: 'options',
  lazy: 'resolve',
};

/** Flags written only when true. */
const DEFAULT_FALSE = new Set(['optional', 'nullable']);

/** A node's own data as JSON: links left out, defaults dropped, RegExps as source and flags. */
function ownData(node: FieldNode): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (
      key === LINK_KEYS[node.kind] ||
      value === undefined ||
      (value === false && DEFAULT_FALSE.has(key))
    ) {
      continue;
    }
    if (value instanceof RegExp) {
      own[key] = { $regexp: value.source, flags: value.flags };
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error(`Field tree: "${node.label}" has ${key} = ${value}, which JSON cannot hold.`);
    } else {
      own[key] = value;
    }
  }
  return own;
}

/**
 * Writes trees as one table of nodes. Equal subtrees share a record: nodes start grouped by their
 * own data, and groups split until every member links to the same groups (as in DFA
 * minimisation), which also merges the copies a recursive schema makes of itself.
 */
export function toFieldTreeData(trees: Record<string, FieldNode>): FieldTreeData {
  const all: FieldNode[] = [];
  const index = new Map<FieldNode, number>();
  const visit = (node: FieldNode) => {
    if (index.has(node)) {
      return;
    }
    index.set(node, all.length);
    all.push(node);
    linksOf(node).forEach((link) => visit(link.node));
  };
  Object.values(trees).forEach(visit);

  const data = all.map(ownData);
  const own = data.map((d) => JSON.stringify(d));
  const links = all.map((node) =>
    linksOf(node).map((link) => ({ tag: JSON.stringify(link.tag), to: index.get(link.node)! })),
  );
  let { group, count } = classify(own);
  for (;;) {
    const next = classify(
      all.map((_, i) => `${own[i]}|${links[i]!.map((l) => `${l.tag}>${group[l.to]}`).join(',')}`),
    );
    // Groups only ever split: the same number of groups means none split, and none will.
    const settled = next.count === count;
    ({ group, count } = next);
    if (settled) {
      break;
    }
  }

  const nodes: NodeRecord[] = [];
  const written = new Map<number, number>();
  const write = (i: number): number => {
    const g = group[i]!;
    const known = written.get(g);
    if (known !== undefined) {
      return known;
    }
    const at = nodes.length;
    written.set(g, at);
    const node = all[i]!;
    const record: NodeRecord = { ...data[i], kind: node.kind };
    nodes.push(record);
    const to = links[i]!.map((l) => write(l.to));
    if (node.kind === 'object') {
      record.children = node.children.map((c, k) => [c.key, to[k], c.required]);
    } else if (node.kind === 'array') {
      record.item = to[0];
    } else if (node.kind === 'record') {
      record.value = to[0];
    } else if (node.kind === 'union') {
      record.options = to;
    } else if (node.kind === 'discriminatedUnion') {
      record.options = node.options.map((o, k) => [o.value, to[k]]);
    } else if (node.kind === 'lazy') {
      record.target = to[0];
    }
    return at;
  };
  const roots = Object.fromEntries(
    Object.entries(trees).map(([name, root]) => [name, write(index.get(root)!)]),
  );
  return { nodes, roots };
}

/** Numbers each distinct key, in order of first appearance, and counts them. */
function classify(keys: readonly string[]): { group: number[]; count: number } {
  const ids = new Map<string, number>();
  const group = keys.map((key) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  });
  return { group, count: ids.size };
}

const isWrittenRegExp = (value: unknown): value is { $regexp: string; flags: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { $regexp?: unknown }).$regexp === 'string' &&
  typeof (value as { flags?: unknown }).flags === 'string';

/** Rebuilds the trees `toFieldTreeData` wrote; shared records become shared nodes. */
export function fromFieldTreeData(data: FieldTreeData): Record<string, FieldNode> {
  const nodes = data.nodes.map((record): FieldNode => {
    const node: Record<string, unknown> = { optional: false, nullable: false };
    for (const [key, value] of Object.entries(record)) {
      node[key] = isWrittenRegExp(value) ? new RegExp(value.$regexp, value.flags) : value;
    }
    return node as unknown as FieldNode;
  });
  const at = (i: unknown): FieldNode => {
    const node = typeof i === 'number' ? nodes[i] : undefined;
    if (!node) {
      throw new Error(`Field tree data: no node ${String(i)} (the data is damaged).`);
    }
    return node;
  };
  data.nodes.forEach((record, i) => {
    const node = nodes[i] as unknown as Record<string, unknown>;
    switch (record.kind) {
      case 'object':
        node.children = (record.children as [string, number, boolean][]).map(
          ([key, child, required]) => ({ key, node: at(child), required }),
        );
        break;
      case 'array':
        node.item = at(record.item);
        break;
      case 'record':
        node.value = at(record.value);
        break;
      case 'union':
        node.options = (record.options as number[]).map(at);
        break;
      case 'discriminatedUnion':
        node.options = (record.options as [unknown, number][]).map(([value, option]) => ({
          value,
          node: at(option) as ObjectNode,
        }));
        break;
      case 'lazy': {
        const target = at(record.target);
        delete node.target;
        node.resolve = () => target;
        break;
      }
      default:
        break;
    }
  });
  return Object.fromEntries(Object.entries(data.roots).map(([name, i]) => [name, at(i)]));
}
