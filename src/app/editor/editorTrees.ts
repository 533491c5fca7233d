import { editorItemSchemaV10, editorItemSchemaV11 } from '../../../schemas/editorSchema';
import type { FieldNode } from '../../form/fieldNode';
import { buildFieldTree } from '../../form/fieldTree';

// Built once, at module scope: walking the schema is the expensive part of making a form.
const TREES = {
  '1.0.0': buildFieldTree(editorItemSchemaV10, 'Item'),
  '1.1.0': buildFieldTree(editorItemSchemaV11, 'Item'),
} as const;

export type TreeVersion = keyof typeof TREES;

/** The STAC version whose form fits a document: 1.1.0 when it says so, else 1.0.0. */
export function treeVersionOf(doc: unknown): TreeVersion {
  return typeof doc === 'object' &&
    doc !== null &&
    (doc as { stac_version?: unknown }).stac_version === '1.1.0'
    ? '1.1.0'
    : '1.0.0';
}

export function treeFor(version: TreeVersion): FieldNode {
  return TREES[version];
}
