import { editorItemSchemaV10, editorItemSchemaV11 } from '../../../schemas/editorSchema';
import type { FieldNode } from '../../form/fieldNode';
import { buildFieldTree } from '../../form/fieldTree';

// Each tree is built once, the first time its version is shown: walking the schema is the
// expensive part of making a form, and most sessions only ever need the STAC 1.0.0 one.
const SCHEMAS = { '1.0.0': editorItemSchemaV10, '1.1.0': editorItemSchemaV11 } as const;
const TREES = new Map<TreeVersion, FieldNode>();

export type TreeVersion = keyof typeof SCHEMAS;

/** The STAC version whose form fits a document: 1.1.0 when it says so, else 1.0.0. */
export function treeVersionOf(doc: unknown): TreeVersion {
  return typeof doc === 'object' &&
    doc !== null &&
    (doc as { stac_version?: unknown }).stac_version === '1.1.0'
    ? '1.1.0'
    : '1.0.0';
}

export function treeFor(version: TreeVersion): FieldNode {
  let tree = TREES.get(version);
  if (!tree) {
    tree = buildFieldTree(SCHEMAS[version], 'Item');
    TREES.set(version, tree);
  }
  return tree;
}
