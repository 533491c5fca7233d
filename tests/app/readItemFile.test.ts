import { describe, expect, it } from 'vitest';

import {
  decodeItemBytes,
  MAX_ITEM_FILE_BYTES,
  readItemFile,
  refuseItemFile,
} from '../../src/app/readItemFile';

describe('refuseItemFile', () => {
  it('accepts JSON by extension or type, and files of unknown type', () => {
    expect(
      refuseItemFile({ name: 'item.json', size: 10, type: 'application/json' }),
    ).toBeUndefined();
    expect(refuseItemFile({ name: 'item.JSON', size: 10, type: '' })).toBeUndefined();
    expect(
      refuseItemFile({ name: 'x.geojson', size: 10, type: 'application/geo+json' }),
    ).toBeUndefined();
    expect(refuseItemFile({ name: 'item', size: 10, type: 'application/json' })).toBeUndefined();
    expect(refuseItemFile({ name: 'item.txt', size: 10, type: 'text/plain' })).toBeUndefined();
  });

  it('refuses files that are clearly something else, naming the file and type', () => {
    expect(refuseItemFile({ name: 'photo.png', size: 10, type: 'image/png' })).toBe(
      "photo.png is not a JSON file (its type is image/png). Open the item's .json file instead.",
    );
  });

  it('refuses files over 50 MB before reading them', () => {
    expect(
      refuseItemFile({ name: 'big.json', size: MAX_ITEM_FILE_BYTES, type: '' }),
    ).toBeUndefined();
    expect(refuseItemFile({ name: 'big.json', size: MAX_ITEM_FILE_BYTES + 1, type: '' })).toBe(
      'big.json is 50.0 MB; the editor opens item files up to 50.0 MB.',
    );
  });
});

describe('decodeItemBytes', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"id":"é"}')]);
    expect(decodeItemBytes('a.json', bytes)).toEqual({ ok: true, text: '{"id":"é"}' });
  });

  it('refuses binary data and text in another encoding', () => {
    expect(decodeItemBytes('model.json', new Uint8Array([0x08, 0x00, 0x12]))).toEqual({
      ok: false,
      message: 'model.json looks like a binary file, not JSON text.',
    });
    expect(decodeItemBytes('latin1.json', new Uint8Array([0x22, 0xe9, 0x22]))).toEqual({
      ok: false,
      message: 'latin1.json is not UTF-8 text, so it cannot be JSON.',
    });
  });
});

describe('readItemFile', () => {
  it('reads a JSON file as text', async () => {
    const file = new File(['{"type":"Feature"}'], 'item.json', { type: 'application/json' });
    expect(await readItemFile(file)).toEqual({ ok: true, text: '{"type":"Feature"}' });
  });

  it('reports a refused file without reading it', async () => {
    const file = new File([new Uint8Array([0x89, 0x50])], 'photo.png', { type: 'image/png' });
    const read = await readItemFile(file);
    expect(read.ok).toBe(false);
  });

  it('reports a read failure as a message', async () => {
    const broken = Object.assign(new Blob(['{}']), {
      name: 'gone.json',
      arrayBuffer: () => Promise.reject(new Error('the file was removed')),
    });
    expect(await readItemFile(broken)).toEqual({
      ok: false,
      message: 'Could not read gone.json: the file was removed',
    });
  });
});
