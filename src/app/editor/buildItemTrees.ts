import { editorItemSchemaV10, editorItemSchemaV11 } from '../../../schemas/editorSchema';
import { buildFieldTree } from '../../form/fieldTree';
import { toFieldTreeData, type FieldTreeData } from '../../form/fieldTreeData';

// Run at build time only (`npm run trees`), never by the app: walking the Zod schemas needs Zod
// and every schema module, which the first load must not carry. editorTrees.ts reads the result.

/** The editor's form trees, one per STAC version, as the JSON that editorTrees.ts loads. */
export function buildItemTrees(): FieldTreeData {
  return toFieldTreeData({
    '1.0.0': buildFieldTree(editorItemSchemaV10, 'Item'),
    '1.1.0': buildFieldTree(editorItemSchemaV11, 'Item'),
  });
}

/** The JSON text written to disk: one node per line, so a schema change shows as a small diff. */
export function itemTreesText(data: FieldTreeData): string {
  const nodes = data.nodes.map((node) => `    ${JSON.stringify(node)}`).join(',\n');
  return `{\n  "roots": ${JSON.stringify(data.roots)},\n  "nodes": [\n${nodes}\n  ]\n}\n`;
}
