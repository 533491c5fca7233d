// Large, valid MLM items for the benchmarks: many classes, many inputs with many bands, per-band
// value scaling and many hyperparameters, the sizes the issues set as targets.

export interface LargeItemSize {
  classes: number;
  inputs: number;
  bandsPerInput: number;
  hyperparameters: number;
}

export const EDITOR_BENCH_SIZE: LargeItemSize = {
  classes: 1000,
  inputs: 20,
  bandsPerInput: 200,
  hyperparameters: 50,
};
export const VALIDATION_BENCH_SIZE: LargeItemSize = {
  classes: 1000,
  inputs: 10,
  bandsPerInput: 13,
  hyperparameters: 50,
};

export function largeItem(size: LargeItemSize): Record<string, unknown> {
  const bands = Array.from(
    { length: size.bandsPerInput },
    (_, i) => `B${String(i + 1).padStart(3, '0')}`,
  );
  return {
    type: 'Feature',
    stac_version: '1.0.0',
    stac_extensions: [
      'https://stac-extensions.github.io/mlm/v1.5.2/schema.json',
      'https://stac-extensions.github.io/raster/v1.1.0/schema.json',
    ],
    id: 'large-benchmark-model',
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
      'mlm:name': 'Large benchmark model',
      'mlm:architecture': 'ResNet',
      'mlm:tasks': ['semantic-segmentation'],
      'mlm:framework': 'PyTorch',
      'mlm:input': Array.from({ length: size.inputs }, (_, i) => ({
        name: `input_${i}`,
        bands,
        input: {
          shape: [-1, size.bandsPerInput, 64, 64],
          dim_order: ['batch', 'bands', 'height', 'width'],
          data_type: 'float32',
        },
        value_scaling: bands.map((_, b) => ({ type: 'z-score', mean: b, stddev: 1 + b })),
      })),
      'mlm:output': [
        {
          name: 'classes',
          tasks: ['semantic-segmentation'],
          result: {
            shape: [-1, size.classes, 64, 64],
            dim_order: ['batch', 'class', 'height', 'width'],
            data_type: 'float32',
          },
          'classification:classes': Array.from({ length: size.classes }, (_, i) => ({
            value: i,
            name: `class_${i}`,
            description: `Class number ${i}`,
            color_hint: ((i * 2654435761) >>> 8).toString(16).slice(-6).padStart(6, '0'),
          })),
        },
      ],
      'mlm:hyperparameters': Object.fromEntries(
        Array.from({ length: size.hyperparameters }, (_, i) => [`param_${i}`, i / 10]),
      ),
    },
    links: [],
    assets: {
      model: {
        href: 'https://example.com/model.pt',
        type: 'application/octet-stream; application=pytorch',
        roles: ['mlm:model'],
        'mlm:artifact_type': 'torch.save',
        'raster:bands': bands.map((name) => ({ name, data_type: 'uint16' })),
      },
    },
  };
}
