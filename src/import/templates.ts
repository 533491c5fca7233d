import { FILE_V2_URL, RASTER_V1_URL } from '../../schemas/extensionUrls';
import { MLM_SCHEMA_URL } from '../../schemas/mlmUrls';
import { TEMPLATE_MENU, type TemplateEntry } from './templateMenu';

// Starting points for "New item". Each template is a complete, valid MLM v1.5.2 item (STAC 1.0.0)
// describing a typical model of its kind; the values are realistic examples for the person to
// replace, not facts about a published model. Every builder returns a fresh object, so editing one
// item never changes the next one made from the same template.

type Json = Record<string, unknown>;

export interface ItemTemplate extends TemplateEntry {
  /** A new item; each call returns a fresh object. */
  build(): Json;
}

interface ClassDef {
  value: number;
  name: string;
  description: string;
  color_hint: string;
}

/** A rectangle as a GeoJSON polygon (counter-clockwise, closed) with its bbox. */
function area(west: number, south: number, east: number, north: number) {
  return {
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [east, south],
          [east, north],
          [west, north],
          [west, south],
        ],
      ],
    },
    bbox: [west, south, east, north],
  };
}

const classes = (list: readonly ClassDef[]): Json[] => list.map((c) => ({ ...c }));

// ── Scene classification: Sentinel-2, 13 bands, ResNet, PyTorch ────────────────────────────────

const SENTINEL2_BANDS: readonly (readonly [string, number])[] = [
  ['B01', 60],
  ['B02', 10],
  ['B03', 10],
  ['B04', 10],
  ['B05', 20],
  ['B06', 20],
  ['B07', 20],
  ['B08', 10],
  ['B8A', 20],
  ['B09', 60],
  ['B10', 60],
  ['B11', 20],
  ['B12', 20],
];

const LAND_COVER_CLASSES: readonly ClassDef[] = [
  { value: 0, name: 'water', description: 'Lakes, rivers and sea', color_hint: '1F78B4' },
  { value: 1, name: 'forest', description: 'Closed tree cover', color_hint: '33A02C' },
  { value: 2, name: 'grassland', description: 'Grass, pasture and meadows', color_hint: 'B2DF8A' },
  { value: 3, name: 'cropland', description: 'Arable land and orchards', color_hint: 'FFD92F' },
  {
    value: 4,
    name: 'built_up',
    description: 'Buildings, roads and paved areas',
    color_hint: 'E31A1C',
  },
  { value: 5, name: 'bare', description: 'Bare soil, rock and sand', color_hint: 'A6761D' },
  { value: 6, name: 'wetland', description: 'Marshes, bogs and peatland', color_hint: '6A3D9A' },
  { value: 7, name: 'snow_ice', description: 'Permanent snow and glaciers', color_hint: 'F0F0F0' },
];

