// Seeded fuzzing of opening an item: random and mutated items, prototype-ish keys at every depth,
// a wrong type at every field, NaN/Infinity, 10,000-deep nesting and a 50 MB file, each pushed
// through the same steps as a file opened in the browser (readItemFile, then openItemText). Nothing
// may throw, every problem must come back as a message with a path, Object.prototype must stay
// clean, and what the editor writes must read back as the same item.
import { describe, expect, it } from 'vitest';

import { parseJsonText } from '../../schemas/parseJsonText';
import { MAX_ITEM_FILE_BYTES, readItemFile } from '../../src/app/readItemFile';
import { serializeItem } from '../../src/export/serializeItem';
import { blankItem } from '../../src/import/blankItem';
import { TEMPLATES } from '../../src/import/templates';
import { upgradeItem } from '../../src/import/upgradeItem';
import { loadExamples } from '../support/shared';
import {
  cloneValue,
  defineOwn,
  mutateText,
  mutateValue,
  pathsOf,
  pollutingValue,
  PROTO_KEYS,
  randomDocument,
  RawToken,
  shrink,
  valueAt,
  wrongValue,
  writeJson,
} from './hostileJson';
import { openItemText, type Opened, pollutionProblem, prototypeKeys } from './openItem';
import { createRandom, type Random } from './prng';

const SEED = 0x5eed_0007;
const CASES = Number(process.env.FUZZ_CASES ?? 10_000);

const SEEDS: { name: string; doc: unknown }[] = [
  ...loadExamples().map((e) => ({ name: e.file, doc: e.doc as unknown })),
  ...TEMPLATES.map((t) => ({ name: `template ${t.id}`, doc: t.build() as unknown })),
  { name: 'blank item', doc: blankItem() },
];
const PROTOTYPES = prototypeKeys();

interface Tally {
  cases: number;
  parsed: number;
  upgraded: number;
  valid: number;
  refused: number;
  failures: string[];
}

const newTally = (): Tally => ({
  cases: 0,
  parsed: 0,
  upgraded: 0,
  valid: 0,
  refused: 0,
  failures: [],
});

