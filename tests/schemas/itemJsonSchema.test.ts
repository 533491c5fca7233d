import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { itemJsonSchemaText } from '../../schemas/itemJsonSchema';

describe('generated JSON Schema', () => {
  it('is up to date with the Zod model (run `npm run schemas:generate` after changing schemas/)', () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../../schemas/generated/mlmItem.schema.json', import.meta.url)),
      'utf8',
    );
    expect(
      committed === itemJsonSchemaText(),
      'schemas/generated/mlmItem.schema.json is stale',
    ).toBe(true);
  });

  it('carries labels, help texts, spec links and widget hints from .meta()', () => {
    const text = itemJsonSchemaText();
    expect(text).toContain('"label": "Model name"');
    expect(text).toContain('"widget": "shape"');
    expect(text).toContain('"suggestions"');
    expect(text).toContain('https://github.com/stac-extensions/mlm/blob/v1.5.2/README.md#');
  });
});
