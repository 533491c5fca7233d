// Seeded fuzzing of the lazy reader: whatever the bytes, readOnnx must answer quickly with a model
// or a typed error, never throw, never produce NaN, and its answer must cross a worker boundary.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import { describe, expect, it } from 'vitest';

import { bytesSource } from '../../src/onnx/bytesSource';
import type { OnnxErrorCode, OnnxReadResult } from '../../src/onnx/onnxModel';
import { readOnnx } from '../../src/onnx/readOnnx';
import { mulberry32 } from '../support/randomMutations';
import {
  attribute,
  bytes,
  concat,
  floatInput,
  graph,
  header,
  model,
  node,
  tag,
  varint,
} from './fixtures/encodeProto';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const TESTDATA = '/usr/share/libonnx-testdata/data';
/** A few libonnx-testdata models with what the fixtures lack: If/Loop/Scan bodies, sequences... */
const TESTDATA_MODELS = [
  'node/test_if/model.onnx',
  'node/test_loop16_seq_none/model.onnx',
  'node/test_scan9_sum/model.onnx',
  'node/test_sequence_map_identity_2_sequences_expanded/model.onnx',
  'node/test_optional_get_element_sequence/model.onnx',
  'pytorch-converted/test_BatchNorm2d_eval/model.onnx',
  'pytorch-operator/test_operator_conv/model.onnx',
];
const MUTATED_CASES = 12_000;
const TIME_LIMIT_MS = 100;

/** Every OnnxErrorCode: a Record so that a code added to the type must be added here too. */
const ERROR_CODES: Readonly<Record<OnnxErrorCode, true>> = {
  'not-onnx': true,
  truncated: true,
  corrupt: true,
  'too-deep': true,
  'read-failed': true,
  cancelled: true,
};

interface Base {
  name: string;
  data: Uint8Array;
  /** Offsets where a field (tag) starts, at any depth the scan could parse. */
  fieldStarts: number[];
  /** Length prefixes of length-delimited fields: where the varint is, how long it is. */
  lengths: { at: number; size: number; length: number }[];
}

interface Case {
  label: string;
  data: Uint8Array;
}

function loadBases(): Base[] {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.onnx'))
    .sort()
    .map((f) => ({ name: f, path: join(FIXTURES, f) }));
  // Optional extras: the fuzz test must run (on the fixtures alone) without libonnx-testdata.
  for (const rel of TESTDATA_MODELS) {
    const path = join(TESTDATA, rel);
    if (existsSync(path)) {
      files.push({ name: rel, path });
    }
  }
  return files.map(({ name, path }) => {
    const data = new Uint8Array(readFileSync(path));
    const base: Base = { name, data, fieldStarts: [], lengths: [] };
    scanMessage(data, 0, data.length, 0, base);
    return base;
  });
}

/** Reads a varint at `pos`; undefined when it runs past `end` or is longer than 10 bytes. */
function readVarint(data: Uint8Array, pos: number, end: number): [number, number] | undefined {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10 && pos + i < end; i++) {
    const b = data[pos + i] ?? 0;
    value += (b & 0x7f) * scale;
    if (b < 0x80) {
      return [value, i + 1];
    }
    scale *= 128;
  }
  return undefined;
}

/**
 * Records field starts and length prefixes of a protobuf message, recursing into every payload
 * that parses as a message too (strings and raw_data usually do not), so mutations can hit the
 * structure at any depth rather than mostly tensor payload. Nothing is recorded for a range that
 * does not parse.
 */
