import type { DiscriminatedOption, FieldNode, ObjectNode } from './fieldNode';
import { resolveNode } from './fieldNode';
import { summaryKey } from './itemSummary';
import { isPlainObject } from './jsonValue';

/**
 * The form-state value a field starts with when the user adds it. Undefined for widgets whose
 * empty state is "absent" (a number input, a select, a JSON field).
 */
export function initialValue(node: FieldNode): unknown {
  const n = resolveNode(node);
  switch (n.kind) {
    case 'string':
      return '';
    case 'boolean':
      return false;
    case 'literal':
      return n.value;
    case 'array':
    case 'record':
      return [];
    case 'object':
      return initialObject(n);
    case 'union':
      return n.options[0] && initialValue(n.options[0]);
    case 'discriminatedUnion':
      return n.options[0] && initialObject(n.options[0].node);
    default:
      return undefined;
  }
}

/** A new list item: JSON lists cannot hold "absent", so an item without a start value is null. */
export function initialItemValue(node: FieldNode): unknown {
  return initialValue(node) ?? null;
}

function initialObject(node: ObjectNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const child of node.children) {
    const value = child.required ? initialValue(child.node) : undefined;
    if (value !== undefined) {
      out[child.key] = value;
    }
  }
  return out;
}

/** A discriminated-union branch, keeping the fields it shares with the current value. */
export function switchBranch(current: unknown, to: DiscriminatedOption, discriminator: string) {
  const next = initialObject(to.node);
  next[discriminator] = to.value;
  if (isPlainObject(current)) {
    for (const child of to.node.children) {
      if (child.key !== discriminator && current[child.key] !== undefined) {
        next[child.key] = current[child.key];
      }
    }
  }
  return next;
}

/**
 * The value for another option of a plain union, carrying over what fits: a band name becomes
 * the name of a band object (and back), a single value becomes a one-item list.
 */
export function convertForOption(value: unknown, option: FieldNode): unknown {
  const target = resolveNode(option);
  if (value === undefined || value === null) {
    return initialValue(target);
  }
  switch (target.kind) {
    case 'string':
      if (typeof value === 'number' || typeof value === 'boolean') {
        return String(value);
      }
      if (isPlainObject(value)) {
        const text = Object.values(value).find((v) => typeof v === 'string');
        return typeof text === 'string' ? text : '';
      }
      return '';
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(number) ? number : undefined;
    }
    case 'object': {
      const out = initialObject(target);
      const key = summaryKey(target);
      if (key && (typeof value === 'string' || typeof value === 'number')) {
        out[key] = value;
      }
      return out;
    }
    case 'array':
      return Array.isArray(value) ? value : [value];
    default:
      return Array.isArray(value) && value.length > 0 ? value[0] : initialValue(target);
  }
}

/** A new record entry's value: a free value starts as text, the commonest kind. */
export function initialEntryValue(node: FieldNode): unknown {
  return resolveNode(node).kind === 'json' ? '' : initialItemValue(node);
}
