import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { itemJsonSchemaText } from './itemJsonSchema';

// `npm run schemas:generate` rewrites the committed JSON Schema after the Zod model changes.
const target = fileURLToPath(new URL('./generated/mlmItem.schema.json', import.meta.url));
writeFileSync(target, itemJsonSchemaText());
console.warn(`Wrote ${target}`);
