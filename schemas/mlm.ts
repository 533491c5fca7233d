import * as z from 'zod';

import './meta';
import type { MlmField } from './mlmFields';
import { MLM_SPEC } from './mlmUrls';
import { ALWAYS_RUN, integer, stringMin, uniqueArray } from './primitives';
import { isRecord } from './isRecord';
import { rememberResults } from './validationCache';
import { dataTypeSchema } from './stacCore';

// Every MLM v1.5.2 field with the exact constraints of the official schema (docs: MLM README and
// json-schema/schema.json at v1.5.2). Placement rules and cross-field conditions live in mlmItem.ts.

const spec = (anchor: string) => `${MLM_SPEC}#${anchor}`;

export const TASKS = [
  'regression',
  'classification',
  'scene-classification',
  'detection',
  'object-detection',
  'segmentation',
  'semantic-segmentation',
  'instance-segmentation',
  'panoptic-segmentation',
  'similarity-search',
  'generative',
  'image-captioning',
  'super-resolution',
  'downscaling',
] as const;

export const FRAMEWORKS = [
  'PyTorch',
  'TensorFlow',
  'scikit-learn',
  'Hugging Face',
  'Keras',
  'ONNX',
  'rgee',
  'spatialRF',
  'JAX',
  'Flax',
  'MXNet',
  'Caffe',
  'PyMC',
  'Weka',
  'Paddle',
] as const;

export const ACCELERATORS = [
  'amd64',
  'cuda',
  'xla',
  'amd-rocm',
  'intel-ipex-cpu',
  'intel-ipex-gpu',
  'macos-arm',
] as const;

export const RESIZE_TYPES = [
  'crop',
  'pad',
  'interpolation-nearest',
  'interpolation-linear',
  'interpolation-cubic',
  'interpolation-area',
  'interpolation-lanczos4',
  'interpolation-max',
  'wrap-fill-outliers',
  'wrap-inverse-map',
] as const;

export const ARTIFACT_TYPES = [
  'torch.save',
  'torch.jit.save',
  'torch.export.save',
  'tf.keras.Model.save',
  'tf.keras.Model.save_weights',
  'tf.keras.Model.export',
  'safetensors.torch.save_file',
  'safetensors.tensorflow.save_file',
  'safetensors.flax.save_file',
  'safetensors.paddle.save_file',
  'onnx',
] as const;

export const DIM_ORDER_NAMES = [
  'batch',
  'channel',
  'bands',
  'variables',
  'time',
  'height',
  'width',
  'depth',
  'token',
  'class',
  'score',
  'confidence',
  'embedding',
  'temperature',
  'pressure',
  'latitude',
  'longitude',
  'altitude',
  'x',
  'y',
  'z',
] as const;

export const tasksSchema = uniqueArray(z.enum(TASKS)).meta({
  label: 'Tasks',
  help: 'What the model does; pick from the MLM task list.',
  spec: spec('task-enum'),
  widget: 'chips',
});

export const mlmNameSchema = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.\-\s]+[a-zA-Z0-9]$/u, {
    error:
      'Use 3 or more characters: start with a letter, end with a letter or digit, and use only letters, digits, spaces, "_", "." or "-".',
  })
  .meta({
    label: 'Model name',
    help: 'A unique name for this trained model (not just its architecture).',
    spec: spec('item-properties-and-collection-fields'),
    widget: 'text',
  });

export const architectureSchema = z.string().meta({
  label: 'Architecture',
  widget: 'autocomplete',
  help: 'The model family, e.g. ResNet, U-Net or Vision Transformer.',
  spec: spec('item-properties-and-collection-fields'),
  suggestions: [
    'ResNet',
    'U-Net',
    'Vision Transformer',
    'Swin Transformer',
    'EfficientNet',
    'DeepLabV3',
    'Mask R-CNN',
    'YOLO',
    'Random Forest',
    'XGBoost',
  ],
});

export const frameworkSchema = z
  .union([
    z.enum(FRAMEWORKS),
    z.string().regex(/^(?=[^\s._-]).*[^\s._-]$/u, {
      error: 'Must not start or end with a space, ".", "_" or "-".',
    }),
  ])
  .meta({
    label: 'Framework',
    help: 'The library used to train and run the model; prefer the listed spelling.',
    spec: spec('framework'),
    widget: 'autocomplete',
    suggestions: FRAMEWORKS,
  });

