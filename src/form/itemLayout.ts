import type { FieldNode } from './fieldNode';
import { resolveNode } from './fieldNode';

/** Lists longer than this render only the visible items. */
export const VIRTUALIZE_AFTER = 20;
/** The height of the scroll box of a long list (fixed, so mounting it reads no layout). */
export const LIST_HEIGHT = 640;
/**
 * Lists longer than this start with their cards collapsed, each showing its summary. Most models
 * have one to three inputs; ten expanded input cards (bands, scaling, shapes) make a page of
 * thousands of fields that takes seconds to build and minutes to scroll.
 */
export const COLLAPSE_AFTER = 4;

/**
 * Values that fit on one line (text, numbers, choices, chips, unions of those): list items and
 * record entries of this kind get a compact row instead of a card.
 */
export function isCompactNode(node: FieldNode): boolean {
  const n = resolveNode(node);
  switch (n.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'json':
      return true;
    case 'array': {
      const item = resolveNode(n.item).kind;
      return item === 'string' || item === 'number' || item === 'enum';
    }
    case 'union':
      return n.options.every(isCompactNode);
    default:
      return false;
  }
}
