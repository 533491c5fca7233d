import * as z from 'zod';

import { mlmItemSchema } from './mlmItem';

/**
 * The JSON Schema generated from the Zod model (draft 2020-12). It documents the model's shape for
 * other tools; the cross-field rules written as refinements are not expressible here, so the
 * official MLM schema stays the reference for validation outside this app.
 */
export function itemJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(mlmItemSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
  }) as Record<string, unknown>;
  markIntegers(schema);
  return schema;
}

/** `integer()` fields carry `jsonType: "integer"` in their metadata: make them JSON Schema integers. */
function markIntegers(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(markIntegers);
  } else if (typeof node === 'object' && node !== null) {
    const obj = node as Record<string, unknown>;
    if (obj.jsonType === 'integer') {
      obj.type = 'integer';
      delete obj.jsonType;
    }
    Object.values(obj).forEach(markIntegers);
  }
}

/** The generated schema as committed: stable, pretty JSON with a trailing newline. */
export function itemJsonSchemaText(): string {
  return `${JSON.stringify(itemJsonSchema(), null, 2)}\n`;
}
