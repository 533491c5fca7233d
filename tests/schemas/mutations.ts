// Hand-written mutations of the official MLM v1.5.2 examples. Each case edits a deep clone of one
// example and states whether the result is valid. `mutations.test.ts` checks that the official JSON
// Schemas (Ajv) and the Zod model both reach that verdict.
//
// Rule ids: C-1 … C-21 are the MLM schema rules of section (c) in shared/docs/mlm-spec-notes.md.
// C-13 (Collection `summaries`) is not covered: it lives under `#/allOf/1`, which only applies to
// `"type": "Collection"`, so it cannot be expressed on an Item (and validateItem only checks Items).
// `core:*` are STAC core item rules (1.0.0 / 1.1.0 + GeoJSON) and `ext:*` the item rules of the
// other extension schemas in shared/stac-schemas/extensions.
//
// Cases marked "Surprise:" are ones where the official verdict is not what a reader of the prose
// specs would expect; the official schema is the ground truth, so expectValid follows it.

import { TASKS } from '../../schemas/mlm';

/** The documents are plain JSON edited in place; `any` keeps the one-line mutations readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = any;

export interface MutationCase {
  /** `C-6`, `core:bbox`, `ext:file`, … */
  rule: string;
  name: string;
  /** Official example file name in shared/mlm/examples. */
  base: string;
  expectValid: boolean;
  /** For invalid cases: a Zod finding must have a path starting with this JSON pointer. */
  expectPath?: string;
  /** Edits the (already cloned) document in place. */
  mutate: (doc: Doc) => void;
}

export const BASIC = 'item_basic.json';
export const EO = 'item_eo_bands.json';
export const EO_SUM = 'item_eo_bands_summarized.json';
export const RASTER = 'item_raster_bands.json';
export const MULTI = 'item_multi_io.json';
export const CUBE = 'item_datacube_variables.json';
export const EXPR = 'item_bands_expression.json';
export const EO_RASTER = 'item_eo_and_raster_bands.json';
export const UNET = 'item_pytorch_geo_unet.json';

const EXT = 'https://stac-extensions.github.io';
export const URLS = {
  mlm: `${EXT}/mlm/v1.5.2/schema.json`,
  mlm151: `${EXT}/mlm/v1.5.1/schema.json`,
  eo: `${EXT}/eo/v1.1.0/schema.json`,
  eo2: `${EXT}/eo/v2.0.0/schema.json`,
  raster: `${EXT}/raster/v1.1.0/schema.json`,
  raster2: `${EXT}/raster/v2.0.0/schema.json`,
  file1: `${EXT}/file/v1.0.0/schema.json`,
  file2: `${EXT}/file/v2.1.0/schema.json`,
  classification: `${EXT}/classification/v1.1.0/schema.json`,
  processing11: `${EXT}/processing/v1.1.0/schema.json`,
  processing12: `${EXT}/processing/v1.2.0/schema.json`,
  datacube: `${EXT}/datacube/v2.3.0/schema.json`,
  mlAoi: `${EXT}/ml-aoi/v0.2.0/schema.json`,
  scientific: `${EXT}/scientific/v1.0.0/schema.json`,
  version: `${EXT}/version/v1.2.0/schema.json`,
  exampleLinks: `${EXT}/example-links/v0.0.1/schema.json`,
  label: `${EXT}/label/v1.0.1/schema.json`,
  itemAssets: `${EXT}/item-assets/v1.0.0/schema.json`,
};

// ---------------------------------------------------------------------------------------------
// Small helpers for the mutations

const props = (d: Doc): Doc => d.properties;
const input = (d: Doc, i = 0): Doc => d.properties['mlm:input'][i];
const output = (d: Doc, i = 0): Doc => d.properties['mlm:output'][i];
const addExt = (d: Doc, url: string): void => {
  d.stac_extensions.push(url);
};
/** Removes every stac_extensions entry containing `part` (e.g. `/raster/`). */
const dropExt = (d: Doc, part: string): void => {
  d.stac_extensions = d.stac_extensions.filter((u: string) => !u.includes(part));
};
const replaceExt = (d: Doc, part: string, url: string): void => {
  d.stac_extensions = d.stac_extensions.map((u: string) => (u.includes(part) ? url : u));
};
/** STAC 1.1: version bump, and the `self` link must then be an absolute IRI. */
const toV11 = (d: Doc): void => {
  d.stac_version = '1.1.0';
  for (const link of d.links) {
    if (link.rel === 'self') {
      link.href = `https://example.com/stac/${d.id}.json`;
    }
  }
};
const S2_BANDS = [{ name: 'B01' }, { name: 'B02' }, { name: 'B03' }];
/** A second model asset (with its own artifact type). */
const onnxAsset = (): Doc => ({
  href: 'https://example.com/model.onnx',
  type: 'application/octet-stream; application=onnx',
  roles: ['mlm:model'],
  'mlm:artifact_type': 'onnx',
});
/** Turns item_basic's only input into one that names bands (with the `bands` dimension). */
const basicBandsInput = (d: Doc): void => {
  input(d).bands = ['B04', 'B03', 'B02'];
  input(d).input.dim_order = ['batch', 'bands', 'height', 'width'];
};
/** Adds a second input to item_basic without bands or variables. */
const basicSecondInput = (d: Doc): void => {
  d.properties['mlm:input'].push({
    name: 'mask',
    bands: [],
    input: {
      shape: [-1, 1, 64, 64],
      dim_order: ['batch', 'channel', 'height', 'width'],
      data_type: 'uint8',
    },
  });
};

function ok(rule: string, name: string, base: string, mutate: (d: Doc) => void): MutationCase {
  return { rule, name, base, expectValid: true, mutate };
}

function bad(
  rule: string,
  name: string,
  base: string,
  expectPath: string | undefined,
  mutate: (d: Doc) => void,
): MutationCase {
  return { rule, name, base, expectValid: false, expectPath, mutate };
}

const IN0 = '/properties/mlm:input/0';
const OUT0 = '/properties/mlm:output/0';

// ---------------------------------------------------------------------------------------------
// MLM schema rules (section (c))

