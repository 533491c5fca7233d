import type {
  DiscriminatedUnionNode,
  DiscriminatedOption,
  FieldNode,
  UnionNode,
} from './fieldNode';
import { resolveNode } from './fieldNode';
import { isPlainObject } from './jsonValue';

// Which option of a union a value belongs to. Only the top-level JSON type, object keys and
// literal/enum values are consulted: the form-state encoding (formValues.ts) changes none of
// them, so a value and its encoded form always pick the same option.

/** How well a value fits a node: -1 not at all, higher is better. */
function fitScore(node: FieldNode, value: unknown): number {
  const n = resolveNode(node);
  switch (n.kind) {
    case 'string':
      return typeof value === 'string' ? 1 : -1;
    case 'number':
      if (typeof value !== 'number') {
        return -1;
      }
      return n.integer && !Number.isInteger(value) ? 0.5 : 1;
    case 'boolean':
      return typeof value === 'boolean' ? 1 : -1;
    case 'enum':
      if (n.options.includes(value as string | number)) {
        return 2;
      }
      return n.options.some((o) => typeof o === typeof value) ? 0.5 : -1;
    case 'literal':
      return Object.is(value, n.value) ? 3 : -1;
    case 'array':
      return Array.isArray(value) ? 1 : -1;
    case 'record':
      return isPlainObject(value) ? 1 : -1;
    case 'object': {
      if (!isPlainObject(value)) {
        return -1;
      }
      let known = 0;
      for (const child of n.children) {
        if (!Object.hasOwn(value, child.key) || value[child.key] === undefined) {
          continue;
        }
        const c = resolveNode(child.node);
        if (c.kind === 'literal' && !Object.is(c.value, value[child.key])) {
          return -1;
        }
        known += 1;
      }
      const keys = Object.keys(value).length;
      return 1 + (keys === 0 ? 0 : known / keys);
    }
    case 'discriminatedUnion':
      if (!isPlainObject(value)) {
        return -1;
      }
      return discriminatedOption(n, value) ? 3 : 0.5;
    case 'union':
      return Math.max(-1, ...n.options.map((o) => fitScore(o, value)));
    case 'json':
      return 0;
  }
}

/** Index of the option a (raw or encoded) value belongs to, or -1. */
export function matchUnionOption(node: UnionNode, value: unknown): number {
  if (value === undefined || value === null) {
    return -1;
  }
  let best = -1;
  let bestScore = -1;
  node.options.forEach((option, index) => {
    const score = fitScore(option, value);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** The branch of a discriminated union named by the value's discriminator. */
export function discriminatedOption(
  node: DiscriminatedUnionNode,
  value: unknown,
): DiscriminatedOption | undefined {
  if (!isPlainObject(value)) {
    return undefined;
  }
  const tag = value[node.discriminator];
  return node.options.find((o) => Object.is(o.value, tag));
}
