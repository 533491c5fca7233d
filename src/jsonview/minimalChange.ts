/** One replacement that turns one text into another: `text.slice(from, to)` becomes `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const BLOCK = 4096;

/**
 * How many leading units (up to `max`) are equal, where `same(at, n)` compares `n` units from
 * `at`. Blocks are compared as strings first (native comparison), then halved near the first
 * difference: a 300 kB document costs a few hundred comparisons, not 300,000 character reads.
 */
function commonLength(max: number, same: (at: number, n: number) => boolean): number {
  let length = 0;
  for (let block = BLOCK; block >= 1; block >>= 1) {
    while (length + block <= max && same(length, block)) {
      length += block;
    }
  }
  return length;
}

/**
 * The smallest single replacement (common prefix and suffix kept) that turns `oldText` into
 * `newText`, or null when they are equal. A form edit usually touches a few characters of a
 * document that can be hundreds of KB: replacing only those keeps the editor's undo-free update
 * cheap and lets the cursor, folds and diagnostics map through the change instead of resetting.
 * Boundaries never split a surrogate pair, so an emoji is replaced whole.
 */
export function minimalChange(oldText: string, newText: string): TextChange | null {
  if (oldText === newText) {
    return null;
  }
  const max = Math.min(oldText.length, newText.length);
  let prefix = commonLength(
    max,
    (at, n) => oldText.slice(at, at + n) === newText.slice(at, at + n),
  );
  if (prefix > 0 && isHighSurrogate(oldText.charCodeAt(prefix - 1))) {
    prefix -= 1;
  }
  // The suffix may not reach into the prefix of either text, e.g. "aa" → "aaa" is one insertion.
  const oldEnd = oldText.length;
  const newEnd = newText.length;
  let suffix = commonLength(
    max - prefix,
    (at, n) =>
      oldText.slice(oldEnd - at - n, oldEnd - at) === newText.slice(newEnd - at - n, newEnd - at),
  );
  if (suffix > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - suffix))) {
    suffix -= 1;
  }
  return {
    from: prefix,
    to: oldText.length - suffix,
    insert: newText.slice(prefix, newText.length - suffix),
  };
}