function scanMessage(
  data: Uint8Array,
  start: number,
  end: number,
  depth: number,
  out: Base,
): boolean {
  const fieldStarts: number[] = [];
  const lengths: Base['lengths'] = [];
  const nested: [number, number][] = [];
  let pos = start;
  while (pos < end) {
    const t = readVarint(data, pos, end);
    if (!t || t[0] < 8) {
      return false;
    }
    fieldStarts.push(pos);
    pos += t[1];
    const wireType = t[0] % 8;
    if (wireType === 0) {
      const v = readVarint(data, pos, end);
      if (!v) {
        return false;
      }
      pos += v[1];
    } else if (wireType === 1 || wireType === 5) {
      pos += wireType === 1 ? 8 : 4;
    } else if (wireType === 2) {
      const l = readVarint(data, pos, end);
      if (!l || pos + l[1] + l[0] > end) {
        return false;
      }
      lengths.push({ at: pos, size: l[1], length: l[0] });
      pos += l[1];
      if (l[0] > 0) {
        nested.push([pos, pos + l[0]]);
      }
      pos += l[0];
    } else {
      return false;
    }
  }
  if (pos !== end) {
    return false;
  }
  out.fieldStarts.push(...fieldStarts);
  out.lengths.push(...lengths);
  if (depth < 40) {
    for (const [from, to] of nested) {
      scanMessage(data, from, to, depth + 1, out);
    }
  }
  return true;
}

/** Lengths a hostile or broken file may claim: 2 GiB edges, 2^53, int64 extremes, > 10 bytes. */
const HUGE_LENGTHS: number[][] = [
  varint(0x7fe00000),
  varint(2 ** 31),
  varint(2 ** 32),
  varint(2 ** 32 + 5),
  varint(Number.MAX_SAFE_INTEGER),
  varint(2 ** 53),
  varint(2n ** 63n),
  varint(2n ** 64n - 1n),
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
  [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
];

const INTERESTING_BYTES = [0x00, 0x01, 0x07, 0x08, 0x0a, 0x12, 0x3a, 0x7f, 0x80, 0xff];

/** Mutations of real models, driven by one seeded PRNG so every run sees the same cases. */
function mutatedCases(bases: readonly Base[], count: number, seed: number): Case[] {
  const random = mulberry32(seed);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[below(items.length)];
    if (item === undefined) {
      throw new Error('pick from an empty list');
    }
    return item;
  };
  /** A random offset in the file, or half the time the start of a field (structure-aware). */
  const offset = (b: Base) =>
    b.fieldStarts.length > 0 && random() < 0.5 ? pick(b.fieldStarts) : below(b.data.length + 1);
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => below(256));

  const mutations: ((b: Base) => [string, Uint8Array])[] = [
    (b) => {
      const data = b.data.slice();
      const flips = 1 + below(8);
      for (let i = 0; i < flips; i++) {
        const at = below(data.length);
        data[at] = (data[at] ?? 0) ^ (1 << below(8));
      }
      return [`${flips} bit flips`, data];
    },
    (b) => {
      const data = b.data.slice();
      const at = offset(b);
      if (at < data.length) {
        data[at] = pick(INTERESTING_BYTES);
      }
      return [`byte set at ${at}`, data];
    },
    (b) => {
      const at = offset(b);
      const n = 1 + below(16);
      return [
        `${n} bytes inserted at ${at}`,
        concat(b.data.subarray(0, at), randomBytes(n), b.data.subarray(at)),
      ];
    },
    (b) => {
      const at = offset(b);
      const n = 1 + below(32);
      return [
        `${n} bytes deleted at ${at}`,
        concat(b.data.subarray(0, at), b.data.subarray(at + n)),
      ];
    },
    (b) => {
      const at = offset(b);
      return [`truncated at ${at}`, b.data.slice(0, at)];
    },
    (b) => {
      const other = pick(bases);
      const at = offset(b);
      const from = offset(other);
      return [
        `spliced at ${at} with ${other.name} from ${from}`,
        concat(b.data.subarray(0, at), other.data.subarray(from)),
      ];
    },
    (b) => {
      if (b.lengths.length === 0) {
        return ['unchanged', b.data.slice()];
      }
      const l = pick(b.lengths);
      const huge = pick(HUGE_LENGTHS);
      return [
        `length at ${l.at} set to ${huge.length}-byte varint`,
        concat(b.data.subarray(0, l.at), huge, b.data.subarray(l.at + l.size)),
      ];
    },
    (b) => {
      if (b.lengths.length === 0) {
        return ['unchanged', b.data.slice()];
      }
      // Off-by-a-little lengths: a sub-message that overlaps its sibling or its parent's end.
      const l = pick(b.lengths);
      const length = Math.max(0, l.length + pick([-2, -1, 1, 2, 1000]));
      return [
        `length at ${l.at} changed from ${l.length} to ${length}`,
        concat(b.data.subarray(0, l.at), varint(length), b.data.subarray(l.at + l.size)),
      ];
    },
    (b) => {
      // Repeats a field (protobuf merges or appends repeated fields): duplicate graphs, inputs...
      const at = offset(b);
      const n = 1 + below(64);
      const piece = b.data.subarray(at, at + n);
      return [
        `${piece.length} bytes at ${at} repeated`,
        concat(b.data.subarray(0, at + n), piece, b.data.subarray(at + n)),
      ];
    },
  ];

  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const base = pick(bases);
    const mutation = pick(mutations);
    let [label, data] = mutation(base);
    // A second mutation now and then, and a cut on top: interrupted downloads of damaged files.
    if (random() < 0.2) {
      const [second, again] = pick(mutations)({ ...base, data, fieldStarts: [], lengths: [] });
      label += `, then ${second}`;
      data = again;
    }
    if (random() < 0.1 && data.length > 0) {
      const cut = below(data.length);
      label += `, then truncated at ${cut}`;
      data = data.slice(0, cut);
    }
    cases.push({ label: `#${i} ${base.name}: ${label}`, data });
  }
  return cases;
}

