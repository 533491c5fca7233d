import { isDeepStrictEqual } from 'node:util';

import { beforeAll, describe, expect, it } from 'vitest';

import { mlmItemSchema } from '../../schemas/mlmItem';
import { validateItem } from '../../schemas/validateItem';
import { createValidationCache } from '../../schemas/validationCache';
import { OfficialValidator } from '../../src/cli/officialValidator';
import { mulberry32, mutate } from '../support/randomMutations';
import { SEED_ITEMS } from '../support/seedItems';
import { type Example, loadExamples, requireShared } from '../support/shared';

let official: OfficialValidator;
let examples: Example[];

beforeAll(() => {
  official = new OfficialValidator(requireShared());
  examples = loadExamples();
});

const officiallyValid = (doc: unknown) =>
  official.validate(doc).every((f) => f.severity !== 'error');

describe('official examples', () => {
  it('finds all ten official examples', () => {
    expect(examples.map((e) => e.file)).toHaveLength(10);
  });

  it('gives the official verdict on every example', () => {
    const verdicts = examples.map((e) => ({
      file: e.file,
      official: officiallyValid(e.doc),
      zod: validateItem(e.doc).valid,
    }));
    for (const v of verdicts) {
      expect(v.zod, `${v.file}: official ${v.official}, Zod ${v.zod}`).toBe(v.official);
    }
    // The nine Items are valid; collection.json does not declare MLM, so the forced MLM check fails.
    expect(verdicts.filter((v) => v.official).map((v) => v.file)).toHaveLength(9);
    expect(verdicts.find((v) => v.file === 'collection.json')?.official).toBe(false);
  });

  it('parses and serializes every Item example back to the same document', () => {
    for (const { file, doc } of examples.filter((e) => e.doc.type === 'Feature')) {
      const parsed = mlmItemSchema.safeParse(doc);
      expect(parsed.success, file).toBe(true);
      const again = JSON.parse(JSON.stringify(parsed.data)) as unknown;
      expect(isDeepStrictEqual(again, doc), `${file} changed in a round trip`).toBe(true);
    }
  });

  it('keeps unknown fields anywhere in the document', () => {
    const doc = structuredClone(examples.find((e) => e.file === 'item_basic.json')?.doc) as Record<
      string,
      unknown
    >;
    doc['x:root'] = { nested: [1, 2] };
    (doc.properties as Record<string, unknown>)['vendor:score'] = 0.5;
    const input = (
      (doc.properties as Record<string, unknown>)['mlm:input'] as Record<string, unknown>[]
    )[0] as Record<string, unknown>;
    input.norm_type = 'z-score';
    const parsed = mlmItemSchema.parse(doc);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(doc);
  });
});

describe('hand-written seed items (STAC 1.1 bands and the less common extensions)', () => {
  it.each(SEED_ITEMS.map((s) => [s.name, s.doc] as const))('%s is valid for both', (_name, doc) => {
    expect(officiallyValid(doc)).toBe(true);
    expect(validateItem(doc).findings).toEqual([]);
  });
});

describe('random mutations of the examples and seed items (fixed seed)', () => {
  it('agrees with the official schemas on 4000 mutated documents', () => {
    const rand = mulberry32(20261122);
    const items: Example[] = [
      ...examples.filter((e) => e.doc.type === 'Feature'),
      ...SEED_ITEMS.map((s) => ({ file: s.name, doc: s.doc })),
    ];
    const disagreements: string[] = [];
    let valid = 0;
    for (let i = 0; i < 4000; i += 1) {
      const base = items[Math.floor(rand() * items.length)] as Example;
      let doc: unknown = base.doc;
      const edits: string[] = [];
      const n = 1 + Math.floor(rand() * 4);
      for (let j = 0; j < n; j += 1) {
        const m = mutate(doc, rand);
        doc = m.doc;
        edits.push(m.edit);
      }
      const expected = officiallyValid(doc);
      valid += expected ? 1 : 0;
      if (validateItem(doc).valid !== expected) {
        disagreements.push(
          `${base.file}: ${edits.join('; ')} (official: ${expected ? 'valid' : 'invalid'})`,
        );
      }
    }
    expect(disagreements).toEqual([]);
    // Enough of them stay valid for the comparison to mean something in both directions.
    expect(valid).toBeGreaterThan(300);
  });

  it('gives the same findings with a validation cache, over edits that share unchanged parts', () => {
    const rand = mulberry32(4242);
    const cache = createValidationCache();
    const seeds: unknown[] = [
      ...examples.filter((e) => e.doc.type === 'Feature').map((e) => e.doc),
      ...SEED_ITEMS.map((s) => s.doc),
    ];
    const differences: string[] = [];
    for (const seed of seeds) {
      let doc = seed;
      for (let i = 0; i < 150; i += 1) {
        const m = mutate(doc, rand);
        // Like the editor: the next document keeps every unchanged object of the previous one.
        doc = share(m.doc, doc);
        const cached = validateItem(doc, { cache }).findings;
        const fresh = validateItem(doc).findings;
        if (JSON.stringify(cached) !== JSON.stringify(fresh)) {
          differences.push(m.edit);
        }
        if (rand() < 0.1) {
          doc = seed;
        }
      }
    }
    expect(differences).toEqual([]);
  });
});

/** `next` with every part that equals the same part of `previous` replaced by that object. */
function share(next: unknown, previous: unknown): unknown {
  if (JSON.stringify(next) === JSON.stringify(previous)) {
    return previous;
  }
  if (Array.isArray(next)) {
    return next.map((v, i) => share(v, Array.isArray(previous) ? previous[i] : undefined));
  }
  if (typeof next === 'object' && next !== null) {
    const before = (typeof previous === 'object' && previous !== null ? previous : {}) as Record<
      string,
      unknown
    >;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(next)) {
      Object.defineProperty(out, k, {
        value: share(v, Object.hasOwn(before, k) ? before[k] : undefined),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return next;
}
