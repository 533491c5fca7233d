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
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) {
    prefix += 1;
  }
  if (prefix > 0 && isHighSurrogate(oldText.charCodeAt(prefix - 1))) {
    prefix -= 1;
  }
  // The suffix may not reach into the prefix of either text, e.g. "aa" → "aaa" is one insertion.
  const maxSuffix = max - prefix;
  let suffix = 0;
  while (
    suffix < maxSuffix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) ===
      newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  if (suffix > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - suffix))) {
    suffix -= 1;
  }
  return {
    from: prefix,
    to: oldText.length - suffix,
    insert: newText.slice(prefix, newText.length - suffix),
  };
}
