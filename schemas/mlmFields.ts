// The names of the `mlm:` fields, apart from their Zod schemas (mlm.ts), so that code which only
// orders or sorts fields (export) does not load Zod. mlm.ts checks that both lists agree.

/** Every `mlm:` field, in the order of the MLM README's field table. */
export const MLM_FIELDS = [
  'mlm:name',
  'mlm:architecture',
  'mlm:tasks',
  'mlm:framework',
  'mlm:framework_version',
  'mlm:memory_size',
  'mlm:total_parameters',
  'mlm:pretrained',
  'mlm:pretrained_source',
  'mlm:batch_size_suggestion',
  'mlm:accelerator',
  'mlm:accelerator_constrained',
  'mlm:accelerator_summary',
  'mlm:accelerator_count',
  'mlm:input',
  'mlm:output',
  'mlm:hyperparameters',
  'mlm:artifact_type',
  'mlm:compile_method',
  'mlm:entrypoint',
] as const;

export type MlmField = (typeof MLM_FIELDS)[number];

/** Fields that belong on the Item and are forbidden on assets. */
export const ITEM_ONLY_FIELDS = [
  'mlm:name',
  'mlm:input',
  'mlm:output',
  'mlm:hyperparameters',
] as const satisfies readonly MlmField[];
/** Fields that belong on assets and are forbidden in Item properties. */
export const ASSET_ONLY_FIELDS = [
  'mlm:artifact_type',
  'mlm:compile_method',
  'mlm:entrypoint',
] as const satisfies readonly MlmField[];