const mlmRules: MutationCase[] = [
  // C-1: Item `properties` and `assets` are required.
  ok('C-1', 'extra non-MLM keys in properties', BASIC, (d) => {
    props(d).custom_field = { anything: [1, 2] };
    props(d)['proj:epsg'] = 4326;
  }),
  ok('C-1', 'extra non-model asset', BASIC, (d) => {
    d.assets.readme = { href: 'https://example.com/README.md', roles: ['metadata'] };
  }),
  bad('C-1', 'assets removed', BASIC, '/assets', (d) => {
    delete d.assets;
  }),
  bad('C-1', 'properties removed', BASIC, '/properties', (d) => {
    delete d.properties;
  }),
  bad('C-1', 'properties null', BASIC, '/properties', (d) => {
    d.properties = null;
  }),
  bad('C-1', 'assets is an array', BASIC, '/assets', (d) => {
    d.assets = [];
  }),

  // C-2: stac_extensions must contain exactly the v1.5.2 URL.
  bad('C-2', 'MLM URL removed from stac_extensions', EO, '/stac_extensions', (d) => {
    dropExt(d, '/mlm/');
  }),
  bad('C-2', 'MLM v1.5.1 URL instead of v1.5.2', BASIC, '/stac_extensions', (d) => {
    d.stac_extensions = [URLS.mlm151];
  }),
  bad('C-2', 'MLM URL over http instead of https', BASIC, '/stac_extensions', (d) => {
    d.stac_extensions = [URLS.mlm.replace('https:', 'http:')];
  }),
  bad('C-2', 'stac_extensions removed', BASIC, '/stac_extensions', (d) => {
    delete d.stac_extensions;
  }),
  bad('C-2', 'MLM URL listed twice (uniqueItems)', BASIC, '/stac_extensions', (d) => {
    addExt(d, URLS.mlm);
  }),
  ok('C-2', 'MLM URL moved to the end of stac_extensions', EO, (d) => {
    dropExt(d, '/mlm/');
    addExt(d, URLS.mlm);
  }),
  ok('C-2', 'extra unknown extension URL (unchecked, warning only)', BASIC, (d) => {
    addExt(d, 'https://example.com/my-extension/v1.0.0/schema.json');
  }),

  // C-3: placement of fields (item properties vs assets).
  bad(
    'C-3',
    'mlm:artifact_type in item properties',
    BASIC,
    '/properties/mlm:artifact_type',
    (d) => {
      props(d)['mlm:artifact_type'] = 'torch.save';
    },
  ),
  bad(
    'C-3',
    'mlm:compile_method in item properties',
    BASIC,
    '/properties/mlm:compile_method',
    (d) => {
      props(d)['mlm:compile_method'] = 'jit';
    },
  ),
  bad('C-3', 'mlm:entrypoint in item properties', BASIC, '/properties/mlm:entrypoint', (d) => {
    props(d)['mlm:entrypoint'] = 'pkg.module:predict';
  }),
  bad('C-3', 'mlm:name on an asset', BASIC, '/assets/model/mlm:name', (d) => {
    d.assets.model['mlm:name'] = 'asset-model';
  }),
  bad('C-3', 'mlm:input on an asset', BASIC, '/assets/model/mlm:input', (d) => {
    d.assets.model['mlm:input'] = [];
  }),
  bad('C-3', 'mlm:output on an asset', BASIC, '/assets/model/mlm:output', (d) => {
    d.assets.model['mlm:output'] = [];
  }),
  bad('C-3', 'mlm:hyperparameters on an asset', BASIC, '/assets/model/mlm:hyperparameters', (d) => {
    d.assets.model['mlm:hyperparameters'] = { lr: 0.01 };
  }),
  ok('C-3', 'mlm:hyperparameters in item properties', BASIC, (d) => {
    props(d)['mlm:hyperparameters'] = { learning_rate: 0.01, epochs: 10, 'sched.gamma-1': 'x' };
  }),
  ok('C-3', 'mlm:compile_method on the model asset', BASIC, (d) => {
    d.assets.model['mlm:compile_method'] = 'aot';
  }),
  ok('C-3', 'asset-level overrides of framework, accelerator and tasks', BASIC, (d) => {
    Object.assign(d.assets.model, {
      'mlm:framework': 'PyTorch',
      'mlm:framework_version': '2.1.0',
      'mlm:accelerator': 'cuda',
      'mlm:accelerator_count': 2,
      'mlm:tasks': ['classification'],
      'mlm:architecture': 'ResNet-50',
    });
  }),
  ok('C-3', 'root-level mlm:artifact_type is never checked', BASIC, (d) => {
    d['mlm:artifact_type'] = 'torch.save';
    d['mlm:name'] = 1;
  }),

  // C-4: unknown mlm: keys are rejected in properties and assets.
  bad('C-4', 'unknown mlm:foo in item properties', BASIC, '/properties/mlm:foo', (d) => {
    props(d)['mlm:foo'] = 1;
  }),
  bad('C-4', 'unknown mlm:foo on an asset', BASIC, '/assets/model/mlm:foo', (d) => {
    d.assets.model['mlm:foo'] = 'bar';
  }),
  bad('C-4', 'case variant mlm:Name in properties', BASIC, '/properties/mlm:Name', (d) => {
    props(d)['mlm:Name'] = 'example-model';
  }),
  bad('C-4', 'bare "mlm:" key in properties', BASIC, '/properties/mlm:', (d) => {
    props(d)['mlm:'] = true;
  }),
  ok('C-4', 'unknown mlm:foo at the item root is ignored', BASIC, (d) => {
    d['mlm:foo'] = 1;
  }),
  ok('C-4', 'unknown mlm:foo inside a model input is allowed', BASIC, (d) => {
    input(d)['mlm:foo'] = 1;
  }),
  ok('C-4', 'keys that only look like mlm (MLM:foo, mlmfoo, ml:foo)', BASIC, (d) => {
    props(d)['MLM:foo'] = 1;
    props(d).mlmfoo = 2;
    props(d)['ml:foo'] = 3;
  }),
  ok('C-4', 'legacy norm_type/statistics keys inside an input', BASIC, (d) => {
    input(d).norm_type = 'z-score';
    input(d).statistics = [{ mean: 1, stddev: 2 }];
    input(d).norm_clip = [1, 2];
  }),

  // C-5: at least one asset with the mlm:model role (assets {} is vacuously fine).
  ok('C-5', 'assets {} stays valid', BASIC, (d) => {
    d.assets = {};
  }),
  bad(
    'C-5',
    'the only model asset loses mlm:model (and its artifact type)',
    BASIC,
    '/assets',
    (d) => {
      d.assets.model.roles = ['weights'];
      delete d.assets.model['mlm:artifact_type'];
    },
  ),
  bad('C-5', 'the only model asset loses its roles (and artifact type)', BASIC, '/assets', (d) => {
    delete d.assets.model.roles;
    delete d.assets.model['mlm:artifact_type'];
  }),
  bad('C-5', 'role spelled "model" instead of "mlm:model"', EO, '/assets', (d) => {
    d.assets.weights.roles = ['model', 'mlm:weights'];
    delete d.assets.weights['mlm:artifact_type'];
  }),
  bad('C-5', 'role with wrong case "mlm:Model"', BASIC, '/assets', (d) => {
    d.assets.model.roles = ['mlm:Model'];
    delete d.assets.model['mlm:artifact_type'];
  }),
  ok('C-5', 'a second model asset', BASIC, (d) => {
    d.assets.onnx = onnxAsset();
  }),
  ok('C-5', 'mlm:model listed after other roles', BASIC, (d) => {
    d.assets.model.roles = ['data', 'weights', 'mlm:model'];
  }),

  // C-6: mlm:model role <=> mlm:artifact_type.
  bad('C-6', 'model asset without artifact type', BASIC, '/assets/model/mlm:artifact_type', (d) => {
    delete d.assets.model['mlm:artifact_type'];
  }),
  bad(
    'C-6',
    'artifact type on a non-model asset',
    EO,
    '/assets/source_code/mlm:artifact_type',
    (d) => {
      d.assets.source_code['mlm:artifact_type'] = 'torch.save';
    },
  ),
  bad('C-6', 'empty artifact type', BASIC, '/assets/model/mlm:artifact_type', (d) => {
    d.assets.model['mlm:artifact_type'] = '';
  }),
  bad('C-6', 'numeric artifact type', BASIC, '/assets/model/mlm:artifact_type', (d) => {
    d.assets.model['mlm:artifact_type'] = 42;
  }),
  bad('C-6', 'second model asset without artifact type', BASIC, '/assets/onnx', (d) => {
    d.assets.onnx = onnxAsset();
    delete d.assets.onnx['mlm:artifact_type'];
  }),
  bad(
    'C-6',
    'model asset turned into a non-model asset keeps its artifact type',
    BASIC,
    '/assets/model',
    (d) => {
      d.assets.model.roles = ['weights'];
      d.assets.readme = {
        href: 'https://example.com/m',
        roles: ['mlm:model'],
        'mlm:artifact_type': 'x',
      };
    },
  ),
  ok('C-6', 'custom (open) artifact type', BASIC, (d) => {
    d.assets.model['mlm:artifact_type'] = 'my-framework.export';
  }),
  ok('C-6', 'safetensors artifact type on a second model asset', EO, (d) => {
    d.assets.st = { ...onnxAsset(), 'mlm:artifact_type': 'safetensors.torch.save_file' };
    d.assets.st['eo:bands'] = d.assets.weights['eo:bands'];
  }),

  // C-7: mlm:entrypoint requires the `code` role.
  ok('C-7', 'entrypoint on a source-code asset with the code role', EO, (d) => {
    d.assets.source_code['mlm:entrypoint'] = 'my_package.my_module:inference_function';
  }),
  ok('C-7', 'entrypoint on the model asset that also has the code role', BASIC, (d) => {
    d.assets.model.roles = ['mlm:model', 'code'];
    d.assets.model['mlm:entrypoint'] = 'inference.py';
  }),
  ok('C-7', 'entrypoint on the torchgeo source_code asset', UNET, (d) => {
    d.assets.source_code['mlm:entrypoint'] = 'torchgeo.models:Unet';
  }),
  bad('C-7', 'entrypoint on an asset whose roles lack code', EO, '/assets/source_code', (d) => {
    d.assets.source_code.roles = ['mlm:source_code', 'metadata'];
    d.assets.source_code['mlm:entrypoint'] = 'pkg.mod:fn';
  }),
  bad('C-7', 'entrypoint on an asset without roles', EO, '/assets/source_code', (d) => {
    delete d.assets.source_code.roles;
    d.assets.source_code['mlm:entrypoint'] = 'pkg.mod:fn';
  }),
  bad('C-7', 'entrypoint on the model asset without the code role', BASIC, '/assets/model', (d) => {
    d.assets.model['mlm:entrypoint'] = 'inference.py';
  }),
  bad('C-7', 'empty entrypoint on a code asset', EO, '/assets/source_code/mlm:entrypoint', (d) => {
    d.assets.source_code['mlm:entrypoint'] = '';
  }),
  bad(
    'C-7',
    'numeric entrypoint on a code asset',
    EO,
    '/assets/source_code/mlm:entrypoint',
    (d) => {
      d.assets.source_code['mlm:entrypoint'] = 5;
    },
  ),

  // C-8: the reserved "bands" dimension.
  bad(
    'C-8',
    'input bands listed but dim_order lacks "bands"',
    EO,
    `${IN0}/input/dim_order`,
    (d) => {
      input(d).input.dim_order = ['batch', 'channel', 'height', 'width'];
    },
  ),
  bad('C-8', 'input bands [] but dim_order has "bands"', BASIC, `${IN0}/input/dim_order`, (d) => {
    input(d).input.dim_order = ['batch', 'bands', 'height', 'width'];
  }),
  bad(
    'C-8',
    'input bands omitted but dim_order has "bands"',
    BASIC,
    `${IN0}/input/dim_order`,
    (d) => {
      delete input(d).bands;
      input(d).input.dim_order = ['batch', 'bands', 'height', 'width'];
    },
  ),
  ok('C-8', 'input bands omitted with a "channel" dimension', BASIC, (d) => {
    delete input(d).bands;
  }),
  ok('C-8', 'fewer bands than the "bands" dimension size (count not compared)', EO, (d) => {
    input(d).bands = ['B04', 'B03'];
  }),
  bad(
    'C-8',
    'output bands listed but result dim_order lacks "bands"',
    RASTER,
    `${OUT0}/result/dim_order`,
    (d) => {
      output(d).bands = ['B01'];
    },
  ),
  ok('C-8', 'output bands with a "bands" result dimension', RASTER, (d) => {
    output(d).bands = ['B01'];
    output(d).result.dim_order = ['batch', 'bands'];
  }),
  bad(
    'C-8',
    'output bands [] but result dim_order has "bands"',
    BASIC,
    `${OUT0}/result/dim_order`,
    (d) => {
      output(d).bands = [];
      output(d).result.dim_order = ['batch', 'bands'];
    },
  ),
  ok('C-8', 'bands on the DEM input of item_multi_io with a "bands" dimension', MULTI, (d) => {
    input(d, 2).bands = ['B04'];
    input(d, 2).input.dim_order = ['batch', 'bands', 'y', 'x'];
  }),

  // C-9: the reserved "variables" dimension.
  bad(
    'C-9',
    'input variables listed but dim_order lacks "variables"',
    CUBE,
    `${IN0}/input/dim_order`,
    (d) => {
      input(d).input.dim_order = ['time', 'channel', 'lat', 'lon'];
    },
  ),
  bad(
    'C-9',
    'input variables [] but dim_order has "variables"',
    BASIC,
    `${IN0}/input/dim_order`,
    (d) => {
      input(d).variables = [];
      input(d).input.dim_order = ['batch', 'variables', 'height', 'width'];
    },
  ),
  bad(
    'C-9',
    'output variables removed but result dim_order has "variables"',
    CUBE,
    `${OUT0}/result/dim_order`,
    (d) => {
      delete output(d).variables;
    },
  ),
  ok('C-9', 'input variables [] without a "variables" dimension', BASIC, (d) => {
    input(d).variables = [];
  }),
  ok('C-9', 'output variables [] and "variables" dimension renamed', CUBE, (d) => {
    output(d).variables = [];
    output(d).result.dim_order = ['time', 'channel', 'lat', 'lon'];
  }),
  ok('C-9', 'empty variables removed from the torchgeo example', UNET, (d) => {
    delete input(d).variables;
    delete output(d).variables;
  }),

  // C-10: bands need a band source, but only when EVERY input (or every output) has bands.
  // The model reports a missing band source as one finding at /properties (the official schema
  // reports the failed anyOf at the root, next to one error per alternative), hence '/properties'.
  ok('C-10', 'item_multi_io without the raster URL (DEM input has no bands)', MULTI, (d) => {
    dropExt(d, '/raster/');
  }),
  ok('C-10', 'bands on only one of two inputs, no band source', BASIC, (d) => {
    basicBandsInput(d);
    basicSecondInput(d);
  }),
  bad('C-10', 'bands on the only input, no band source', BASIC, '/properties', (d) => {
    basicBandsInput(d);
  }),
  bad('C-10', 'bands on every output, no band source', BASIC, '/properties', (d) => {
    output(d).bands = ['B01'];
    output(d).result.dim_order = ['batch', 'bands'];
  }),
  bad('C-10', 'raster URL removed', RASTER, '/properties', (d) => {
    dropExt(d, '/raster/');
  }),
  bad(
    'C-10',
    'raster:bands removed from the model asset',
    RASTER,
    '/assets/weights/raster:bands',
    (d) => {
      delete d.assets.weights['raster:bands'];
    },
  ),
  bad('C-10', 'raster band without name', RASTER, '/assets/weights/raster:bands/0/name', (d) => {
    delete d.assets.weights['raster:bands'][0].name;
  }),
  bad('C-10', 'raster band with empty name', RASTER, '/assets/weights/raster:bands/0/name', (d) => {
    d.assets.weights['raster:bands'][0].name = '';
  }),
  bad(
    'C-10',
    'second model asset without raster:bands',
    RASTER,
    '/assets/onnx/raster:bands',
    (d) => {
      d.assets.onnx = onnxAsset();
    },
  ),
  ok('C-10', 'second model asset with raster:bands', RASTER, (d) => {
    d.assets.onnx = { ...onnxAsset(), 'raster:bands': [{ name: 'B01' }] };
  }),
  ok('C-10', 'raster v1.2.0 URL (unknown offline, still a v1 band source)', RASTER, (d) => {
    replaceExt(d, '/raster/', `${EXT}/raster/v1.2.0/schema.json`);
  }),
  bad('C-10', 'raster v2.0.0 URL is not a band source', RASTER, '/properties', (d) => {
    replaceExt(d, '/raster/', URLS.raster2);
  }),
  bad('C-10', 'eo:bands removed from the model asset', EO, '/properties', (d) => {
    delete d.assets.weights['eo:bands'];
  }),
  bad('C-10', 'eo URL removed', EO, '/properties', (d) => {
    dropExt(d, '/eo/');
  }),
  bad('C-10', 'eo v2.0.0 URL is not a band source', BASIC, '/properties', (d) => {
    basicBandsInput(d);
    addExt(d, URLS.eo2);
    props(d)['eo:cloud_cover'] = 1;
  }),
  ok('C-10', 'eo:bands in properties and on a non-model asset', EO, (d) => {
    props(d)['eo:bands'] = d.assets.weights['eo:bands'];
    d.assets.source_code['eo:bands'] = d.assets.weights['eo:bands'];
    delete d.assets.weights['eo:bands'];
  }),
  ok('C-10', 'eo + raster item without the raster URL (eo still a source)', EO_RASTER, (d) => {
    dropExt(d, '/raster/');
  }),
  // raster:bands only in item properties do not count for MLM (it looks at mlm:model assets).
  bad(
    'C-10',
    'eo + raster item without the eo URL',
    EO_RASTER,
    '/assets/weights/raster:bands',
    (d) => {
      dropExt(d, '/eo/');
      for (const a of Object.values(d.assets) as Doc[]) {
        delete a['eo:bands'];
      }
      delete props(d)['eo:bands'];
    },
  ),
  ok('C-10', 'STAC 1.1 bands in properties and on the model asset', RASTER, (d) => {
    toV11(d);
    dropExt(d, '/raster/');
    delete d.assets.weights['raster:bands'];
    props(d).bands = S2_BANDS;
    d.assets.weights.bands = S2_BANDS;
  }),
  bad(
    'C-10',
    'STAC 1.1 bands only on the asset (none in properties)',
    RASTER,
    '/properties',
    (d) => {
      toV11(d);
      dropExt(d, '/raster/');
      delete d.assets.weights['raster:bands'];
      d.assets.weights.bands = S2_BANDS;
    },
  ),
  bad('C-10', 'STAC 1.0 bands in properties are not a band source', RASTER, '/properties', (d) => {
    dropExt(d, '/raster/');
    delete d.assets.weights['raster:bands'];
    props(d).bands = S2_BANDS;
    d.assets.weights.bands = S2_BANDS;
  }),

  // C-11: variables need datacube v2 + cube:variables.
  bad('C-11', 'cube:variables removed from properties', CUBE, '/properties', (d) => {
    delete props(d)['cube:variables'];
  }),
  ok('C-11', 'cube:variables moved to the model asset', CUBE, (d) => {
    d.assets.weights['cube:variables'] = props(d)['cube:variables'];
    delete props(d)['cube:variables'];
  }),
  bad('C-11', 'cube:variables {}', CUBE, '/properties', (d) => {
    props(d)['cube:variables'] = {};
  }),
  bad('C-11', 'datacube URL removed', CUBE, '/properties', (d) => {
    dropExt(d, '/datacube/');
  }),
  bad('C-11', 'datacube v1 URL is not accepted', CUBE, '/properties', (d) => {
    replaceExt(d, '/datacube/', `${EXT}/datacube/v1.0.0/schema.json`);
  }),
  ok('C-11', 'datacube v2.2.0 URL (unknown offline, matches the v2 pattern)', CUBE, (d) => {
    replaceExt(d, '/datacube/', `${EXT}/datacube/v2.2.0/schema.json`);
  }),
  ok('C-11', 'variable names are not cross-checked with cube:variables', CUBE, (d) => {
    props(d)['cube:variables'] = { unrelated: { dimensions: ['time'] } };
  }),
  ok('C-11', 'variables on only one of two inputs, no datacube', BASIC, (d) => {
    input(d).variables = ['t2m'];
    input(d).input.dim_order = ['batch', 'variables', 'height', 'width'];
    basicSecondInput(d);
  }),
  bad('C-11', 'variables on every output, no datacube', BASIC, '/properties', (d) => {
    output(d).variables = ['t2m'];
    output(d).result.dim_order = ['batch', 'variables'];
  }),

  // C-12: value scaling.
  ok('C-12', 'value_scaling null', BASIC, (d) => {
    input(d).value_scaling = null;
  }),
  bad('C-12', 'value_scaling []', BASIC, `${IN0}/value_scaling`, (d) => {
    input(d).value_scaling = [];
  }),
  bad('C-12', 'value_scaling [null]', BASIC, `${IN0}/value_scaling`, (d) => {
    input(d).value_scaling = [null];
  }),
  bad('C-12', 'value_scaling as a single object', BASIC, `${IN0}/value_scaling`, (d) => {
    input(d).value_scaling = { type: 'scale', value: 255 };
  }),
  ok('C-12', 'min-max', BASIC, (d) => {
    input(d).value_scaling = [{ type: 'min-max', minimum: 0, maximum: 255 }];
  }),
  bad('C-12', 'min-max without maximum', BASIC, `${IN0}/value_scaling/0`, (d) => {
    input(d).value_scaling = [{ type: 'min-max', minimum: 0 }];
  }),
  ok('C-12', 'z-score with extra minimum/maximum keys', BASIC, (d) => {
    input(d).value_scaling = [{ type: 'z-score', mean: 1, stddev: 2, minimum: 1, maximum: 2 }];
  }),
  bad('C-12', 'z-score without stddev', BASIC, `${IN0}/value_scaling/0`, (d) => {
    input(d).value_scaling = [{ type: 'z-score', mean: 1 }];
  }),
  bad('C-12', 'unknown type "normalize"', BASIC, `${IN0}/value_scaling/0`, (d) => {
    input(d).value_scaling = [{ type: 'normalize', minimum: 0, maximum: 1 }];
  }),
  bad('C-12', '{type: null} element', BASIC, `${IN0}/value_scaling/0`, (d) => {
    input(d).value_scaling = [{ type: null }];
  }),
  ok('C-12', 'clip-min without maximum, clip-max, offset, scale, one per band', BASIC, (d) => {
    input(d).value_scaling = [
      { type: 'clip-min', minimum: 0 },
      { type: 'clip-max', maximum: 1000 },
      { type: 'offset', value: 1.5 },
      { type: 'scale', value: 10000 },
    ];
  }),
  bad('C-12', 'clip-max without maximum', BASIC, `${IN0}/value_scaling/0`, (d) => {
    input(d).value_scaling = [{ type: 'clip-max', minimum: 0 }];
  }),
  bad('C-12', 'clip with a string minimum', BASIC, `${IN0}/value_scaling/0`, (d) => {
    input(d).value_scaling = [{ type: 'clip', minimum: '0', maximum: 1 }];
  }),
  bad('C-12', 'scale with a string value', BASIC, `${IN0}/value_scaling/0`, (d) => {
    input(d).value_scaling = [{ type: 'scale', value: '2' }];
  }),
  ok('C-12', 'processing expression scaling', BASIC, (d) => {
    input(d).value_scaling = [
      { type: 'processing', format: 'gdal-calc', expression: 'A * 2', description: 'double' },
    ];
  }),
  bad('C-12', 'processing scaling without expression', BASIC, `${IN0}/value_scaling/0`, (d) => {
    input(d).value_scaling = [{ type: 'processing', format: 'gdal-calc' }];
  }),
  bad('C-12', 'second element invalid in item_eo_bands', EO, `${IN0}/value_scaling/1`, (d) => {
    input(d).value_scaling = [
      { type: 'scale', value: 10000 },
      { type: 'min-max', maximum: 1 },
    ];
  }),

  // C-14: field formats.
  ok('C-14', 'mlm:name with spaces, dots and digits', BASIC, (d) => {
    props(d)['mlm:name'] = 'My Model v1.0';
  }),
  ok('C-14', 'mlm:name with exactly 3 characters', BASIC, (d) => {
    props(d)['mlm:name'] = 'a_b';
  }),
  bad('C-14', 'mlm:name with 2 characters', BASIC, '/properties/mlm:name', (d) => {
    props(d)['mlm:name'] = 'ab';
  }),
  bad('C-14', 'mlm:name starting with a digit', BASIC, '/properties/mlm:name', (d) => {
    props(d)['mlm:name'] = '1model';
  }),
  bad('C-14', 'mlm:name ending with a dash', BASIC, '/properties/mlm:name', (d) => {
    props(d)['mlm:name'] = 'model-';
  }),
  ok('C-14', 'mlm:framework outside the enum (pytorch)', BASIC, (d) => {
    props(d)['mlm:framework'] = 'pytorch';
  }),
  ok('C-14', 'mlm:framework from the enum with a space (Hugging Face)', BASIC, (d) => {
    props(d)['mlm:framework'] = 'Hugging Face';
  }),
  bad('C-14', 'mlm:framework with a leading space', BASIC, '/properties/mlm:framework', (d) => {
    props(d)['mlm:framework'] = ' PyTorch';
  }),
  bad('C-14', 'mlm:framework ending with a dot', BASIC, '/properties/mlm:framework', (d) => {
    props(d)['mlm:framework'] = 'torch.';
  }),
  bad('C-14', 'empty mlm:framework', BASIC, '/properties/mlm:framework', (d) => {
    props(d)['mlm:framework'] = '';
  }),
  ok('C-14', 'framework_version with build metadata', BASIC, (d) => {
    props(d)['mlm:framework_version'] = '2.1.2+cu121';
  }),
  ok('C-14', 'framework_version with a pre-release', BASIC, (d) => {
    props(d)['mlm:framework_version'] = '1.0.0-rc.1';
  }),
  bad('C-14', 'framework_version "2.1"', BASIC, '/properties/mlm:framework_version', (d) => {
    props(d)['mlm:framework_version'] = '2.1';
  }),
  bad(
    'C-14',
    'framework_version with a leading zero',
    BASIC,
    '/properties/mlm:framework_version',
    (d) => {
      props(d)['mlm:framework_version'] = '01.0.0';
    },
  ),
  ok('C-14', 'memory_size, total_parameters and batch size 0', BASIC, (d) => {
    props(d)['mlm:memory_size'] = 0;
    props(d)['mlm:total_parameters'] = 0;
    props(d)['mlm:batch_size_suggestion'] = 0;
  }),
  bad('C-14', 'negative memory_size', BASIC, '/properties/mlm:memory_size', (d) => {
    props(d)['mlm:memory_size'] = -1;
  }),
  bad('C-14', 'fractional total_parameters', BASIC, '/properties/mlm:total_parameters', (d) => {
    props(d)['mlm:total_parameters'] = 1.5;
  }),
  bad(
    'C-14',
    'negative batch_size_suggestion',
    BASIC,
    '/properties/mlm:batch_size_suggestion',
    (d) => {
      props(d)['mlm:batch_size_suggestion'] = -4;
    },
  ),
  ok('C-14', 'accelerator_count 1', BASIC, (d) => {
    props(d)['mlm:accelerator_count'] = 1;
  }),
  bad('C-14', 'accelerator_count 0', BASIC, '/properties/mlm:accelerator_count', (d) => {
    props(d)['mlm:accelerator_count'] = 0;
  }),
  ok('C-14', 'accelerator macos-arm', BASIC, (d) => {
    props(d)['mlm:accelerator'] = 'macos-arm';
  }),
  bad(
    'C-14',
    'accelerator "cpu" (README alias, not in the schema enum)',
    BASIC,
    '/properties/mlm:accelerator',
    (d) => {
      props(d)['mlm:accelerator'] = 'cpu';
    },
  ),
  bad(
    'C-14',
    'accelerator_constrained as a string',
    BASIC,
    '/properties/mlm:accelerator_constrained',
    (d) => {
      props(d)['mlm:accelerator_constrained'] = 'yes';
    },
  ),
  bad('C-14', 'numeric accelerator_summary', BASIC, '/properties/mlm:accelerator_summary', (d) => {
    props(d)['mlm:accelerator_summary'] = 5;
  }),
  bad('C-14', 'numeric architecture', BASIC, '/properties/mlm:architecture', (d) => {
    props(d)['mlm:architecture'] = 50;
  }),
  bad('C-14', 'hyperparameters {}', BASIC, '/properties/mlm:hyperparameters', (d) => {
    props(d)['mlm:hyperparameters'] = {};
  }),
  bad('C-14', 'hyperparameter key with a space', BASIC, '/properties/mlm:hyperparameters', (d) => {
    props(d)['mlm:hyperparameters'] = { 'learning rate': 0.1 };
  }),
  ok('C-14', 'mlm:tasks []', BASIC, (d) => {
    props(d)['mlm:tasks'] = [];
  }),
  bad('C-14', 'duplicate task', BASIC, '/properties/mlm:tasks', (d) => {
    props(d)['mlm:tasks'] = ['classification', 'classification'];
  }),
  bad('C-14', 'unknown task "clustering"', BASIC, '/properties/mlm:tasks', (d) => {
    props(d)['mlm:tasks'] = ['classification', 'clustering'];
  }),
  ok('C-14', 'every task from the enum', BASIC, (d) => {
    props(d)['mlm:tasks'] = [...TASKS];
  }),
  bad('C-14', 'unknown output task', BASIC, `${OUT0}/tasks`, (d) => {
    output(d).tasks = ['classify'];
  }),
  ok('C-14', 'output tasks [] (subset not checked)', BASIC, (d) => {
    output(d).tasks = [];
  }),
  bad('C-14', 'invalid framework on an asset', BASIC, '/assets/model/mlm:framework', (d) => {
    d.assets.model['mlm:framework'] = '-torch';
  }),

  // C-15: shapes, dim_order and data_type.
  ok('C-15', 'shape with a 0 dimension (prose says > 0, schema allows it)', BASIC, (d) => {
    input(d).input.shape = [-1, 3, 0, 64];
  }),
  ok('C-15', 'shape length differs from dim_order length (not compared)', BASIC, (d) => {
    input(d).input.shape = [-1, 3];
  }),
  bad('C-15', 'empty shape', BASIC, `${IN0}/input/shape`, (d) => {
    input(d).input.shape = [];
  }),
  bad('C-15', 'shape value -2', BASIC, `${IN0}/input/shape/0`, (d) => {
    input(d).input.shape = [-2, 3, 64, 64];
  }),
  bad('C-15', 'fractional shape value', BASIC, `${IN0}/input/shape/2`, (d) => {
    input(d).input.shape = [-1, 3, 64.5, 64];
  }),
  bad('C-15', 'string shape value', BASIC, `${IN0}/input/shape/1`, (d) => {
    input(d).input.shape = [-1, '3', 64, 64];
  }),
  bad('C-15', 'empty dim_order', BASIC, `${IN0}/input/dim_order`, (d) => {
    input(d).input.dim_order = [];
  }),
  bad('C-15', 'duplicate dimension names', BASIC, `${IN0}/input/dim_order`, (d) => {
    input(d).input.dim_order = ['batch', 'channel', 'height', 'height'];
  }),
  bad('C-15', 'uppercase dimension name', BASIC, `${IN0}/input/dim_order/2`, (d) => {
    input(d).input.dim_order = ['batch', 'channel', 'Height', 'width'];
  }),
  bad('C-15', 'dimension name with digits', BASIC, `${IN0}/input/dim_order/3`, (d) => {
    input(d).input.dim_order = ['batch', 'channel', 'height', 'dim2'];
  }),
  ok('C-15', 'dimension names with - and _', BASIC, (d) => {
    input(d).input.dim_order = ['batch', 'channel', 'time-step', 'x_y'];
  }),
  bad('C-15', 'unknown data_type float128', BASIC, `${IN0}/input/data_type`, (d) => {
    input(d).input.data_type = 'float128';
  }),
  ok('C-15', 'data_type other / cfloat64', BASIC, (d) => {
    input(d).input.data_type = 'other';
    output(d).result.data_type = 'cfloat64';
  }),
  bad('C-15', 'result shape -5', BASIC, `${OUT0}/result/shape/1`, (d) => {
    output(d).result.shape = [-1, -5];
  }),
  bad('C-15', 'result data_type "int"', BASIC, `${OUT0}/result/data_type`, (d) => {
    output(d).result.data_type = 'int';
  }),

  // C-16: required keys of inputs, outputs and structures.
  bad('C-16', 'input without name', BASIC, `${IN0}/name`, (d) => {
    delete input(d).name;
  }),
  bad('C-16', 'input with empty name', BASIC, `${IN0}/name`, (d) => {
    input(d).name = '';
  }),
  bad('C-16', 'input without input structure', BASIC, `${IN0}/input`, (d) => {
    delete input(d).input;
  }),
  bad('C-16', 'input structure without shape', BASIC, `${IN0}/input/shape`, (d) => {
    delete input(d).input.shape;
  }),
  bad('C-16', 'input structure without dim_order', BASIC, `${IN0}/input/dim_order`, (d) => {
    delete input(d).input.dim_order;
  }),
  bad('C-16', 'input structure without data_type', BASIC, `${IN0}/input/data_type`, (d) => {
    delete input(d).input.data_type;
  }),
  bad('C-16', 'output without tasks', BASIC, `${OUT0}/tasks`, (d) => {
    delete output(d).tasks;
  }),
  bad('C-16', 'output without result', BASIC, `${OUT0}/result`, (d) => {
    delete output(d).result;
  }),
  bad('C-16', 'output without name', BASIC, `${OUT0}/name`, (d) => {
    delete output(d).name;
  }),
  bad('C-16', 'result without data_type', BASIC, `${OUT0}/result/data_type`, (d) => {
    delete output(d).result.data_type;
  }),
  bad('C-16', 'mlm:input removed', BASIC, '/properties/mlm:input', (d) => {
    delete props(d)['mlm:input'];
  }),
  bad('C-16', 'mlm:name removed', BASIC, '/properties/mlm:name', (d) => {
    delete props(d)['mlm:name'];
  }),
  bad('C-16', 'mlm:tasks removed', BASIC, '/properties/mlm:tasks', (d) => {
    delete props(d)['mlm:tasks'];
  }),
  bad('C-16', 'empty input description', BASIC, `${IN0}/description`, (d) => {
    input(d).description = '';
  }),
  ok('C-16', 'mlm:input [] and mlm:output [] (explicitly no inputs/outputs)', BASIC, (d) => {
    props(d)['mlm:input'] = [];
    props(d)['mlm:output'] = [];
  }),
  ok('C-16', 'descriptions on input and output', BASIC, (d) => {
    input(d).description = 'RGB patch';
    output(d).description = 'Class scores';
  }),

  // C-17: band / variable objects.
  ok('C-17', 'plain band objects and strings mixed', EXPR, (d) => {
    input(d).bands = ['B04', { name: 'B03' }, 'B02', input(d).bands[3]];
  }),
  ok('C-17', 'band expression null (only presence is required)', EXPR, (d) => {
    input(d).bands[3].expression = null;
  }),
  bad('C-17', 'band format without expression', EXPR, `${IN0}/bands/3`, (d) => {
    delete input(d).bands[3].expression;
  }),
  bad('C-17', 'band expression without format', EXPR, `${IN0}/bands/3`, (d) => {
    delete input(d).bands[3].format;
  }),
  bad('C-17', 'band object with an extra key', EXPR, `${IN0}/bands/0`, (d) => {
    input(d).bands[0].common_name = 'red';
  }),
  bad('C-17', 'band object without name', EXPR, `${IN0}/bands/0`, (d) => {
    input(d).bands[0] = { format: 'rio-calc', expression: 'B04' };
  }),
  bad('C-17', 'empty band string', EO, `${IN0}/bands/0`, (d) => {
    input(d).bands[0] = '';
  }),
  bad('C-17', 'numeric band', EO, `${IN0}/bands/1`, (d) => {
    input(d).bands[1] = 2;
  }),
  bad('C-17', 'empty band format', EXPR, `${IN0}/bands/3`, (d) => {
    input(d).bands[3].format = '';
  }),
  bad('C-17', 'variable object with an extra key', CUBE, `${IN0}/variables/0`, (d) => {
    input(d).variables[0] = { name: 'land_sea_mask', unit: '1' };
  }),
  ok('C-17', 'variable objects with expressions', CUBE, (d) => {
    input(d).variables[0] = { name: 'land_sea_mask', format: 'python', expression: 'lsm > 0.5' };
  }),

  // C-18: processing expressions.
  ok('C-18', 'pre_processing_function null', EO, (d) => {
    input(d).pre_processing_function = null;
  }),
  ok('C-18', 'pre_processing_function array of two', EO, (d) => {
    input(d).pre_processing_function = [
      { format: 'python', expression: 'a:b' },
      { format: 'docker', expression: 'ghcr.io/x/y:1', description: 'second step' },
    ];
  }),
  // Surprise: array items are ProcessingExpression, which itself allows null.
  ok('C-18', 'pre_processing_function [null]', EO, (d) => {
    input(d).pre_processing_function = [null];
  }),
  ok('C-18', 'expression null (only presence is required)', EO, (d) => {
    input(d).pre_processing_function = { format: 'python', expression: null };
  }),
  bad('C-18', 'pre_processing_function []', EO, `${IN0}/pre_processing_function`, (d) => {
    input(d).pre_processing_function = [];
  }),
  bad('C-18', 'expression missing', EO, `${IN0}/pre_processing_function`, (d) => {
    input(d).pre_processing_function = { format: 'python' };
  }),
  bad('C-18', 'numeric format', EO, `${IN0}/pre_processing_function`, (d) => {
    input(d).pre_processing_function = { format: 1, expression: 'x' };
  }),
  bad('C-18', 'numeric description', EO, `${IN0}/pre_processing_function`, (d) => {
    input(d).pre_processing_function = { format: 'python', expression: 'x', description: 5 };
  }),
  bad(
    'C-18',
    'post_processing_function as a string',
    EO,
    `${OUT0}/post_processing_function`,
    (d) => {
      output(d).post_processing_function = 'torch.argmax';
    },
  ),
  bad('C-18', 'second array element without format', EO, `${IN0}/pre_processing_function`, (d) => {
    input(d).pre_processing_function = [
      { format: 'python', expression: 'a:b' },
      { expression: 'c:d' },
    ];
  }),

  // C-19: classification:classes on outputs.
  ok('C-19', 'classification:classes []', BASIC, (d) => {
    output(d)['classification:classes'] = [];
  }),
  ok('C-19', 'classes with hex color_hint', BASIC, (d) => {
    output(d)['classification:classes'] = [
      { value: 0, name: 'bg', description: 'Background', color_hint: '000000' },
      { value: 1, description: 'City', color_hint: 'FF00aa', extra: true },
    ];
  }),
  bad('C-19', 'color_hint "red"', BASIC, `${OUT0}/classification:classes`, (d) => {
    output(d)['classification:classes'] = [{ value: 0, description: 'bg', color_hint: 'red' }];
  }),
  // The examples use classification_classes (ignored); renamed, their RGB arrays fail.
  bad(
    'C-19',
    'classification_classes renamed (color_hint arrays)',
    BASIC,
    `${OUT0}/classification:classes`,
    (d) => {
      output(d)['classification:classes'] = output(d).classification_classes;
      delete output(d).classification_classes;
    },
  ),
  bad('C-19', 'class without description', BASIC, `${OUT0}/classification:classes`, (d) => {
    output(d)['classification:classes'] = [{ value: 0, name: 'bg' }];
  }),
  bad('C-19', 'fractional class value', BASIC, `${OUT0}/classification:classes`, (d) => {
    output(d)['classification:classes'] = [{ value: 0.5, description: 'bg' }];
  }),
  bad('C-19', 'duplicate classes', BASIC, `${OUT0}/classification:classes`, (d) => {
    const c = { value: 0, description: 'bg' };
    output(d)['classification:classes'] = [c, { ...c }];
  }),
  bad('C-19', 'classes as an object', BASIC, `${OUT0}/classification:classes`, (d) => {
    output(d)['classification:classes'] = { value: 0, description: 'bg' };
  }),
  ok('C-19', 'torchgeo classes with a color hint added', UNET, (d) => {
    output(d)['classification:classes'][0].color_hint = 'ABCDEF';
  }),

  // C-20: the mlm:pretrained if/then is inert; only `type: boolean` is enforced.
  ok('C-20', 'pretrained false without pretrained_source', BASIC, (d) => {
    props(d)['mlm:pretrained'] = false;
  }),
  ok('C-20', 'pretrained false with a pretrained_source string', BASIC, (d) => {
    props(d)['mlm:pretrained'] = false;
    props(d)['mlm:pretrained_source'] = 'ImageNet';
  }),
  ok('C-20', 'pretrained true with pretrained_source null', BASIC, (d) => {
    props(d)['mlm:pretrained'] = true;
    props(d)['mlm:pretrained_source'] = null;
  }),
  bad('C-20', 'pretrained as a string (type only)', BASIC, '/properties/mlm:pretrained', (d) => {
    props(d)['mlm:pretrained'] = 'yes';
  }),
  bad('C-20', 'pretrained_source numeric', BASIC, '/properties/mlm:pretrained_source', (d) => {
    props(d)['mlm:pretrained'] = false;
    props(d)['mlm:pretrained_source'] = 0;
  }),

  // C-21: which fields accept null.
  ok('C-21', 'null accelerator, pretrained_source, resize_type, value_scaling', BASIC, (d) => {
    props(d)['mlm:accelerator'] = null;
    props(d)['mlm:pretrained_source'] = null;
    input(d).resize_type = null;
    input(d).value_scaling = null;
  }),
  ok('C-21', 'null pre/post processing functions', BASIC, (d) => {
    input(d).pre_processing_function = null;
    output(d).post_processing_function = null;
  }),
  ok('C-21', 'null accelerator on an asset', BASIC, (d) => {
    d.assets.model['mlm:accelerator'] = null;
  }),
  bad('C-21', 'null framework', BASIC, '/properties/mlm:framework', (d) => {
    props(d)['mlm:framework'] = null;
  }),
  bad('C-21', 'null architecture', BASIC, '/properties/mlm:architecture', (d) => {
    props(d)['mlm:architecture'] = null;
  }),
  bad('C-21', 'null tasks', BASIC, '/properties/mlm:tasks', (d) => {
    props(d)['mlm:tasks'] = null;
  }),
  bad('C-21', 'null pretrained', BASIC, '/properties/mlm:pretrained', (d) => {
    props(d)['mlm:pretrained'] = null;
  }),
  bad('C-21', 'null compile_method on an asset', BASIC, '/assets/model/mlm:compile_method', (d) => {
    d.assets.model['mlm:compile_method'] = null;
  }),
  bad('C-21', 'null artifact type', BASIC, '/assets/model/mlm:artifact_type', (d) => {
    d.assets.model['mlm:artifact_type'] = null;
  }),
  bad('C-21', 'null bands', BASIC, `${IN0}/bands`, (d) => {
    input(d).bands = null;
  }),
  bad('C-21', 'null classification:classes', BASIC, `${OUT0}/classification:classes`, (d) => {
    output(d)['classification:classes'] = null;
  }),
  bad('C-21', 'null memory_size', BASIC, '/properties/mlm:memory_size', (d) => {
    props(d)['mlm:memory_size'] = null;
  }),
  bad(
    'C-21',
    'null accelerator_constrained',
    BASIC,
    '/properties/mlm:accelerator_constrained',
    (d) => {
      props(d)['mlm:accelerator_constrained'] = null;
    },
  ),
  bad('C-21', 'null hyperparameters', BASIC, '/properties/mlm:hyperparameters', (d) => {
    props(d)['mlm:hyperparameters'] = null;
  }),
  bad('C-21', 'null input structure', BASIC, `${IN0}/input`, (d) => {
    input(d).input = null;
  }),
];

