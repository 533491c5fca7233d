import * as z from 'zod';
import { describe, expect, it } from 'vitest';

import { editorItemSchemaV10, editorItemSchemaV11 } from '../../schemas/editorSchema';
import type {
  ArrayNode,
  DiscriminatedUnionNode,
  FieldNode,
  ObjectNode,
  RecordNode,
  ResolvedNode,
  UnionNode,
} from '../../src/form/fieldNode';
import { isOpenVocabulary, resolveNode } from '../../src/form/fieldNode';
import { buildFieldTree } from '../../src/form/fieldTree';

/** The node under an object member, array item (`[]`) or record value (`{}`), resolved. */
function at(tree: FieldNode, ...steps: string[]): ResolvedNode {
  let node = resolveNode(tree);
  for (const step of steps) {
    if (step === '[]') {
      node = resolveNode(as<ArrayNode>(node, 'array').item);
    } else if (step === '{}') {
      node = resolveNode(as<RecordNode>(node, 'record').value);
    } else {
      const child = as<ObjectNode>(node, 'object').children.find((c) => c.key === step);
      if (!child) {
        throw new Error(`No member ${step}`);
      }
      node = resolveNode(child.node);
    }
  }
  return node;
}

function as<N extends ResolvedNode>(node: ResolvedNode, kind: N['kind']): N {
  expect(node.kind).toBe(kind);
  return node as N;
}

function child(node: ResolvedNode, key: string) {
  return as<ObjectNode>(node, 'object').children.find((c) => c.key === key);
}

describe('buildFieldTree: primitives', () => {
  it('reads strings with their length bounds and format', () => {
    const tree = buildFieldTree(
      z.object({ a: z.string().min(2).max(5), b: z.url(), c: z.string().length(3) }),
    );
    expect(at(tree, 'a')).toMatchObject({ kind: 'string', minLength: 2, maxLength: 5 });
    expect(at(tree, 'b')).toMatchObject({ kind: 'string', format: 'url' });
    expect(at(tree, 'c')).toMatchObject({ minLength: 3, maxLength: 3 });
  });

  it('tells integers from other numbers and reads bounds', () => {
    const tree = buildFieldTree(
      z.object({
        ratio: z.number().gt(0).max(1),
        count: z.int().min(0),
        marked: z.number().meta({ jsonType: 'integer' }),
      }),
    );
    expect(at(tree, 'ratio')).toMatchObject({
      kind: 'number',
      integer: false,
      min: 0,
      exclusiveMin: true,
      max: 1,
      exclusiveMax: false,
    });
    expect(at(tree, 'count')).toMatchObject({ integer: true, min: 0 });
    expect(at(tree, 'marked')).toMatchObject({ integer: true });
  });

  it('reads booleans, enums and literals', () => {
    const tree = buildFieldTree(
      z.object({
        flag: z.boolean(),
        color: z.enum(['red', 'green']),
        version: z.literal('1.0.0'),
        either: z.literal(['a', 'b']),
        nothing: z.null(),
      }),
    );
    expect(at(tree, 'flag').kind).toBe('boolean');
    expect(at(tree, 'color')).toMatchObject({ kind: 'enum', options: ['red', 'green'] });
    expect(at(tree, 'version')).toMatchObject({ kind: 'literal', value: '1.0.0' });
    expect(at(tree, 'either')).toMatchObject({ kind: 'enum', options: ['a', 'b'] });
    expect(at(tree, 'nothing')).toMatchObject({ kind: 'literal', value: null });
  });

  it('edits what a form cannot represent as JSON', () => {
    const tree = buildFieldTree(
      z.object({
        free: z.unknown(),
        any: z.any(),
        pair: z.tuple([z.string(), z.number()]),
        both: z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() })),
        when: z.date(),
      }),
    );
    for (const key of ['free', 'any', 'pair', 'both', 'when']) {
      expect(at(tree, key).kind, key).toBe('json');
    }
  });

  it('ignores refinements and looks through transforms, defaults and readonly', () => {
    const tree = buildFieldTree(
      z.object({
        refined: z.string().refine((s) => s.length > 1),
        checked: z.number().superRefine(() => undefined),
        trimmed: z.string().transform((s) => s.trim()),
        pre: z.preprocess((v) => v, z.number()),
        defaulted: z.string().default('x'),
        frozen: z.array(z.string()).readonly(),
      }),
    );
    expect(at(tree, 'refined').kind).toBe('string');
    expect(at(tree, 'checked').kind).toBe('number');
    expect(at(tree, 'trimmed').kind).toBe('string');
    expect(at(tree, 'pre').kind).toBe('number');
    expect(at(tree, 'defaulted')).toMatchObject({ kind: 'string', optional: true });
    expect(at(tree, 'frozen').kind).toBe('array');
  });
});