export const frameworkVersionSchema = z
  .string()
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/u,
    { error: 'Use a full semantic version such as 2.1.0 (or 2.1.0+cu121).' },
  )
  .meta({
    label: 'Framework version',
    widget: 'text',
    help: 'Exact framework version, as MAJOR.MINOR.PATCH.',
    spec: spec('item-properties-and-collection-fields'),
  });

export const memorySizeSchema = integer({ min: 0 }).meta({
  label: 'Memory size (bytes)',
  help: 'Memory the model needs when loaded, in bytes.',
  spec: spec('item-properties-and-collection-fields'),
  widget: 'bytes',
});

export const totalParametersSchema = integer({ min: 0 }).meta({
  label: 'Total parameters',
  help: 'Number of trainable and fixed weights in the model.',
  spec: spec('item-properties-and-collection-fields'),
  widget: 'integer',
});

export const pretrainedSchema = z.boolean().meta({
  label: 'Pretrained',
  help: 'Whether training started from pretrained weights.',
  spec: spec('item-properties-and-collection-fields'),
  widget: 'checkbox',
});

export const pretrainedSourceSchema = z
  .string()
  .nullable()
  .meta({
    label: 'Pretraining source',
    widget: 'autocomplete',
    help: 'Dataset the weights were pretrained on; null when trained from scratch.',
    spec: spec('item-properties-and-collection-fields'),
    suggestions: ['ImageNet', 'BigEarthNet', 'SSL4EO-S12', 'EuroSAT', 'Million-AID'],
  });

export const batchSizeSchema = integer({ min: 0 }).meta({
  label: 'Suggested batch size',
  help: 'A batch size that works well for inference.',
  spec: spec('item-properties-and-collection-fields'),
  widget: 'integer',
});

export const acceleratorSchema = z
  .enum(ACCELERATORS)
  .nullable()
  .meta({
    label: 'Accelerator',
    help: 'Hardware the model is built to run on; null when any will do. amd64 means CPU only.',
    spec: spec('accelerator-type-enum'),
    widget: 'select',
  });

export const acceleratorConstrainedSchema = z.boolean().meta({
  label: 'Accelerator required',
  help: 'True when the model only runs on the given accelerator.',
  spec: spec('item-properties-and-collection-fields'),
  widget: 'checkbox',
});

export const acceleratorSummarySchema = z.string().meta({
  label: 'Accelerator summary',
  widget: 'text',
  help: 'Free text about the hardware, e.g. "NVIDIA A100 40 GB".',
  spec: spec('item-properties-and-collection-fields'),
});

export const acceleratorCountSchema = integer({ min: 1 }).meta({
  label: 'Accelerator count',
  help: 'How many accelerators inference needs (1 or more).',
  spec: spec('item-properties-and-collection-fields'),
  widget: 'integer',
});

export const artifactTypeSchema = stringMin(1).meta({
  label: 'Artifact type',
  help: 'How the model file was written, e.g. torch.save or safetensors.torch.save_file.',
  spec: spec('artifact-type-enum'),
  widget: 'autocomplete',
  suggestions: ARTIFACT_TYPES,
});

export const compileMethodSchema = stringMin(1).meta({
  label: 'Compile method',
  help: 'How the model was compiled, e.g. aot or jit.',
  spec: spec('model-asset'),
  widget: 'autocomplete',
  suggestions: ['aot', 'jit'],
});

export const entrypointSchema = stringMin(1).meta({
  label: 'Entry point',
  widget: 'text',
  help: 'Function or script that runs inference, e.g. my_package.module:predict.',
  spec: spec('source-code-asset'),
});

export const hyperparametersSchema = z
  .record(
    z.string().regex(/^[0-9a-zA-Z_.-]+$/u, {
      error: 'Use only letters, digits, "_", "." or "-" in names.',
    }),
    z.unknown(),
  )
  .refine((h) => Object.keys(h).length >= 1, {
    error: 'Add at least one hyperparameter, or remove the field.',
  })
  .meta({
    label: 'Hyperparameters',
    help: 'Training settings as name/value pairs, e.g. learning_rate: 0.001.',
    spec: spec('model-hyperparameters-object'),
    widget: 'keyValue',
  });

