import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildItemTrees, itemTreesText } from '../src/app/editor/buildItemTrees';

// Writes the editor's form trees (built from the Zod schemas) for the app to load as plain JSON.
// A unit test fails when the file is older than the schemas.

const out = resolve(import.meta.dirname, '../src/app/editor/generated/itemTrees.json');
const data = buildItemTrees();
writeFileSync(out, itemTreesText(data));
console.log(`Wrote ${data.nodes.length} form nodes to ${out}.`);
