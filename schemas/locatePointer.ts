import { parsePointer } from './jsonPointer';

export interface TextRange {
  start: number;
  end: number;
}

const WS = /[\s]/;

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.test(text[i] as string)) {
    i += 1;
  }
  return i;
}

/** End of the string that starts at `i` (the opening quote), just past the closing quote. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') {
      j += 2;
    } else if (c === '"') {
      return j + 1;
    } else {
      j += 1;
    }
  }
  return text.length;
}

/** End of the value that starts at `i`, without building it; nesting is counted, not recursed. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') {
    return skipString(text, i);
  }
  if (c === '{' || c === '[') {
    let depth = 0;
    let j = i;
    while (j < text.length) {
      const d = text[j];
      if (d === '"') {
        j = skipString(text, j);
        continue;
      }
      if (d === '{' || d === '[') {
        depth += 1;
      } else if (d === '}' || d === ']') {
        depth -= 1;
        if (depth === 0) {
          return j + 1;
        }
      }
      j += 1;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !/[\s,}\]]/.test(text[j] as string)) {
    j += 1;
  }
  return j;
}

/** The direct members of one object or array: where each value starts and ends, by key or index. */
type Members = Map<string, TextRange>;

/**
 * Lists the members of the container that opens at `i`, scanning it once. Keys are read as the
 * scan meets them; the first of duplicate keys wins. Broken text ends the list where it breaks.
 */
function membersOf(text: string, i: number): Members {
  const open = text[i];
  const members: Members = new Map();
  let j = skipWs(text, i + 1);
  let index = 0;
  while (j < text.length && text[j] !== '}' && text[j] !== ']') {
    let key: string;
    if (open === '{') {
      const keyEnd = skipString(text, j);
      const raw = text.slice(j + 1, keyEnd - 1);
      // Most keys have no escapes (and no raw control characters, which JSON forbids): taken as
      // they are, which is what JSON.parse would give, without its cost.
      const plain =
        text[j] === '"' &&
        keyEnd - j >= 2 &&
        text[keyEnd - 1] === '"' &&
        // eslint-disable-next-line no-control-regex
        !/[\\\u0000-\u001f]/u.test(raw);
      if (plain) {
        key = raw;
      } else {
        try {
          key = JSON.parse(text.slice(j, keyEnd)) as string;
        } catch {
          return members;
        }
      }
      j = skipWs(text, keyEnd);
      j = skipWs(text, j + 1); // past ':'
    } else {
      key = String(index);
    }
    const end = skipValue(text, j);
    if (!members.has(key)) {
      members.set(key, { start: j, end });
    }
    j = skipWs(text, end);
    if (text[j] === ',') {
      j = skipWs(text, j + 1);
    }
    index += 1;
  }
  return members;
}

/**
 * A lookup of JSON pointers in one text. Each object or array is scanned once, however many
 * pointers go through it: locating one finding per item of a 20,000-item list stays linear in the
 * text instead of scanning the list again for every item.
 */
export function createPointerLocator(text: string): (pointer: string) => TextRange | undefined {
  const containers = new Map<number, Members>();
  const root = skipWs(text, 0);
  const rootRange: TextRange | undefined =
    root < text.length ? { start: root, end: skipValue(text, root) } : undefined;
  return (pointer) => {
    const segments = parsePointer(pointer);
    if (!segments || !rootRange) {
      return undefined;
    }
    let best = rootRange;
    for (const segment of segments) {
      const open = text[best.start];
      if (open !== '{' && open !== '[') {
        return best;
      }
      let members = containers.get(best.start);
      if (!members) {
        members = membersOf(text, best.start);
        containers.set(best.start, members);
      }
      const found = members.get(segment);
      if (!found) {
        return best;
      }
      best = found;
    }
    return { ...best };
  };
}

/**
 * Where the value at a JSON pointer sits in JSON text, so a finding can be shown in place. When the
 * pointer names a missing member (a required field), the closest existing parent is returned. To
 * place many pointers in one text, use createPointerLocator.
 */
export function locatePointer(text: string, pointer: string): TextRange | undefined {
  return createPointerLocator(text)(pointer);
}
