import type { FieldNode, RecordNode, StringNode } from './fieldNode';
import { resolveNode } from './fieldNode';
import { isPlainObject } from './jsonValue';
import { discriminatedOption, matchUnionOption } from './unionMatch';

// react-hook-form field paths: dot-separated keys and array indexes into the encoded form values
// (records are `{ key, value }` entry lists, so `assets.2.value.href`).

export function joinPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** The value at a field path ('' is the whole form). */
export function getAtPath(values: unknown, path: string): unknown {
  let current = values;
  for (const segment of splitPath(path)) {
    if (Array.isArray(current)) {
      current = current[Number(segment)];
    } else if (isPlainObject(current)) {
      current = Object.hasOwn(current, segment) ? current[segment] : undefined;
    } else {
      return undefined;
    }
  }
  return current;
}

/** One record entry in form state. */
export interface RecordEntry {
  key: string;
  value: unknown;
}

export function isRecordEntry(value: unknown): value is RecordEntry {
  return isPlainObject(value) && typeof value.key === 'string';
}

const keyNodes = new WeakMap<RecordNode, StringNode>();

/** The node of a record entry's key field (`assets.2.key`). */
export function recordKeyNode(record: RecordNode): StringNode {
  let node = keyNodes.get(record);
  if (!node) {
    node = {
      kind: 'string',
      label: 'Key',
      help: `Name of this ${record.entryLabel.toLowerCase()}.`,
      optional: false,
      nullable: false,
      minLength: 0,
      ...(record.keyOptions && { suggestions: record.keyOptions }),
    };
    keyNodes.set(record, node);
  }
  return node;
}

export interface FieldLocation {
  node: FieldNode;
  /** Set when the field is a member of an object: false means optional there. */
  required?: boolean;
  /** JSON pointer tokens of the same place in the document. */
  pointer: string[];
  /** Paths whose values chose a union branch on the way (re-resolve when they change). */
  unionPaths: string[];
  /** The branch taken at each of those paths. */
  branches: number[];
}

/**
 * The node a field path leads to. Union branches follow the current values (read through
 * `valueAt`), array items and record values follow the tree. Undefined when the path leaves
 * the tree (an unknown key, a union value that fits no branch).
 */
export function locateFieldPath(
  tree: FieldNode,
  path: string,
  valueAt: (path: string) => unknown,
): FieldLocation | undefined {
  const segments = splitPath(path);
  const pointer: string[] = [];
  const unionPaths: string[] = [];
  const branches: number[] = [];
  let node = tree;
  let current = '';
  let required: boolean | undefined;
  let i = 0;
  while (i < segments.length) {
    const segment = segments[i] as string;
    const n = resolveNode(node);
    if (n.kind === 'union') {
      unionPaths.push(current);
      const index = matchUnionOption(n, valueAt(current));
      const option = n.options[index];
      if (!option) {
        return undefined;
      }
      branches.push(index);
      node = option;
      continue;
    }
    if (n.kind === 'discriminatedUnion') {
      unionPaths.push(joinPath(current, n.discriminator));
      const option = discriminatedOption(n, valueAt(current));
      if (!option) {
        return undefined;
      }
      branches.push(n.options.indexOf(option));
      node = option.node;
      continue;
    }
    if (n.kind === 'object') {
      const child = n.children.find((c) => c.key === segment);
      if (!child) {
        return undefined;
      }
      node = child.node;
      required = child.required;
      pointer.push(segment);
      current = joinPath(current, segment);
      i += 1;
    } else if (n.kind === 'array' && /^\d+$/u.test(segment)) {
      node = n.item;
      required = undefined;
      pointer.push(segment);
      current = joinPath(current, segment);
      i += 1;
    } else if (n.kind === 'record' && /^\d+$/u.test(segment)) {
      const part = segments[i + 1];
      const entry = getEntry(valueAt(current), Number(segment));
      current = joinPath(current, segment);
      pointer.push(entry?.key ?? '');
      required = undefined;
      if (part === 'key') {
        node = recordKeyNode(n);
      } else if (part === 'value') {
        node = n.value;
      } else {
        return undefined;
      }
      current = joinPath(current, part);
      i += 2;
    } else {
      return undefined;
    }
  }
  return { node, ...(required !== undefined && { required }), pointer, unionPaths, branches };
}

function getEntry(entries: unknown, index: number): RecordEntry | undefined {
  const entry: unknown = Array.isArray(entries) ? entries[index] : undefined;
  return isRecordEntry(entry) ? entry : undefined;
}
