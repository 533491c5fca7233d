// A made-up MLM item that exercises every widget, with lists long enough to need virtualizing.

const classes = Array.from({ length: 1000 }, (_, i) => ({
  value: i,
  name: `class_${i}`,
  description: `Class number ${i}`,
}));

export const DEMO_ITEM = {
  type: 'Feature',
  stac_version: '1.0.0',
  stac_extensions: ['https://stac-extensions.github.io/mlm/v1.5.2/schema.json'],
  id: 'demo-model',
  geometry: { type: 'Point', coordinates: [10, 50] },
  bbox: [10, 50, 10, 50],
  properties: {
    datetime: '2024-05-01T00:00:00Z',
    'mlm:name': 'Demo model',
    'mlm:architecture': 'ResNet',
    'mlm:tasks': ['classification'],
    'mlm:framework': 'PyTorch',
    'mlm:memory_size': 12345678,
    'mlm:accelerator': null,
    'mlm:hyperparameters': { learning_rate: 0.001, optimizer: 'adam', augment: true },
    'mlm:input': [
      {
        name: 'image',
        bands: Array.from({ length: 200 }, (_, i) => `B${i + 1}`),
        input: {
          shape: [-1, 200, 64, 64],
          dim_order: ['batch', 'bands', 'height', 'width'],
          data_type: 'float32',
        },
        value_scaling: [{ type: 'min-max', minimum: 0, maximum: 10000 }],
        pre_processing_function: { format: 'python', expression: 'pkg.module:fn' },
      },
    ],
    'mlm:output': [
      {
        name: 'classes',
        tasks: ['classification'],
        result: { shape: [-1, 1000], dim_order: ['batch', 'class'], data_type: 'float32' },
        'classification:classes': classes,
      },
    ],
  },
  links: [{ rel: 'self', href: 'https://example.com/item.json', type: 'application/geo+json' }],
  assets: {
    'model.pt': {
      href: 'https://example.com/model.pt',
      type: 'application/octet-stream; application=pytorch',
      roles: ['mlm:model'],
      'mlm:artifact_type': 'torch.save',
      'file:size': 98765432,
    },
  },
};
