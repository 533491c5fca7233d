import { MLM_SCHEMA_URL } from '../../schemas/mlmUrls';

// The blank item the editor starts from and the defaults of "Add input", "Add output" and the
// first "Add asset". Kept apart from the templates, which load only when one is chosen.

type Json = Record<string, unknown>;

// ── Blank item and "Add …" factories ───────────────────────────────────────────────────────────

/**
 * A model asset to fill in. The empty href and artifact type are on purpose: they are what the
 * person must supply, and the item stays invalid until they do.
 */
export function newModelAsset(): Json {
  return {
    href: '',
    type: 'application/octet-stream',
    roles: ['mlm:model'],
    'mlm:artifact_type': '',
  };
}

/**
 * The least an MLM item needs: empty text where the person must type (id, datetime, model name and
 * architecture), no inputs or outputs yet, no geometry. Invalid until filled in, by design.
 */
export function blankItem(): Json {
  return {
    type: 'Feature',
    stac_version: '1.0.0',
    stac_extensions: [MLM_SCHEMA_URL],
    id: '',
    geometry: null,
    properties: {
      datetime: '',
      'mlm:name': '',
      'mlm:architecture': '',
      'mlm:tasks': [],
      'mlm:input': [],
      'mlm:output': [],
    },
    links: [],
    assets: { model: newModelAsset() },
  };
}

/** "Add input": a batch of 3-channel 224 × 224 images; the name is left for the person. */
export function newInput(): Json {
  return {
    name: '',
    bands: [],
    input: {
      shape: [-1, 3, 224, 224],
      dim_order: ['batch', 'channel', 'height', 'width'],
      data_type: 'float32',
    },
  };
}

type ResultShape = { shape: number[]; dim_order: string[]; data_type: string };

/** The usual result tensor of each kind of task (the first task given decides). */
function resultFor(task: string | undefined): ResultShape {
  switch (task) {
    case 'segmentation':
    case 'semantic-segmentation':
    case 'instance-segmentation':
    case 'panoptic-segmentation':
      return {
        shape: [-1, 2, 256, 256],
        dim_order: ['batch', 'class', 'height', 'width'],
        data_type: 'float32',
      };
    case 'detection':
    case 'object-detection':
      return {
        shape: [-1, 100, 4],
        dim_order: ['batch', 'box', 'coordinate'],
        data_type: 'float32',
      };
    case 'regression':
    case 'super-resolution':
    case 'downscaling':
    case 'generative':
      return {
        shape: [-1, 1, 256, 256],
        dim_order: ['batch', 'channel', 'height', 'width'],
        data_type: 'float32',
      };
    case 'similarity-search':
      return { shape: [-1, 768], dim_order: ['batch', 'embedding'], data_type: 'float32' };
    case 'image-captioning':
      return { shape: [-1, 64], dim_order: ['batch', 'token'], data_type: 'int64' };
    default:
      return { shape: [-1, 2], dim_order: ['batch', 'class'], data_type: 'float32' };
  }
}

/** "Add output" for the item's tasks, with a result tensor typical of the first task. */
export function newOutput(tasks: readonly string[] = []): Json {
  return { name: '', tasks: [...tasks], result: resultFor(tasks[0]) };
}