function sceneClassification(): Json {
  return {
    type: 'Feature',
    stac_version: '1.0.0',
    stac_extensions: [MLM_SCHEMA_URL, RASTER_V1_URL, FILE_V2_URL],
    id: 'sentinel-2-scene-classifier',
    ...area(-25, 34, 45, 72),
    properties: {
      title: 'Sentinel-2 land cover scene classifier',
      description:
        'A ResNet-50 that gives one land cover class to each 64 × 64 pixel Sentinel-2 Level-1C patch, using all 13 bands.',
      datetime: null,
      start_datetime: '2017-06-01T00:00:00Z',
      end_datetime: '2018-05-31T23:59:59Z',
      license: 'CC-BY-4.0',
      'mlm:name': 'Sentinel-2 scene classifier',
      'mlm:architecture': 'ResNet',
      'mlm:tasks': ['scene-classification'],
      'mlm:framework': 'PyTorch',
      'mlm:framework_version': '2.5.1',
      'mlm:memory_size': 100_663_296,
      'mlm:total_parameters': 23_524_424,
      'mlm:pretrained': true,
      'mlm:pretrained_source': 'ImageNet',
      'mlm:batch_size_suggestion': 64,
      'mlm:accelerator': 'cuda',
      'mlm:accelerator_constrained': false,
      'mlm:accelerator_summary': 'Any CUDA GPU with 4 GB of memory; runs on a CPU too, slowly.',
      'mlm:accelerator_count': 1,
      'mlm:input': [
        {
          name: 'Sentinel-2 L1C patch',
          description: 'Top-of-atmosphere reflectance of all 13 bands, as stored (0–10000).',
          bands: SENTINEL2_BANDS.map(([name]) => name),
          input: {
            shape: [-1, 13, 64, 64],
            dim_order: ['batch', 'bands', 'height', 'width'],
            data_type: 'float32',
          },
          value_scaling: [{ type: 'scale', value: 10000 }],
          resize_type: null,
          pre_processing_function: null,
        },
      ],
      'mlm:output': [
        {
          name: 'class scores',
          description: 'One score per class; the highest is the predicted class.',
          tasks: ['scene-classification'],
          result: { shape: [-1, 8], dim_order: ['batch', 'class'], data_type: 'float32' },
          'classification:classes': classes(LAND_COVER_CLASSES),
          post_processing_function: null,
        },
      ],
      'mlm:hyperparameters': {
        optimizer: 'AdamW',
        learning_rate: 0.001,
        epochs: 50,
        batch_size: 64,
      },
    },
    links: [],
    assets: {
      model: {
        href: 'https://example.com/models/sentinel-2-scene-classifier.pt',
        type: 'application/octet-stream; framework=pytorch',
        title: 'Model weights (torch.save)',
        roles: ['mlm:model', 'mlm:weights'],
        'mlm:artifact_type': 'torch.save',
        // Replace with the real file's size and multihash; this is the SHA-256 of an empty file.
        'file:size': 94_371_840,
        'file:checksum': '1220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'raster:bands': SENTINEL2_BANDS.map(([name, resolution]) => ({
          name,
          data_type: 'uint16',
          nodata: 0,
          spatial_resolution: resolution,
        })),
      },
    },
  };
}

// ── Semantic segmentation: U-Net, RGB + NIR aerial imagery ─────────────────────────────────────

const RGBN_BANDS = ['red', 'green', 'blue', 'nir'] as const;
const RGBN_STATS: Record<(typeof RGBN_BANDS)[number], readonly [number, number]> = {
  red: [118.5, 41.2],
  green: [121.3, 36.8],
  blue: [104.9, 33.6],
  nir: [137.2, 45.1],
};

const URBAN_CLASSES: readonly ClassDef[] = [
  { value: 0, name: 'other', description: 'Anything not listed below', color_hint: '9E9E9E' },
  { value: 1, name: 'water', description: 'Open water', color_hint: '1F78B4' },
  { value: 2, name: 'tree_canopy', description: 'Trees and tall shrubs', color_hint: '1B7837' },
  {
    value: 3,
    name: 'low_vegetation',
    description: 'Grass, crops and low shrubs',
    color_hint: 'A6DBA0',
  },
  { value: 4, name: 'building', description: 'Roofs of buildings', color_hint: 'E41A1C' },
  {
    value: 5,
    name: 'impervious',
    description: 'Roads, parking lots and other paving',
    color_hint: '636363',
  },
];

