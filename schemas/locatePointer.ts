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

/**
 * Where the value at a JSON pointer sits in JSON text, so a finding can be shown in place. When the
 * pointer names a missing member (a required field), the closest existing parent is returned.
 */
export function locatePointer(text: string, pointer: string): TextRange | undefined {
  const segments = parsePointer(pointer);
  if (!segments) {
    return undefined;
  }
  let i = skipWs(text, 0);
  if (i >= text.length) {
    return undefined;
  }
  let best: TextRange = { start: i, end: skipValue(text, i) };
  for (const segment of segments) {
    const open = text[i];
    if (open !== '{' && open !== '[') {
      return best;
    }
    let j = skipWs(text, i + 1);
    let index = 0;
    let found: number | undefined;
    while (j < text.length && text[j] !== '}' && text[j] !== ']') {
      let matches: boolean;
      if (open === '{') {
        const keyEnd = skipString(text, j);
        let key: string;
        try {
          key = JSON.parse(text.slice(j, keyEnd)) as string;
        } catch {
          return best;
        }
        matches = key === segment;
        j = skipWs(text, keyEnd);
        j = skipWs(text, j + 1); // past ':'
      } else {
        matches = String(index) === segment;
      }
      if (matches) {
        found = j;
        break;
      }
      j = skipWs(text, skipValue(text, j));
      if (text[j] === ',') {
        j = skipWs(text, j + 1);
      }
      index += 1;
    }
    if (found === undefined) {
      return best;
    }
    i = found;
    best = { start: i, end: skipValue(text, i) };
  }
  return best;
}
