import { parsePointer } from '../../schemas/jsonPointer';
import type { ProposedField } from './onnxModel';

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;
const isIndex = (token: string) => token === '-' || /^(0|[1-9]\d*)$/u.test(token);

function copyOf(value: Container): Container {
  return Array.isArray(value) ? [...value] : { ...value };
}

function setIn(container: Container, token: string, value: unknown): void {
  if (Array.isArray(container) && isIndex(token)) {
    // "-" or an index at or past the end appends, so unchecking one of several appended entries in
    // the review still appends the others instead of leaving holes.
    const at = token === '-' ? container.length : Math.min(Number(token), container.length);
    container[at] = value;
    return;
  }
  (container as Record<string, unknown>)[token] = value;
}

function getIn(container: Container, token: string): unknown {
  if (Array.isArray(container)) {
    return isIndex(token) && token !== '-' ? container[Number(token)] : undefined;
  }
  return Object.prototype.hasOwnProperty.call(container, token) ? container[token] : undefined;
}

/**
 * A new item with each field's value written at its pointer, in order. Never mutates `item`: only
 * the objects along each pointer are copied (once per call), the rest is shared. Missing objects on
 * the way (such as `assets`) are created, and a list index equal to the length appends.
 */
export function applyProposal(item: unknown, fields: readonly ProposedField[]): unknown {
  // Containers made by this call may be written in place; everything else is the caller's.
  const fresh = new WeakSet<object>();
  const own = (v: Container): Container => {
    if (fresh.has(v)) {
      return v;
    }
    const c = copyOf(v);
    fresh.add(c);
    return c;
  };
  let root = item;
  for (const field of fields) {
    const tokens = parsePointer(field.pointer);
    if (!tokens) {
      throw new Error(`Not a JSON pointer: ${JSON.stringify(field.pointer)}`);
    }
    const value = structuredClone(field.value);
    if (tokens.length === 0) {
      root = value;
      continue;
    }
    const top = own(isContainer(root) ? root : {});
    root = top;
    let parent = top;
    tokens.slice(0, -1).forEach((token, i) => {
      const existing = getIn(parent, token);
      const next = tokens[i + 1] ?? '';
      const child = isContainer(existing) ? own(existing) : own(isIndex(next) ? [] : {});
      setIn(parent, token, child);
      parent = child;
    });
    setIn(parent, tokens[tokens.length - 1] ?? '', value);
  }
  return root;
}