describe('buildFieldTree: metadata', () => {
  it('reads label, help, spec, widget, suggestions and extension through wrappers', () => {
    const tree = buildFieldTree(
      z.object({
        inner: z
          .string()
          .meta({
            label: 'Inner',
            help: 'Help.',
            spec: 'https://example.com#inner',
            widget: 'textarea',
            suggestions: ['a'],
            extension: 'https://example.com/ext.json',
          })
          .optional(),
        outer: z.string().optional().meta({ label: 'Outer' }),
        both: z.string().meta({ label: 'Inner label', help: 'Inner help.' }).nullable().meta({
          label: 'Outer label',
        }),
      }),
    );
    expect(at(tree, 'inner')).toMatchObject({
      label: 'Inner',
      help: 'Help.',
      spec: 'https://example.com#inner',
      widget: 'textarea',
      suggestions: ['a'],
      extension: 'https://example.com/ext.json',
      optional: true,
      nullable: false,
    });
    expect(at(tree, 'outer')).toMatchObject({ label: 'Outer', optional: true });
    // The outer layer's label wins; what it does not say comes from the inner one.
    expect(at(tree, 'both')).toMatchObject({
      label: 'Outer label',
      help: 'Inner help.',
      nullable: true,
    });
  });

  it('humanizes keys without a label and uses describe() as help', () => {
    const tree = buildFieldTree(
      z.object({ 'mlm:framework_version': z.string(), colorHint: z.string().describe('A hint.') }),
    );
    expect(at(tree, 'mlm:framework_version').label).toBe('Framework version');
    expect(at(tree, 'colorHint')).toMatchObject({ label: 'Color hint', help: 'A hint.' });
  });

  it('marks optional members as not required, in schema order', () => {
    const tree = buildFieldTree(
      z.object({ b: z.string(), a: z.string().optional(), c: z.number().nullable() }),
    );
    const root = as<ObjectNode>(resolveNode(tree), 'object');
    expect(root.children.map((c) => [c.key, c.required])).toEqual([
      ['b', true],
      ['a', false],
      ['c', true],
    ]);
    expect(at(tree, 'c').nullable).toBe(true);
  });

  it('tells open objects from closed ones', () => {
    expect(resolveNode(buildFieldTree(z.looseObject({})))).toMatchObject({ open: true });
    expect(resolveNode(buildFieldTree(z.strictObject({})))).toMatchObject({ open: false });
    expect(resolveNode(buildFieldTree(z.object({})))).toMatchObject({ open: false });
    expect(resolveNode(buildFieldTree(z.object({}).catchall(z.string())))).toMatchObject({
      open: true,
    });
  });
});