/**
 * `core` wrapped in `depth` levels of `wrap(innerLength)` = [prefix, suffix], written once into one
 * buffer: nesting with concat would copy the inner bytes at every level (quadratic at 20,000).
 */
function nest(
  core: Uint8Array,
  depth: number,
  wrap: (innerLength: number) => [Uint8Array, Uint8Array],
): Uint8Array {
  const levels: [Uint8Array, Uint8Array][] = [];
  let length = core.length;
  for (let i = 0; i < depth; i++) {
    const level = wrap(length);
    levels.push(level);
    length += level[0].length + level[1].length;
  }
  const out = new Uint8Array(length);
  let head = 0;
  let tail = length;
  for (let i = levels.length - 1; i >= 0; i--) {
    const [prefix, suffix] = levels[i] ?? [new Uint8Array(0), new Uint8Array(0)];
    out.set(prefix, head);
    head += prefix.length;
    tail -= suffix.length;
    out.set(suffix, tail);
  }
  out.set(core, head);
  return out;
}

const EMPTY = new Uint8Array(0);

/** A length-delimited field's tag and length, for a payload of `length` bytes written after it. */
function open(field: number, length: number): Uint8Array {
  return concat(tag(field, 2), varint(length));
}

function onnxModel(graphBody: Uint8Array): Uint8Array {
  return concat(model.irVersion(8), model.graph(graphBody), model.opset('', 17));
}

/** If bodies nested `depth` deep: graph → node → attribute(g) → graph → … */
function nestedIfs(depth: number): Uint8Array {
  const op = node.op('If');
  const name = attribute.name('then_branch');
  const output = graph.output(floatInput('y', [1]));
  return onnxModel(
    nest(output, depth - 1, (inner) => {
      const g = open(6, inner);
      const attr = open(5, name.length + g.length + inner);
      const n = open(1, op.length + attr.length + name.length + g.length + inner);
      return [concat(n, op, attr, name, g), output];
    }),
  );
}

/** A graph input whose type is a sequence of sequence of … `depth` deep. */
function nestedTypes(depth: number): Uint8Array {
  const type = nest(bytes(1, [0x08, 0x01]), depth, (inner) => {
    const elem = open(1, inner);
    return [concat(open(4, elem.length + inner), elem), EMPTY];
  });
  return onnxModel(graph.input(concat(bytes(1, [0x78]), bytes(2, type))));
}

