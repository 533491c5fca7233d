import type { FieldNode } from '../fieldNode';
import { summarize } from '../itemSummary';
import { useDerivedValue } from '../useFieldValue';

/** " — <name>" after a card title, following the item's name as it is typed. */
export function ItemSummary({ node, path }: { node: FieldNode; path: string }) {
  const text = useDerivedValue(path, (value) => summarize(node, value));
  return text ? <> — {text}</> : null;
}