// ---------------------------------------------------------------------------------------------
// STAC core item rules (1.0.0 and 1.1.0, GeoJSON Feature)

const coreRules: MutationCase[] = [
  ok('core:geometry', 'geometry null without bbox', BASIC, (d) => {
    d.geometry = null;
    delete d.bbox;
  }),
  bad('core:geometry', 'geometry null with a bbox', BASIC, '/bbox', (d) => {
    d.geometry = null;
  }),
  bad('core:geometry', 'geometry without bbox', BASIC, '/bbox', (d) => {
    delete d.bbox;
  }),
  ok('core:geometry', 'Point geometry', BASIC, (d) => {
    d.geometry = { type: 'Point', coordinates: [10, 45] };
    d.bbox = [10, 45, 10, 45];
  }),
  bad('core:geometry', 'unknown geometry type', BASIC, '/geometry', (d) => {
    d.geometry = { type: 'Circle', coordinates: [10, 45] };
  }),
  bad('core:geometry', 'geometry removed', BASIC, '/geometry', (d) => {
    delete d.geometry;
    delete d.bbox;
  }),
  bad('core:geometry', 'Polygon with too few positions in a ring', BASIC, '/geometry', (d) => {
    d.geometry.coordinates[0] = d.geometry.coordinates[0].slice(0, 3);
  }),

  ok('core:bbox', 'bbox with 6 numbers (3D)', BASIC, (d) => {
    d.bbox = [-7.9, 37.1, 0, 27.9, 58.2, 100];
  }),
  bad('core:bbox', 'bbox with 5 numbers', BASIC, '/bbox', (d) => {
    d.bbox = [-7.9, 37.1, 27.9, 58.2, 1];
  }),
  bad('core:bbox', 'bbox with 3 numbers', BASIC, '/bbox', (d) => {
    d.bbox = [-7.9, 37.1, 27.9];
  }),
  bad('core:bbox', 'bbox with a string', BASIC, '/bbox', (d) => {
    d.bbox[0] = '-7.9';
  }),

  ok('core:datetime', 'datetime set, start/end removed', BASIC, (d) => {
    props(d).datetime = '2024-01-01T00:00:00Z';
    delete props(d).start_datetime;
    delete props(d).end_datetime;
  }),
  ok('core:datetime', 'datetime with +00:00 offset and fractional seconds', BASIC, (d) => {
    props(d).datetime = '2024-01-01T12:30:00.123+00:00';
  }),
  bad('core:datetime', 'datetime null without start/end', BASIC, '/properties/datetime', (d) => {
    delete props(d).start_datetime;
    delete props(d).end_datetime;
  }),
  bad(
    'core:datetime',
    'start_datetime without end_datetime',
    BASIC,
    '/properties/end_datetime',
    (d) => {
      delete props(d).end_datetime;
    },
  ),
  bad('core:datetime', 'datetime without Z', BASIC, '/properties/datetime', (d) => {
    props(d).datetime = '2024-01-01T00:00:00';
  }),
  bad('core:datetime', 'datetime with a +02:00 offset', BASIC, '/properties/datetime', (d) => {
    props(d).datetime = '2024-01-01T00:00:00+02:00';
  }),
  bad(
    'core:datetime',
    'datetime key missing (start/end present)',
    BASIC,
    '/properties/datetime',
    (d) => {
      delete props(d).datetime;
    },
  ),
  bad('core:datetime', 'impossible date', BASIC, '/properties/datetime', (d) => {
    props(d).datetime = '2024-02-30T00:00:00Z';
  }),
  bad('core:datetime', 'end_datetime date only', BASIC, '/properties/end_datetime', (d) => {
    props(d).end_datetime = '9999-12-31';
  }),
  ok('core:datetime', 'created and updated timestamps', BASIC, (d) => {
    props(d).created = '2024-01-01T00:00:00Z';
    props(d).updated = '2024-06-01T00:00:00.5Z';
  }),
  bad('core:datetime', 'created without timezone', BASIC, '/properties/created', (d) => {
    props(d).created = '2024-01-01T00:00:00';
  }),

  bad('core:collection', 'collection link but no collection field', BASIC, '/collection', (d) => {
    delete d.collection;
  }),
  ok('core:collection', 'no collection link and no collection field', BASIC, (d) => {
    delete d.collection;
    d.links = d.links.filter((l: Doc) => l.rel !== 'collection');
  }),
  bad(
    'core:collection',
    'collection field without a collection link',
    BASIC,
    '/collection',
    (d) => {
      d.links = d.links.filter((l: Doc) => l.rel !== 'collection');
    },
  ),
  bad('core:collection', 'empty collection id', BASIC, '/collection', (d) => {
    d.collection = '';
  }),

  bad('core:id', 'empty id', BASIC, '/id', (d) => {
    d.id = '';
  }),
  bad('core:id', 'id missing', BASIC, '/id', (d) => {
    delete d.id;
  }),
  bad('core:id', 'numeric id', BASIC, '/id', (d) => {
    d.id = 42;
  }),
  ok('core:id', 'id with spaces and unicode', BASIC, (d) => {
    d.id = 'modèle 1';
  }),

  bad('core:links', 'empty link href', BASIC, '/links/1/href', (d) => {
    d.links[1].href = '';
  }),
  bad('core:links', 'link without rel', BASIC, '/links/1', (d) => {
    delete d.links[1].rel;
  }),
  bad('core:links', 'links missing', BASIC, '/links', (d) => {
    delete d.links;
    delete d.collection;
  }),
  ok('core:links', 'extra link with title and unknown keys', BASIC, (d) => {
    d.links.push({ rel: 'license', href: 'https://example.com/LICENSE', title: 'License', foo: 1 });
  }),

  bad('core:assets', 'asset without href', BASIC, '/assets/model/href', (d) => {
    delete d.assets.model.href;
  }),
  bad('core:assets', 'asset with empty href', BASIC, '/assets/model/href', (d) => {
    d.assets.model.href = '';
  }),
  bad('core:assets', 'asset roles as a string', BASIC, '/assets/model/roles', (d) => {
    d.assets.model.roles = 'mlm:model';
  }),
  bad('core:assets', 'asset title as a number', BASIC, '/assets/model/title', (d) => {
    d.assets.model.title = 1;
  }),

  bad('core:type', 'type missing', BASIC, '/type', (d) => {
    delete d.type;
  }),
  bad(
    'core:stac_extensions',
    'stac_extensions entry that is not an IRI',
    BASIC,
    '/stac_extensions/1',
    (d) => {
      addExt(d, 'not a url');
    },
  ),

  ok('core:stac_version', 'STAC 1.1.0 with an absolute self link', BASIC, (d) => {
    toV11(d);
  }),
  ok('core:stac_version', 'STAC 1.1.0 for the datacube example', CUBE, (d) => {
    toV11(d);
  }),
  // Surprise: STAC 1.1 requires the `self` link href to be an absolute IRI (all examples use ./…).
  bad('core:stac_version', 'STAC 1.1.0 with a relative self link', BASIC, '/links/1/href', (d) => {
    d.stac_version = '1.1.0';
  }),
  bad('core:stac_version', 'STAC 1.2.0 (unsupported)', BASIC, '/stac_version', (d) => {
    d.stac_version = '1.2.0';
  }),
  bad('core:stac_version', 'stac_version missing', BASIC, '/stac_version', (d) => {
    delete d.stac_version;
  }),
  bad(
    'core:1.1-bands',
    'STAC 1.1 properties.bands without any asset bands',
    BASIC,
    '/properties/bands',
    (d) => {
      toV11(d);
      props(d).bands = S2_BANDS;
    },
  ),
  ok('core:1.1-bands', 'STAC 1.1 properties.bands with asset bands', BASIC, (d) => {
    toV11(d);
    props(d).bands = S2_BANDS;
    d.assets.model.bands = S2_BANDS;
  }),
  ok('core:1.1-bands', 'STAC 1.1 bands only on the asset', BASIC, (d) => {
    toV11(d);
    d.assets.model.bands = [{ name: 'B01', data_type: 'uint16', nodata: 'nan' }];
  }),
  bad(
    'core:1.1-bands',
    'STAC 1.1 asset band with a bad data_type',
    BASIC,
    '/assets/model/bands/0/data_type',
    (d) => {
      toV11(d);
      d.assets.model.bands = [{ name: 'B01', data_type: 'uint12' }];
    },
  ),
  ok('core:1.1-bands', 'STAC 1.0 properties.bands is just an unknown field', BASIC, (d) => {
    props(d).bands = S2_BANDS;
  }),
  bad(
    'core:1.1-description',
    'STAC 1.1 empty description',
    BASIC,
    '/properties/description',
    (d) => {
      toV11(d);
      props(d).description = '';
    },
  ),
  ok('core:1.1-description', 'STAC 1.0 empty description is allowed', BASIC, (d) => {
    props(d).description = '';
  }),
  bad(
    'core:1.1-common',
    'STAC 1.1 empty statistics object in properties',
    BASIC,
    '/properties/statistics',
    (d) => {
      toV11(d);
      props(d).statistics = {};
    },
  ),
  ok('core:1.1-common', 'STAC 1.0 statistics is just an unknown field', BASIC, (d) => {
    props(d).statistics = {};
  }),
  bad('core:1.1-common', 'STAC 1.1 keywords as a string', BASIC, '/properties/keywords', (d) => {
    toV11(d);
    props(d).keywords = 'ml';
  }),
  bad('core:1.1-links', 'STAC 1.1 link method in lowercase', BASIC, '/links/0/method', (d) => {
    toV11(d);
    d.links[0].method = 'get';
  }),
  ok('core:1.1-links', 'STAC 1.1 link method POST with headers', BASIC, (d) => {
    toV11(d);
    d.links[0].method = 'POST';
    d.links[0].headers = { Accept: 'application/json', 'X-Multi': ['a', 'b'] };
  }),

  ok('core:license', 'SPDX license id', BASIC, (d) => {
    props(d).license = 'CC-BY-4.0';
  }),
  ok('core:license', 'proprietary license', BASIC, (d) => {
    props(d).license = 'proprietary';
  }),
  bad('core:license', 'license with a space', BASIC, '/properties/license', (d) => {
    props(d).license = 'MIT License';
  }),

  ok('core:providers', 'provider with roles and url', BASIC, (d) => {
    props(d).providers = [
      { name: 'ACME', roles: ['producer', 'host'], url: 'https://acme.example' },
    ];
  }),
  bad('core:providers', 'unknown provider role', BASIC, '/properties/providers/0/roles/0', (d) => {
    props(d).providers = [{ name: 'ACME', roles: ['owner'] }];
  }),
  bad('core:providers', 'provider without name', BASIC, '/properties/providers/0', (d) => {
    props(d).providers = [{ roles: ['producer'] }];
  }),

  ok('core:instrument', 'gsd 10', BASIC, (d) => {
    props(d).gsd = 10;
    props(d).platform = 'sentinel-2a';
    props(d).instruments = ['msi'];
  }),
  bad('core:instrument', 'gsd 0', BASIC, '/properties/gsd', (d) => {
    props(d).gsd = 0;
  }),
  bad('core:instrument', 'negative gsd', BASIC, '/properties/gsd', (d) => {
    props(d).gsd = -1;
  }),
  bad('core:instrument', 'instruments as a string', BASIC, '/properties/instruments', (d) => {
    props(d).instruments = 'msi';
  }),
];