/** Unknown message fields nested `depth` deep inside the graph (skipped by length, never entered). */
function nestedUnknown(depth: number): Uint8Array {
  const inner = nest(bytes(99, [0x08, 0x01]), depth, (length) => [open(99, length), EMPTY]);
  return onnxModel(concat(inner, graph.input(floatInput('x', [1, 3]))));
}

/** Loop bodies nested `depth` deep around a node that claims a huge length. */
function nestedWithHugeLength(depth: number, huge: number[]): Uint8Array {
  const op = node.op('Loop');
  const name = attribute.name('body');
  const core = concat(tag(1, 2), huge, node.op('Constant'));
  return onnxModel(
    nest(core, depth, (inner) => {
      const g = open(6, inner);
      const attr = open(5, name.length + g.length + inner);
      const n = open(1, op.length + attr.length + name.length + g.length + inner);
      return [concat(n, op, attr, name, g), EMPTY];
    }),
  );
}

/** Deep nesting patterns: depths around the reader's limit and far beyond, cut at random places. */
function nestingCases(seed: number): Case[] {
  const random = mulberry32(seed);
  const cases: Case[] = [];
  const add = (label: string, data: Uint8Array) => {
    cases.push({ label, data });
    for (let i = 0; i < 3; i++) {
      const cut = Math.floor(random() * data.length);
      cases.push({ label: `${label}, truncated at ${cut}`, data: data.slice(0, cut) });
    }
  };
  for (const depth of [1, 2, 31, 32, 33, 64, 500, 5000, 20_000]) {
    add(`If bodies nested ${depth} deep`, nestedIfs(depth));
    add(`types nested ${depth} deep`, nestedTypes(depth));
    add(`unknown fields nested ${depth} deep`, nestedUnknown(depth));
  }
  for (const depth of [1, 10, 40, 1000]) {
    HUGE_LENGTHS.forEach((huge, i) => {
      add(
        `Loop bodies nested ${depth} deep over huge length ${i}`,
        nestedWithHugeLength(depth, huge),
      );
    });
  }
  // A tag run: thousands of empty graphs (protobuf merges them), then nodes without payloads.
  add(
    '20,000 empty graph fields',
    concat(model.irVersion(8), ...Array.from({ length: 20_000 }, () => header(7, 0))),
  );
  add(
    '20,000 empty nodes',
    concat(model.irVersion(8), model.graph(...Array.from({ length: 20_000 }, () => header(1, 0)))),
  );
  return cases;
}

function findNaN(value: unknown, path: string): string | undefined {
  if (typeof value === 'number') {
    return Number.isNaN(value) ? path : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNaN(inner, `${path}.${key}`);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

/** What is wrong with one answer of readOnnx, in words; undefined when it is well-formed. */
function problemWith(result: OnnxReadResult): string | undefined {
  const nan = findNaN(result, 'result');
  if (nan) {
    return `NaN at ${nan}`;
  }
  let clone: unknown;
  try {
    clone = structuredClone(result);
  } catch (e) {
    return `structuredClone failed: ${String(e)}`;
  }
  if (!isDeepStrictEqual(clone, result)) {
    return 'structuredClone changed the result';
  }
  if (result.ok) {
    const m = result.model;
    const counts = [m.totalParameters, m.memoryBytes, m.bytesRead, ...Object.values(m.counts)];
    if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0)) {
      return `bad counts: ${JSON.stringify({ params: m.totalParameters, bytes: m.memoryBytes, counts: m.counts })}`;
    }
    return undefined;
  }
  const { code, message, offset } = result.error;
  if (!Object.hasOwn(ERROR_CODES, code)) {
    return `unknown error code ${JSON.stringify(code)}`;
  }
  if (typeof message !== 'string' || message.trim() === '') {
    return `empty message for ${code}`;
  }
  if (
    offset !== undefined &&
    (typeof offset !== 'number' || !Number.isFinite(offset) || offset < 0)
  ) {
    return `bad offset ${String(offset)} for ${code}`;
  }
  return undefined;
}

