import type { Finding } from './finding';

export type ParsedJson =
  | { ok: true; value: unknown }
  | { ok: false; finding: Finding; line: number; column: number; offset: number };

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const WS = new Set([' ', '\t', '\n', '\r']);
const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Deeper documents are refused. A STAC Item nests about ten levels (a MultiPolygon's coordinates
 * inside its geometry is the deepest common case); every later step (validation, the form, lint,
 * saving) walks the document recursively, and thousands of levels would overflow the call stack.
 */
export const MAX_JSON_DEPTH = 256;
/**
 * Longest text parsed, in UTF-16 code units: as much as the largest item file the editor opens
 * (50 MB). A paste beyond it is refused before JSON.parse holds the page for seconds.
 */
export const MAX_JSON_CHARS = 50_000_000;

/**
 * Offset of the bracket that opens level `limit + 1` of valid JSON text, or -1 when the text nests
 * no deeper than `limit`. Brackets inside strings are skipped; the scan never recurses.
 */
export function nestingBeyond(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Jump to the closing quote: one not preceded by an odd number of backslashes.
      let end = text.indexOf('"', i + 1);
      for (;;) {
        let slashes = 0;
        while (end - 1 - slashes > i && text.charCodeAt(end - 1 - slashes) === 92) {
          slashes += 1;
        }
        if (end < 0 || slashes % 2 === 0) {
          break;
        }
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) {
        return -1;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > limit) {
        return i;
      }
    } else if (c === 125 || c === 93) {
      depth -= 1;
    }
  }
  return -1;
}

/**
 * Finds where JSON text first goes wrong, with a short reason. JSON.parse's messages differ between
 * engines and often carry no position, so this small iterative scanner (deep nesting cannot blow
 * the stack) runs only after JSON.parse has already failed.
 */
export function locateJsonError(text: string): { offset: number; reason: string } {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const skipWs = () => {
    while (i < text.length && WS.has(text[i] as string)) {
      i += 1;
    }
  };
  const fail = (reason: string) => ({ offset: i, reason });
  const describe = () =>
    i >= text.length ? 'the end of the text' : `unexpected ${JSON.stringify(text[i])}`;
  // expecting: 'value' | 'key' | 'colon' | 'after'
  let expecting: 'value' | 'key' | 'colon' | 'after' = 'value';
  for (;;) {
    skipWs();
    const ch = text[i];
    if (expecting === 'value') {
      if (ch === '{' || ch === '[') {
        stack.push(ch);
        i += 1;
        skipWs();
        if (text[i] === (ch === '{' ? '}' : ']')) {
          stack.pop();
          i += 1;
          expecting = 'after';
        } else {
          expecting = ch === '{' ? 'key' : 'value';
        }
        continue;
      }
      if (ch === '"') {
        const end = scanString();
        if (end < 0) {
          return fail('a string is not closed or has a bad escape');
        }
        i = end;
        expecting = 'after';
        continue;
      }
      // Sticky, so a number of any length is read whole where it stands.
      LITERAL.lastIndex = i;
      const lit = LITERAL.exec(text);
      if (lit && lit[0].length > 0) {
        i += lit[0].length;
        expecting = 'after';
        continue;
      }
      return fail(`expected a value but found ${describe().replace('unexpected ', '')}`);
    }
    if (expecting === 'key') {
      if (ch !== '"') {
        return fail(
          `expected a property name in double quotes but found ${describe().replace('unexpected ', '')}`,
        );
      }
      const end = scanString();
      if (end < 0) {
        return fail('a property name is not closed or has a bad escape');
      }
      i = end;
      expecting = 'colon';
      continue;
    }
    if (expecting === 'colon') {
      if (ch !== ':') {
        return fail(
          `expected ':' after a property name but found ${describe().replace('unexpected ', '')}`,
        );
      }
      i += 1;
      expecting = 'value';
      continue;
    }
    // after a value
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (i < text.length) {
        return fail(`unexpected ${JSON.stringify(ch)} after the end of the document`);
      }
      return { offset: text.length, reason: 'the document is not valid JSON' };
    }
    if (ch === ',') {
      i += 1;
      expecting = top === '{' ? 'key' : 'value';
      continue;
    }
    if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
      stack.pop();
      i += 1;
      continue;
    }
    return fail(
      i >= text.length
        ? `the text ends before this ${top === '{' ? 'object' : 'array'} is closed`
        : `expected ',' or '${top === '{' ? '}' : ']'}' but found ${JSON.stringify(ch)}`,
    );
  }

  function scanString(): number {
    let j = i + 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 34) {
        return j + 1;
      }
      if (c < 32) {
        return -1;
      }
      if (c === 92) {
        const next = text[j + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
            return -1;
          }
          j += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) {
          return -1;
        }
        j += 2;
        continue;
      }
      j += 1;
    }
    return -1;
  }
}

/**
 * Parses item JSON text without throwing: a syntax error, or nesting deeper than MAX_JSON_DEPTH,
 * becomes a finding that says where it is (line and column), so the caller can point at it instead
 * of wiping what the user has.
 */
export function parseJsonText(text: string): ParsedJson {
  if (text.trim() === '') {
    return failure(
      text,
      0,
      'json-empty',
      () => 'The text is empty: paste or open a STAC Item JSON document.',
    );
  }
  if (text.length > MAX_JSON_CHARS) {
    return failure(
      text,
      0,
      'json-too-large',
      () =>
        `The text is ${(text.length / 1e6).toFixed(0)} million characters long; the editor opens items up to ${MAX_JSON_CHARS / 1e6} million. Open a smaller item.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const located = locateJsonError(text);
    const detail = located.reason || (error instanceof Error ? error.message : String(error));
    return failure(
      text,
      located.offset,
      'json-syntax',
      ({ line, column }) => `Not valid JSON at line ${line}, column ${column}: ${detail}.`,
    );
  }
  const deep = nestingBeyond(text, MAX_JSON_DEPTH);
  if (deep >= 0) {
    // A syntax-level finding: the views treat it like a syntax error and keep the form as it is.
    return failure(
      text,
      deep,
      'json-syntax',
      ({ line, column }) =>
        `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep at line ${line}, column ${column}; a STAC Item needs about ten, so the editor does not open it. Remove the deep nesting.`,
    );
  }
  return { ok: true, value };
}

/** A text that does not parse: the finding, and where in the text it points. */
function failure(
  text: string,
  offset: number,
  code: string,
  message: (at: { line: number; column: number }) => string,
): ParsedJson {
  const at = lineColumnAt(text, offset);
  return {
    ok: false,
    ...at,
    offset,
    finding: { severity: 'error', code, path: '', message: message(at), source: 'schema' },
  };
}