describe('buildFieldTree: containers', () => {
  it('reads arrays with item labels and bounds', () => {
    const tree = buildFieldTree(
      z.object({
        entries: z.array(z.string()).min(1).max(3).meta({ label: 'Classes' }),
        tags: z.array(z.object({ name: z.string() })),
      }),
    );
    const classes = as<ArrayNode>(at(tree, 'entries'), 'array');
    expect(classes).toMatchObject({ minItems: 1, maxItems: 3 });
    expect(classes.item.label).toBe('Class');
    expect(at(tree, 'tags', '[]')).toMatchObject({ kind: 'object', label: 'Tag' });
  });

  it('reads records with key patterns or key options', () => {
    const tree = buildFieldTree(
      z.object({
        params: z.record(z.string().regex(/^[a-z]+$/u), z.unknown()).meta({ label: 'Parameters' }),
        byColor: z.record(z.enum(['red', 'blue']), z.number()),
      }),
    );
    const params = as<RecordNode>(at(tree, 'params'), 'record');
    expect(params.keyPattern?.source).toBe('^[a-z]+$');
    expect(params.entryLabel).toBe('Parameter');
    expect(resolveNode(params.value).kind).toBe('json');
    expect(at(tree, 'byColor')).toMatchObject({ kind: 'record', keyOptions: ['red', 'blue'] });
  });

  it('reads discriminated unions with their options by value', () => {
    const shape = z.discriminatedUnion('type', [
      z.object({ type: z.literal('circle'), radius: z.number() }),
      z.object({ type: z.literal('square'), side: z.number() }),
      z.object({ type: z.enum(['dot', 'point']) }),
    ]);
    const node = as<DiscriminatedUnionNode>(
      resolveNode(buildFieldTree(shape)),
      'discriminatedUnion',
    );
    expect(node.discriminator).toBe('type');
    expect(node.options.map((o) => o.value)).toEqual(['circle', 'square', 'dot', 'point']);
    expect(node.options[0]?.node.children.map((c) => c.key)).toEqual(['type', 'radius']);
  });

  it('keeps plain unions, hoisting null and optional into the union', () => {
    const tree = buildFieldTree(
      z.object({
        ref: z.union([z.string(), z.object({ name: z.string() })]),
        maybe: z.union([z.number(), z.null(), z.undefined()]),
        nested: z.union([z.number(), z.union([z.boolean(), z.object({}).nullable()])]),
      }),
    );
    const ref = as<UnionNode>(at(tree, 'ref'), 'union');
    expect(ref.options.map((o) => o.kind)).toEqual(['string', 'object']);
    // One option left after null is hoisted: the union is that option.
    expect(at(tree, 'maybe')).toMatchObject({ kind: 'number', nullable: true });
    const nested = as<UnionNode>(at(tree, 'nested'), 'union');
    expect(nested.nullable).toBe(true);
    expect(nested.options.map((o) => [o.kind, o.nullable])).toEqual([
      ['number', false],
      ['boolean', false],
      ['object', false],
    ]);
  });

  it('turns enum | string into an open vocabulary and enum | enum into one enum', () => {
    const tree = buildFieldTree(
      z.object({
        framework: z
          .union([z.enum(['PyTorch', 'ONNX']), z.string()])
          .meta({ suggestions: ['JAX', 'PyTorch'] }),
        size: z.union([z.enum(['s', 'm']), z.literal('l')]),
      }),
    );
    const framework = at(tree, 'framework');
    expect(isOpenVocabulary(framework)).toBe(true);
    expect(framework.suggestions).toEqual(['JAX', 'PyTorch', 'ONNX']);
    expect(at(tree, 'size')).toMatchObject({ kind: 'enum', options: ['s', 'm', 'l'] });
  });

  it('drops an empty-list alternative and edits unions with a record as JSON', () => {
    const tree = buildFieldTree(
      z.object({
        classes: z.union([
          z.array(z.object({ v: z.number() })).min(1),
          z.array(z.unknown()).max(0),
        ]),
        mixed: z.union([z.record(z.string(), z.string()), z.array(z.string())]),
      }),
    );
    expect(at(tree, 'classes', '[]').kind).toBe('object');
    expect(at(tree, 'mixed').kind).toBe('json');
  });
});

describe('buildFieldTree: recursion', () => {
  it('expands z.lazy on demand, reusing one target', () => {
    interface Category {
      name: string;
      children: Category[];
    }
    const category: z.ZodType<Category> = z.lazy(() =>
      z.object({ name: z.string(), children: z.array(category) }),
    );
    const tree = buildFieldTree(z.object({ root: category }));
    const rootChild = child(resolveNode(tree), 'root');
    expect(rootChild?.node.kind).toBe('lazy');
    const level1 = at(tree, 'root', 'children', '[]');
    const level2 = at(tree, 'root', 'children', '[]', 'children', '[]');
    expect(level1.kind).toBe('object');
    expect(child(level1, 'children')?.node).not.toBe(undefined);
    // The same lazy target is shared, so deep levels cost nothing new.
    expect(as<ObjectNode>(level2, 'object').children).toBe(
      as<ObjectNode>(level1, 'object').children,
    );
  });

  it('breaks getter cycles', () => {
    const node: z.ZodType = z.object({
      name: z.string(),
      get next() {
        return node.optional();
      },
    });
    const tree = buildFieldTree(node);
    expect(at(tree, 'next', 'next', 'next').kind).toBe('object');
    expect(child(resolveNode(tree), 'next')?.required).toBe(false);
  });
});