function semanticSegmentation(): Json {
  return {
    type: 'Feature',
    stac_version: '1.0.0',
    stac_extensions: [MLM_SCHEMA_URL, RASTER_V1_URL],
    id: 'aerial-rgbn-unet-segmentation',
    ...area(-125, 24, -66, 50),
    properties: {
      title: 'Land cover segmentation of aerial RGB + NIR imagery',
      description:
        'A U-Net that labels every pixel of 60 cm, 4-band aerial imagery with one of six land cover classes.',
      datetime: null,
      start_datetime: '2020-01-01T00:00:00Z',
      end_datetime: '2022-12-31T23:59:59Z',
      license: 'MIT',
      'mlm:name': 'Aerial land cover U-Net',
      'mlm:architecture': 'U-Net',
      'mlm:tasks': ['semantic-segmentation'],
      'mlm:framework': 'PyTorch',
      'mlm:framework_version': '2.5.1',
      'mlm:total_parameters': 31_037_766,
      'mlm:pretrained': false,
      'mlm:pretrained_source': null,
      'mlm:batch_size_suggestion': 8,
      'mlm:accelerator': 'cuda',
      'mlm:accelerator_constrained': false,
      'mlm:accelerator_summary': 'A GPU with 8 GB of memory for 512 × 512 tiles.',
      'mlm:input': [
        {
          name: 'RGBN tile',
          description: '8-bit red, green, blue and near-infrared bands, standardised per band.',
          bands: [...RGBN_BANDS],
          input: {
            shape: [-1, 4, 512, 512],
            dim_order: ['batch', 'bands', 'height', 'width'],
            data_type: 'float32',
          },
          value_scaling: RGBN_BANDS.map((band) => ({
            type: 'z-score',
            mean: RGBN_STATS[band][0],
            stddev: RGBN_STATS[band][1],
          })),
          resize_type: null,
        },
      ],
      'mlm:output': [
        {
          name: 'class logits',
          description: 'One score per class for every pixel; the highest is the predicted class.',
          tasks: ['semantic-segmentation'],
          result: {
            shape: [-1, 6, 512, 512],
            dim_order: ['batch', 'class', 'height', 'width'],
            data_type: 'float32',
          },
          'classification:classes': classes(URBAN_CLASSES),
        },
      ],
      'mlm:hyperparameters': { loss: 'cross_entropy', learning_rate: 0.0005, epochs: 120 },
    },
    links: [],
    assets: {
      model: {
        href: 'https://example.com/models/aerial-rgbn-unet.pt',
        type: 'application/octet-stream; framework=pytorch; profile=torchscript',
        title: 'TorchScript model',
        roles: ['mlm:model'],
        'mlm:artifact_type': 'torch.jit.save',
        'raster:bands': RGBN_BANDS.map((name) => ({
          name,
          data_type: 'uint8',
          spatial_resolution: 0.6,
        })),
      },
    },
  };
}

// ── Object detection: YOLO-style boxes, exported to ONNX ───────────────────────────────────────

const OBJECT_CLASSES: readonly ClassDef[] = [
  { value: 0, name: 'vehicle', description: 'Cars, trucks and buses', color_hint: 'FF7F00' },
  { value: 1, name: 'ship', description: 'Ships and boats', color_hint: '1F78B4' },
  { value: 2, name: 'airplane', description: 'Aircraft on the ground', color_hint: 'E31A1C' },
  { value: 3, name: 'storage_tank', description: 'Round storage tanks', color_hint: '6A3D9A' },
];

function objectDetection(): Json {
  const detection = (
    name: string,
    description: string,
    shape: number[],
    dimOrder: string[],
    dataType: string,
  ) => ({
    name,
    description,
    tasks: ['object-detection'],
    result: { shape, dim_order: dimOrder, data_type: dataType },
  });
  return {
    type: 'Feature',
    stac_version: '1.0.0',
    stac_extensions: [MLM_SCHEMA_URL],
    id: 'yolo-style-object-detector',
    ...area(-180, -60, 180, 75),
    properties: {
      title: 'Object detector for very high resolution RGB imagery',
      description:
        'A YOLO-style one-stage detector exported to ONNX with non-maximum suppression built in: up to 300 boxes per 640 × 640 image.',
      datetime: '2024-03-15T00:00:00Z',
      license: 'Apache-2.0',
      'mlm:name': 'VHR object detector',
      'mlm:architecture': 'YOLO',
      'mlm:tasks': ['object-detection'],
      'mlm:framework': 'ONNX',
      'mlm:framework_version': '1.17.0',
      'mlm:total_parameters': 25_900_000,
      'mlm:pretrained': true,
      'mlm:pretrained_source': 'COCO',
      'mlm:batch_size_suggestion': 16,
      'mlm:accelerator': null,
      'mlm:accelerator_constrained': false,
      'mlm:accelerator_summary': 'Any ONNX Runtime execution provider; a GPU is faster.',
      'mlm:input': [
        {
          name: 'images',
          description: '8-bit RGB image chips, letterboxed to 640 × 640.',
          bands: [],
          input: {
            shape: [-1, 3, 640, 640],
            dim_order: ['batch', 'channel', 'height', 'width'],
            data_type: 'float32',
          },
          value_scaling: [{ type: 'scale', value: 255 }],
          resize_type: 'interpolation-linear',
        },
      ],
      'mlm:output': [
        detection(
          'boxes',
          'Box corners x1, y1, x2, y2 in input pixels.',
          [-1, 300, 4],
          ['batch', 'box', 'coordinate'],
          'float32',
        ),
        detection(
          'scores',
          'Confidence of each box, from 0 to 1.',
          [-1, 300],
          ['batch', 'box'],
          'float32',
        ),
        {
          ...detection('labels', 'Class of each box.', [-1, 300], ['batch', 'box'], 'int64'),
          'classification:classes': classes(OBJECT_CLASSES),
        },
      ],
    },
    links: [],
    assets: {
      model: {
        href: 'https://example.com/models/vhr-object-detector.onnx',
        type: 'application/octet-stream; framework=onnx',
        title: 'ONNX model',
        roles: ['mlm:model'],
        'mlm:artifact_type': 'torch.onnx.export',
      },
    },
  };
}

