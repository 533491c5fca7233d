// JSON.parse keeps a "__proto__" member as an ordinary key and turns numbers too large for a double
// (1e400) into Infinity. The official JSON Schemas check both like any other value, but Zod skips
// "__proto__" keys (to stay safe from prototype pollution) and rejects Infinity. Before validation,
// such keys get a stand-in name with the same pattern-relevant characters and infinities become the
// largest finite doubles, which compare with every finite bound the same way.

import { activeValidationCache } from './validationCache';

/** The name a "__proto__" key is validated under; findings map it back. */
export const PROTO_KEY_STAND_IN = '__proto__escaped_by_mlm_editor';

function needsPreparation(doc: unknown): boolean {
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        return true;
      }
    } else if (typeof value === 'object' && value !== null) {
      if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__')) {
        return true;
      }
      // One push per member: spreading a list of a few hundred thousand values into push()
      // overflows the call stack.
      for (const member of Array.isArray(value) ? value : Object.values(value)) {
        stack.push(member);
      }
    }
  }
  return false;
}

/** How deep the cached walk goes before handing over to the stack-based one above. */
const CACHED_DEPTH = 64;

/**
 * needsPreparation, remembering the objects found clean (see validationCache.ts): parts shared
 * with a document checked before are skipped.
 */
function needsPreparationCached(value: unknown, clean: WeakSet<object>, depth: number): boolean {
  if (typeof value === 'number') {
    return !Number.isFinite(value);
  }
  if (typeof value !== 'object' || value === null || clean.has(value)) {
    return false;
  }
  if (depth >= CACHED_DEPTH) {
    return needsPreparation(value);
  }
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__')) {
    return true;
  }
  for (const member of Array.isArray(value) ? value : Object.values(value)) {
    if (needsPreparationCached(member, clean, depth + 1)) {
      return true;
    }
  }
  clean.add(value);
  return false;
}

function prepare(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : value > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  }
  if (Array.isArray(value)) {
    return value.map(prepare);
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key === '__proto__' ? PROTO_KEY_STAND_IN : key, {
        value: prepare((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** The document as Zod should see it; the same object when nothing needs changing. */
export function prepareForZod(doc: unknown): unknown {
  const clean = activeValidationCache()?.clean;
  return (clean ? needsPreparationCached(doc, clean, 0) : needsPreparation(doc))
    ? prepare(doc)
    : doc;
}
