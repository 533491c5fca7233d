import { describe, expect, it } from 'vitest';

import { syncExtensions } from '../../schemas/manageExtensions';
import { MLM_SCHEMA_URL } from '../../schemas/mlmUrls';
import { validateItem } from '../../schemas/validateItem';
import { loadExamples } from '../support/shared';

const FILE = 'https://stac-extensions.github.io/file/v2.1.0/schema.json';
const RASTER = 'https://stac-extensions.github.io/raster/v1.1.0/schema.json';

const item = (
  assetFields: Record<string, unknown> = {},
  extensions: string[] = [MLM_SCHEMA_URL],
) => ({
  stac_extensions: extensions,
  properties: {},
  assets: { model: { href: 'm.pt', roles: ['mlm:model'], ...assetFields } },
  links: [],
});

describe('syncExtensions', () => {
  it('leaves every official example exactly as it is', () => {
    for (const { doc } of loadExamples().filter((e) => e.doc.type === 'Feature')) {
      expect(syncExtensions(doc, doc).item).toBe(doc);
    }
  });

  it('adds the file extension when a file field is first used', () => {
    const before = item();
    const after = item({ 'file:size': 12 });
    const { item: synced, changes } = syncExtensions(before, after);
    expect((synced as { stac_extensions: string[] }).stac_extensions).toEqual([
      MLM_SCHEMA_URL,
      FILE,
    ]);
    expect(changes).toEqual([{ url: FILE, action: 'added', reason: 'the item uses file fields' }]);
  });

  it('keeps an older listed version of the same family', () => {
    const v1 = 'https://stac-extensions.github.io/file/v1.0.0/schema.json';
    const after = item({ 'file:size': 12 }, [MLM_SCHEMA_URL, v1]);
    expect(syncExtensions(item({}, [MLM_SCHEMA_URL, v1]), after).changes).toEqual([]);
  });

  it('removes a family when the edit takes away its last field, but not otherwise', () => {
    const listed = [MLM_SCHEMA_URL, RASTER];
    const before = item({ 'raster:bands': [{ name: 'B1' }] }, listed);
    const after = item({}, listed);
    expect(
      (syncExtensions(before, after).item as { stac_extensions: string[] }).stac_extensions,
    ).toEqual([MLM_SCHEMA_URL]);
    // Listed without fields before the edit too: the user's choice stays.
    expect(syncExtensions(after, after).changes).toEqual([]);
  });

  it('always keeps the MLM URL', () => {
    const { item: synced } = syncExtensions(undefined, item({}, []));
    expect((synced as { stac_extensions: string[] }).stac_extensions).toEqual([MLM_SCHEMA_URL]);
  });

  it('turns a band source edit into a valid item', () => {
    type Editable = {
      properties: { 'mlm:input': { bands: string[]; input: { dim_order: string[] } }[] };
      assets: { model: Record<string, unknown> };
    };
    const example = loadExamples().find((e) => e.file === 'item_basic.json')
      ?.doc as unknown as Editable;
    const next = structuredClone(example);
    const input = next.properties['mlm:input'][0] as Editable['properties']['mlm:input'][0];
    input.bands = ['red', 'green', 'blue'];
    input.input.dim_order = ['batch', 'bands', 'height', 'width'];
    next.assets.model['raster:bands'] = [{ name: 'red' }, { name: 'green' }, { name: 'blue' }];
    expect(validateItem(next).valid).toBe(false);
    expect(validateItem(syncExtensions(example, next).item).valid).toBe(true);
  });
});
