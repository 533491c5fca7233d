// Seeded fuzzing of opening an item file, 10,000 cases in all: a value of a wrong type at every
// field of every official example and "New item" template, "__proto__"/"constructor"/"prototype"
// members in every object, and random and mutated items (legacy fields, older MLM versions, NaN
// and Infinity, broken text, bytes that are not UTF-8) for the rest. Single hostile files follow:
// 10,000-deep nesting, huge lists, a 50 MB file, NaN and Infinity tokens. Each goes through the
// steps a file opened in the browser takes (see openItem.ts): nothing may throw or hang, every
// problem comes back as a message (with a path where one applies), Object.prototype stays clean,
// and what the editor writes reads back as the same item.
import { describe, expect, it } from 'vitest';

import { parseJsonText } from '../../schemas/parseJsonText';
import { MAX_ITEM_FILE_BYTES, readItemFile } from '../../src/app/readItemFile';
import { serializeItem } from '../../src/export/serializeItem';
import { blankItem } from '../../src/import/blankItem';
import { TEMPLATES } from '../../src/import/templates';
import { loadExamples } from '../support/shared';
import {
  cloneValue,
  defineOwn,
  HOSTILE_STRINGS,
  mutateText,
  mutateValue,
  nested,
  pathsOf,
  pollutingValue,
  randomDocument,
  RawToken,
  shrink,
  valueAt,
  writeJson,
} from './hostileJson';
import { newTally, openCase, openItemText, pollutionProblem, prototypeKeys } from './openItem';
import { createRandom, type Random } from './prng';

const SEED = 0x5eed_0007;
const CASES = 10_000;
const PROTOTYPES_AT_START = prototypeKeys();
const PROTOTYPE_MEMBERS = ['__proto__', 'constructor', 'prototype'];

const EXAMPLES = loadExamples();
const BASIC = EXAMPLES.find((e) => e.file === 'item_basic.json')?.doc as Record<string, unknown>;

// Lists of objects (bands, classes, inputs, links...) are cut to their first two entries: every
// kind of field is still there, and a case stays small and quick.
const SEEDS: { name: string; doc: unknown }[] = [
  ...EXAMPLES.map((e) => ({ name: e.file, doc: e.doc as unknown })),
  ...TEMPLATES.map((t) => ({ name: `template ${t.id}`, doc: t.build() as unknown })),
  { name: 'blank item', doc: blankItem() },
].map(({ name, doc }) => {
  const copy = cloneValue(doc);
  shrink(copy, undefined, 2);
  return { name, doc: copy };
});

type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

const kindOf = (value: unknown): Kind =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : (typeof value as 'boolean' | 'number' | 'string' | 'object');

/** Values of each kind, with variety: hostile strings, NaN and 1e999 as text, deep-ish nesting. */
const WRONG: Record<Kind, (random: Random) => unknown> = {
  null: () => null,
  boolean: (random) => random.chance(0.5),
  number: (random) =>
    random.pick<unknown>([
      0,
      -1,
      0.5,
      2 ** 53 + 1,
      -1e308,
      new RawToken(random.pick(['1e999', '-1e999', '-0', 'NaN', 'Infinity'])),
    ]),
  string: (random) => random.pick(HOSTILE_STRINGS),
  array: (random) => random.pick<unknown>([[], [1, 'two', null], nested(30, true)]),
  object: (random) => random.pick<unknown>([{}, { a: 1 }, nested(30, false)]),
};
const KINDS = Object.keys(WRONG) as Kind[];

const FIELDS = SEEDS.flatMap((seed) => pathsOf(seed.doc).all.map((path) => ({ seed, path })));
const OBJECTS = SEEDS.flatMap((seed) =>
  pathsOf(seed.doc).objects.flatMap((path) =>
    PROTOTYPE_MEMBERS.map((key) => ({ seed, path, key })),
  ),
);
const RANDOM_CASES = CASES - FIELDS.length - OBJECTS.length;

/** A copy of a seed with its lists cut to one or two random entries. */
function seedDoc(random: Random): { name: string; doc: unknown } {
  const seed = random.pick(SEEDS);
  const doc = cloneValue(seed.doc);
  shrink(doc, random, 2);
  return { name: seed.name, doc };
}

/** Bytes that are not UTF-8 JSON text: binary with NUL bytes, or a Latin-1 accent. */
function strangeBytes(random: Random, text: string): Uint8Array {
  if (random.chance(0.5)) {
    return Uint8Array.from({ length: random.between(1, 2000) }, () => random.int(256));
  }
  const bytes = new TextEncoder().encode(text);
  const at = random.int(bytes.length);
  return Uint8Array.from([...bytes.subarray(0, at), 0xe9, ...bytes.subarray(at)]);
}

