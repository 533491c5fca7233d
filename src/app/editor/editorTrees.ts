import type { FieldNode } from '../../form/fieldNode';
import { fromFieldTreeData, type FieldTreeData } from '../../form/fieldTreeData';
import itemTrees from './generated/itemTrees.json';

// The form trees come built (scripts/generateItemTrees.ts): walking the Zod schemas here would put
// Zod and every schema in the first load, and validation loads after the form is on screen.
const TREES = fromFieldTreeData(itemTrees as FieldTreeData);

export type TreeVersion = '1.0.0' | '1.1.0';

/** The STAC version whose form fits a document: 1.1.0 when it says so, else 1.0.0. */
export function treeVersionOf(doc: unknown): TreeVersion {
  return typeof doc === 'object' &&
    doc !== null &&
    (doc as { stac_version?: unknown }).stac_version === '1.1.0'
    ? '1.1.0'
    : '1.0.0';
}

export function treeFor(version: TreeVersion): FieldNode {
  const tree = TREES[version];
  if (!tree) {
    throw new Error(`No form tree for STAC ${version}: run npm run trees.`);
  }
  return tree;
}
