import * as z from 'zod';

import type { FieldMeta } from '../../schemas/meta';
import type {
  ArrayNode,
  DiscriminatedOption,
  DiscriminatedUnionNode,
  FieldNode,
  JsonNode,
  LazyNode,
  NodeMeta,
  NumberNode,
  ObjectChild,
  ObjectNode,
  Primitive,
  RecordNode,
  StringNode,
} from './fieldNode';
import { resolveNode } from './fieldNode';
import { humanizeKey, singularLabel } from './labels';

// Zod schema → FieldNode tree, walked once. Refinements (refine/superRefine checks) are ignored:
// the app validates with its own validator and passes the messages to the form.

type Schema = z.core.$ZodType;

/** A schema with its wrappers (optional, nullable, default, pipe…) peeled off. */
interface Unwrapped {
  core: z.core.$ZodTypes;
  /** Metadata of every layer, outer layers winning (`.optional().meta()` overrides the inner). */
  meta: FieldMeta;
  optional: boolean;
  nullable: boolean;
}

function unwrap(schema: Schema): Unwrapped {
  const layers: FieldMeta[] = [];
  let optional = false;
  let nullable = false;
  let current = schema as z.core.$ZodTypes;
  for (;;) {
    const meta = z.globalRegistry.get(current);
    if (meta) {
      layers.push(meta);
    }
    const def = current._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') {
      // A default means the document may leave the value out.
      optional = true;
      current = def.innerType as z.core.$ZodTypes;
    } else if (def.type === 'nullable') {
      nullable = true;
      current = def.innerType as z.core.$ZodTypes;
    } else if (def.type === 'readonly' || def.type === 'catch' || def.type === 'nonoptional') {
      current = def.innerType as z.core.$ZodTypes;
    } else if (def.type === 'pipe') {
      // The document holds the pipe's input; z.preprocess puts a transform first, so look past it.
      const input = def.in as z.core.$ZodTypes;
      current = (input._zod.def.type === 'transform' ? def.out : input) as z.core.$ZodTypes;
    } else {
      break;
    }
  }
  return {
    core: current,
    meta: Object.assign({}, ...layers.reverse()) as FieldMeta,
    optional,
    nullable,
  };
}

function nodeMeta(u: Unwrapped, fallbackLabel: string): NodeMeta {
  const m = u.meta;
  const help = m.help ?? m.description;
  return {
    label: m.label ?? m.title ?? fallbackLabel,
    ...(help !== undefined && { help }),
    ...(m.spec !== undefined && { spec: m.spec }),
    ...(m.widget !== undefined && { widget: m.widget }),
    ...(m.suggestions !== undefined && { suggestions: m.suggestions }),
    ...(m.extension !== undefined && { extension: m.extension }),
    optional: u.optional,
    nullable: u.nullable,
  };
}

const hasExplicitLabel = (u: Unwrapped) => u.meta.label !== undefined || u.meta.title !== undefined;

/** Length and size bounds a schema's checks declare (min_length, less_than…). */
function readChecks(core: z.core.$ZodTypes) {
  const bounds: {
    min?: number;
    max?: number;
    exclusiveMin?: boolean;
    exclusiveMax?: boolean;
    minLength?: number;
    maxLength?: number;
    integer?: boolean;
    pattern?: RegExp;
    format?: string;
  } = {};
  for (const check of (core._zod.def.checks ?? []) as z.core.$ZodChecks[]) {
    const def = check._zod.def;
    switch (def.check) {
      case 'greater_than':
        bounds.min = Number(def.value);
        bounds.exclusiveMin = !def.inclusive;
        break;
      case 'less_than':
        bounds.max = Number(def.value);
        bounds.exclusiveMax = !def.inclusive;
        break;
      case 'number_format':
        bounds.integer = def.format !== 'float32' && def.format !== 'float64';
        break;
      case 'min_length':
        bounds.minLength = def.minimum;
        break;
      case 'max_length':
        bounds.maxLength = def.maximum;
        break;
      case 'length_equals':
        bounds.minLength = def.length;
        bounds.maxLength = def.length;
        break;
      case 'string_format':
        if (def.format === 'regex' && def.pattern) {
          bounds.pattern ??= def.pattern;
        } else if (def.format !== 'regex') {
          bounds.format ??= def.format;
        }
        break;
      default:
        break;
    }
  }
  return bounds;
}

