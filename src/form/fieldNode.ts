import type { WidgetHint } from '../../schemas/meta';

// The intermediate form between a Zod schema and the widgets (autoform's ParsedField): plain data
// built once per schema by fieldTree.ts, so rendering never inspects Zod internals.

/** Metadata every node carries, read from the Zod registry through optional/nullable wrappers. */
export interface NodeMeta {
  /** Display label: the `label` metadata, or the humanized key when there is none. */
  label: string;
  help?: string;
  /** Link to the specification section that defines the field. */
  spec?: string;
  widget?: WidgetHint;
  /** Values to offer for an open vocabulary; free text stays allowed. */
  suggestions?: readonly string[];
  /** Schema URL of the extension the field belongs to. */
  extension?: string;
  /** The value may be absent (`.optional()`). */
  optional: boolean;
  /** The value may be JSON null (`.nullable()`). */
  nullable: boolean;
}

export type Primitive = string | number | boolean | null;

export interface StringNode extends NodeMeta {
  kind: 'string';
  minLength?: number;
  maxLength?: number;
  /** Zod string format such as `url`, `email` or `datetime`. */
  format?: string;
}

export interface NumberNode extends NodeMeta {
  kind: 'number';
  integer: boolean;
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
}

export interface BooleanNode extends NodeMeta {
  kind: 'boolean';
}

/** A closed list of values. */
export interface EnumNode extends NodeMeta {
  kind: 'enum';
  options: readonly (string | number)[];
}

/** One fixed value, shown read-only. */
export interface LiteralNode extends NodeMeta {
  kind: 'literal';
  value: Primitive;
}

export interface ObjectChild {
  key: string;
  node: FieldNode;
  /** Not optional in this object: the label shows an asterisk and there is no remove button. */
  required: boolean;
}

export interface ObjectNode extends NodeMeta {
  kind: 'object';
  children: readonly ObjectChild[];
  /** Extra keys are allowed (loose object or catchall); the form keeps them untouched either way. */
  open: boolean;
}

export interface ArrayNode extends NodeMeta {
  kind: 'array';
  item: FieldNode;
  minItems?: number;
  maxItems?: number;
}

/** An object with arbitrary keys; the form stores it as `{ key, value }` entries (see formValues.ts). */
export interface RecordNode extends NodeMeta {
  kind: 'record';
  value: FieldNode;
  /** Label for one entry, e.g. "Asset" for "Assets". */
  entryLabel: string;
  keyPattern?: RegExp;
  /** Allowed keys when the key schema is an enum. */
  keyOptions?: readonly string[];
}

export interface UnionNode extends NodeMeta {
  kind: 'union';
  /** Never nullable themselves: a null option is hoisted into the union's `nullable`. */
  options: readonly FieldNode[];
}

export interface DiscriminatedOption {
  value: Primitive;
  node: ObjectNode;
}

export interface DiscriminatedUnionNode extends NodeMeta {
  kind: 'discriminatedUnion';
  discriminator: string;
  options: readonly DiscriminatedOption[];
}

/** Any JSON value: z.unknown(), z.any(), and whatever the form cannot represent. */
export interface JsonNode extends NodeMeta {
  kind: 'json';
}

/**
 * A recursive schema (z.lazy or a getter cycle), expanded on demand with `resolveNode` so a
 * recursive tree (STAC 1.1 bands) stays finite.
 */
export interface LazyNode extends NodeMeta {
  kind: 'lazy';
  /** The expanded node; memoized, call through `resolveNode`. */
  resolve: () => FieldNode;
}

export type FieldNode =
  | StringNode
  | NumberNode
  | BooleanNode
  | EnumNode
  | LiteralNode
  | ObjectNode
  | ArrayNode
  | RecordNode
  | UnionNode
  | DiscriminatedUnionNode
  | JsonNode
  | LazyNode;

export type FieldKind = FieldNode['kind'];

/** A node other than `lazy`: what widgets receive. */
export type ResolvedNode = Exclude<FieldNode, LazyNode>;

/** Expands lazy nodes (repeatedly, for a lazy that points at another lazy). */
export function resolveNode(node: FieldNode): ResolvedNode {
  let current = node;
  while (current.kind === 'lazy') {
    current = current.resolve();
  }
  return current;
}

/** A string offered with suggestions: rendered as free text with an autocomplete list. */
export function isOpenVocabulary(node: FieldNode): node is StringNode {
  return node.kind === 'string' && (node.suggestions?.length ?? 0) > 0;
}

/** Nodes whose value is a single JSON primitive. */
export function isPrimitiveNode(node: FieldNode): boolean {
  const kind = resolveNode(node).kind;
  return (
    kind === 'string' ||
    kind === 'number' ||
    kind === 'boolean' ||
    kind === 'enum' ||
    kind === 'literal'
  );
}
