import * as z from 'zod';

import { mlmItemSchema } from './mlmItem';

/**
 * The JSON Schema generated from the Zod model (draft 2020-12). It documents the model's shape for
 * other tools; the cross-field rules written as refinements are not expressible here, so the
 * official MLM schema stays the reference for validation outside this app.
 */
export function itemJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(mlmItemSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
  }) as Record<string, unknown>;
}

/** The generated schema as committed: stable, pretty JSON with a trailing newline. */
export function itemJsonSchemaText(): string {
  return `${JSON.stringify(itemJsonSchema(), null, 2)}\n`;
}