describe('buildFieldTree: the MLM editor schemas', () => {
  const trees = {
    '1.0.0': buildFieldTree(editorItemSchemaV10),
    '1.1.0': buildFieldTree(editorItemSchemaV11),
  };

  it.each(Object.entries(trees))('STAC %s: properties and assets', (_version, tree) => {
    const framework = at(tree, 'properties', 'mlm:framework');
    expect(isOpenVocabulary(framework)).toBe(true);
    expect(framework).toMatchObject({ label: 'Framework', optional: true });
    expect(framework.suggestions).toContain('PyTorch');
    expect(framework.spec).toMatch(/#framework$/u);

    const input = as<ArrayNode>(at(tree, 'properties', 'mlm:input'), 'array');
    expect(resolveNode(input.item)).toMatchObject({ kind: 'object', label: 'Input' });
    expect(child(resolveNode(input.item), 'name')).toMatchObject({ required: true });

    const assets = as<RecordNode>(at(tree, 'assets'), 'record');
    expect(assets.entryLabel).toBe('Asset');
    expect(child(resolveNode(assets.value), 'href')?.required).toBe(true);

    const scaling = at(tree, 'properties', 'mlm:input', '[]', 'value_scaling', '[]');
    const union = as<DiscriminatedUnionNode>(scaling, 'discriminatedUnion');
    expect(union.discriminator).toBe('type');
    expect(union.options.map((o) => o.value)).toContain('z-score');

    expect(at(tree, 'properties', 'mlm:accelerator')).toMatchObject({
      kind: 'enum',
      nullable: true,
      optional: true,
      widget: 'select',
    });
    expect(at(tree, 'properties', 'mlm:input', '[]', 'input', 'shape')).toMatchObject({
      kind: 'array',
      widget: 'shape',
    });
    expect(at(tree, 'properties', 'mlm:input', '[]', 'input', 'shape', '[]')).toMatchObject({
      kind: 'number',
      integer: true,
      min: -1,
    });
    expect(at(tree, 'properties', 'mlm:memory_size')).toMatchObject({
      integer: true,
      widget: 'bytes',
    });
    expect(at(tree, 'properties', 'mlm:hyperparameters')).toMatchObject({
      kind: 'record',
      widget: 'keyValue',
    });
    expect(at(tree, 'properties', 'mlm:input', '[]', 'bands', '[]').kind).toBe('union');
    expect(
      at(tree, 'properties', 'mlm:output', '[]', 'classification:classes', '[]'),
    ).toMatchObject({
      kind: 'object',
      label: 'Class',
    });
    expect(at(tree, 'geometry')).toMatchObject({
      kind: 'discriminatedUnion',
      nullable: true,
      widget: 'geometry',
    });
    expect(at(tree, 'type')).toMatchObject({ kind: 'literal', value: 'Feature' });
    expect(at(tree, 'assets', '{}', 'file:size')).toMatchObject({
      integer: true,
      extension: 'https://stac-extensions.github.io/file/v2.1.0/schema.json',
    });
    expect(at(tree, 'properties', 'mlm:input', '[]', 'pre_processing_function')).toMatchObject({
      kind: 'union',
      nullable: true,
      optional: true,
      label: 'Pre-processing',
    });
  });

  it('STAC 1.1 bands are recursive and expand level by level', () => {
    const tree = trees['1.1.0'];
    const bands = as<ArrayNode>(at(tree, 'properties', 'bands'), 'array');
    expect(bands.item.kind).toBe('lazy');
    const band = at(tree, 'properties', 'bands', '[]');
    expect(band).toMatchObject({ kind: 'object', label: 'Band' });
    expect(
      at(tree, 'properties', 'bands', '[]', 'bands', '[]', 'bands', '[]', 'name'),
    ).toMatchObject({
      kind: 'string',
      label: 'Band name',
    });
  });

  it('builds quickly enough for module scope', () => {
    const start = performance.now();
    buildFieldTree(editorItemSchemaV11);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
