import { describe, expect, it } from 'vitest';

import { itemFileName, serializeItem } from '../../src/export/serializeItem';
import { TEMPLATES } from '../../src/import/templates';
import { loadExamples } from '../support/shared';

type Obj = Record<string, unknown>;

/** Keys of every object in a JSON value, in order, by path: catches order changes deep inside. */
function keyOrders(value: unknown, path = '', out: Record<string, string[]> = {}) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => keyOrders(v, `${path}/${i}`, out));
  } else if (typeof value === 'object' && value !== null) {
    out[path] = Object.keys(value);
    for (const [k, v] of Object.entries(value)) {
      keyOrders(v, `${path}/${k}`, out);
    }
  }
  return out;
}

const roundTrip = (item: unknown) => JSON.parse(serializeItem(item)) as unknown;

describe('serializeItem', () => {
  const messy = {
    assets: {
      weights: {
        roles: ['mlm:model'],
        'mlm:artifact_type': 'torch.save',
        extra: 1,
        description: 'Weights',
        href: 'https://example.com/w.pt',
        title: 'W',
        type: 'application/octet-stream',
      },
      code: { 'mlm:entrypoint': 'a:b', roles: ['code'], href: 'c.py' },
    },
    links: [{ rel: 'self', href: 'x.json' }],
    custom_top: true,
    properties: {
      license: 'MIT',
      'mlm:output': [],
      'mlm:input': [
        { input: { data_type: 'float32', shape: [1], dim_order: ['batch'] }, name: 'x' },
      ],
      'mlm:unknown': 1,
      'mlm:tasks': ['classification'],
      datetime: '2024-01-01T00:00:00Z',
      'custom:prop': 'z',
      'mlm:name': 'n',
      title: 'T',
      'mlm:hyperparameters': { b: 1, a: 2 },
      'mlm:accelerator': 'cuda',
      'mlm:architecture': 'ResNet',
      updated: '2024-02-01T00:00:00Z',
    },
    id: 'm',
    bbox: [0, 0, 1, 1],
    geometry: { coordinates: [0, 0], type: 'Point' },
    stac_extensions: ['https://stac-extensions.github.io/mlm/v1.5.2/schema.json'],
    another: { z: 1, a: 2 },
    stac_version: '1.0.0',
    collection: 'c',
    type: 'Feature',
  };

  it('puts the core fields first and keeps other top-level keys in their original order', () => {
    const orders = keyOrders(roundTrip(messy));
    expect(orders['']).toEqual([
      'type',
      'stac_version',
      'stac_extensions',
      'id',
      'collection',
      'geometry',
      'bbox',
      'properties',
      'links',
      'assets',
      'custom_top',
      'another',
    ]);
  });

  it('orders the properties: common metadata, MLM fields in README order, then the rest', () => {
    expect(keyOrders(roundTrip(messy))['/properties']).toEqual([
      'title',
      'datetime',
      'updated',
      'mlm:name',
      'mlm:architecture',
      'mlm:tasks',
      'mlm:accelerator',
      'mlm:input',
      'mlm:output',
      'mlm:hyperparameters',
      'license',
      'mlm:unknown',
      'custom:prop',
    ]);
  });

  it('keeps the asset order and puts href, type, title, description and roles first', () => {
    const orders = keyOrders(roundTrip(messy));
    expect(orders['/assets']).toEqual(['weights', 'code']);
    expect(orders['/assets/weights']).toEqual([
      'href',
      'type',
      'title',
      'description',
      'roles',
      'mlm:artifact_type',
      'extra',
    ]);
    expect(orders['/assets/code']).toEqual(['href', 'roles', 'mlm:entrypoint']);
  });

  it('never reorders anything deeper, and never changes a value', () => {
    const orders = keyOrders(roundTrip(messy));
    const before = keyOrders(messy);
    for (const path of [
      '/geometry',
      '/another',
      '/properties/mlm:input/0',
      '/properties/mlm:input/0/input',
      '/properties/mlm:hyperparameters',
    ]) {
      expect(orders[path]).toEqual(before[path]);
    }
    expect(roundTrip(messy)).toEqual(messy);
  });

  it('writes two-space indented JSON with one trailing newline', () => {
    const text = serializeItem({ type: 'Feature', id: 'a', bbox: [1, 2] });
    expect(text).toBe(
      '{\n  "type": "Feature",\n  "id": "a",\n  "bbox": [\n    1,\n    2\n  ]\n}\n',
    );
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(messy);
    serializeItem(messy);
    expect(keyOrders(messy)).toEqual(keyOrders(copy));
  });

  it('leaves values that are not objects, and odd properties or assets, as they are', () => {
    for (const value of [null, 'text', 3, [3, { b: 1, a: 2 }], { properties: null, assets: [1] }]) {
      expect(serializeItem(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }
    expect(roundTrip({ assets: { a: 'not an object', b: null } })).toEqual({
      assets: { a: 'not an object', b: null },
    });
  });

  it('keeps a "__proto__" key as an ordinary field', () => {
    const doc = JSON.parse('{"id":"x","properties":{"__proto__":{"a":1},"title":"t"}}') as Obj;
    const text = serializeItem(doc);
    expect(text).toContain('"__proto__"');
    const back = JSON.parse(text) as Obj;
    expect(Object.keys(back.properties as Obj)).toEqual(['title', '__proto__']);
  });

  it('writes numbers too large for a double so they read back the same', () => {
    const doc = JSON.parse('{"properties":{"mlm:memory_size":1e400,"x":[-1e400]}}') as Obj;
    const text = serializeItem(doc);
    expect(text).toContain('1e999');
    expect(JSON.parse(text)).toEqual(doc);
  });

  it.each(loadExamples().map((e) => [e.file, e.doc] as const))(
    'round-trips the official example %s deep-equal',
    (_, doc) => {
      const text = serializeItem(doc);
      expect(JSON.parse(text)).toEqual(doc);
      expect(serializeItem(JSON.parse(text))).toBe(text);
    },
  );

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('round-trips the %s template', (_, t) => {
    const item = t.build();
    expect(JSON.parse(serializeItem(item))).toEqual(item);
  });
});

describe('itemFileName', () => {
  it.each([
    ['my-model', 'my-model.json'],
    [
      'resnet-18_sentinel-2_all_moco_classification',
      'resnet-18_sentinel-2_all_moco_classification.json',
    ],
    ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j.json'],
    ['tab\there\nnew', 'tab_here_new.json'],
    ['  spaced name. ', 'spaced name.json'],
    ['.hidden', 'hidden.json'],
    ['modèle-été', 'modèle-été.json'],
    ['CON', 'CON_.json'],
    ['lpt1', 'lpt1_.json'],
    ['console', 'console.json'],
  ])('%j becomes %j', (id, name) => {
    expect(itemFileName({ id })).toBe(name);
  });

  it.each([
    [{ id: '' }],
    [{ id: '...' }],
    [{ id: '///' }],
    [{ id: 42 }],
    [{}],
    [null],
    ['x'],
    [[1]],
  ])('falls back to item.json for %j', (item) => {
    expect(itemFileName(item)).toBe('item.json');
  });

  it('shortens very long ids', () => {
    const name = itemFileName({ id: 'x'.repeat(500) });
    expect(name).toBe(`${'x'.repeat(200)}.json`);
  });
});
