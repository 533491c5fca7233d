import * as z from 'zod';
import { describe, expect, it } from 'vitest';

import {
  classObjectSchema,
  inputStructureSchema,
  mlmFieldSchemas,
  modelInputSchema,
  modelOutputSchema,
  processingExpressionSchema,
} from '../../schemas/mlm';
import { mlmItemSchemaV10 } from '../../schemas/mlmItem';
import { commonShapeV11 } from '../../schemas/stacCore';

/** The metadata of a field, looking through optional/nullable wrappers. */
function metaOf(schema: z.ZodType): z.GlobalMeta {
  let current: unknown = schema;
  for (let i = 0; i < 6; i += 1) {
    const meta = z.globalRegistry.get(current as z.ZodType);
    if (meta?.label) {
      return meta;
    }
    const inner = (current as { _zod: { def: { innerType?: unknown } } })._zod.def.innerType;
    if (!inner) {
      return meta ?? {};
    }
    current = inner;
  }
  return {};
}

const shapeOf = (schema: unknown) => (schema as { shape: Record<string, z.ZodType> }).shape;

const FIELD_GROUPS: Record<string, Record<string, z.ZodType>> = {
  'MLM field': mlmFieldSchemas,
  'model input': shapeOf(modelInputSchema),
  'model output': shapeOf(modelOutputSchema),
  'tensor structure': shapeOf(inputStructureSchema),
  class: shapeOf(classObjectSchema),
  'processing expression': shapeOf(processingExpressionSchema),
  item: shapeOf(mlmItemSchemaV10),
  'common metadata': commonShapeV11,
};

const fields = Object.entries(FIELD_GROUPS).flatMap(([group, shape]) =>
  Object.entries(shape).map(([key, schema]) => [`${group} ${key}`, schema] as const),
);

describe('field metadata (.meta)', () => {
  it.each(fields)('%s has a label and a one-line help text', (_name, schema) => {
    const meta = metaOf(schema);
    expect(meta.label, 'label').toBeTruthy();
    expect(meta.help, 'help').toBeTruthy();
    expect(meta.help?.includes('\n')).toBe(false);
  });

  it.each(Object.entries(mlmFieldSchemas))(
    'MLM %s links to the spec and names a widget',
    (_key, schema) => {
      const meta = metaOf(schema);
      expect(meta.spec).toMatch(
        /^https:\/\/github\.com\/stac-extensions\/mlm\/blob\/v1\.5\.2\/README\.md#/,
      );
      expect(meta.widget).toBeTruthy();
    },
  );

  it('suggests values for the open vocabularies', () => {
    expect(metaOf(mlmFieldSchemas['mlm:framework']).suggestions).toContain('PyTorch');
    expect(metaOf(mlmFieldSchemas['mlm:artifact_type']).suggestions).toContain('torch.save');
    expect(metaOf(shapeOf(inputStructureSchema).dim_order as z.ZodType).suggestions).toContain(
      'bands',
    );
    expect(metaOf(commonShapeV11.license).suggestions).toContain('CC-BY-4.0');
    expect(
      metaOf(shapeOf(mlmItemSchemaV10.shape.assets.valueType).type as z.ZodType).suggestions,
    ).toContain('application/octet-stream; application=pytorch');
  });
});
