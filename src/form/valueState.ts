import type { ResolvedNode } from './fieldNode';

/** What a field has to show: nothing yet, null, a value its widget can show, or another value. */
export type ValueState = 'absent' | 'null' | 'fits' | 'misfit';

export function valueState(
  node: ResolvedNode,
  value: unknown,
  accepts: (value: unknown, node: ResolvedNode) => boolean,
): ValueState {
  if (value === undefined) {
    return 'absent';
  }
  if (value === null) {
    // A free JSON value may be null without being nullable; other widgets cannot show null.
    if (node.nullable) {
      return 'null';
    }
    return node.kind === 'json' ? 'fits' : 'misfit';
  }
  return accepts(value, node) ? 'fits' : 'misfit';
}
