import type { Random } from './prng';

// Building blocks for hostile item JSON: values JSON.stringify cannot write (NaN, Infinity, 1e999,
// "__proto__" members), strings meant to be rendered as HTML or followed as links, random edits of
// real items and of their text. Everything is drawn from a seeded Random, so cases reproduce.

/** Raw JSON text to write in place of a value: how NaN, Infinity or 1e999 get into a document. */
export class RawToken {
  constructor(readonly text: string) {}
}

type Path = (string | number)[];
type Container = Record<string, unknown> | unknown[];

/** Sets an own property; plain assignment would turn a "__proto__" key into a prototype change. */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * A deep copy that keeps own "__proto__" members and RawTokens (structuredClone would turn a token
 * into a plain object; JSON would drop it).
 */
export function cloneValue(value: unknown): unknown {
  if (value instanceof RawToken || value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(cloneValue);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    defineOwn(out, key, cloneValue((value as Record<string, unknown>)[key]));
  }
  return out;
}

/**
 * JSON text of a value with RawTokens written as they are. Numbers JSON cannot hold (NaN, Infinity)
 * are written as their JavaScript names, which is what a hand-edited or Python-written file has.
 */
export function writeJson(value: unknown, indent: boolean): string {
  // JSON.stringify does the writing (own "__proto__" members included); raw text goes in as
  // numbered, NUL-wrapped placeholders (no generated string looks like one) and is put back after.
  const raw: string[] = [];
  const text = JSON.stringify(
    value,
    (_, v: unknown) => {
      const token =
        v instanceof RawToken
          ? v.text
          : typeof v === 'number' && !Number.isFinite(v)
            ? String(v)
            : undefined;
      return token === undefined ? v : `\u0000raw${raw.push(token) - 1}\u0000`;
    },
    indent ? 2 : undefined,
  );
  // undefined has no JSON form; null keeps the text parseable where a value is expected.
  return (text ?? 'null').replace(
    /"\\u0000raw(\d+)\\u0000"/gu,
    (_, i: string) => raw[Number(i)] ?? 'null',
  );
}

/** Text a browser must never turn into markup or a live link. */
export const HOSTILE_STRINGS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '__proto__',
  'constructor',
  'prototype',
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e\u0644\u0627',
  '💥'.repeat(3),
  'x'.repeat(5000),
  '../../../etc/passwd',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '%00%2e%2e',
];

/** Keys that mean something to JavaScript objects. */
export const PROTO_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
];

/** A value that, merged carelessly, would land on Object.prototype. */
export function pollutingValue(random: Random): unknown {
  const values: (() => unknown)[] = [
    () => ({ polluted: true }),
    () => ({ prototype: { polluted: true } }),
    () => {
      const o: Record<string, unknown> = {};
      defineOwn(o, '__proto__', { polluted: true });
      return o;
    },
    () => ({ constructor: { prototype: { polluted: true } } }),
    () => [{ polluted: true }],
    () => 'polluted',
    () => null,
    () => 1,
  ];
  return random.pick(values)();
}

const NUMBER_TOKENS = ['NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '-0', '1e-400', '2e308'];

/** Any kind of value, of any type, to put where a field of another type is expected. */
export function wrongValue(random: Random): unknown {
  const makers: (() => unknown)[] = [
    () => null,
    () => true,
    () => false,
    () => 0,
    () => -1,
    () => 1.5,
    () => 2 ** 53 + 1,
    () => -1e308,
    () => Number.MAX_VALUE,
    () => new RawToken(random.pick(NUMBER_TOKENS)),
    () => random.pick(HOSTILE_STRINGS),
    () => [],
    () => [random.pick(HOSTILE_STRINGS), 1, null],
    () => ({}),
    () => ({ [random.pick(PROTO_KEYS)]: pollutingValue(random) }),
    () => nested(random.between(1, 40), random.chance(0.5)),
    () => Array.from({ length: random.between(0, 300) }, (_, i) => i),
  ];
  return random.pick(makers)();
}

/** `depth` arrays (or objects under "a") around a number. */
export function nested(depth: number, arrays: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) {
    value = arrays ? [value] : { a: value };
  }
  return value;
}

/** Every path to a value inside the document (the root excepted), and the paths to its objects. */
export function pathsOf(doc: unknown): { all: Path[]; objects: Path[] } {
  const all: Path[] = [];
  const objects: Path[] = [];
  const walk = (value: unknown, prefix: Path) => {
    if (value instanceof RawToken || value === null || typeof value !== 'object') {
      return;
    }
    const isArray = Array.isArray(value);
    if (!isArray) {
      objects.push(prefix);
    }
    const keys: (string | number)[] = isArray ? value.map((_, i) => i) : Object.keys(value);
    for (const key of keys) {
      const path = [...prefix, key];
      all.push(path);
      walk((value as Record<string | number, unknown>)[key], path);
    }
  };
  walk(doc, []);
  return { all, objects };
}