/** Opens `bytes` as a dropped file would be, checks the outcome and the prototypes, and counts. */
async function openCase(tally: Tally, label: string, content: string | Uint8Array): Promise<void> {
  tally.cases += 1;
  if (process.env.FUZZ_TRACE) { (await import('node:fs')).writeFileSync(process.env.FUZZ_TRACE, label + '\n' + (typeof content === 'string' ? content.slice(0, 200000) : '')); }
  const failures: string[] = [];
  try {
    const part = typeof content === 'string' ? content : new Uint8Array(content);
    const read = await readItemFile(new File([part], 'item.json', { type: 'application/json' }));
    if (!read.ok) {
      tally.refused += 1;
      if (!/item\.json/u.test(read.message)) {
        failures.push(`the refusal does not name the file: ${read.message}`);
      }
    } else {
      const opened: Opened = openItemText(read.text);
      tally.parsed += opened.parsed ? 1 : 0;
      tally.upgraded += opened.upgraded ? 1 : 0;
      tally.valid += opened.valid ? 1 : 0;
      failures.push(...opened.problems);
    }
  } catch (error) {
    failures.push(`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const pollution = pollutionProblem(PROTOTYPES);
  if (pollution) {
    failures.push(pollution);
  }
  if (failures.length > 0 && tally.failures.length < 20) {
    tally.failures.push(`${label}:\n  ${[...new Set(failures)].slice(0, 5).join('\n  ')}`);
  }
}

/** A copy of an example or template, mostly with its long lists cut short (small, quick cases). */
function seedDoc(random: Random): { name: string; doc: unknown } {
  const seed = random.pick(SEEDS);
  const doc = cloneValue(seed.doc);
  if (random.chance(0.8)) {
    shrink(doc, random);
    return { name: `${seed.name} (shrunk)`, doc };
  }
  return { name: seed.name, doc };
}

/** Bytes that are not UTF-8 JSON text: binary with NUL bytes, or Latin-1 accents. */
function strangeBytes(random: Random, text: string): Uint8Array {
  if (random.chance(0.5)) {
    return Uint8Array.from({ length: random.between(1, 2000) }, () => random.int(256));
  }
  const bytes = new TextEncoder().encode(text);
  const at = random.int(bytes.length);
  return Uint8Array.from([...bytes.subarray(0, at), 0xe9, ...bytes.subarray(at)]);
}

describe('opening hostile item JSON (seeded fuzz)', () => {
  it(`survives ${CASES} random and mutated items`, async () => {
    const random = createRandom(SEED);
    const tally = newTally();
    for (let i = 0; i < CASES; i += 1) {
      const fromScratch = random.chance(0.12);
      const { name, doc } = fromScratch
        ? { name: 'random document', doc: randomDocument(random) }
        : seedDoc(random);
      const edits: string[] = [];
      for (let n = random.between(fromScratch ? 0 : 1, 4); n > 0; n -= 1) {
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
    expect(tally.cases).toBeGreaterThanOrEqual(CASES);
    // The mix reaches every outcome: broken text, refused bytes, upgrades, valid items.
    expect(tally.parsed).toBeGreaterThan(CASES / 2);
    expect(tally.cases - tally.parsed - tally.refused).toBeGreaterThan(CASES / 20);
    expect(tally.refused).toBeGreaterThan(CASES / 100);
    expect(tally.upgraded).toBeGreaterThan(CASES / 20);
    expect(tally.valid).toBeGreaterThan(CASES / 50);
  });

  it('reports a wrong type at every field of every example and template', async () => {
    const random = createRandom(SEED + 1);
    const tally = newTally();
    // Each field gets several kinds of wrong value, until there are at least CASES cases.
    for (let round = 0; tally.cases < CASES; round += 1) {
      for (const seed of SEEDS) {
        for (const path of pathsOf(seed.doc).all) {
          const doc = cloneValue(seed.doc);
          const parent = valueAt(doc, path.slice(0, -1)) as Record<string | number, unknown>;
          const key = path[path.length - 1] as string | number;
          if (Array.isArray(parent)) {
            parent[key as number] = wrongValue(random);
          } else {
            defineOwn(parent, String(key), wrongValue(random));
          }
          const label = `round ${round}, ${seed.name} ${JSON.stringify(path)}`;
          await openCase(tally, label, writeJson(doc, true));
        }
      }
    }
    expect(tally.failures).toEqual([]);
    expect(tally.cases).toBeGreaterThanOrEqual(CASES);
    expect(tally.parsed).toBeGreaterThan(CASES / 2);
  });

  it('keeps __proto__, constructor and prototype members as data at every depth', async () => {
    const random = createRandom(SEED + 2);
    const tally = newTally();
    let kept = 0;
    for (let round = 0; tally.cases < CASES; round += 1) {
      for (const seed of SEEDS) {
        for (const path of pathsOf(seed.doc).objects) {
          const doc = cloneValue(seed.doc);
          const key = PROTO_KEYS[(round + path.length) % 3] as string;
          const value = pollutingValue(random);
          defineOwn(valueAt(doc, path) as Record<string, unknown>, key, value);
          const text = writeJson(doc, round % 2 === 0);
          await openCase(tally, `round ${round}, ${key} at ${seed.name} ${JSON.stringify(path)}`, text);
          // The member survives the upgrade and a save, as data: nothing about it is dropped.
          const parsed = parseJsonText(text);
          if (parsed.ok) {
            const saved = parseJsonText(serializeItem(upgradeItem(parsed.value).item));
            const at = (v: unknown) => valueAt(v, path) as Record<string, unknown> | undefined;
            if (saved.ok && at(saved.value) && Object.hasOwn(at(saved.value) as object, key)) {
              kept += 1;
            }
          }
        }
      }
    }
    expect(tally.failures).toEqual([]);
    expect(tally.cases).toBeGreaterThanOrEqual(CASES);
    // Upgrades may move a member (e.g. raster:bands to the model asset); nearly all stay put.
    expect(kept).toBeGreaterThan(tally.cases * 0.9);
  });

  it('answers 10,000-deep arrays and objects with a clear message, wherever they are', async () => {
    const tally = newTally();
    const base = SEEDS.find((s) => s.name === 'item_basic.json')?.doc as Record<string, unknown>;
    const deepArray = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const places: ((deep: RawToken) => unknown)[] = [
      (deep) => deep,
      (deep) => ({ ...base, properties: { ...(base.properties as object), x: deep } }),
      (deep) => ({ ...base, geometry: { type: 'Polygon', coordinates: deep } }),
      (deep) => ({ ...base, properties: { ...(base.properties as object), keywords: deep } }),
      (deep) => ({ ...base, assets: { model: deep } }),
      (deep) => ({ ...base, stac_extensions: deep }),
    ];
    for (const deep of [deepArray, deepObject]) {
      for (const [i, place] of places.entries()) {
        const text = writeJson(place(new RawToken(deep)), true);
        const started = performance.now();
        await openCase(tally, `deep ${deep[0]} at place ${i}`, text);
        expect(performance.now() - started).toBeLessThan(2_000);
        const parsed = parseJsonText(text);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) {
          expect(parsed.finding.message).toMatch(/nested .*deep/u);
          expect(parsed.finding.message).toMatch(/line \d+, column \d+/u);
        }
      }
    }
    // Deep but sensible nesting (a big hyperparameter tree) still opens.
    const fine = writeJson({ ...base, properties: { ...(base.properties as object), x: deepOf(100) } }, false);
    expect(parseJsonText(fine).ok).toBe(true);
    await openCase(tally, 'nesting 100 deep', fine);
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
    expect(performance.now() - started).toBeLessThan(200);
    expect(read).toEqual({
      ok: false,
      message: expect.stringMatching(/^huge-item\.json is 52\.4 MB; the editor opens item files up to \d+(\.\d)? MB\.$/u),
    });
  });

  it('points at NaN and Infinity written as text, and keeps 1e999 through a save', () => {
    for (const token of ['NaN', 'Infinity', '-Infinity', '+1', '0x10', '.5', '01']) {
      const text = `{\n  "type": "Feature",\n  "bbox": [${token}, 0, 1, 1]\n}`;
      const parsed = parseJsonText(text);
      expect(parsed.ok, token).toBe(false);
      if (!parsed.ok) {
        expect(parsed.finding.message).toMatch(/^Not valid JSON at line 3, column \d+: /u);
      }
      expect(openItemText(text).problems).toEqual([]);
    }
    const text = '{"type": "Feature", "bbox": [1e999, -1e999, 0, 0]}';
    const opened = openItemText(text);
    expect(opened.problems).toEqual([]);
    expect(opened.parsed).toBe(true);
    const parsed = parseJsonText(text);
    const saved = parsed.ok ? serializeItem(parsed.value) : '';
    expect(saved).toContain('1e999');
    expect(saved).toContain('-1e999');
    expect(pollutionProblem(PROTOTYPES)).toBeUndefined();
  });
});

function deepOf(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i += 1) {
    value = i % 2 === 0 ? [value] : { level: value };
  }
  return value;
}