// ── Pixel-wise classification: Random Forest, scikit-learn ─────────────────────────────────────

const LANDSAT_BANDS = ['SR_B2', 'SR_B3', 'SR_B4', 'SR_B5', 'SR_B6', 'SR_B7'] as const;

const CROP_CLASSES: readonly ClassDef[] = [
  { value: 1, name: 'water', description: 'Open water', color_hint: '1F78B4' },
  { value: 2, name: 'forest', description: 'Tree cover above 30 %', color_hint: '33A02C' },
  { value: 3, name: 'cropland', description: 'Cultivated fields', color_hint: 'FFD92F' },
  { value: 4, name: 'urban', description: 'Built-up areas', color_hint: 'E31A1C' },
  {
    value: 5,
    name: 'barren',
    description: 'Bare ground with little vegetation',
    color_hint: 'BF812D',
  },
];

function pixelClassifier(): Json {
  return {
    type: 'Feature',
    stac_version: '1.0.0',
    stac_extensions: [MLM_SCHEMA_URL, RASTER_V1_URL],
    id: 'landsat-random-forest-land-cover',
    ...area(33.9, -4.7, 41.9, 5),
    properties: {
      title: 'Per-pixel land cover classifier for Landsat 8/9',
      description:
        'A Random Forest that classifies each pixel from its six Landsat Collection 2 surface reflectance bands.',
      datetime: null,
      start_datetime: '2021-01-01T00:00:00Z',
      end_datetime: '2021-12-31T23:59:59Z',
      license: 'CC-BY-4.0',
      'mlm:name': 'Landsat pixel Random Forest',
      'mlm:architecture': 'Random Forest',
      'mlm:tasks': ['classification'],
      'mlm:framework': 'scikit-learn',
      'mlm:framework_version': '1.5.2',
      'mlm:pretrained': false,
      'mlm:pretrained_source': null,
      'mlm:batch_size_suggestion': 100_000,
      'mlm:accelerator': 'amd64',
      'mlm:accelerator_constrained': true,
      'mlm:accelerator_summary': 'CPU only; uses every core.',
      'mlm:input': [
        {
          name: 'pixel reflectances',
          description:
            'One row per pixel: surface reflectance after applying the raster:bands scale and offset.',
          bands: [...LANDSAT_BANDS],
          input: { shape: [-1, 6], dim_order: ['batch', 'bands'], data_type: 'float32' },
          value_scaling: null,
        },
      ],
      'mlm:output': [
        {
          name: 'land cover class',
          description: 'The predicted class of each pixel.',
          tasks: ['classification'],
          result: { shape: [-1], dim_order: ['batch'], data_type: 'uint8' },
          'classification:classes': classes(CROP_CLASSES),
        },
      ],
      'mlm:hyperparameters': {
        n_estimators: 500,
        max_depth: 25,
        min_samples_leaf: 2,
        max_features: 'sqrt',
        class_weight: 'balanced',
      },
    },
    links: [],
    assets: {
      model: {
        href: 'https://example.com/models/landsat-random-forest.joblib',
        type: 'application/octet-stream',
        title: 'Fitted estimator (joblib)',
        roles: ['mlm:model'],
        'mlm:artifact_type': 'joblib.dump',
        'raster:bands': LANDSAT_BANDS.map((name) => ({
          name,
          data_type: 'uint16',
          nodata: 0,
          scale: 0.0000275,
          offset: -0.2,
          spatial_resolution: 30,
        })),
      },
    },
  };
}

