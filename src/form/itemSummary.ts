import type { FieldNode, ObjectNode } from './fieldNode';
import { isPrimitiveNode, resolveNode } from './fieldNode';
import { isPlainObject } from './jsonValue';

// Cards of a list are titled "Input 1 — <name>": the name is the first of these members that
// the item has, then any other text member.
const SUMMARY_KEYS = ['name', 'title', 'id', 'label', 'key', 'rel', 'href', 'value', 'type'];

const isShown = (value: unknown): value is string | number =>
  (typeof value === 'string' && value !== '') || typeof value === 'number';

function objectSummary(node: ObjectNode, value: Record<string, unknown>): string {
  const primitive = node.children.filter((c) => isPrimitiveNode(c.node));
  const ordered = [
    ...SUMMARY_KEYS.flatMap((key) => primitive.filter((c) => c.key === key)),
    ...primitive.filter((c) => resolveNode(c.node).kind === 'string'),
  ];
  const found = ordered.find((c) => isShown(value[c.key]));
  return found ? String(value[found.key]) : '';
}

/** Short text naming a list item's value: its own text, or its most telling member's. */
export function summarize(node: FieldNode, value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (!isPlainObject(value)) {
    return '';
  }
  const n = resolveNode(node);
  const objects: ObjectNode[] =
    n.kind === 'object'
      ? [n]
      : n.kind === 'discriminatedUnion'
        ? n.options.map((o) => o.node)
        : n.kind === 'union'
          ? n.options.map(resolveNode).filter((o): o is ObjectNode => o.kind === 'object')
          : [];
  for (const object of objects) {
    const text = objectSummary(object, value);
    if (text) {
      return text;
    }
  }
  return '';
}

/** The member that names an object (for a string carried into it when a union switches). */
export function summaryKey(node: ObjectNode): string | undefined {
  const strings = node.children.filter((c) => resolveNode(c.node).kind === 'string');
  return (SUMMARY_KEYS.map((key) => strings.find((c) => c.key === key)).find(Boolean) ?? strings[0])
    ?.key;
}