export function valueAt(doc: unknown, path: readonly (string | number)[]): unknown {
  let cur = doc;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) {
      return undefined;
    }
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function setAt(doc: unknown, path: Path, value: unknown): void {
  const parent = valueAt(doc, path.slice(0, -1)) as Container;
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) {
    parent[key as number] = value;
  } else {
    defineOwn(parent, String(key), value);
  }
}

function deleteAt(doc: unknown, path: Path): void {
  const parent = valueAt(doc, path.slice(0, -1)) as Container;
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) {
    parent.splice(key as number, 1);
  } else {
    delete parent[String(key)];
  }
}

const MLM_V = (v: string) => `https://stac-extensions.github.io/mlm/v${v}/schema.json`;
const OLD_MLM_URLS = [
  MLM_V('1.0.0'),
  MLM_V('1.1.0'),
  MLM_V('1.2.0'),
  MLM_V('1.3.0'),
  MLM_V('1.4.0'),
  MLM_V('1.5.1'),
  MLM_V('9.9.9'),
  'https://crim-ca.github.io/mlm-extension/v1.2.0/schema.json',
];

/** Legacy fields the upgrade rewrites, with values that may or may not make sense. */
const LEGACY_FIELDS: readonly { key: string; values: readonly unknown[] }[] = [
  { key: 'norm_type', values: ['z-score', 'min-max', 'l2', 'clip', null, 3] },
  { key: 'norm_by_channel', values: [true, false, 'yes'] },
  { key: 'norm_clip', values: [[0, 1], [1], 'x', null] },
  {
    key: 'statistics',
    values: [
      [{ mean: 1, stddev: 2 }],
      [{ minimum: 0, maximum: 1 }],
      { mean: 0, stddev: 0 },
      [1, 2],
      [],
    ],
  },
  { key: 'classification_classes', values: [[{ value: 1, name: 'a' }], [{ name: 1 }], {}, [null]] },
  { key: 'mlm:accelerator', values: ['cpu', 'cuda', 1] },
  { key: 'value_scaling', values: [[null], [{ type: null }], [null, { type: 'scale', value: 2 }]] },
  { key: 'mlm:framework', values: ['Scikit-learn', 'Huggingface', ' torch ', '...', '-'] },
  { key: 'raster:bands', values: [[{ name: 'b1' }], [{}], [1], []] },
  { key: 'mlm:input', values: [[], [{ name: 'x' }], 'x'] },
  { key: 'mlm:hyperparameters', values: [{ lr: 1 }, [], 'x'] },
  { key: 'dim_order', values: [['bands', 'height'], ['batch', 'channel'], 'x'] },
  { key: 'roles', values: [['mlm:model'], ['code'], 'mlm:model'] },
];

/**
 * One random, hostile edit of `doc` in place: a wrong type, a deletion, a prototype-ish key, a
 * deep-ish value, an older MLM version or a legacy field. Returns what was done, for failures.
 */
export function mutateValue(doc: unknown, random: Random): string {
  const { all: paths, objects } = pathsOf(doc);
  const roll = random.next();
  if (roll < 0.3 && paths.length > 0) {
    const path = random.pick(paths);
    const value = wrongValue(random);
    setAt(doc, path, value);
    return `set ${JSON.stringify(path)}`;
  }
  if (roll < 0.42 && paths.length > 0) {
    const path = random.pick(paths);
    deleteAt(doc, path);
    return `delete ${JSON.stringify(path)}`;
  }
  if (roll < 0.6 && objects.length > 0) {
    const path = random.pick(objects);
    const key = random.pick(PROTO_KEYS);
    setAt(doc, [...path, key], pollutingValue(random));
    return `add ${key} at ${JSON.stringify(path)}`;
  }
  if (roll < 0.72 && objects.length > 0) {
    const path = random.pick(objects);
    const field = random.pick(LEGACY_FIELDS);
    setAt(doc, [...path, field.key], cloneValue(random.pick(field.values)));
    return `legacy ${field.key} at ${JSON.stringify(path)}`;
  }
  if (roll < 0.82 && doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const url = random.pick(OLD_MLM_URLS);
    const root = doc as Record<string, unknown>;
    const list = Array.isArray(root.stac_extensions) ? root.stac_extensions : [];
    defineOwn(root, 'stac_extensions', random.chance(0.5) ? [url] : [...list, url]);
    return `declare ${url}`;
  }
  if (roll < 0.9 && paths.length > 0) {
    const path = random.pick(paths);
    setAt(doc, path, random.pick(HOSTILE_STRINGS));
    return `hostile string at ${JSON.stringify(path)}`;
  }
  if (paths.length > 0) {
    // Rename a member to a prototype-ish key, so real data sits under it.
    const path = random.pick(paths);
    const parentPath = path.slice(0, -1);
    const parent = valueAt(doc, parentPath);
    if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
      const value = valueAt(doc, path);
      deleteAt(doc, path);
      const key = random.pick(PROTO_KEYS);
      setAt(doc, [...parentPath, key], value);
      return `rename ${JSON.stringify(path)} to ${key}`;
    }
  }
  return 'none';
}