interface Outcome {
  problems: string[];
  max: number;
  p99: number;
  slowest: string;
  /** Cases over the limit on the first try, timed again. */
  retimed: number;
  ok: number;
  codes: Set<string>;
}

/** Reads one case and times it; a throw is returned, not raised. */
function timedRead(data: Uint8Array): { ms: number; result?: OnnxReadResult; thrown?: unknown } {
  const start = performance.now();
  try {
    const result = readOnnx(bytesSource(data));
    return { ms: performance.now() - start, result };
  } catch (thrown) {
    return { ms: performance.now() - start, thrown };
  }
}

function runCases(cases: readonly Case[]): Outcome {
  const problems: string[] = [];
  const times: number[] = [];
  const codes = new Set<string>();
  let ok = 0;
  let max = -1;
  let slowest = '';
  let retimed = 0;
  for (const c of cases) {
    const { result, thrown, ms: first } = timedRead(c.data);
    let ms = first;
    // A garbage collection or a busy machine (other test files run in parallel) can stall one
    // read for hundreds of ms. The reader is deterministic, so an input that is really slow stays
    // slow: a case over the limit counts its fastest of three tries.
    if (ms >= TIME_LIMIT_MS) {
      retimed++;
      for (let i = 0; i < 2; i++) {
        ms = Math.min(ms, timedRead(c.data).ms);
      }
    }
    times.push(ms);
    if (ms > max) {
      max = ms;
      slowest = c.label;
    }
    const problem = result ? problemWith(result) : `threw ${String(thrown)}`;
    if (problem) {
      problems.push(`${c.label}: ${problem}`);
    }
    if (result?.ok) {
      ok++;
    } else if (result) {
      codes.add(result.error.code);
    }
  }
  times.sort((a, b) => a - b);
  const p99 = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0;
  return { problems, max, p99, slowest, retimed, ok, codes };
}

function timing(outcome: Outcome, count: number): string {
  return (
    `max ${outcome.max.toFixed(2)} ms (${outcome.slowest}), p99 ${outcome.p99.toFixed(3)} ms ` +
    `over ${count.toLocaleString('en')} cases (${outcome.retimed} timed again after a stall)`
  );
}

describe('readOnnx under fuzzing', () => {
  const bases = loadBases();

  it('has fixtures to mutate, with their structure scanned', () => {
    expect(bases.length).toBeGreaterThanOrEqual(15);
    for (const base of bases) {
      expect(base.lengths.length, `${base.name} parsed as protobuf`).toBeGreaterThan(3);
    }
  });

  it(`answers ${MUTATED_CASES.toLocaleString('en')} mutated and truncated models with a model or a typed error, each within ${TIME_LIMIT_MS} ms`, () => {
    // Warm the JIT on the intact models so the first mutated case is not timed cold.
    for (const base of bases) {
      readOnnx(bytesSource(base.data));
    }
    const cases = mutatedCases(bases, MUTATED_CASES, 20261122);
    const outcome = runCases(cases);
    expect(cases.length).toBeGreaterThanOrEqual(10_000);
    expect(outcome.problems.slice(0, 20), `${outcome.problems.length} bad answers`).toEqual([]);
    // Both kinds of answers must occur, or the mutations are too weak (or too strong) to test much.
    expect(outcome.ok, 'cases read as a model').toBeGreaterThan(100);
    expect([...outcome.codes].sort()).toEqual(
      expect.arrayContaining(['corrupt', 'not-onnx', 'truncated']),
    );
    expect(outcome.max, timing(outcome, cases.length)).toBeLessThan(TIME_LIMIT_MS);
  });

  it(`answers deep nesting patterns with a model or a typed error, each within ${TIME_LIMIT_MS} ms`, () => {
    const cases = nestingCases(7);
    const outcome = runCases(cases);
    expect(outcome.problems.slice(0, 20), `${outcome.problems.length} bad answers`).toEqual([]);
    expect(outcome.codes).toContain('too-deep');
    expect(outcome.max, timing(outcome, cases.length)).toBeLessThan(TIME_LIMIT_MS);
  });
});