const INT_FORMATS = new Set(['safeint', 'int32', 'uint32']);

const json = (meta: NodeMeta): JsonNode => ({ kind: 'json', ...meta });

/** Copies the union's own metadata over an option that stands in for the whole union. */
function adopt(option: FieldNode, meta: NodeMeta, explicitLabel: boolean): FieldNode {
  const merged = {
    ...meta,
    label: explicitLabel ? meta.label : option.label || meta.label,
    help: meta.help ?? option.help,
    spec: meta.spec ?? option.spec,
    widget: meta.widget ?? option.widget,
    suggestions: meta.suggestions ?? option.suggestions,
    extension: meta.extension ?? option.extension,
    nullable: meta.nullable || option.nullable,
  };
  if (option.kind !== 'lazy') {
    return { ...option, ...merged };
  }
  // A lazy option's resolve() carries its own metadata, so wrap it rather than copy it.
  let resolved: FieldNode | undefined;
  return {
    ...option,
    ...merged,
    resolve: () => {
      resolved ??= adopt(resolveNode(option), merged, true);
      return resolved;
    },
  };
}

/**
 * Builds the form tree of a Zod schema. Pure and cheap enough for module scope; recursive schemas
 * become `lazy` nodes that expand when a widget asks for them.
 */
export function buildFieldTree(schema: Schema, rootLabel = ''): FieldNode {
  // Targets of z.lazy, shared by every occurrence of the same lazy schema.
  const lazyTargets = new Map<Schema, FieldNode>();
  // Schemas being built on the current path: meeting one again is a getter cycle.
  const inProgress = new Set<Schema>();
  const finished = new Map<Schema, FieldNode>();

  function build(input: Schema, fallbackLabel: string): FieldNode {
    const u = unwrap(input);
    const meta = nodeMeta(u, fallbackLabel);
    const { core } = u;
    if (core._zod.def.type === 'lazy') {
      return lazyNode(core as z.core.$ZodLazy, meta, hasExplicitLabel(u));
    }
    if (inProgress.has(core)) {
      const explicit = hasExplicitLabel(u);
      return occurrence(() => finished.get(core) ?? json(meta), meta, explicit);
    }
    inProgress.add(core);
    try {
      const node = buildCore(u, meta);
      finished.set(core, node);
      return node;
    } finally {
      inProgress.delete(core);
    }
  }

  function lazyNode(core: z.core.$ZodLazy, meta: NodeMeta, explicitLabel: boolean): LazyNode {
    return occurrence(
      () => {
        let target = lazyTargets.get(core);
        if (!target) {
          // Built with an empty fallback label, so an occurrence can tell a real label from none.
          target = build(core._zod.innerType, '');
          lazyTargets.set(core, target);
        }
        return target;
      },
      meta,
      explicitLabel,
    );
  }

  /** A lazy node for one place in the tree: the shared target with this place's label and flags. */
  function occurrence(target: () => FieldNode, meta: NodeMeta, explicitLabel: boolean): LazyNode {
    let resolved: FieldNode | undefined;
    return {
      kind: 'lazy',
      ...meta,
      resolve: () => {
        resolved ??= adopt(resolveNode(target()), meta, explicitLabel);
        return resolved;
      },
    };
  }

  function buildCore(u: Unwrapped, meta: NodeMeta): FieldNode {
    const { core } = u;
    const def = core._zod.def;
    switch (def.type) {
      case 'string':
      case 'template_literal': {
        const c = readChecks(core);
        const format = (def as { format?: string }).format ?? c.format;
        return {
          kind: 'string',
          ...meta,
          ...(c.minLength !== undefined && { minLength: c.minLength }),
          ...(c.maxLength !== undefined && { maxLength: c.maxLength }),
          ...(format !== undefined && { format }),
        } satisfies StringNode;
      }
      case 'number': {
        const c = readChecks(core);
        const integer =
          u.meta.jsonType === 'integer' ||
          INT_FORMATS.has((def as { format?: string }).format ?? '') ||
          c.integer === true;
        return {
          kind: 'number',
          ...meta,
          integer,
          ...(c.min !== undefined && { min: c.min, exclusiveMin: c.exclusiveMin ?? false }),
          ...(c.max !== undefined && { max: c.max, exclusiveMax: c.exclusiveMax ?? false }),
        } satisfies NumberNode;
      }
      case 'boolean':
        return { kind: 'boolean', ...meta };
      case 'enum': {
        const options = [...(core._zod.values ?? [])].filter(
          (v): v is string | number => typeof v === 'string' || typeof v === 'number',
        );
        return { kind: 'enum', ...meta, options };
      }
      case 'literal': {
        const values = def.values.filter(
          (v): v is Primitive => v === null || ['string', 'number', 'boolean'].includes(typeof v),
        );
        if (values.length === 1) {
          return { kind: 'literal', ...meta, value: values[0] ?? null };
        }
        const options = values.filter(
          (v): v is string | number => typeof v === 'string' || typeof v === 'number',
        );
        return options.length === values.length && options.length > 0
          ? { kind: 'enum', ...meta, options }
          : json(meta);
      }
      case 'null':
        return { kind: 'literal', ...meta, value: null };
      case 'object':
        return buildObject(def, meta);
      case 'array': {
        const c = readChecks(core);
        return {
          kind: 'array',
          ...meta,
          item: build(def.element, singularLabel(meta.label)),
          ...(c.minLength !== undefined && { minItems: c.minLength }),
          ...(c.maxLength !== undefined && { maxItems: c.maxLength }),
        } satisfies ArrayNode;
      }
      case 'record':
        return buildRecord(def, meta);
      case 'union':
        return 'discriminator' in def && typeof def.discriminator === 'string'
          ? buildDiscriminated(def.options, def.discriminator, u, meta)
          : buildUnion(def.options, u, meta);
      default:
        // unknown, any, tuple, intersection, date, map, set, custom…: edited as free JSON.
        return json(meta);
    }
  }

  function buildObject(def: z.core.$ZodObjectDef, meta: NodeMeta): ObjectNode {
    const children: ObjectChild[] = Object.entries(def.shape).map(([key, schema]) => {
      const node = build(schema, humanizeKey(key));
      return { key, node, required: !node.optional };
    });
    const catchall = def.catchall?._zod.def.type;
    return {
      kind: 'object',
      ...meta,
      children,
      open: catchall !== undefined && catchall !== 'never',
    };
  }

  function buildRecord(def: z.core.$ZodRecordDef, meta: NodeMeta): RecordNode {
    const entryLabel = singularLabel(meta.label);
    const key = unwrap(def.keyType).core;
    const keyDef = key._zod.def;
    const keyOptions =
      keyDef.type === 'enum'
        ? [...(key._zod.values ?? [])].filter((v): v is string => typeof v === 'string')
        : undefined;
    const keyPattern = keyDef.type === 'string' ? readChecks(key).pattern : undefined;
    return {
      kind: 'record',
      ...meta,
      value: build(def.valueType, entryLabel),
      entryLabel,
      ...(keyPattern && { keyPattern }),
      ...(keyOptions && { keyOptions }),
    };
  }

  function buildDiscriminated(
    options: readonly Schema[],
    discriminator: string,
    u: Unwrapped,
    meta: NodeMeta,
  ): FieldNode {
    const found: DiscriminatedOption[] = [];
    const collect = (node: FieldNode) => {
      const resolved = resolveNode(node);
      if (resolved.kind === 'discriminatedUnion' && resolved.discriminator === discriminator) {
        found.push(...resolved.options);
        return;
      }
      if (resolved.kind !== 'object') {
        return;
      }
      const tag = resolved.children.find((c) => c.key === discriminator);
      const tagNode = tag && resolveNode(tag.node);
      if (tagNode?.kind === 'literal') {
        found.push({ value: tagNode.value, node: resolved });
      } else if (tagNode?.kind === 'enum') {
        found.push(...tagNode.options.map((value) => ({ value, node: resolved })));
      }
    };
    options.forEach((option) => collect(build(option, '')));
    if (found.length === 0) {
      return buildUnion(options, u, meta);
    }
    return {
      kind: 'discriminatedUnion',
      ...meta,
      discriminator,
      options: found,
    } satisfies DiscriminatedUnionNode;
  }

  function buildUnion(options: readonly Schema[], u: Unwrapped, meta: NodeMeta): FieldNode {
    let { nullable, optional } = meta;
    const flat: FieldNode[] = [];
    const add = (node: FieldNode) => {
      if (node.kind === 'literal' && node.value === null) {
        nullable = true;
        return;
      }
      nullable ||= node.nullable;
      optional ||= node.optional;
      if (node.kind === 'union') {
        node.options.forEach(add);
        return;
      }
      flat.push(
        node.nullable || node.optional ? { ...node, nullable: false, optional: false } : node,
      );
    };
    // Options are built without a fallback label: an empty label means "name me by my kind".
    for (const option of options) {
      const type = unwrap(option).core._zod.def.type;
      if (type === 'undefined' || type === 'void') {
        optional = true;
      } else {
        add(build(option, ''));
      }
    }

    // An empty-list alternative (z.array(z.unknown()).max(0)) adds nothing an editor can offer.
    const hasOtherArray = (node: FieldNode) =>
      flat.some((o) => o !== node && resolveNode(o).kind === 'array');
    const kept = flat.filter((o) => {
      const r = resolveNode(o);
      return !(r.kind === 'array' && r.maxItems === 0 && hasOtherArray(o));
    });

    const merged: NodeMeta = { ...meta, nullable, optional };
    const explicit = hasExplicitLabel(u);
    const resolved = kept.map(resolveNode);

    // enum | string is an open vocabulary: free text with the enum values as suggestions.
    const stringLike = resolved.every(
      (o) =>
        o.kind === 'string' ||
        (o.kind === 'enum' && o.options.every((v) => typeof v === 'string')) ||
        (o.kind === 'literal' && typeof o.value === 'string'),
    );
    const plain = resolved.find((o): o is StringNode => o.kind === 'string');
    if (stringLike && plain) {
      const values = resolved.flatMap((o) =>
        o.kind === 'enum' ? o.options.map(String) : o.kind === 'literal' ? [String(o.value)] : [],
      );
      const suggestions = [...new Set([...(meta.suggestions ?? []), ...values])];
      return adopt({ ...plain, suggestions }, { ...merged, suggestions }, explicit) as StringNode;
    }
    const closed = resolved.every((o) => o.kind === 'enum' || o.kind === 'literal');
    if (closed && resolved.length > 0) {
      const values = resolved.flatMap((o): Primitive[] =>
        o.kind === 'enum' ? [...o.options] : o.kind === 'literal' ? [o.value] : [],
      );
      const enumValues = values.filter(
        (v): v is string | number => typeof v === 'string' || typeof v === 'number',
      );
      if (enumValues.length === values.length) {
        return { kind: 'enum', ...merged, options: [...new Set(enumValues)] };
      }
    }
    // Records are stored as entry lists, which a union could no longer tell apart from its
    // array options; such a union is edited as JSON instead.
    if (resolved.length === 0 || resolved.some((o) => o.kind === 'record')) {
      return json(merged);
    }
    if (kept.length === 1 && kept[0]) {
      return adopt(kept[0], merged, explicit);
    }
    return { kind: 'union', ...merged, options: kept };
  }

  return build(schema, rootLabel);
}