// ---------------------------------------------------------------------------------------------
// Other extensions' item rules

const extensionRules: MutationCase[] = [
  // eo v1.1.0
  ok('ext:eo', 'eo:bands in properties and on the model asset', EO, (d) => {
    props(d)['eo:bands'] = d.assets.weights['eo:bands'];
  }),
  bad('ext:eo', 'eo:bands in properties but on no asset', EO_SUM, '/properties/eo:bands', (d) => {
    delete d.assets.weights['eo:bands'];
  }),
  bad(
    'ext:eo',
    'eo:bands only in properties (MLM satisfied, eo schema not)',
    EO,
    '/properties/eo:bands',
    (d) => {
      props(d)['eo:bands'] = d.assets.weights['eo:bands'];
      delete d.assets.weights['eo:bands'];
    },
  ),
  bad('ext:eo', 'unknown common_name', EO, '/assets/weights/eo:bands/0/common_name', (d) => {
    d.assets.weights['eo:bands'][0].common_name = 'purple';
  }),
  // Surprise: eo v1.1.0 writes "minimumExclusive" (not a JSON Schema keyword), so it is ignored.
  ok('ext:eo', 'negative center_wavelength (minimumExclusive typo)', EO, (d) => {
    d.assets.weights['eo:bands'][0].center_wavelength = -1;
  }),
  bad('ext:eo', 'empty eo band object', EO, '/assets/weights/eo:bands/0', (d) => {
    d.assets.weights['eo:bands'][0] = {};
  }),
  bad('ext:eo', 'eo:bands []', EO, '/assets/weights/eo:bands', (d) => {
    d.assets.weights['eo:bands'] = [];
  }),
  bad('ext:eo', 'empty eo band description', EO, '/assets/weights/eo:bands/0/description', (d) => {
    d.assets.weights['eo:bands'][0].description = '';
  }),
  ok('ext:eo', 'eo:cloud_cover 12.5', EO, (d) => {
    props(d)['eo:cloud_cover'] = 12.5;
  }),
  bad('ext:eo', 'eo:cloud_cover 101', EO, '/properties/eo:cloud_cover', (d) => {
    props(d)['eo:cloud_cover'] = 101;
  }),
  bad('ext:eo', 'eo:snow_cover negative on an asset', EO, '/assets/weights/eo:snow_cover', (d) => {
    d.assets.weights['eo:snow_cover'] = -1;
  }),
  bad('ext:eo', 'unknown eo:foo in properties (eo declared)', EO, '/properties/eo:foo', (d) => {
    props(d)['eo:foo'] = 1;
  }),
  ok('ext:eo', 'unknown eo:foo in properties (eo not declared)', BASIC, (d) => {
    props(d)['eo:foo'] = 1;
  }),
  ok('ext:eo', 'invalid eo:cloud_cover when eo is not declared', BASIC, (d) => {
    props(d)['eo:cloud_cover'] = 'cloudy';
  }),
  ok('ext:eo', 'eo v2.0.0 declared with eo:cloud_cover', BASIC, (d) => {
    addExt(d, URLS.eo2);
    props(d)['eo:cloud_cover'] = 5;
  }),
  bad('ext:eo', 'eo v2.0.0 declared without any eo field', BASIC, '/properties', (d) => {
    addExt(d, URLS.eo2);
  }),
  ok('ext:eo', 'eo v1.1.0 declared without any eo field (nothing required)', BASIC, (d) => {
    addExt(d, URLS.eo);
  }),
  bad(
    'ext:eo',
    'eo v1.1.0 declared with eo:bands [{}] on the model asset',
    BASIC,
    '/assets/model/eo:bands/0',
    (d) => {
      addExt(d, URLS.eo);
      d.assets.model['eo:bands'] = [{}];
    },
  ),

  // raster v1.1.0
  bad(
    'ext:raster',
    'unknown raster band data_type',
    RASTER,
    '/assets/weights/raster:bands/0/data_type',
    (d) => {
      d.assets.weights['raster:bands'][0].data_type = 'uint12';
    },
  ),
  ok('ext:raster', 'raster band sampling point and nodata nan', RASTER, (d) => {
    d.assets.weights['raster:bands'][0].sampling = 'point';
    d.assets.weights['raster:bands'][0].nodata = 'nan';
  }),
  bad(
    'ext:raster',
    'raster band sampling "center"',
    RASTER,
    '/assets/weights/raster:bands/0/sampling',
    (d) => {
      d.assets.weights['raster:bands'][0].sampling = 'center';
    },
  ),
  bad(
    'ext:raster',
    'raster band nodata "none"',
    RASTER,
    '/assets/weights/raster:bands/0/nodata',
    (d) => {
      d.assets.weights['raster:bands'][0].nodata = 'none';
    },
  ),
  bad(
    'ext:raster',
    'raster statistics with an unknown key',
    RASTER,
    '/assets/weights/raster:bands/0/statistics',
    (d) => {
      d.assets.weights['raster:bands'][0].statistics = { mean: 1, median: 2 };
    },
  ),
  bad(
    'ext:raster',
    'raster histogram without buckets',
    RASTER,
    '/assets/weights/raster:bands/0/histogram',
    (d) => {
      d.assets.weights['raster:bands'][0].histogram = { count: 3, min: 0, max: 1 };
    },
  ),
  bad(
    'ext:raster',
    'fractional bits_per_sample',
    RASTER,
    '/assets/weights/raster:bands/0/bits_per_sample',
    (d) => {
      d.assets.weights['raster:bands'][0].bits_per_sample = 1.5;
    },
  ),
  bad('ext:raster', 'raster:bands []', RASTER, '/assets/weights/raster:bands', (d) => {
    d.assets.weights['raster:bands'] = [];
  }),
  bad('ext:raster', 'unknown raster:foo on an asset', RASTER, '/assets/weights/raster:foo', (d) => {
    d.assets.weights['raster:foo'] = 1;
  }),
  // Surprise: raster v1.1.0 only validates assets; item properties are not checked at all.
  ok('ext:raster', 'unknown raster:foo in item properties', RASTER, (d) => {
    props(d)['raster:foo'] = 1;
    props(d)['raster:bands'] = 'not even an array';
  }),
  ok('ext:raster', 'raster:bands {} on an asset when raster is not declared', BASIC, (d) => {
    d.assets.model['raster:bands'] = {};
  }),

  // file v1.0.0 vs v2.1.0
  ok('ext:file', 'file:size "big" when file is NOT declared', BASIC, (d) => {
    d.assets.model['file:size'] = 'big';
  }),
  bad(
    'ext:file',
    'file:size "big" when file v1 is declared',
    BASIC,
    '/assets/model/file:size',
    (d) => {
      addExt(d, URLS.file1);
      d.assets.model['file:size'] = 'big';
    },
  ),
  bad(
    'ext:file',
    'file:size "big" on an asset (file v2.1)',
    CUBE,
    '/assets/weights/file:size',
    (d) => {
      d.assets.weights['file:size'] = 'big';
    },
  ),
  // Surprise: the file extension only validates assets (and links in v2.1), not item properties.
  ok('ext:file', 'file:size "big" in item properties (file v1 declared)', EO, (d) => {
    props(d)['file:size'] = 'big';
  }),
  ok('ext:file', 'file:bits_per_sample on an asset (file v1)', EO, (d) => {
    d.assets.weights['file:bits_per_sample'] = 8;
  }),
  bad(
    'ext:file',
    'file:bits_per_sample on an asset (file v2.1 dropped it)',
    CUBE,
    '/assets/weights/file:bits_per_sample',
    (d) => {
      d.assets.weights['file:bits_per_sample'] = 8;
    },
  ),
  ok('ext:file', 'file:local_path relative (file v2.1)', CUBE, (d) => {
    d.assets.weights['file:local_path'] = 'weights/unet.pt';
  }),
  bad(
    'ext:file',
    'file:local_path absolute (file v2.1)',
    CUBE,
    '/assets/weights/file:local_path',
    (d) => {
      d.assets.weights['file:local_path'] = '/abs/unet.pt';
    },
  ),
  bad(
    'ext:file',
    'file:local_path on an asset (file v1 does not know it)',
    EO,
    '/assets/weights/file:local_path',
    (d) => {
      d.assets.weights['file:local_path'] = 'weights/unet.pt';
    },
  ),
  ok('ext:file', 'file:checksum multihash in lowercase hex', EO, (d) => {
    d.assets.weights['file:checksum'] = '1220abcdef0123456789';
  }),
  bad('ext:file', 'file:checksum in uppercase hex', EO, '/assets/weights/file:checksum', (d) => {
    d.assets.weights['file:checksum'] = '1220ABCDEF';
  }),
  bad('ext:file', 'file:byte_order middle-endian', EO, '/assets/weights/file:byte_order', (d) => {
    d.assets.weights['file:byte_order'] = 'middle-endian';
  }),
  bad('ext:file', 'negative file:header_size', EO, '/assets/weights/file:header_size', (d) => {
    d.assets.weights['file:header_size'] = -1;
  }),
  bad('ext:file', 'unknown file:foo on an asset', EO, '/assets/weights/file:foo', (d) => {
    d.assets.weights['file:foo'] = 1;
  }),
  bad(
    'ext:file',
    'file:size "big" on a link (file v2.1 checks links)',
    CUBE,
    '/links/2/file:size',
    (d) => {
      d.links[2]['file:size'] = 'big';
    },
  ),
  ok('ext:file', 'file:size "big" on a link (file v1 ignores links)', EO, (d) => {
    d.links[2]['file:size'] = 'big';
  }),
  bad(
    'ext:file',
    'file:values with an empty summary (file v2.1)',
    CUBE,
    '/assets/weights/file:values/0/summary',
    (d) => {
      d.assets.weights['file:values'] = [{ values: [0], summary: '' }];
    },
  ),
  ok('ext:file', 'file:values with an empty summary (file v1)', EO, (d) => {
    d.assets.weights['file:values'] = [{ values: [0], summary: '' }];
  }),

  // ml-aoi v0.2.0
  ok('ext:ml-aoi', 'ml-aoi:split validate and role feature', EO, (d) => {
    props(d)['ml-aoi:split'] = 'validate';
    d.assets.weights['ml-aoi:role'] = 'feature';
  }),
  bad('ext:ml-aoi', 'ml-aoi:split "training"', EO, '/properties/ml-aoi:split', (d) => {
    props(d)['ml-aoi:split'] = 'training';
  }),
  bad('ext:ml-aoi', 'ml-aoi:role "target"', EO, '/properties/ml-aoi:role', (d) => {
    props(d)['ml-aoi:role'] = 'target';
  }),
  bad(
    'ext:ml-aoi',
    'ml-aoi:reference-grid as a string',
    EO,
    '/properties/ml-aoi:reference-grid',
    (d) => {
      props(d)['ml-aoi:reference-grid'] = 'yes';
    },
  ),
  bad(
    'ext:ml-aoi',
    'ml-aoi:resampling-method "nearest"',
    EO,
    '/assets/weights/ml-aoi:resampling-method',
    (d) => {
      d.assets.weights['ml-aoi:resampling-method'] = 'nearest';
    },
  ),
  // ml-aoi has no additionalProperties:false, so unknown ml-aoi: keys pass.
  ok('ext:ml-aoi', 'unknown ml-aoi:foo', EO, (d) => {
    props(d)['ml-aoi:foo'] = 1;
  }),
  // Surprise: the ml-aoi item schema does not look at links.
  ok('ext:ml-aoi', 'ml-aoi:split on a link outside the enum', EO, (d) => {
    d.links[2]['ml-aoi:split'] = 'bogus';
  }),

  // classification v1.1.0
  ok('ext:classification', 'declared without any classification field', BASIC, (d) => {
    addExt(d, URLS.classification);
  }),
  ok('ext:classification', 'classification:classes in properties', BASIC, (d) => {
    addExt(d, URLS.classification);
    props(d)['classification:classes'] = [{ value: 1, description: 'city', color_hint: '00FF00' }];
  }),
  // In item properties the classification schema needs minItems 1, unlike MLM outputs (C-19).
  bad(
    'ext:classification',
    'classification:classes [] in properties',
    BASIC,
    '/properties/classification:classes',
    (d) => {
      addExt(d, URLS.classification);
      props(d)['classification:classes'] = [];
    },
  ),
  ok(
    'ext:classification',
    'classification:classes [] in properties when not declared',
    BASIC,
    (d) => {
      props(d)['classification:classes'] = [];
    },
  ),
  bad(
    'ext:classification',
    'color_hint "GG0000"',
    BASIC,
    '/properties/classification:classes/0/color_hint',
    (d) => {
      addExt(d, URLS.classification);
      props(d)['classification:classes'] = [
        { value: 1, description: 'city', color_hint: 'GG0000' },
      ];
    },
  ),
  bad(
    'ext:classification',
    'unknown classification:foo',
    BASIC,
    '/properties/classification:foo',
    (d) => {
      addExt(d, URLS.classification);
      props(d)['classification:foo'] = 1;
    },
  ),
  bad(
    'ext:classification',
    'bitfield with a negative offset on an asset',
    BASIC,
    '/assets/model/classification:bitfields/0/offset',
    (d) => {
      addExt(d, URLS.classification);
      d.assets.model['classification:bitfields'] = [
        { offset: -1, length: 1, classes: [{ value: 0, description: 'x' }] },
      ];
    },
  ),
  bad(
    'ext:classification',
    'classes inside raster:bands without description',
    RASTER,
    '/assets/weights/raster:bands/0/classification:classes/0',
    (d) => {
      addExt(d, URLS.classification);
      d.assets.weights['raster:bands'][0]['classification:classes'] = [{ value: 0 }];
    },
  ),

  // processing v1.1.0 / v1.2.0
  bad('ext:processing', 'v1.1 declared without any processing field', BASIC, '/properties', (d) => {
    addExt(d, URLS.processing11);
  }),
  ok('ext:processing', 'v1.1 with processing:level', BASIC, (d) => {
    addExt(d, URLS.processing11);
    props(d)['processing:level'] = 'L2';
  }),
  bad(
    'ext:processing',
    'processing:expression without expression',
    BASIC,
    '/properties/processing:expression',
    (d) => {
      addExt(d, URLS.processing11);
      props(d)['processing:expression'] = { format: 'python' };
    },
  ),
  ok('ext:processing', 'processing:software map of strings', BASIC, (d) => {
    addExt(d, URLS.processing11);
    props(d)['processing:software'] = { torch: '2.1.0' };
  }),
  bad(
    'ext:processing',
    'processing:software with a numeric version',
    BASIC,
    '/properties/processing:software',
    (d) => {
      addExt(d, URLS.processing11);
      props(d)['processing:software'] = { torch: 2 };
    },
  ),
  bad('ext:processing', 'unknown processing:foo', BASIC, '/properties/processing:foo', (d) => {
    addExt(d, URLS.processing11);
    props(d)['processing:level'] = 'L2';
    props(d)['processing:foo'] = 1;
  }),
  ok('ext:processing', 'v1.2 with only processing:version', BASIC, (d) => {
    addExt(d, URLS.processing12);
    props(d)['processing:version'] = '1.0';
  }),
  bad(
    'ext:processing',
    'v1.2 processing:datetime without time',
    BASIC,
    '/properties/processing:datetime',
    (d) => {
      addExt(d, URLS.processing12);
      props(d)['processing:datetime'] = '2020-01-01';
    },
  ),
  // processing:version is new in v1.2, so v1.1 rejects it as an unknown processing: key.
  bad(
    'ext:processing',
    'v1.1 with processing:version',
    BASIC,
    '/properties/processing:version',
    (d) => {
      addExt(d, URLS.processing11);
      props(d)['processing:level'] = 'L2';
      props(d)['processing:version'] = '1.0';
    },
  ),
  ok('ext:processing', 'invalid processing:level when not declared', BASIC, (d) => {
    props(d)['processing:level'] = 5;
  }),

  // scientific v1.0.0
  ok('ext:scientific', 'sci:doi added', CUBE, (d) => {
    props(d)['sci:doi'] = '10.5281/zenodo.1234567';
    props(d)['sci:citation'] = 'Someone (2024)';
  }),
  bad('ext:scientific', 'sci:doi with a doi: prefix', CUBE, '/properties/sci:doi', (d) => {
    props(d)['sci:doi'] = 'doi:10.5281/zenodo.1234567';
  }),
  bad(
    'ext:scientific',
    'publication DOI with a short registrant',
    CUBE,
    '/properties/sci:publications/0/doi',
    (d) => {
      props(d)['sci:publications'][0].doi = '10.12/abc';
    },
  ),
  bad('ext:scientific', 'declared without any sci field', CUBE, '/properties', (d) => {
    delete props(d)['sci:publications'];
  }),
  bad('ext:scientific', 'numeric sci:citation', CUBE, '/properties/sci:citation', (d) => {
    props(d)['sci:citation'] = 5;
  }),
  bad('ext:scientific', 'unknown sci:foo', CUBE, '/properties/sci:foo', (d) => {
    props(d)['sci:foo'] = 1;
  }),
  ok('ext:scientific', 'sci:doi on an asset', CUBE, (d) => {
    d.assets.weights['sci:doi'] = '10.48550/arXiv.2404.17752';
  }),

  // datacube v2.3.0
  bad('ext:datacube', 'cube:dimensions removed', CUBE, '/properties/cube:dimensions', (d) => {
    delete props(d)['cube:dimensions'];
  }),
  ok('ext:datacube', 'cube:dimensions moved to an asset', CUBE, (d) => {
    d.assets.weights['cube:dimensions'] = props(d)['cube:dimensions'];
    delete props(d)['cube:dimensions'];
  }),
  bad(
    'ext:datacube',
    'temporal dimension with an axis',
    CUBE,
    '/properties/cube:dimensions/time',
    (d) => {
      props(d)['cube:dimensions'].time.axis = 't';
    },
  ),
  bad(
    'ext:datacube',
    'spatial dimension with axis "w"',
    CUBE,
    '/properties/cube:dimensions/lat',
    (d) => {
      props(d)['cube:dimensions'].lat.axis = 'w';
    },
  ),
  bad(
    'ext:datacube',
    'variable without dimensions',
    CUBE,
    '/properties/cube:variables/geopotential',
    (d) => {
      delete props(d)['cube:variables'].geopotential.dimensions;
    },
  ),
  bad(
    'ext:datacube',
    'variable_type "foo"',
    CUBE,
    '/properties/cube:variables/geopotential/variable_type',
    (d) => {
      props(d)['cube:variables'].geopotential.variable_type = 'foo';
    },
  ),
  bad('ext:datacube', 'unknown cube:foo', CUBE, '/properties/cube:foo', (d) => {
    props(d)['cube:foo'] = 1;
  }),
  ok('ext:datacube', 'additional dimension with values', CUBE, (d) => {
    props(d)['cube:dimensions'].level = { type: 'pressure', values: [850, 500], unit: 'hPa' };
  }),

  // version v1.2.0
  ok('ext:version', 'declared with version fields', BASIC, (d) => {
    addExt(d, URLS.version);
    props(d).version = '1.0.0';
    props(d).deprecated = false;
    props(d).experimental = true;
  }),
  ok('ext:version', 'declared without any field (nothing required)', BASIC, (d) => {
    addExt(d, URLS.version);
  }),
  bad('ext:version', 'numeric version', BASIC, '/properties/version', (d) => {
    addExt(d, URLS.version);
    props(d).version = 1;
  }),
  bad(
    'ext:version',
    'deprecated as a string on an asset',
    BASIC,
    '/assets/model/deprecated',
    (d) => {
      addExt(d, URLS.version);
      d.assets.model.deprecated = 'no';
    },
  ),
  ok('ext:version', 'numeric version when not declared', BASIC, (d) => {
    props(d).version = 1;
  }),

  // example-links v0.0.1
  ok('ext:example-links', 'declared with an example link', BASIC, (d) => {
    addExt(d, URLS.exampleLinks);
    d.links.push({
      rel: 'example',
      href: 'https://example.com/run.py',
      'example:language': 'Python',
      'example:container': false,
    });
  }),
  bad('ext:example-links', 'declared without any example link', BASIC, '/links', (d) => {
    addExt(d, URLS.exampleLinks);
  }),
  bad('ext:example-links', 'empty example:language', BASIC, '/links/2/example:language', (d) => {
    addExt(d, URLS.exampleLinks);
    d.links.push({ rel: 'example', href: 'https://example.com/run.py', 'example:language': '' });
  }),
  bad('ext:example-links', 'example:container on a non-example link', BASIC, '/links/0', (d) => {
    addExt(d, URLS.exampleLinks);
    d.links.push({ rel: 'example', href: 'https://example.com/run.py' });
    d.links[0]['example:container'] = true;
  }),

  // label v1.0.1
  ok('ext:label', 'declared with the required label fields', BASIC, (d) => {
    addExt(d, URLS.label);
    Object.assign(props(d), {
      'label:properties': ['class'],
      'label:description': 'Land cover labels',
      'label:type': 'vector',
      'label:classes': [{ name: 'class', classes: ['city', 'background'] }],
    });
  }),
  bad('ext:label', 'declared without label:type', BASIC, '/properties/label:type', (d) => {
    addExt(d, URLS.label);
    Object.assign(props(d), { 'label:properties': null, 'label:description': 'x' });
  }),
  bad('ext:label', 'label:type "polygon"', BASIC, '/properties/label:type', (d) => {
    addExt(d, URLS.label);
    Object.assign(props(d), {
      'label:properties': null,
      'label:description': 'x',
      'label:type': 'polygon',
    });
  }),
  bad(
    'ext:label',
    'raster labels with named classes',
    BASIC,
    '/properties/label:classes/0/name',
    (d) => {
      addExt(d, URLS.label);
      Object.assign(props(d), {
        'label:properties': null,
        'label:description': 'x',
        'label:type': 'raster',
        'label:classes': [{ name: 'class', classes: [0, 1] }],
      });
    },
  ),
  ok('ext:label', 'raster labels with name null and label:assets on a link', BASIC, (d) => {
    addExt(d, URLS.label);
    Object.assign(props(d), {
      'label:properties': null,
      'label:description': 'x',
      'label:type': 'raster',
      'label:classes': [{ name: null, classes: [0, 1] }],
    });
    d.links.push({
      rel: 'source',
      href: 'https://example.com/src.json',
      'label:assets': ['model'],
    });
  }),
  bad('ext:label', 'unknown label:foo on a link', BASIC, '/links/0/label:foo', (d) => {
    addExt(d, URLS.label);
    Object.assign(props(d), {
      'label:properties': null,
      'label:description': 'x',
      'label:type': 'vector',
    });
    d.links[0]['label:foo'] = 1;
  }),

  // item-assets v1.0.0 (Collections only)
  bad('ext:item-assets', 'item-assets declared on an item', BASIC, '/stac_extensions', (d) => {
    addExt(d, URLS.itemAssets);
  }),
  bad(
    'ext:item-assets',
    'item-assets declared on an item with item_assets',
    BASIC,
    '/stac_extensions',
    (d) => {
      addExt(d, URLS.itemAssets);
      d.item_assets = { model: { roles: ['mlm:model'], type: 'application/octet-stream' } };
    },
  ),
  ok(
    'ext:item-assets',
    'item_assets key on an item without declaring the extension',
    BASIC,
    (d) => {
      d.item_assets = { model: { href: 'x' } };
    },
  ),
];

