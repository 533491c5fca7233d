/**
 * The smallest useful STAC Item with the MLM v1.5.2 extension: one input tensor, one output tensor
 * and the model asset. Written by hand for "New minimal item"; tests/app/minimalItem.test.ts checks
 * that the official STAC and MLM JSON Schemas accept it.
 */
export const MINIMAL_ITEM = {
  stac_version: '1.0.0',
  stac_extensions: ['https://stac-extensions.github.io/mlm/v1.5.2/schema.json'],
  type: 'Feature',
  id: 'my-model',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-180, -90],
        [180, -90],
        [180, 90],
        [-180, 90],
        [-180, -90],
      ],
    ],
  },
  bbox: [-180, -90, 180, 90],
  properties: {
    datetime: '2024-01-01T00:00:00Z',
    'mlm:name': 'my-model',
    'mlm:architecture': 'ResNet',
    'mlm:tasks': ['classification'],
    'mlm:input': [
      {
        name: 'RGB image',
        bands: [],
        input: {
          shape: [-1, 3, 224, 224],
          dim_order: ['batch', 'channel', 'height', 'width'],
          data_type: 'float32',
        },
      },
    ],
    'mlm:output': [
      {
        name: 'class scores',
        tasks: ['classification'],
        result: {
          shape: [-1, 10],
          dim_order: ['batch', 'class'],
          data_type: 'float32',
        },
      },
    ],
  },
  links: [],
  assets: {
    model: {
      href: 'https://example.com/model.pt',
      type: 'application/octet-stream; application=pytorch',
      roles: ['mlm:model'],
      'mlm:artifact_type': 'torch.save',
    },
  },
};

/** The minimal item as the editor shows it: two-space indented JSON. */
export const MINIMAL_ITEM_TEXT = `${JSON.stringify(MINIMAL_ITEM, null, 2)}\n`;