// ── Tensors ────────────────────────────────────────────────────────────────────────────────────

export const shapeSchema = z
  .array(integer({ min: -1 }))
  .min(1, { error: 'Give at least one dimension.' })
  .meta({
    label: 'Shape',
    help: 'Size of each dimension; -1 for a size that varies (such as the batch).',
    spec: spec('input-structure-object'),
    widget: 'shape',
  });

export const dimOrderSchema = uniqueArray(
  z
    .string()
    .min(1)
    .regex(/^[a-z-_]+$/u, { error: 'Use lower-case letters, "-" and "_" only (no digits).' }),
)
  .min(1, { error: 'Name at least one dimension.' })
  .meta({
    label: 'Dimension order',
    help: 'Name of each dimension of the shape, in order, e.g. batch, bands, height, width.',
    spec: spec('input-structure-object'),
    widget: 'dimOrder',
    suggestions: DIM_ORDER_NAMES,
  });

const tensorShape = {
  shape: shapeSchema,
  dim_order: dimOrderSchema,
  data_type: dataTypeSchema,
};

export const inputStructureSchema = z.looseObject(tensorShape).meta({
  label: 'Input tensor',
  help: 'Shape, dimension names and data type of the tensor the model takes.',
  spec: spec('input-structure-object'),
});

export const resultStructureSchema = z.looseObject(tensorShape).meta({
  label: 'Result tensor',
  help: 'Shape, dimension names and data type of the tensor the model returns.',
  spec: spec('result-structure-object'),
});

// z.unknown() members may be absent in Zod, while processing:expression requires the key (its value
// may be null), so presence is checked on its own.
const hasExpression = (e: object) => 'expression' in e;
const EXPRESSION_REQUIRED = {
  error: 'An expression is required (it may be null).',
  path: ['expression'],
};

export const processingExpressionSchema = z
  .looseObject({
    format: z.string().meta({
      label: 'Format',
      help: 'Language of the expression, e.g. python, docker, uri or gdal-calc.',
      suggestions: ['python', 'docker', 'uri', 'gdal-calc', 'openeo', 'rio-calc'],
    }),
    expression: z.unknown().meta({
      label: 'Expression',
      help: 'The expression itself; any JSON value.',
      widget: 'json',
    }),
    description: z
      .string()
      .optional()
      .meta({ label: 'Description', help: 'What the expression does, in a few words.' }),
  })
  .refine(hasExpression, EXPRESSION_REQUIRED)
  .meta({
    label: 'Processing expression',
    help: 'A function or command to run, given by its format and expression.',
    spec: spec('processing-expression'),
  });

export const processingFunctionSchema = z
  .union([
    processingExpressionSchema.nullable(),
    z
      .array(processingExpressionSchema.nullable())
      .min(1, { error: 'Add at least one expression, or use null.' }),
  ])
  .meta({
    label: 'Processing',
    help: 'One expression, a list applied in order, or null.',
    spec: spec('processing-expression'),
  });

const num = (label: string) => z.number().meta({ label });
const vs = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.looseObject({ type: z.literal(type), ...shape });

export const valueScalingObjectSchema = z
  .discriminatedUnion('type', [
    vs('min-max', { minimum: num('Minimum'), maximum: num('Maximum') }),
    vs('z-score', { mean: num('Mean'), stddev: num('Standard deviation') }),
    vs('clip', { minimum: num('Minimum'), maximum: num('Maximum') }),
    vs('clip-min', { minimum: num('Minimum'), maximum: num('Maximum').optional() }),
    vs('clip-max', { maximum: num('Maximum') }),
    vs('offset', { value: num('Value') }),
    vs('scale', { value: num('Value') }),
    z
      .looseObject({
        type: z.literal('processing'),
        format: processingExpressionSchema.shape.format,
        expression: processingExpressionSchema.shape.expression,
        description: z
          .string()
          .optional()
          .meta({ label: 'Description', help: 'What the expression does, in a few words.' }),
      })
      .refine(hasExpression, EXPRESSION_REQUIRED),
  ])
  .meta({
    label: 'Value scaling',
    help: 'How raw values are scaled before they enter the model.',
    spec: spec('value-scaling-object'),
  });

