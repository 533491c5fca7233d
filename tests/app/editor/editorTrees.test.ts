import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

import { buildItemTrees, itemTreesText } from '../../../src/app/editor/buildItemTrees';
import { treeFor } from '../../../src/app/editor/editorTrees';
import { resolveNode, type ObjectNode } from '../../../src/form/fieldNode';

describe('the built form trees', () => {
  it('match the Zod schemas (run `npm run trees` after changing a schema)', () => {
    const file = resolve(import.meta.dirname, '../../../src/app/editor/generated/itemTrees.json');
    expect(readFileSync(file, 'utf8')).toBe(itemTreesText(buildItemTrees()));
  });

  it('give each STAC version its form', () => {
    const keys = (version: '1.0.0' | '1.1.0') =>
      (resolveNode(treeFor(version)) as ObjectNode).children.map((c) => c.key);
    expect(keys('1.0.0')).toContain('properties');
    expect(keys('1.1.0')).toContain('properties');
    expect(treeFor('1.0.0')).not.toBe(treeFor('1.1.0'));
  });
});
