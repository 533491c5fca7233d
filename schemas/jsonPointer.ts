// RFC 6901 JSON pointers, the one way the editor's parts name a place in an item (findings, form
// fields, ONNX proposals, lint fixes, JSON text positions).

/** The reference tokens of a JSON pointer ('' is the whole document); undefined if not one. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') {
    return [];
  }
  if (!pointer.startsWith('/')) {
    return undefined;
  }
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/gu, '/').replace(/~0/gu, '~'));
}

/** One reference token escaped for a JSON pointer: "~" → "~0", "/" → "~1". */
export function escapePointerToken(token: string): string {
  return token.replace(/~/gu, '~0').replace(/\//gu, '~1');
}

export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((t) => `/${escapePointerToken(t)}`).join('');
}