export const valueScalingSchema = z
  .array(valueScalingObjectSchema)
  .min(1, { error: 'Add at least one scaling, or use null.' })
  .nullable()
  .meta({
    label: 'Value scaling',
    help: 'One scaling for all bands, or one per band in band order; null for none.',
    spec: spec('value-scaling-object'),
  });

export const resizeTypeSchema = z
  .enum(RESIZE_TYPES)
  .nullable()
  .meta({
    label: 'Resize method',
    help: 'How images are resized to the input shape; null for none.',
    spec: spec('resize-enum'),
    widget: 'select',
  });

export const bandObjectSchema = z
  .strictObject({
    name: z.string().min(1).meta({ label: 'Name' }),
    format: z
      .string()
      .min(1)
      .optional()
      .meta({ label: 'Format', help: 'Language of the expression that derives this band.' }),
    expression: z.unknown().optional().meta({ label: 'Expression', widget: 'json' }),
  })
  .superRefine((b, ctx) => {
    const hasFormat = 'format' in b;
    const hasExpression = 'expression' in b;
    if (hasFormat !== hasExpression) {
      ctx.addIssue({
        code: 'custom',
        path: [hasFormat ? 'expression' : 'format'],
        message: 'A derived band needs both a format and an expression.',
        params: { code: 'band-format-expression' },
      });
    }
  });

export const bandRefSchema = z
  .union([z.string().min(1, { error: 'A band name must not be empty.' }), bandObjectSchema])
  .meta({
    label: 'Band',
    help: 'A band name, or a band derived by an expression.',
    spec: spec('model-band-object'),
  });

export const bandsListSchema = z.array(bandRefSchema).meta({
  label: 'Bands',
  help: 'The bands the tensor holds, in order; they must match a "bands" dimension.',
  spec: spec('bands-and-statistics'),
  widget: 'bands',
});

export const variablesListSchema = z.array(bandRefSchema).meta({
  label: 'Variables',
  help: 'The data-cube variables the tensor holds, in order; they must match a "variables" dimension.',
  spec: spec('model-input-object'),
  widget: 'bands',
});

// Remembered by object identity: a keystroke in one class of a thousand re-checks that class.
export const classObjectSchema = rememberResults(
  z.looseObject({
    value: integer().meta({ label: 'Value', help: 'The number the model outputs for this class.' }),
    description: z
      .string()
      .meta({ label: 'Description', help: 'What the class means, e.g. "Open water".' }),
    name: z
      .string()
      .optional()
      .meta({ label: 'Name', help: 'Short machine-friendly class name, e.g. water.' }),
    color_hint: z
      .string()
      .regex(/^([0-9A-Fa-f]{6})$/u, { error: 'Use six hex digits without "#", e.g. 1F77B4.' })
      .optional()
      .meta({ label: 'Colour', help: 'Suggested display colour as six hex digits.' }),
  }),
);

export const classesSchema = uniqueArray(classObjectSchema).meta({
  label: 'Classes',
  help: 'The classes the output can take, with their values, names and colours.',
  spec: 'https://github.com/stac-extensions/classification/tree/v1.1.0#class-object',
  widget: 'classes',
});

/**
 * C-8/C-9: "bands" and "variables" are reserved dimension names. A non-empty bands (variables) list
 * needs that dimension in dim_order, and the dimension needs the list.
 */
function checkReservedDimensions(
  entry: unknown,
  ctx: z.RefinementCtx,
  structureKey: 'input' | 'result',
): void {
  if (!isRecord(entry)) {
    return;
  }
  const structure = entry[structureKey];
  if (!isRecord(structure) || !('dim_order' in structure)) {
    return;
  }
  const order = structure.dim_order;
  for (const key of ['bands', 'variables'] as const) {
    const list = entry[key];
    const filled = Array.isArray(list) && list.length > 0;
    const hasDim = Array.isArray(order) && order.includes(key);
    if (filled && !hasDim) {
      ctx.addIssue({
        code: 'custom',
        path: [structureKey, 'dim_order'],
        message: `${key} are listed, so dim_order needs a "${key}" dimension (the reserved name for them).`,
        params: { code: `mlm-${key}-dimension-required` },
      });
    } else if (!filled && Array.isArray(order) && hasDim) {
      ctx.addIssue({
        code: 'custom',
        path: [structureKey, 'dim_order'],
        message: `dim_order has a "${key}" dimension but no ${key} are listed: list them in ${key}, or name the dimension differently (e.g. "channel").`,
        params: { code: `mlm-${key}-list-required` },
      });
    }
  }
}