// ---------------------------------------------------------------------------------------------
// Trickier corners: keys a branch does not define, schemas that skip parts of the item, …

const edgeCases: MutationCase[] = [
  ok('C-2', 'both the v1.5.2 and the v1.5.1 MLM URLs', BASIC, (d) => {
    addExt(d, URLS.mlm151);
  }),
  ok('C-4', 'unknown mlm:foo on a link is never checked', BASIC, (d) => {
    d.links[0]['mlm:foo'] = 1;
  }),
  ok('C-5', 'every asset is a model asset', EO, (d) => {
    d.assets.source_code.roles.push('mlm:model');
    d.assets.source_code['mlm:artifact_type'] = 'source';
    d.assets.source_code['eo:bands'] = d.assets.weights['eo:bands'];
  }),
  bad('C-5', 'every asset has empty roles', BASIC, '/assets', (d) => {
    d.assets.model.roles = [];
    delete d.assets.model['mlm:artifact_type'];
  }),
  ok('C-6', 'compile_method on a non-model asset', EO, (d) => {
    d.assets.source_code['mlm:compile_method'] = 'jit';
  }),
  ok('C-10', 'eo v1.0.0 URL (unknown offline) with eo:bands on the model asset', BASIC, (d) => {
    basicBandsInput(d);
    addExt(d, `${EXT}/eo/v1.0.0/schema.json`);
    d.assets.model['eo:bands'] = [{ name: 'B04' }, { name: 'B03' }, { name: 'B02' }];
  }),
  ok('C-10', 'second model asset without eo:bands, eo:bands in properties', EO, (d) => {
    d.assets.onnx = onnxAsset();
    props(d)['eo:bands'] = d.assets.weights['eo:bands'];
  }),
  bad('C-10', 'second model asset without eo:bands, none in properties', EO, '/properties', (d) => {
    d.assets.onnx = onnxAsset();
  }),
  ok('C-10', 'STAC 1.1 properties.bands with bands only on a non-model asset', RASTER, (d) => {
    toV11(d);
    dropExt(d, '/raster/');
    delete d.assets.weights['raster:bands'];
    props(d).bands = S2_BANDS;
    d.assets.source_code.bands = S2_BANDS;
  }),
  bad(
    'C-10',
    'second raster band without name',
    RASTER,
    '/assets/weights/raster:bands/1/name',
    (d) => {
      delete d.assets.weights['raster:bands'][1].name;
    },
  ),
  ok('C-10', 'bands on every output only, with a raster source', MULTI, (d) => {
    for (const o of d.properties['mlm:output']) {
      o.bands = ['B04'];
      o.result.dim_order = ['batch', 'bands'];
    }
  }),
  ok('C-11', 'two model assets, both with cube:variables', CUBE, (d) => {
    const vars = props(d)['cube:variables'];
    delete props(d)['cube:variables'];
    d.assets.weights['cube:variables'] = vars;
    d.assets.onnx = { ...onnxAsset(), 'cube:variables': vars };
  }),
  bad('C-11', 'two model assets, only one with cube:variables', CUBE, '/properties', (d) => {
    const vars = props(d)['cube:variables'];
    delete props(d)['cube:variables'];
    d.assets.weights['cube:variables'] = vars;
    d.assets.onnx = onnxAsset();
  }),
  // Each value-scaling branch only types the keys it defines; other keys are free.
  ok('C-12', 'clip-max with a string minimum (not defined by clip-max)', BASIC, (d) => {
    input(d).value_scaling = [{ type: 'clip-max', maximum: 1, minimum: 'x' }];
  }),
  ok('C-12', 'z-score with a string minimum (not defined by z-score)', BASIC, (d) => {
    input(d).value_scaling = [{ type: 'z-score', mean: 0, stddev: 1, minimum: 'x' }];
  }),
  bad(
    'C-12',
    'clip-min with a string maximum (defined by clip-min)',
    BASIC,
    `${IN0}/value_scaling/0`,
    (d) => {
      input(d).value_scaling = [{ type: 'clip-min', minimum: 0, maximum: 'x' }];
    },
  ),
  ok('C-12', 'offset with extra keys', BASIC, (d) => {
    input(d).value_scaling = [{ type: 'offset', value: 1, mean: 'x', stddev: null }];
  }),
  bad('C-12', 'null after a valid element', BASIC, `${IN0}/value_scaling/1`, (d) => {
    input(d).value_scaling = [{ type: 'scale', value: 1 }, null];
  }),
  bad('C-14', 'empty hyperparameter key', BASIC, '/properties/mlm:hyperparameters', (d) => {
    props(d)['mlm:hyperparameters'] = { '': 1 };
  }),
  bad('C-14', 'non-ASCII hyperparameter key', BASIC, '/properties/mlm:hyperparameters', (d) => {
    props(d)['mlm:hyperparameters'] = { 'taux_d’apprentissage': 1 };
  }),
  ok('C-14', 'mlm:name with an inner newline and tab (\\s is allowed inside)', BASIC, (d) => {
    props(d)['mlm:name'] = 'my\nmodel\tv2';
  }),
  ok('C-14', 'single-character framework', BASIC, (d) => {
    props(d)['mlm:framework'] = 'X';
  }),
  bad(
    'C-14',
    'framework with an inner newline (. does not match it)',
    BASIC,
    '/properties/mlm:framework',
    (d) => {
      props(d)['mlm:framework'] = 'Py\nTorch';
    },
  ),
  bad(
    'C-14',
    'framework_version with a v prefix',
    BASIC,
    '/properties/mlm:framework_version',
    (d) => {
      props(d)['mlm:framework_version'] = 'v1.0.0';
    },
  ),
  bad('C-14', 'numeric task', BASIC, '/properties/mlm:tasks/0', (d) => {
    props(d)['mlm:tasks'] = [1];
  }),
  bad('C-14', 'accelerator "cpu" on an asset', BASIC, '/assets/model/mlm:accelerator', (d) => {
    d.assets.model['mlm:accelerator'] = 'cpu';
  }),
  ok('C-15', 'single-character dimension names - and _', BASIC, (d) => {
    input(d).input.dim_order = ['batch', 'channel', '-', '_'];
  }),
  bad('C-15', 'empty dimension name', BASIC, `${IN0}/input/dim_order/3`, (d) => {
    input(d).input.dim_order = ['batch', 'channel', 'height', ''];
  }),
  ok('C-17', 'band object reduced to its name', EXPR, (d) => {
    input(d).bands[3] = { name: 'NDVI' };
  }),
  bad('C-17', 'band format null', EXPR, `${IN0}/bands/3`, (d) => {
    input(d).bands[3].format = null;
  }),
  ok('C-18', 'processing expression with extra keys', EO, (d) => {
    input(d).pre_processing_function = { format: 'python', expression: 'a:b', foo: 1 };
  }),
  bad('C-19', 'numeric class name', BASIC, `${OUT0}/classification:classes`, (d) => {
    output(d)['classification:classes'] = [{ value: 0, description: 'bg', name: 5 }];
  }),

  ok('core:geometry', 'Point with 3 coordinates', BASIC, (d) => {
    d.geometry = { type: 'Point', coordinates: [10, 45, 120] };
    d.bbox = [10, 45, 120, 10, 45, 120];
  }),
  bad('core:geometry', 'Point with 1 coordinate', BASIC, '/geometry', (d) => {
    d.geometry = { type: 'Point', coordinates: [10] };
  }),
  bad(
    'core:assets',
    'asset datetime without timezone (common metadata on assets)',
    BASIC,
    '/assets/model/datetime',
    (d) => {
      d.assets.model.datetime = '2024-01-01T00:00:00';
    },
  ),
  bad('core:assets', 'asset gsd 0', BASIC, '/assets/model/gsd', (d) => {
    d.assets.model.gsd = 0;
  }),
  bad(
    'core:assets',
    'asset start_datetime without end_datetime',
    BASIC,
    '/assets/model/end_datetime',
    (d) => {
      d.assets.model.start_datetime = '2024-01-01T00:00:00Z';
    },
  ),
  ok('core:assets', 'asset with license, providers and created', BASIC, (d) => {
    Object.assign(d.assets.model, {
      license: 'Apache-2.0',
      providers: [{ name: 'ACME' }],
      created: '2024-01-01T00:00:00Z',
    });
  }),
  bad(
    'core:1.1-common',
    'STAC 1.1 empty asset description',
    BASIC,
    '/assets/model/description',
    (d) => {
      toV11(d);
      d.assets.model.description = '';
    },
  ),
  bad(
    'core:1.1-common',
    'STAC 1.1 properties data_type uint12',
    BASIC,
    '/properties/data_type',
    (d) => {
      toV11(d);
      props(d).data_type = 'uint12';
    },
  ),
  ok('core:1.1-common', 'STAC 1.0 properties data_type uint12 is just unknown', BASIC, (d) => {
    props(d).data_type = 'uint12';
  }),
  bad(
    'core:1.1-bands',
    'STAC 1.1 band with an empty description',
    BASIC,
    '/properties/bands/0/description',
    (d) => {
      toV11(d);
      props(d).bands = [{ name: 'B01', description: '' }];
      d.assets.model.bands = [{ name: 'B01' }];
    },
  ),
  bad(
    'core:1.1-links',
    'STAC 1.1 link header with a numeric value',
    BASIC,
    '/links/0/headers',
    (d) => {
      toV11(d);
      d.links[0].headers = { 'X-Count': 1 };
    },
  ),
  bad('core:stac_extensions', 'stac_extensions as a string', BASIC, '/stac_extensions', (d) => {
    d.stac_extensions = URLS.mlm;
  }),

  // Surprise: label's if/then also runs on assets, where label:type is usually absent, so the
  // `if label:type == raster` is vacuously true and named classes are rejected.
  bad(
    'ext:label',
    'label:classes with names on an asset without label:type',
    BASIC,
    '/assets/model/label:classes/0/name',
    (d) => {
      addExt(d, URLS.label);
      Object.assign(props(d), {
        'label:properties': null,
        'label:description': 'x',
        'label:type': 'vector',
      });
      d.assets.model['label:classes'] = [{ name: 'class', classes: ['a'] }];
    },
  ),
  bad(
    'ext:example-links',
    'unknown example:foo on an example link',
    BASIC,
    '/links/2/example:foo',
    (d) => {
      addExt(d, URLS.exampleLinks);
      d.links.push({ rel: 'example', href: 'https://example.com/run.py', 'example:foo': 1 });
    },
  ),
  ok(
    'ext:example-links',
    'example:language with an inner newline (unanchored pattern)',
    BASIC,
    (d) => {
      addExt(d, URLS.exampleLinks);
      d.links.push({
        rel: 'example',
        href: 'https://example.com/run.py',
        'example:language': 'a\nb',
      });
    },
  ),
  // The processing and scientific item schemas require a field in the item properties; asset
  // fields are validated but do not count.
  bad('ext:processing', 'processing:level only on an asset', BASIC, '/properties', (d) => {
    addExt(d, URLS.processing11);
    d.assets.model['processing:level'] = 'L2';
  }),
  bad(
    'ext:processing',
    'numeric processing:level on an asset',
    BASIC,
    '/assets/model/processing:level',
    (d) => {
      addExt(d, URLS.processing11);
      props(d)['processing:level'] = 'L2';
      d.assets.model['processing:level'] = 2;
    },
  ),
  bad('ext:scientific', 'sci:doi only on an asset', CUBE, '/properties', (d) => {
    delete props(d)['sci:publications'];
    d.assets.weights['sci:doi'] = '10.48550/arXiv.2404.17752';
  }),
  // Surprise: datacube's item schema is an anyOf (properties with cube:dimensions, or some asset
  // with cube:dimensions). Once the asset branch holds, the properties are not validated …
  ok(
    'ext:datacube',
    'cube:dimensions on an asset, broken variable left in properties',
    CUBE,
    (d) => {
      d.assets.weights['cube:dimensions'] = props(d)['cube:dimensions'];
      delete props(d)['cube:dimensions'];
      delete props(d)['cube:variables'].geopotential.dimensions;
    },
  ),
  // … and once the properties branch holds, asset cube fields are not validated.
  ok(
    'ext:datacube',
    'broken cube:dimensions on an asset while the properties are fine',
    CUBE,
    (d) => {
      d.assets.weights['cube:dimensions'] = { time: { type: 'temporal' } };
    },
  ),
  bad(
    'ext:datacube',
    'broken cube:dimensions on the only asset holding them',
    CUBE,
    '/assets/weights/cube:dimensions/time',
    (d) => {
      d.assets.weights['cube:dimensions'] = { time: { type: 'temporal' } };
      delete props(d)['cube:dimensions'];
    },
  ),
  ok('ext:raster', 'unknown keys in a raster band', RASTER, (d) => {
    d.assets.weights['raster:bands'][0].foo = { any: 'thing' };
  }),
  bad(
    'ext:classification',
    'classification:classes [] on an asset',
    BASIC,
    '/assets/model/classification:classes',
    (d) => {
      addExt(d, URLS.classification);
      d.assets.model['classification:classes'] = [];
    },
  ),
  bad('ext:version', 'numeric version on an asset', BASIC, '/assets/model/version', (d) => {
    addExt(d, URLS.version);
    d.assets.model.version = 2;
  }),
  bad('ext:eo', 'empty band object in item-level eo:bands', EO, '/properties/eo:bands/0', (d) => {
    props(d)['eo:bands'] = [{}];
  }),
];