/**
 * Cuts every long list of objects in `doc` (bands, classes, inputs, links...) down to a few
 * entries, in place, so a case stays small and quick: a 13-band example keeps its structure with
 * 1 to 3 bands. Lists of numbers and strings (shapes, bboxes, coordinates, extension URLs) are
 * kept whole, since cutting them would only make the item invalid in the same few ways.
 */
export function shrink(doc: unknown, random: Random | undefined, keep = 3): void {
  if (doc === null || typeof doc !== 'object' || doc instanceof RawToken) {
    return;
  }
  const records = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(doc) && doc.length > keep && doc.every(records)) {
    // Without a Random, the first `keep` entries stay: every kind of entry a list holds is usually
    // among its first few.
    const length = random ? random.between(1, keep) : keep;
    const start = random ? random.int(doc.length - length + 1) : 0;
    doc.splice(0, doc.length, ...doc.slice(start, start + length));
  }
  for (const member of Object.values(doc)) {
    shrink(member, random, keep);
  }
}

/** A random JSON value from scratch, sometimes shaped like an item. */
export function randomDocument(random: Random): unknown {
  const keys = [
    'type',
    'stac_version',
    'stac_extensions',
    'id',
    'geometry',
    'bbox',
    'properties',
    'links',
    'assets',
    'mlm:input',
    'mlm:output',
    'href',
    'roles',
    'title',
    ...PROTO_KEYS,
  ];
  const value = (depth: number): unknown => {
    const r = random.next();
    if (depth > 4 || r < 0.45) {
      return wrongValue(random);
    }
    if (r < 0.65) {
      return Array.from({ length: random.int(5) }, () => value(depth + 1));
    }
    const out: Record<string, unknown> = {};
    for (let i = random.int(6); i > 0; i -= 1) {
      defineOwn(out, random.pick(keys), value(depth + 1));
    }
    return out;
  };
  const doc = value(0);
  if (random.chance(0.6)) {
    const item: Record<string, unknown> =
      doc !== null && typeof doc === 'object' && !Array.isArray(doc) && !(doc instanceof RawToken)
        ? (doc as Record<string, unknown>)
        : {};
    defineOwn(item, 'type', 'Feature');
    return item;
  }
  return doc;
}

/** One random edit of JSON text: most leave it broken, some leave it valid but strange. */
export function mutateText(text: string, random: Random): string {
  const at = random.int(text.length + 1);
  const roll = random.next();
  if (roll < 0.15) {
    return text.slice(0, at);
  }
  if (roll < 0.3) {
    return text.slice(0, at) + text.slice(Math.min(text.length, at + random.between(1, 20)));
  }
  if (roll < 0.45) {
    const chars = ['{', '}', '[', ']', ',', ':', '"', '\\', '\n', '\u0000', 'N', '-', '.', 'e'];
    return text.slice(0, at) + random.pick(chars) + text.slice(at);
  }
  if (roll < 0.6) {
    // A number token replaced by NaN, Infinity or a double that overflows.
    const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)];
    if (numbers.length > 0) {
      const m = random.pick(numbers);
      return (
        text.slice(0, m.index) + random.pick(NUMBER_TOKENS) + text.slice(m.index + m[0].length)
      );
    }
    return `${text}NaN`;
  }
  if (roll < 0.78) {
    // A "__proto__" member (or another prototype-ish key) written right after an opening brace.
    const braces = [...text.matchAll(/\{/g)];
    if (braces.length > 0) {
      const m = random.pick(braces);
      const key = random.pick(PROTO_KEYS);
      const member = `${JSON.stringify(key)}: ${writeJson(pollutingValue(random), false)}`;
      const empty = /^\s*\}/.test(text.slice(m.index + 1));
      return `${text.slice(0, m.index + 1)}${member}${empty ? '' : ','}${text.slice(m.index + 1)}`;
    }
    return text;
  }
  if (roll < 0.88) {
    // A duplicate member: JSON.parse keeps the last one.
    const braces = [...text.matchAll(/\{\s*"([^"\\]*)"\s*:/g)];
    if (braces.length > 0) {
      const m = random.pick(braces);
      const member = `${JSON.stringify(m[1])}: ${writeJson(wrongValue(random), false)}, `;
      return text.slice(0, m.index + 1) + member + text.slice(m.index + 1);
    }
    return text;
  }
  if (roll < 0.94) {
    return `\uFEFF${text}`;
  }
  return text.slice(0, at) + random.pick(HOSTILE_STRINGS) + text.slice(at);
}
