// Hand-written mutations of the official examples: the Zod model (schemas/validateItem) must give
// the same verdict as the official JSON Schemas (src/cli/officialValidator), and that verdict must
// be the one stated in the table. See mutations.ts for the cases and the rule ids.

import { describe, expect, it } from 'vitest';

import type { Finding } from '../../schemas/finding';
import { validateItem } from '../../schemas/validateItem';
import { OfficialValidator } from '../../src/cli/officialValidator';
import { loadExamples, requireShared } from '../support/shared';
import { EXTENSION_RULE_IDS, MLM_RULE_IDS, MUTATIONS, type MutationCase } from './mutations';

const official = new OfficialValidator(requireShared());
const examples = new Map(loadExamples().map((e) => [e.file, e.doc]));

function apply(c: MutationCase): Record<string, unknown> {
  const base = examples.get(c.base);
  if (!base) {
    throw new Error(`Case "${c.name}" uses unknown example ${c.base}.`);
  }
  const doc = structuredClone(base);
  c.mutate(doc);
  return doc;
}

const errors = (findings: Finding[]): Finding[] => findings.filter((f) => f.severity === 'error');

function describeFindings(label: string, findings: Finding[]): string {
  const list = errors(findings);
  return list.length === 0
    ? `${label}: no errors`
    : `${label}:\n${list.map((f) => `  ${f.path || '(root)'}  ${f.message}`).join('\n')}`;
}

const title = (c: MutationCase): string =>
  `${c.rule} ${c.name} → ${c.expectValid ? 'valid' : 'invalid'}`;

describe('hand-written mutations: Zod model vs official JSON Schemas', () => {
  for (const c of MUTATIONS) {
    it(title(c), () => {
      const doc = apply(c);
      expect(doc, 'the mutation must change the example').not.toEqual(examples.get(c.base));

      const officialFindings = official.validate(doc);
      const officialValid = errors(officialFindings).length === 0;
      const zod = validateItem(doc);
      const report = [
        describeFindings('official', officialFindings),
        describeFindings('zod', zod.findings),
      ].join('\n');

      // (1) the Zod model agrees with the official schemas …
      expect(zod.valid, `Zod and official verdicts differ\n${report}`).toBe(officialValid);
      // (2) … and both give the verdict stated in the table.
      expect(officialValid, `official verdict differs from expectValid\n${report}`).toBe(
        c.expectValid,
      );
      // (3) errors land at (or below) the pointer given in the case.
      if (!c.expectValid && c.expectPath !== undefined) {
        const prefix = c.expectPath;
        expect(
          errors(zod.findings).some((f) => f.path.startsWith(prefix)),
          `no Zod error at or below "${prefix}"\n${report}`,
        ).toBe(true);
      }
    });
  }

  it('covers every rule with enough valid and invalid cases', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(140);

    const titles = MUTATIONS.map(title);
    expect(new Set(titles).size, 'test names must be unique').toBe(titles.length);

    // C-13 (Collection summaries) cannot be expressed on an Item and is intentionally absent.
    // C-20's if/then is inert; its invalid cases come from `type: boolean` (and pretrained_source).
    for (const rule of MLM_RULE_IDS) {
      const cases = MUTATIONS.filter((c) => c.rule === rule);
      expect(
        cases.some((c) => c.expectValid),
        `${rule} needs a case that stays valid`,
      ).toBe(true);
      expect(
        cases.some((c) => !c.expectValid),
        `${rule} needs a case that becomes invalid`,
      ).toBe(true);
    }
    expect(MUTATIONS.some((c) => c.rule === 'C-13')).toBe(false);

    for (const rule of EXTENSION_RULE_IDS) {
      expect(
        MUTATIONS.some((c) => c.rule === rule),
        `${rule} needs at least one case`,
      ).toBe(true);
    }

    for (const c of MUTATIONS) {
      expect(examples.has(c.base), `${c.name}: unknown base ${c.base}`).toBe(true);
    }
  });
});
