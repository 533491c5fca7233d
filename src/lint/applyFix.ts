import type { FindingFix, FixOperation } from '../../schemas/finding';
import { parsePointer } from '../../schemas/jsonPointer';
import { isRecord } from '../../schemas/isRecord';

function shallowCopy(value: unknown): unknown {
  if (Array.isArray(value)) {
    return [...(value as unknown[])];
  }
  return isRecord(value) ? { ...value } : value;
}

/** One operation on a copy of `doc`: only the containers along the path are copied. */
function applyOperation(doc: unknown, op: FixOperation): unknown {
  const keys = parsePointer(op.path);
  if (!keys) {
    throw new Error(`Not a JSON pointer: ${JSON.stringify(op.path)}`);
  }
  if (keys.length === 0) {
    return op.op === 'set' ? structuredClone(op.value) : undefined;
  }
  const root = shallowCopy(doc);
  let parent = root;
  for (const key of keys.slice(0, -1)) {
    const container = parent as Record<string, unknown>;
    // A missing step is created as an object, so a fix can add a key to an absent object.
    const next = shallowCopy(container[key] ?? {});
    container[key] = next;
    parent = next;
  }
  const last = keys[keys.length - 1] as string;
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (op.op === 'remove') {
      parent.splice(index, 1);
    } else {
      parent[index] = structuredClone(op.value);
    }
  } else if (isRecord(parent)) {
    if (op.op === 'remove') {
      delete parent[last];
    } else {
      parent[last] = structuredClone(op.value);
    }
  }
  return root;
}

/** The item with a fix applied, operation by operation; `item` itself is never changed. */
export function applyFix<T>(item: T, fix: FindingFix): T {
  return fix.operations.reduce<unknown>(applyOperation, item) as T;
}