// ── Embeddings: ViT encoder for similarity search ──────────────────────────────────────────────

const EMBEDDING_BANDS = ['B02', 'B03', 'B04', 'B08'] as const;

function embeddingModel(): Json {
  return {
    type: 'Feature',
    stac_version: '1.0.0',
    stac_extensions: [MLM_SCHEMA_URL, RASTER_V1_URL],
    id: 'sentinel-2-vit-embeddings',
    ...area(-180, -56, 180, 84),
    properties: {
      title: 'Sentinel-2 image embeddings (ViT-S/16)',
      description:
        'A self-supervised Vision Transformer encoder that turns a 224 × 224 Sentinel-2 patch into a 384-number embedding for similarity search.',
      datetime: null,
      start_datetime: '2019-01-01T00:00:00Z',
      end_datetime: '2022-12-31T23:59:59Z',
      license: 'CC-BY-4.0',
      'mlm:name': 'Sentinel-2 ViT-S16 encoder',
      'mlm:architecture': 'Vision Transformer',
      'mlm:tasks': ['similarity-search'],
      'mlm:framework': 'PyTorch',
      'mlm:framework_version': '2.5.1',
      'mlm:total_parameters': 21_665_664,
      'mlm:pretrained': true,
      'mlm:pretrained_source': 'SSL4EO-S12',
      'mlm:batch_size_suggestion': 128,
      'mlm:accelerator': 'cuda',
      'mlm:accelerator_constrained': false,
      'mlm:input': [
        {
          name: 'Sentinel-2 L2A patch',
          description: 'Blue, green, red and near-infrared surface reflectance at 10 m.',
          bands: [...EMBEDDING_BANDS],
          input: {
            shape: [-1, 4, 224, 224],
            dim_order: ['batch', 'bands', 'height', 'width'],
            data_type: 'float32',
          },
          value_scaling: [{ type: 'min-max', minimum: 0, maximum: 10000 }],
          resize_type: 'interpolation-cubic',
        },
      ],
      'mlm:output': [
        {
          name: 'embedding',
          description: 'One vector per patch; compare vectors with cosine similarity.',
          tasks: ['similarity-search'],
          result: { shape: [-1, 384], dim_order: ['batch', 'embedding'], data_type: 'float32' },
        },
      ],
    },
    links: [],
    assets: {
      model: {
        href: 'https://example.com/models/sentinel-2-vit-s16.safetensors',
        type: 'application/octet-stream',
        title: 'Encoder weights (safetensors)',
        roles: ['mlm:model', 'mlm:weights'],
        'mlm:artifact_type': 'safetensors.torch.save_file',
        'raster:bands': EMBEDDING_BANDS.map((name) => ({
          name,
          data_type: 'uint16',
          nodata: 0,
          spatial_resolution: 10,
        })),
      },
      source_code: {
        href: 'https://example.com/code/embed.py',
        type: 'text/x-python',
        title: 'Inference script',
        roles: ['mlm:source_code', 'code'],
        'mlm:entrypoint': 'embed:encode',
      },
    },
  };
}

const BUILDERS: Readonly<Record<string, () => Json>> = {
  'scene-classification': sceneClassification,
  'semantic-segmentation': semanticSegmentation,
  'object-detection': objectDetection,
  'pixel-classifier': pixelClassifier,
  embedding: embeddingModel,
};

/** The "New item" templates, in menu order. */
export const TEMPLATES: readonly ItemTemplate[] = TEMPLATE_MENU.map((entry) => {
  const build = BUILDERS[entry.id];
  if (!build) {
    throw new Error(`templates.ts has no builder for the menu entry "${entry.id}".`);
  }
  return { ...entry, build };
});
