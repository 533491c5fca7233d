// Hand-written valid items that exercise what the official examples do not: STAC 1.1 bands, and the
// less common extensions. The differential tests mutate these as well as the official examples.

const MLM = 'https://stac-extensions.github.io/mlm/v1.5.2/schema.json';
const ext = (name: string) => `https://stac-extensions.github.io/${name}/schema.json`;

const base = (
  overrides: Record<string, unknown>,
  properties: Record<string, unknown>,
  assets: Record<string, unknown>,
) => ({
  type: 'Feature',
  stac_version: '1.0.0',
  stac_extensions: [MLM],
  id: 'seed-item',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-10, -10],
        [10, -10],
        [10, 10],
        [-10, 10],
        [-10, -10],
      ],
    ],
  },
  bbox: [-10, -10, 10, 10],
  properties: {
    datetime: '2024-05-01T00:00:00Z',
    'mlm:name': 'Seed model',
    'mlm:architecture': 'U-Net',
    'mlm:tasks': ['semantic-segmentation'],
    'mlm:input': [
      {
        name: 'image',
        bands: ['red', 'nir'],
        input: {
          shape: [-1, 2, 256, 256],
          dim_order: ['batch', 'bands', 'height', 'width'],
          data_type: 'float32',
        },
        value_scaling: [{ type: 'z-score', mean: 0.1, stddev: 0.2 }],
      },
    ],
    'mlm:output': [
      {
        name: 'mask',
        tasks: ['semantic-segmentation'],
        result: {
          shape: [-1, 2, 256, 256],
          dim_order: ['batch', 'class', 'height', 'width'],
          data_type: 'float32',
        },
        'classification:classes': [
          { value: 0, name: 'background', description: 'Background', color_hint: '000000' },
          { value: 1, name: 'water', description: 'Water', color_hint: '1F77B4' },
        ],
      },
    ],
    ...properties,
  },
  links: [
    { rel: 'self', href: 'https://example.com/items/seed-item.json', type: 'application/geo+json' },
  ],
  assets: {
    model: {
      href: 'https://example.com/model.pt',
      type: 'application/octet-stream; application=pytorch',
      roles: ['mlm:model'],
      'mlm:artifact_type': 'torch.save',
      ...assets,
    },
  },
  ...overrides,
});

const stacBands = [
  {
    name: 'red',
    'eo:common_name': 'red',
    data_type: 'uint16',
    statistics: { minimum: 0, maximum: 10000 },
  },
  {
    name: 'nir',
    'eo:common_name': 'nir',
    data_type: 'uint16',
    statistics: { minimum: 0, maximum: 10000 },
  },
];

export const SEED_ITEMS: { name: string; doc: Record<string, unknown> }[] = [
  {
    name: 'stac-1.1-bands',
    doc: base(
      { stac_version: '1.1.0', stac_extensions: [MLM, ext('eo/v2.0.0'), ext('raster/v2.0.0')] },
      {
        bands: stacBands,
        keywords: ['water', 'segmentation'],
        description: 'Water segmentation.',
        license: 'CC-BY-4.0',
      },
      { bands: stacBands, 'raster:spatial_resolution': 10 },
    ),
  },
  {
    name: 'many-extensions',
    doc: base(
      {
        stac_extensions: [
          MLM,
          ext('raster/v1.1.0'),
          ext('file/v2.1.0'),
          ext('processing/v1.2.0'),
          ext('scientific/v1.0.0'),
          ext('version/v1.2.0'),
          ext('classification/v1.1.0'),
          ext('ml-aoi/v0.2.0'),
          ext('example-links/v0.0.1'),
        ],
        links: [
          { rel: 'self', href: 'https://example.com/items/seed-item.json' },
          {
            rel: 'example',
            href: 'https://example.com/run.py',
            type: 'text/x-python',
            'example:language': 'Python',
            'example:container': false,
          },
          { rel: 'derived_from', href: 'https://example.com/train.json', 'file:size': 1234 },
        ],
      },
      {
        'processing:level': 'L4',
        'processing:software': { torch: '2.3.0' },
        'processing:datetime': '2024-05-01T12:00:00Z',
        'sci:doi': '10.5281/zenodo.1234567',
        'sci:citation': 'Doe et al. (2024)',
        version: '1.2.0',
        deprecated: false,
        'ml-aoi:split': 'train',
        'classification:classes': [{ value: 1, description: 'Water', color_hint: '1F77B4' }],
        'mlm:framework': 'PyTorch',
        'mlm:framework_version': '2.3.0',
        'mlm:accelerator': 'cuda',
        'mlm:accelerator_count': 1,
        'mlm:hyperparameters': { learning_rate: 0.001, epochs: 50 },
        providers: [
          { name: 'Example Lab', roles: ['producer', 'host'], url: 'https://example.com' },
        ],
        start_datetime: '2020-01-01T00:00:00Z',
        end_datetime: '2023-12-31T23:59:59Z',
      },
      {
        'raster:bands': [
          { name: 'red', data_type: 'uint16', statistics: { minimum: 0, maximum: 10000 } },
          {
            name: 'nir',
            data_type: 'uint16',
            histogram: { count: 3, min: 0, max: 1, buckets: [1, 2, 3] },
          },
        ],
        'file:size': 4096,
        'file:checksum': '1220abcdef',
        'file:local_path': 'models/model.pt',
        'ml-aoi:role': 'feature',
      },
    ),
  },
  {
    name: 'datacube-label',
    doc: base(
      {
        stac_extensions: [MLM, ext('datacube/v2.3.0'), ext('label/v1.0.1'), ext('file/v1.0.0')],
        links: [{ rel: 'source', href: './source.json', 'label:assets': ['model'] }],
      },
      {
        'mlm:input': [
          {
            name: 'cube',
            variables: ['t2m', 'tp'],
            input: {
              shape: [-1, 2, 12],
              dim_order: ['batch', 'variables', 'time'],
              data_type: 'float32',
            },
          },
        ],
        'mlm:output': [
          {
            name: 'forecast',
            tasks: ['regression'],
            result: { shape: [-1, 1], dim_order: ['batch', 'score'], data_type: 'float32' },
          },
        ],
        'mlm:tasks': ['regression'],
        'cube:dimensions': {
          x: { type: 'spatial', axis: 'x', extent: [-10, 10], reference_system: 4326 },
          y: { type: 'spatial', axis: 'y', extent: [-10, 10] },
          time: { type: 'temporal', extent: ['2020-01-01T00:00:00Z', null], step: 'P1M' },
          level: { type: 'pressure', values: [850, 500] },
        },
        'cube:variables': {
          t2m: { dimensions: ['time', 'y', 'x'], type: 'data', unit: 'K' },
          tp: { dimensions: ['time', 'y', 'x'], variable_type: 'data', unit: 'm' },
        },
        'label:properties': null,
        'label:description': 'Forecast targets',
        'label:type': 'raster',
        'label:classes': [{ name: null, classes: [1, 2] }],
      },
      {
        'file:size': 1024,
        'file:bits_per_sample': 32,
        'file:values': [{ values: [0], summary: 'none' }],
      },
    ),
  },
];