export const modelInputSchema = rememberResults(
  z
    .looseObject({
      name: z.string().min(1).meta({
        label: 'Input name',
        help: 'Name of this input, e.g. the tensor name in the model.',
      }),
      description: z.string().min(1).optional().meta({
        label: 'Description',
        help: 'What this tensor holds, in plain words.',
        widget: 'textarea',
      }),
      bands: bandsListSchema.optional(),
      variables: variablesListSchema.optional(),
      input: inputStructureSchema,
      value_scaling: valueScalingSchema.optional(),
      resize_type: resizeTypeSchema.optional(),
      pre_processing_function: processingFunctionSchema.optional().meta({
        label: 'Pre-processing',
        help: 'Function(s) applied to the data before the model.',
        spec: spec('processing-expression'),
      }),
    })
    .superRefine((entry, ctx) => checkReservedDimensions(entry, ctx, 'input'), ALWAYS_RUN)
    .meta({
      label: 'Input',
      help: 'One tensor the model takes.',
      spec: spec('model-input-object'),
    }),
);

export const modelOutputSchema = rememberResults(
  z
    .looseObject({
      name: z.string().min(1).meta({
        label: 'Output name',
        help: 'Name of this output, e.g. the tensor name in the model.',
      }),
      description: z.string().min(1).optional().meta({
        label: 'Description',
        help: 'What this tensor holds, in plain words.',
        widget: 'textarea',
      }),
      tasks: tasksSchema,
      result: resultStructureSchema,
      bands: bandsListSchema.optional(),
      variables: variablesListSchema.optional(),
      'classification:classes': z
        .union([classesSchema.min(1), z.array(z.unknown()).max(0)])
        .optional()
        .meta({
          label: 'Classes',
          help: 'The classes the output can take.',
          spec: spec('model-output-object'),
          widget: 'classes',
        }),
      post_processing_function: processingFunctionSchema.optional().meta({
        label: 'Post-processing',
        help: 'Function(s) applied to the model output.',
        spec: spec('processing-expression'),
      }),
    })
    .superRefine((entry, ctx) => checkReservedDimensions(entry, ctx, 'result'), ALWAYS_RUN)
    .meta({
      label: 'Output',
      help: 'One tensor the model returns.',
      spec: spec('model-output-object'),
    }),
);

/** Every `mlm:` field with its type; where each may appear is decided in mlmItem.ts. */
export const mlmFieldSchemas = {
  'mlm:name': mlmNameSchema,
  'mlm:architecture': architectureSchema,
  'mlm:tasks': tasksSchema,
  'mlm:framework': frameworkSchema,
  'mlm:framework_version': frameworkVersionSchema,
  'mlm:memory_size': memorySizeSchema,
  'mlm:total_parameters': totalParametersSchema,
  'mlm:pretrained': pretrainedSchema,
  'mlm:pretrained_source': pretrainedSourceSchema,
  'mlm:batch_size_suggestion': batchSizeSchema,
  'mlm:accelerator': acceleratorSchema,
  'mlm:accelerator_constrained': acceleratorConstrainedSchema,
  'mlm:accelerator_summary': acceleratorSummarySchema,
  'mlm:accelerator_count': acceleratorCountSchema,
  'mlm:input': z.array(modelInputSchema).meta({
    label: 'Inputs',
    widget: 'list',
    help: 'The tensors the model takes; [] for none.',
    spec: spec('model-input-object'),
  }),
  'mlm:output': z.array(modelOutputSchema).meta({
    label: 'Outputs',
    widget: 'list',
    help: 'The tensors the model returns.',
    spec: spec('model-output-object'),
  }),
  'mlm:hyperparameters': hyperparametersSchema,
  'mlm:artifact_type': artifactTypeSchema,
  'mlm:compile_method': compileMethodSchema,
  'mlm:entrypoint': entrypointSchema,
} as const satisfies Record<MlmField, z.ZodType>;