// ---------------------------------------------------------------------------------------------
// Own "__proto__" keys. JSON.parse (which the editor and the CLI use) keeps `"__proto__"` as an
// ordinary own key, and Ajv validates it like any other key. Zod 4 records and objects skip
// `__proto__` keys (prototype-pollution guard), so the model does not see them.
// KNOWN DISAGREEMENTS: expectValid is the official verdict, so these cases fail until the model
// handles own __proto__ keys (see the report).

/** An object whose own key "__proto__" holds `value` (an object literal would set the prototype). */
const protoKey = (value: unknown, rest: object = {}): Doc =>
  Object.assign(JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`), rest);

const protoKeyCases: MutationCase[] = [
  ok('C-14', 'hyperparameters with the single key "__proto__"', BASIC, (d) => {
    props(d)['mlm:hyperparameters'] = protoKey(1);
  }),
  bad('C-5', 'the only asset is a non-model asset named "__proto__"', BASIC, '/assets', (d) => {
    d.assets = protoKey({ href: 'https://example.com/readme.md' });
  }),
  bad(
    'C-6',
    'non-model asset named "__proto__" with an artifact type',
    BASIC,
    '/assets/__proto__',
    (d) => {
      d.assets = protoKey(
        { href: 'https://example.com/x', 'mlm:artifact_type': 'torch.save' },
        d.assets,
      );
    },
  ),
  bad('core:assets', 'asset named "__proto__" without href', BASIC, '/assets/__proto__', (d) => {
    d.assets = protoKey({ title: 'no href' }, d.assets);
  }),
  ok('core:1.1-common', 'STAC 1.1 statistics with the single key "__proto__"', BASIC, (d) => {
    toV11(d);
    props(d).statistics = protoKey(1);
  }),
  bad(
    'core:1.1-links',
    'STAC 1.1 link header "__proto__" with a numeric value',
    BASIC,
    '/links/0/headers/__proto__',
    (d) => {
      toV11(d);
      d.links[0].headers = protoKey(1);
    },
  ),
  bad(
    'ext:processing',
    'processing:software "__proto__" with a numeric version',
    BASIC,
    '/properties/processing:software/__proto__',
    (d) => {
      addExt(d, URLS.processing11);
      props(d)['processing:software'] = protoKey(1);
    },
  ),
  bad(
    'ext:datacube',
    'cube:dimensions "__proto__" that is no valid dimension',
    CUBE,
    '/properties/cube:dimensions/__proto__',
    (d) => {
      props(d)['cube:dimensions'] = protoKey({ type: 'temporal' }, props(d)['cube:dimensions']);
    },
  ),
];

// ---------------------------------------------------------------------------------------------
// Number literals that overflow, like `1e400`, are valid JSON; JSON.parse turns them into
// Infinity. Ajv counts Infinity as a number, and even as an integer (`Infinity % 1` is NaN, which
// its integer check lets through), so the official schemas accept it wherever the value is a
// number without an upper bound. Zod rejects non-finite numbers.
// KNOWN DISAGREEMENTS: expectValid is the official verdict, so these cases fail (see the report).

/** What JSON.parse makes of the JSON number `1e400`. */
const OVERFLOW = JSON.parse('1e400') as number;

const overflowCases: MutationCase[] = [
  ok('C-14', 'memory_size 1e400 (parsed as Infinity)', BASIC, (d) => {
    props(d)['mlm:memory_size'] = OVERFLOW;
  }),
  ok('C-15', 'shape value 1e400 (parsed as Infinity)', BASIC, (d) => {
    input(d).input.shape = [-1, 3, OVERFLOW, 64];
  }),
  ok('C-12', 'z-score mean 1e400 (parsed as Infinity)', BASIC, (d) => {
    input(d).value_scaling = [{ type: 'z-score', mean: OVERFLOW, stddev: 1 }];
  }),
  ok('core:bbox', 'bbox value 1e400 (parsed as Infinity)', BASIC, (d) => {
    d.bbox[2] = OVERFLOW;
  }),
  bad(
    'C-14',
    'memory_size -1e400 (parsed as -Infinity)',
    BASIC,
    '/properties/mlm:memory_size',
    (d) => {
      props(d)['mlm:memory_size'] = -OVERFLOW;
    },
  ),
];

export const MUTATIONS: MutationCase[] = [
  ...mlmRules,
  ...coreRules,
  ...extensionRules,
  ...edgeCases,
  ...protoKeyCases,
  ...overflowCases,
];

/** MLM rule ids that must each have at least one valid and one invalid case (C-13 is Collection-only). */
export const MLM_RULE_IDS = [
  'C-1',
  'C-2',
  'C-3',
  'C-4',
  'C-5',
  'C-6',
  'C-7',
  'C-8',
  'C-9',
  'C-10',
  'C-11',
  'C-12',
  'C-14',
  'C-15',
  'C-16',
  'C-17',
  'C-18',
  'C-19',
  'C-20',
  'C-21',
];

/** Extensions whose item rules must each be exercised. */
export const EXTENSION_RULE_IDS = [
  'ext:eo',
  'ext:raster',
  'ext:file',
  'ext:ml-aoi',
  'ext:classification',
  'ext:processing',
  'ext:scientific',
  'ext:datacube',
  'ext:version',
  'ext:example-links',
  'ext:label',
  'ext:item-assets',
];
