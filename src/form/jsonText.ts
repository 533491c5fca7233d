export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Pretty JSON for the editor; an absent value is empty text. */
export function formatJsonText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** A description of what a node expects, for "this value does not fit" notes. */
export function describeKind(kind: string): string {
  switch (kind) {
    case 'object':
    case 'discriminatedUnion':
    case 'record':
      return 'an object';
    case 'array':
      return 'a list';
    case 'string':
    case 'enum':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return 'a different value';
  }
}
