import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import { MINIMAL_ITEM, MINIMAL_ITEM_TEXT } from '../../src/app/minimalItem';

const SHARED = path.resolve(process.cwd(), '../shared');
const STAC_INDEX = path.join(SHARED, 'stac-schemas', 'index.json');
const MLM_SCHEMA = path.join(SHARED, 'mlm', 'schema', 'v1.5.2', 'schema.json');
const MLM_URL = 'https://stac-extensions.github.io/mlm/v1.5.2/schema.json';
const ITEM_URL = 'https://schemas.stacspec.org/v1.0.0/item-spec/json-schema/item.json';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function buildAjv(): Ajv {
  for (const required of [STAC_INDEX, MLM_SCHEMA]) {
    if (!existsSync(required)) {
      throw new Error(
        `Missing ${required}: this test needs the shared STAC/MLM schemas in ${SHARED} ` +
          '(a checkout of ../shared next to the project).',
      );
    }
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat('iri', true);
  ajv.addFormat('iri-reference', true);
  const index = readJson(STAC_INDEX) as Record<string, string>;
  for (const [url, file] of Object.entries(index)) {
    ajv.addSchema(readJson(path.join(SHARED, 'stac-schemas', file)) as object, url);
  }
  ajv.addSchema(readJson(MLM_SCHEMA) as object, MLM_URL);
  return ajv;
}

function errorsAgainst(ajv: Ajv, url: string, doc: unknown): string {
  const validate = ajv.getSchema(url);
  if (!validate) {
    throw new Error(`Schema ${url} is not registered`);
  }
  validate(doc);
  return ajv.errorsText(validate.errors, { separator: '\n' });
}

describe('MINIMAL_ITEM', () => {
  const ajv = buildAjv();

  it('is a valid STAC 1.0.0 Item', () => {
    expect(errorsAgainst(ajv, ITEM_URL, MINIMAL_ITEM)).toBe('No errors');
  });

  it('is a valid MLM v1.5.2 Item', () => {
    expect(errorsAgainst(ajv, MLM_URL, MINIMAL_ITEM)).toBe('No errors');
  });

  it('is shown as the same object, pretty-printed', () => {
    expect(JSON.parse(MINIMAL_ITEM_TEXT)).toEqual(MINIMAL_ITEM);
    expect(MINIMAL_ITEM_TEXT).toContain('\n  "stac_version": "1.0.0",\n');
  });
});