/** `depth` levels of alternating arrays and objects: deep, but as deep as real data gets. */
function deepOf(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i += 1) {
    value = i % 2 === 0 ? [value] : { level: value };
  }
  return value;
}

const withProperty = (key: string, value: unknown) => ({
  ...BASIC,
  properties: { ...(BASIC.properties as object), [key]: value },
});

describe(`opening hostile item JSON (seeded fuzz, ${CASES} cases)`, () => {
  it(`answers a wrong type at every field of every example and template (${FIELDS.length} cases)`, async () => {
    const random = createRandom(SEED);
    const tally = newTally();
    for (const [i, { seed, path }] of FIELDS.entries()) {
      // Each field gets one wrong kind, the kinds taking turns from one field to the next.
      const others = KINDS.filter((k) => k !== kindOf(valueAt(seed.doc, path)));
      const kind = others[i % others.length] as Kind;
      const doc = cloneValue(seed.doc);
      const parent = valueAt(doc, path.slice(0, -1)) as Record<string | number, unknown>;
      const key = path[path.length - 1] as string | number;
      if (Array.isArray(parent)) {
        parent[key as number] = WRONG[kind](random);
      } else {
        defineOwn(parent, String(key), WRONG[kind](random));
      }
      await openCase(
        tally,
        `${kind} at ${seed.name} ${JSON.stringify(path)}`,
        writeJson(doc, true),
      );
    }
    expect(tally.failures).toEqual([]);
    expect(tally.cases).toBe(FIELDS.length);
    expect(FIELDS.length).toBeGreaterThan(1_000);
    // NaN and Infinity written as text make a case fail to parse; the rest open.
    expect(tally.parsed).toBeGreaterThan(tally.cases * 0.9);
    expect(tally.parsed).toBeLessThan(tally.cases);
  });

  it(`keeps __proto__, constructor and prototype members as plain data in every object (${OBJECTS.length} cases)`, async () => {
    const random = createRandom(SEED + 1);
    const tally = newTally();
    let kept = 0;
    for (const { seed, path, key } of OBJECTS) {
      const doc = cloneValue(seed.doc);
      defineOwn(valueAt(doc, path) as Record<string, unknown>, key, pollutingValue(random));
      const label = `${key} at ${seed.name} ${JSON.stringify(path)}`;
      const opened = await openCase(tally, label, writeJson(doc, true));
      // The member survives the upgrade and a save as data (an upgrade may move its object).
      const holder = valueAt(opened?.saved, path);
      if (holder !== null && typeof holder === 'object' && Object.hasOwn(holder, key)) {
        kept += 1;
      }
    }
    expect(tally.failures).toEqual([]);
    expect(tally.cases).toBe(OBJECTS.length);
    expect(tally.parsed).toBe(tally.cases);
    expect(kept).toBeGreaterThan(tally.cases * 0.95);
  });

  it(`survives random and mutated items (${RANDOM_CASES} cases)`, async () => {
    const random = createRandom(SEED + 2);
    const tally = newTally();
    for (let i = 0; i < RANDOM_CASES; i += 1) {
      const fromScratch = random.chance(0.1);
      const { name, doc } = fromScratch
        ? { name: 'random document', doc: randomDocument(random) }
        : seedDoc(random);
      const edits: string[] = [];
      for (let n = random.between(fromScratch ? 0 : 1, 3); n > 0; n -= 1) {
        edits.push(mutateValue(doc, random));
      }
      let text = writeJson(doc, random.chance(0.5));
      for (let n = random.chance(0.3) ? random.between(1, 2) : 0; n > 0; n -= 1) {
        text = mutateText(text, random);
        edits.push('text edit');
      }
      const content = random.chance(0.03) ? strangeBytes(random, text) : text;
      await openCase(tally, `case ${i} (${name}: ${edits.join('; ')})`, content);
    }
    expect(tally.failures).toEqual([]);
    expect(tally.cases).toBe(RANDOM_CASES);
    expect(RANDOM_CASES).toBeGreaterThan(CASES / 2);
    // The mix reaches every outcome: broken text, refused bytes, upgrades, valid items.
    expect(tally.parsed).toBeGreaterThan(RANDOM_CASES / 2);
    expect(tally.cases - tally.parsed - tally.refused).toBeGreaterThan(RANDOM_CASES / 20);
    expect(tally.refused).toBeGreaterThan(RANDOM_CASES / 100);
    expect(tally.upgraded).toBeGreaterThan(RANDOM_CASES / 20);
    expect(tally.valid).toBeGreaterThan(RANDOM_CASES / 100);
  });

  it('answers 10,000-deep arrays and objects with a clear message, wherever they are', async () => {
    const tally = newTally();
    const deepArray = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const places: ((deep: RawToken) => unknown)[] = [
      (deep) => deep,
      (deep) => withProperty('x', deep),
      (deep) => withProperty('mlm:hyperparameters', deep),
      (deep) => withProperty('keywords', deep),
      (deep) => ({ ...BASIC, geometry: { type: 'Polygon', coordinates: deep } }),
      (deep) => ({ ...BASIC, assets: { model: deep } }),
      (deep) => ({ ...BASIC, stac_extensions: deep }),
    ];
    for (const deep of [deepArray, deepObject]) {
      for (const [i, place] of places.entries()) {
        const text = writeJson(place(new RawToken(deep)), true);
        const started = performance.now();
        await openCase(tally, `${deep[0]} × 10,000 at place ${i}`, text);
        expect(performance.now() - started).toBeLessThan(2_000);
        const parsed = parseJsonText(text);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) {
          expect(parsed.finding.message).toMatch(
            /^The JSON is nested more than \d+ levels deep at line \d+, column \d+; /u,
          );
        }
      }
    }
    // Deep but sensible nesting (a big hyperparameter tree) still opens.
    const fine = writeJson(withProperty('mlm:hyperparameters', deepOf(100)), false);
    expect(parseJsonText(fine).ok).toBe(true);
    await openCase(tally, 'nesting 100 deep', fine);
    expect(tally.parsed).toBe(1);
    expect(tally.failures).toEqual([]);
  });

  it('answers huge lists without hanging', async () => {
    const tally = newTally();
    const shape = Array.from({ length: 5_000 }, (_, i) => i + 1);
    const output = (BASIC.properties as Record<string, unknown[]>)['mlm:output']?.[0] as object;
    const cases: [string, unknown][] = [
      // A shape far longer than its dim_order: the lint pads dim_order with made-up names.
      [
        'a 5,000-dimension shape',
        withProperty('mlm:output', [{ ...output, result: { shape, dim_order: ['batch'] } }]),
      ],
      // One schema finding per entry, each placed in the JSON view.
      [
        '20,000 wrong tasks',
        withProperty(
          'mlm:tasks',
          Array.from({ length: 20_000 }, (_, i) => i),
        ),
      ],
      // More values than fit in one call's arguments (prepareForZod used to spread them).
      ['150,000 keywords', withProperty('keywords', Array.from({ length: 150_000 }, String))],
    ];
    for (const [label, doc] of cases) {
      const started = performance.now();
      await openCase(tally, label, writeJson(doc, true));
      expect(performance.now() - started, label).toBeLessThan(5_000);
    }
    expect(tally.parsed).toBe(cases.length);
    expect(tally.failures).toEqual([]);
  });

  it('refuses a 50 MB file at once, saying how big it is and what fits', async () => {
    const head = '{"type":"Feature","properties":{"description":"';
    const size = 50 * 1024 * 1024;
    const body = 'x'.repeat(size - head.length - 3);
    const file = new File([head, body, '"}}'], 'huge-item.json', { type: 'application/json' });
    expect(file.size).toBeGreaterThan(MAX_ITEM_FILE_BYTES);
    const started = performance.now();
    const read = await readItemFile(file);
    expect(performance.now() - started).toBeLessThan(500);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(
      /^huge-item\.json is 52\.4 MB; the editor opens item files up to \d+(\.\d)? MB\.$/u,
    );
  });

  it('points at NaN and Infinity written as text, and keeps 1e999 through a save', () => {
    for (const token of ['NaN', 'Infinity', '-Infinity', '+1', '0x10', '.5', '01', 'undefined']) {
      const text = `{\n  "type": "Feature",\n  "bbox": [${token}, 0, 1, 1]\n}`;
      const parsed = parseJsonText(text);
      expect(parsed.ok, token).toBe(false);
      if (!parsed.ok) {
        expect(parsed.finding.message).toMatch(/^Not valid JSON at line 3, column 1[1-3]: /u);
      }
      expect(openItemText(text).problems).toEqual([]);
    }
    const text = '{"type": "Feature", "bbox": [1e999, -1e999, 0, 0]}';
    const opened = openItemText(text);
    expect(opened).toMatchObject({ parsed: true, valid: false, problems: [] });
    const parsed = parseJsonText(text);
    const saved = parsed.ok ? serializeItem(parsed.value) : '';
    expect(saved).toContain('1e999');
    expect(saved).toContain('-1e999');
  });

  it('leaves every built-in prototype as it was', () => {
    // Each case above checked this after it ran; this checks the whole file left nothing behind.
    expect(pollutionProblem(PROTOTYPES_AT_START)).toBeUndefined();
    expect(prototypeKeys()).toBe(PROTOTYPES_AT_START);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(FIELDS.length + OBJECTS.length + RANDOM_CASES).toBe(CASES);
  });
});
