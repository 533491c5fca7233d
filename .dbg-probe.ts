import { validateItem } from './schemas/validateItem';
import { OfficialValidator } from './src/cli/officialValidator';
import { loadExamples, requireShared } from './tests/support/shared';
const ov = new OfficialValidator(requireShared());
const ex = new Map(loadExamples().map((e) => [e.file, e.doc]));
type D = any;
const probes: [string, string, (d: D) => void][] = [
  [
    'dt space sep',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '2024-01-01 00:00:00Z';
    },
  ],
  [
    'dt lowercase t',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '2024-01-01t00:00:00Z';
    },
  ],
  [
    'dt lowercase z',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '2024-01-01T00:00:00z';
    },
  ],
  [
    'dt leap sec',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '2016-12-31T23:59:60Z';
    },
  ],
  [
    'dt leap sec bad',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '2016-12-31T22:59:60Z';
    },
  ],
  [
    'dt 24h',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '2024-01-01T24:00:00Z';
    },
  ],
  [
    'dt no sec',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '2024-01-01T00:00Z';
    },
  ],
  [
    'dt -00:00',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '2024-01-01T00:00:00-00:00';
    },
  ],
  [
    'dt feb29 nonleap',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '2023-02-29T00:00:00Z';
    },
  ],
  [
    'dt feb29 1900',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '1900-02-29T00:00:00Z';
    },
  ],
  [
    'dt year 0000',
    'item_basic.json',
    (d) => {
      d.properties.datetime = '0000-01-01T00:00:00Z';
    },
  ],
  [
    '1.1 asset bands [] + props bands',
    'item_basic.json',
    (d) => {
      d.stac_version = '1.1.0';
      d.links[1].href = 'https://x.org/a.json';
      d.assets.model.bands = [];
      d.properties.bands = [{ name: 'a' }];
    },
  ],
  [
    '1.1 self file uri',
    'item_basic.json',
    (d) => {
      d.stac_version = '1.1.0';
      d.links[1].href = 'file:///tmp/a.json';
    },
  ],
  [
    '1.1 self urn',
    'item_basic.json',
    (d) => {
      d.stac_version = '1.1.0';
      d.links[1].href = 'urn:isbn:123';
    },
  ],
  [
    'link rel empty',
    'item_basic.json',
    (d) => {
      d.links[1].rel = '';
    },
  ],
  [
    'href with space',
    'item_basic.json',
    (d) => {
      d.links[1].href = './a b.json';
    },
  ],
  [
    'href unicode',
    'item_basic.json',
    (d) => {
      d.links[1].href = './modèle.json';
    },
  ],
  [
    'asset href abs space',
    'item_basic.json',
    (d) => {
      d.assets.model.href = 'https://ex.com/a b';
    },
  ],
  [
    'asset null',
    'item_basic.json',
    (d) => {
      d.assets.x = null;
    },
  ],
  [
    'input string item',
    'item_basic.json',
    (d) => {
      d.properties['mlm:input'].push('x');
    },
  ],
  [
    'geometry bbox inner',
    'item_basic.json',
    (d) => {
      d.geometry.bbox = [1, 2, 3];
    },
  ],
  [
    'geometry collection',
    'item_basic.json',
    (d) => {
      d.geometry = {
        type: 'GeometryCollection',
        geometries: [{ type: 'Point', coordinates: [1, 2] }],
      };
    },
  ],
  [
    'linestring 1 pos',
    'item_basic.json',
    (d) => {
      d.geometry = { type: 'LineString', coordinates: [[1, 2]] };
    },
  ],
  [
    'multipolygon',
    'item_basic.json',
    (d) => {
      d.geometry = { type: 'MultiPolygon', coordinates: [d.geometry.coordinates] };
    },
  ],
  [
    'provider url relative',
    'item_basic.json',
    (d) => {
      d.properties.providers = [{ name: 'a', url: 'acme.org' }];
    },
  ],
  [
    'stac_ext relative',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('./ext.json');
    },
  ],
  [
    'id whitespace',
    'item_basic.json',
    (d) => {
      d.id = ' ';
    },
  ],
  [
    'eo bands unicode name',
    'item_eo_bands.json',
    (d) => {
      d.assets.weights['eo:bands'][0].name = '';
    },
  ],
  [
    'raster bands string',
    'item_raster_bands.json',
    (d) => {
      d.assets.weights['raster:bands'][0] = 'B01';
    },
  ],
  [
    'mlm name unicode',
    'item_basic.json',
    (d) => {
      d.properties['mlm:name'] = 'modèle';
    },
  ],
  [
    'mlm name trailing space',
    'item_basic.json',
    (d) => {
      d.properties['mlm:name'] = 'model ';
    },
  ],
  [
    'framework unicode',
    'item_basic.json',
    (d) => {
      d.properties['mlm:framework'] = 'Pÿtorch';
    },
  ],
  [
    'framework trailing nbsp',
    'item_basic.json',
    (d) => {
      d.properties['mlm:framework'] = 'torch\u00a0';
    },
  ],
  [
    'name trailing nbsp',
    'item_basic.json',
    (d) => {
      d.properties['mlm:name'] = 'model\u00a0x';
    },
  ],
  [
    'fw version huge',
    'item_basic.json',
    (d) => {
      d.properties['mlm:framework_version'] = '1.0.0-alpha..1';
    },
  ],
  [
    'memory 1e21',
    'item_basic.json',
    (d) => {
      d.properties['mlm:memory_size'] = 1e21;
    },
  ],
  [
    'memory 2**53+',
    'item_basic.json',
    (d) => {
      d.properties['mlm:memory_size'] = 2 ** 60;
    },
  ],
  [
    'shape -0',
    'item_basic.json',
    (d) => {
      d.properties['mlm:input'][0].input.shape = [-0, 3, 64, 64];
    },
  ],
  [
    'hyper key dot',
    'item_basic.json',
    (d) => {
      d.properties['mlm:hyperparameters'] = { '.': 1 };
    },
  ],
  [
    'hyper __proto__',
    'item_basic.json',
    (d) => {
      d.properties['mlm:hyperparameters'] = JSON.parse('{"__proto__":1}');
    },
  ],
  [
    'props __proto__ mlm',
    'item_basic.json',
    (d) => {
      Object.assign(d.properties, JSON.parse('{"mlm:__proto__":1}'));
    },
  ],
  [
    'tasks dup objects',
    'item_basic.json',
    (d) => {
      d.properties['mlm:output'][0]['classification:classes'] = [
        { value: 1, description: 'a', x: { a: 1, b: 2 } },
        { value: 1, description: 'a', x: { b: 2, a: 1 } },
      ];
    },
  ],
  [
    'classes 1.0 vs 1',
    'item_basic.json',
    (d) => {
      d.properties['mlm:output'][0]['classification:classes'] = [{ value: 1.0, description: 'a' }];
    },
  ],
  [
    'eo cloud cover string undeclared eo v2',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/eo/v2.0.0/schema.json');
      d.properties['eo:cloud_cover'] = 5;
      d.assets.model['eo:bands'] = [{ name: 'x' }];
    },
  ],
  [
    'raster v2 declared',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/raster/v2.0.0/schema.json');
      d.properties['raster:scale'] = 2;
    },
  ],
  [
    'raster v2 no fields',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/raster/v2.0.0/schema.json');
    },
  ],
  [
    'pretrained_source on asset',
    'item_basic.json',
    (d) => {
      d.assets.model['mlm:pretrained_source'] = 5;
    },
  ],
  [
    'entrypoint with roles code + model not artifact',
    'item_basic.json',
    (d) => {
      d.assets.code = { href: 'x.py', roles: ['code'], 'mlm:entrypoint': 'a' };
    },
  ],
  [
    'value_scaling processing null expr',
    'item_basic.json',
    (d) => {
      d.properties['mlm:input'][0].value_scaling = [
        { type: 'processing', format: 'x', expression: null },
      ];
    },
  ],
  [
    'value_scaling processing desc num',
    'item_basic.json',
    (d) => {
      d.properties['mlm:input'][0].value_scaling = [
        { type: 'processing', format: 'x', expression: 'y', description: 1 },
      ];
    },
  ],
  [
    'resize invalid',
    'item_basic.json',
    (d) => {
      d.properties['mlm:input'][0].resize_type = 'bilinear';
    },
  ],
  [
    'bands expression obj',
    'item_bands_expression.json',
    (d) => {
      d.properties['mlm:input'][0].bands[3].expression = { a: [1] };
    },
  ],
  [
    'output bands obj no source',
    'item_raster_bands.json',
    (d) => {
      d.properties['mlm:output'][0].bands = [{ name: 'x' }];
      d.properties['mlm:output'][0].result.dim_order = ['batch', 'bands'];
    },
  ],
  [
    'collection link rel only case',
    'item_basic.json',
    (d) => {
      d.links[0].rel = 'Collection';
    },
  ],
  [
    'two collection links',
    'item_basic.json',
    (d) => {
      d.links.push({ rel: 'collection', href: './c2.json' });
    },
  ],
  [
    'label overviews',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/label/v1.0.1/schema.json');
      Object.assign(d.properties, {
        'label:properties': ['a'],
        'label:description': 'd',
        'label:type': 'vector',
        'label:overviews': [{ property_key: 'a', counts: [{ name: 'x', count: 1.5 }] }],
      });
    },
  ],
  [
    'label classes mixed',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/label/v1.0.1/schema.json');
      Object.assign(d.properties, {
        'label:properties': ['a'],
        'label:description': 'd',
        'label:type': 'vector',
        'label:classes': [{ name: 'a', classes: ['x', 1] }],
      });
    },
  ],
  [
    'label properties []',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/label/v1.0.1/schema.json');
      Object.assign(d.properties, {
        'label:properties': [],
        'label:description': 'd',
        'label:type': 'vector',
      });
    },
  ],
  [
    'datacube vector dim',
    'item_datacube_variables.json',
    (d) => {
      d.properties['cube:dimensions'].geom = {
        type: 'geometry',
        bbox: [1, 2, 3, 4],
        axes: ['x', 'x'],
      };
    },
  ],
  [
    'datacube ref sys projjson bad',
    'item_datacube_variables.json',
    (d) => {
      d.properties['cube:dimensions'].lat.reference_system = { foo: 1 };
    },
  ],
  [
    'datacube ref sys -1',
    'item_datacube_variables.json',
    (d) => {
      d.properties['cube:dimensions'].lat.reference_system = -1;
    },
  ],
  [
    'datacube temporal extent 3',
    'item_datacube_variables.json',
    (d) => {
      d.properties['cube:dimensions'].time.extent = ['a', 'b', 'c'];
    },
  ],
  [
    'datacube var extent mixed',
    'item_datacube_variables.json',
    (d) => {
      d.properties['cube:variables'].geopotential.extent = [null, 'a'];
    },
  ],
  [
    'datacube additional dimensions strings',
    'item_datacube_variables.json',
    (d) => {
      d.properties['cube:dimensions'].lev = { type: 'level', extent: [1, null], dimensions: [1] };
    },
  ],
  [
    'processing software empty key',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/processing/v1.1.0/schema.json');
      d.properties['processing:software'] = { '': '1' };
    },
  ],
  [
    'processing software empty key num',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/processing/v1.1.0/schema.json');
      d.properties['processing:software'] = { '': 1 };
    },
  ],
  [
    'processing12 datetime ok',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/processing/v1.2.0/schema.json');
      d.properties['processing:datetime'] = '2020-01-01T00:00:00Z';
    },
  ],
  [
    'sci publications not array',
    'item_datacube_variables.json',
    (d) => {
      d.properties['sci:publications'] = { doi: '10.1234/x' };
    },
  ],
  [
    'file values empty values',
    'item_eo_bands.json',
    (d) => {
      d.assets.weights['file:values'] = [{ values: [], summary: 'a' }];
    },
  ],
  [
    'file nodata v1',
    'item_eo_bands.json',
    (d) => {
      d.assets.weights['file:nodata'] = [null, 'x'];
    },
  ],
  [
    'file nodata v2',
    'item_datacube_variables.json',
    (d) => {
      d.assets.weights['file:nodata'] = [0];
    },
  ],
  [
    'file local path dotdot',
    'item_datacube_variables.json',
    (d) => {
      d.assets.weights['file:local_path'] = '../x';
    },
  ],
  [
    'file local path backslash',
    'item_datacube_variables.json',
    (d) => {
      d.assets.weights['file:local_path'] = 'a\\b';
    },
  ],
  [
    'file local path trailing slash',
    'item_datacube_variables.json',
    (d) => {
      d.assets.weights['file:local_path'] = 'a/b/';
    },
  ],
  [
    'file local path double slash',
    'item_datacube_variables.json',
    (d) => {
      d.assets.weights['file:local_path'] = 'a//b';
    },
  ],
  [
    'file link v2 checksum',
    'item_datacube_variables.json',
    (d) => {
      d.links[0]['file:checksum'] = 'XYZ';
    },
  ],
  [
    'example link lang 101',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/example-links/v0.0.1/schema.json');
      d.links.push({ rel: 'example', href: 'x', 'example:language': 'a'.repeat(101) });
    },
  ],
  [
    'example link lang emoji 100',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/example-links/v0.0.1/schema.json');
      d.links.push({ rel: 'example', href: 'x', 'example:language': '😀'.repeat(100) });
    },
  ],
  [
    'eo desc emoji',
    'item_eo_bands.json',
    (d) => {
      d.assets.weights['eo:bands'][0].description = '😀';
    },
  ],
  [
    'ml-aoi props on link',
    'item_eo_bands.json',
    (d) => {
      d.links[2]['ml-aoi:role'] = 5;
    },
  ],
  [
    'classification bitfield dup',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/classification/v1.1.0/schema.json');
      const b = { offset: 0, length: 1, classes: [{ value: 0, description: 'x' }] };
      d.properties['classification:bitfields'] = [b, { ...b }];
    },
  ],
  [
    'classification raster bands not array',
    'item_raster_bands.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/classification/v1.1.0/schema.json');
      d.properties['raster:bands'] = [{ 'classification:classes': [] }];
    },
  ],
  [
    'version on link',
    'item_basic.json',
    (d) => {
      d.stac_extensions.push('https://stac-extensions.github.io/version/v1.2.0/schema.json');
      d.links[0].version = 5;
    },
  ],
  [
    'item-assets on item with type',
    'item_basic.json',
    (d) => {
      d.item_assets = {};
    },
  ],
];
let n = 0;
for (const [name, base, m] of probes) {
  const d = structuredClone(ex.get(base)!);
  m(d);
  const o = ov.validate(d).filter((f) => f.severity === 'error');
  const z = validateItem(d);
  const ovalid = o.length === 0;
  const flag = ovalid !== z.valid ? '  <<<<< DISAGREE' : '';
  if (flag) n++;
  console.log(`${ovalid ? 'VALID  ' : 'INVALID'} ${name}${flag}`);
  if (flag) {
    console.log('   official:', o.map((f) => f.path + ' ' + f.message).join('\n             '));
    console.log(
      '   zod:',
      z.findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.path + ' ' + f.message)
        .join('\n        '),
    );
  }
}
console.log('disagreements', n);
