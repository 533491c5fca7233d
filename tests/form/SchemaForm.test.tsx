// @vitest-environment jsdom
import { createRef } from 'react';
import * as z from 'zod';
import { afterEach, describe, expect, it } from 'vitest';

import type { FormErrors } from '../../src/form/errorStore';
import type { FieldProps } from '../../src/form/fieldProps';
import { buildFieldTree } from '../../src/form/fieldTree';
import { fromFormValues, toFormValues } from '../../src/form/formValues';
import { registerWidget, unregisterWidget } from '../../src/form/registry';
import type { SchemaFormHandle } from '../../src/form/schemaFormApi';
import { jsonEqual } from '../../src/form/jsonValue';
import { SchemaField } from '../../src/form/SchemaField';
import { SchemaForm } from '../../src/form/SchemaForm';
import {
  accessibleName,
  click,
  getByLabel,
  getByRole,
  keyDown,
  queryAllByLabel,
  queryAllByRole,
  type Rendered,
  render,
  selectOption,
  settle,
  typeText,
  visibleText,
} from './dom';

// A schema with every construct the renderer supports.
const SCHEMA = z.looseObject({
  title: z.string().meta({
    label: 'Title',
    help: 'A short title.',
    spec: 'https://example.com/spec#title',
  }),
  notes: z.string().optional().meta({ label: 'Notes', widget: 'textarea' }),
  count: z.number().optional().meta({ label: 'Count' }),
  size: z.int().min(0).optional().meta({ label: 'Size', widget: 'bytes' }),
  enabled: z.boolean().meta({ label: 'Enabled' }),
  color: z.enum(['red', 'green', 'blue']).meta({ label: 'Color' }),
  accelerator: z.enum(['cpu', 'gpu']).nullable().optional().meta({ label: 'Accelerator' }),
  framework: z
    .union([z.enum(['PyTorch', 'ONNX']), z.string()])
    .optional()
    .meta({ label: 'Framework' }),
  kind: z.literal('Feature').meta({ label: 'Kind' }),
  shape: z.array(z.int().min(-1)).meta({ label: 'Shape', widget: 'shape' }),
  tags: z
    .array(z.string())
    .optional()
    .meta({ label: 'Tags', suggestions: ['alpha', 'beta'] }),
  inputs: z
    .array(
      z
        .looseObject({
          name: z.string().meta({ label: 'Input name' }),
          description: z.string().optional().meta({ label: 'Description' }),
        })
        .meta({ label: 'Input' }),
    )
    .meta({ label: 'Inputs' }),
  params: z.record(z.string(), z.unknown()).optional().meta({ label: 'Parameters' }),
  scaling: z
    .discriminatedUnion('type', [
      z.object({
        type: z.literal('min-max'),
        minimum: z.number().meta({ label: 'Minimum' }),
        maximum: z.number().meta({ label: 'Maximum' }),
      }),
      z.object({
        type: z.literal('z-score'),
        mean: z.number().meta({ label: 'Mean' }),
        stddev: z.number().meta({ label: 'Standard deviation' }),
      }),
    ])
    .optional()
    .meta({ label: 'Scaling' }),
  band: z
    .union([
      z.string(),
      z.object({ name: z.string().meta({ label: 'Band name' }), unit: z.string().optional() }),
    ])
    .meta({ label: 'Band' }),
  expression: z.unknown().optional().meta({ label: 'Expression', widget: 'json' }),
  checksum: z.string().optional().meta({ label: 'Checksum', widget: 'checksum' }),
});

const TREE = buildFieldTree(SCHEMA);

const DOC = {
  title: 'Model',
  count: 3,
  size: 12_345_678,
  enabled: false,
  color: 'red',
  accelerator: 'cpu',
  kind: 'Feature',
  shape: [-1, 3],
  inputs: [{ name: 'first' }],
  params: { learning_rate: 0.001 },
  scaling: { type: 'min-max', minimum: 0, maximum: 1 },
  band: 'B04',
  expression: { a: 1 },
  checksum: '1220ab',
  unknown_member: { kept: true },
};

let current: Rendered | undefined;
afterEach(async () => {
  await current?.unmount();
  current = undefined;
});

/** The document a change reports, checked against decoding the whole form (applyFormChange). */
function checkedDoc(
  tree: Parameters<typeof fromFormValues>[0],
  doc: unknown,
  handle: { current: SchemaFormHandle | null },
): unknown {
  expect(jsonEqual(doc, fromFormValues(tree, handle.current?.getValues() ?? {}))).toBe(true);
  return doc;
}

async function setup(doc: unknown = DOC, errors?: FormErrors) {
  const changes: unknown[] = [];
  const handle = createRef<SchemaFormHandle>();
  const form = (e?: FormErrors) => (
    <SchemaForm
      ref={handle}
      tree={TREE}
      defaultValues={toFormValues(TREE, doc)}
      errors={e}
      onChange={(c) => changes.push(checkedDoc(TREE, c.doc, handle))}
    />
  );
  current = await render(form(errors));
  const rendered = current;
  return {
    container: rendered.container,
    changes,
    handle,
    /** The document the form holds now. */
    doc: () => fromFormValues(TREE, handle.current?.getValues() ?? {}) as Record<string, unknown>,
    /** The document of the last onChange call. */
    lastChange: () => (changes.at(-1) ?? {}) as Record<string, unknown>,
    setErrors: async (next: FormErrors) => {
      const { act } = await import('react');
      await act(async () => rendered.root.render(form(next)));
    },
  };
}

const field = (container: HTMLElement, label: string) =>
  getByLabel(container, label) as HTMLInputElement;
const button = (container: ParentNode, name: string | RegExp) =>
  getByRole(container, 'button', name);
const group = (container: ParentNode, name: string | RegExp) => getByRole(container, 'group', name);

describe('SchemaForm: labels, help and errors', () => {
  it('labels every input, marks required ones and links the spec', async () => {
    const { container } = await setup();
    const title = field(container, 'Title');
    const label = container.querySelector(`label[for="${title.id}"]`);
    expect(label?.querySelector('.MuiFormLabel-asterisk')).not.toBeNull();
    const count = field(container, 'Count');
    expect(container.querySelector(`label[for="${count.id}"] .MuiFormLabel-asterisk`)).toBeNull();

    const help = document.getElementById(title.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toContain('A short title.');
    const link = getByRole(container, 'link', 'Specification for Title');
    expect(link.getAttribute('href')).toBe('https://example.com/spec#title');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    // Only the input answers to its label (Playwright's getByLabel matches aria-labels too).
    expect(container.querySelectorAll('[aria-label*="Title"]')).toHaveLength(0);
  });

  it('shows external errors at the field with aria-invalid, and clears them', async () => {
    const form = await setup(DOC, { title: ['Too short.'], 'inputs.0.name': ['Taken.'] });
    const title = field(form.container, 'Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = document.getElementById(title.getAttribute('aria-describedby') ?? '');
    expect(describedBy?.textContent).toContain('Too short.');
    expect(describedBy?.textContent).not.toContain('A short title.');
    expect(field(form.container, 'Input name').getAttribute('aria-invalid')).toBe('true');

    await form.setErrors({ 'inputs.0.name': ['Taken.'] });
    expect(field(form.container, 'Title').getAttribute('aria-invalid')).toBe('false');
    expect(field(form.container, 'Input name').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows errors about list items at a chip field, and a problem count on cards', async () => {
    const form = await setup(DOC, {
      'shape.1': ['Must be -1 or more.'],
      'inputs.0.name': ['Taken.'],
    });
    const shape = field(form.container, 'Shape');
    expect(shape.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(shape.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toContain('Item 2: Must be -1 or more.');
    expect(visibleText(group(form.container, /^Input 1/u))).toContain('1 problem');
  });
});

describe('SchemaForm: editing values', () => {
  it('types text and reports every change', async () => {
    const form = await setup();
    await typeText(field(form.container, 'Title'), 'Renamed');
    expect(form.lastChange()).toMatchObject({ title: 'Renamed', unknown_member: { kept: true } });
  });

  it('types numbers; invalid text stays visible with an error; empty removes the value', async () => {
    const form = await setup();
    const count = field(form.container, 'Count');
    await typeText(count, '12');
    expect(form.doc().count).toBe(12);

    await typeText(count, '12x');
    expect(count.value).toBe('12x');
    expect(count.getAttribute('aria-invalid')).toBe('true');
    expect(form.doc().count).toBe(12);

    await typeText(count, '');
    expect('count' in form.doc()).toBe(false);
    // Still on screen (as an empty input), not replaced by an "Add" button mid-edit.
    expect(field(form.container, 'Count').value).toBe('');
  });

  it('shows a human size for bytes', async () => {
    const form = await setup();
    const size = field(form.container, 'Size');
    expect(
      document.getElementById(size.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toContain('12.3 MB');
  });

  it('toggles a boolean', async () => {
    const form = await setup();
    await click(field(form.container, 'Enabled'));
    expect(form.doc().enabled).toBe(true);
  });

  it('picks a value of a closed list', async () => {
    const form = await setup();
    await selectOption(field(form.container, 'Color'), 'green');
    expect(form.doc().color).toBe('green');
  });

  it('takes free text and suggestions for an open vocabulary', async () => {
    const form = await setup({ ...DOC, framework: 'PyTorch' });
    const framework = field(form.container, 'Framework');
    await typeText(framework, 'My framework');
    expect(form.doc().framework).toBe('My framework');
    await typeText(framework, 'ON');
    const option = queryAllByRole(document, 'option').find((o) => visibleText(o) === 'ONNX');
    expect(option).toBeDefined();
    await click(option as HTMLElement);
    expect(form.doc().framework).toBe('ONNX');
  });

  it('adds and removes an optional field', async () => {
    const form = await setup();
    expect(queryAllByLabel(form.container, 'Notes')).toHaveLength(0);
    await click(button(form.container, 'Add Notes'));
    expect(form.doc().notes).toBe('');
    await typeText(field(form.container, 'Notes'), 'Some notes');
    expect(form.doc().notes).toBe('Some notes');
    await click(button(form.container, 'Remove Notes'));
    expect('notes' in form.doc()).toBe(false);
    expect(button(form.container, 'Add Notes')).toBeDefined();
  });

  it('adding an optional number opens an empty input and leaves the value absent', async () => {
    const form = await setup({ ...DOC, count: undefined });
    await click(button(form.container, 'Add Count'));
    expect(field(form.container, 'Count').value).toBe('');
    expect('count' in form.doc()).toBe(false);
  });

  it('sets a nullable field to null and back, apart from removing it', async () => {
    const form = await setup();
    await click(button(form.container, 'Set Accelerator to null'));
    expect(form.doc().accelerator).toBeNull();
    expect(field(form.container, 'Accelerator').value).toBe('null');
    expect(button(form.container, 'Set Accelerator to null').getAttribute('aria-pressed')).toBe(
      'true',
    );
    await click(button(form.container, 'Set Accelerator to null'));
    expect(form.doc().accelerator).toBe('cpu');
    await click(button(form.container, 'Remove Accelerator'));
    expect('accelerator' in form.doc()).toBe(false);
  });

  it('keeps a literal read-only and offers to fix a wrong value', async () => {
    const form = await setup({ ...DOC, kind: 'Collection' });
    const kind = field(form.container, 'Kind');
    expect(kind.readOnly).toBe(true);
    expect(kind.getAttribute('aria-invalid')).toBe('true');
    await click(button(form.container, 'Set to Feature'));
    expect(form.doc().kind).toBe('Feature');
  });

  it('edits a value of the wrong type as JSON until it fits', async () => {
    const form = await setup({ ...DOC, title: 42 });
    const title = field(form.container, 'Title');
    expect(title.tagName).toBe('TEXTAREA');
    expect(title.value).toBe('42');
    await typeText(title, '"Now text"');
    expect(form.doc().title).toBe('Now text');
    expect(field(form.container, 'Title').tagName).toBe('INPUT');
  });
});

describe('SchemaForm: lists', () => {
  it('adds numbers as chips and rejects what is not a whole number', async () => {
    const form = await setup();
    const shape = field(form.container, 'Shape');
    await typeText(shape, '224, 224');
    await keyDown(shape, 'Enter');
    expect(form.doc().shape).toEqual([-1, 3, 224, 224]);
    await typeText(field(form.container, 'Shape'), '1.5');
    await keyDown(field(form.container, 'Shape'), 'Enter');
    expect(form.doc().shape).toEqual([-1, 3, 224, 224]);
    expect(field(form.container, 'Shape').getAttribute('aria-invalid')).toBe('true');
  });

  it('adds text chips with suggestions', async () => {
    const form = await setup();
    await click(button(form.container, 'Add Tags'));
    const tags = field(form.container, 'Tags');
    await typeText(tags, 'gamma');
    await keyDown(tags, 'Enter');
    expect(form.doc().tags).toEqual(['gamma']);
  });

  it('shows the first chips of a long list and how many more there are', async () => {
    const tags = Array.from({ length: 500 }, (_, i) => `tag_${i}`);
    const form = await setup({ ...DOC, tags });
    const box = field(form.container, 'Tags').closest('.MuiAutocomplete-root');
    expect(box?.querySelectorAll('.MuiChip-root')).toHaveLength(40);
    expect(box?.textContent).toContain('+460');
    expect(form.doc().tags).toEqual(tags);
  });

  it('adds, duplicates, moves and removes items', async () => {
    const form = await setup();
    await click(button(form.container, 'Add Input'));
    await settle();
    expect(form.doc().inputs).toEqual([{ name: 'first' }, { name: '' }]);
    const second = group(form.container, /^Input 2/u);
    await typeText(getByLabel(second, 'Input name'), 'second');
    expect(accessibleName(second)).toBe('Input 2 — second');

    await click(button(form.container, 'Duplicate Input 1'));
    expect(form.doc().inputs).toEqual([{ name: 'first' }, { name: 'first' }, { name: 'second' }]);

    await click(button(form.container, 'Move Input 3 up'));
    expect(form.doc().inputs).toEqual([{ name: 'first' }, { name: 'second' }, { name: 'first' }]);
    expect(button(form.container, 'Move Input 1 up').hasAttribute('disabled')).toBe(true);

    await click(button(form.container, 'Remove Input 1'));
    expect(form.doc().inputs).toEqual([{ name: 'second' }, { name: 'first' }]);
    // Every card's fields are labelled inside their card group.
    expect(queryAllByLabel(form.container, 'Input name')).toHaveLength(2);
    expect(getByLabel(group(form.container, /^Input 2/u), 'Input name')).toBeDefined();
  });

  it('collapses and expands a card', async () => {
    const form = await setup();
    const toggle = button(form.container, 'Collapse Input 1');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await click(toggle);
    expect(queryAllByLabel(form.container, 'Input name')).toHaveLength(0);
    await click(button(form.container, 'Expand Input 1'));
    expect(queryAllByLabel(form.container, 'Input name')).toHaveLength(1);
  });

  it('renders only the visible part of a long list, collapsed', async () => {
    const inputs = Array.from({ length: 1000 }, (_, i) => ({ name: `input ${i}` }));
    const form = await setup({ ...DOC, inputs });
    const cards = queryAllByRole(form.container, 'group', /^Input \d+/u);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.length).toBeLessThan(60);
    expect(queryAllByLabel(form.container, 'Input name')).toHaveLength(0);
    expect(visibleText(form.container)).toContain('Inputs (1000)');
  });
});

describe('SchemaForm: records', () => {
  it('edits keys and typed values, keeping order when a key is renamed', async () => {
    const form = await setup({ ...DOC, params: { learning_rate: 0.001, optimizer: 'adam' } });
    // The value editor starts from the type of the current value.
    const rate = field(form.container, 'learning_rate');
    expect(rate.value).toBe('0.001');
    await typeText(rate, '0.01');
    expect(form.doc().params).toEqual({ learning_rate: 0.01, optimizer: 'adam' });

    const firstRow = group(form.container, 'Parameter 1');
    await typeText(getByLabel(firstRow, 'Key'), 'lr');
    expect(Object.keys(form.doc().params as object)).toEqual(['lr', 'optimizer']);
    expect(getByLabel(firstRow, 'lr')).toBeDefined();

    await click(button(form.container, 'Add Parameter'));
    const third = group(form.container, 'Parameter 3');
    await typeText(getByLabel(third, 'Key'), 'epochs');
    await selectOption(getByLabel(third, 'Type'), 'Number');
    await typeText(getByLabel(third, 'epochs'), '10');
    await selectOption(getByLabel(group(form.container, 'Parameter 2'), 'Type'), 'True/false');
    expect(form.doc().params).toEqual({ lr: 0.01, optimizer: false, epochs: 10 });
  });

  it('flags duplicate keys', async () => {
    const form = await setup();
    await click(button(form.container, 'Add Parameter'));
    const key = getByLabel(group(form.container, 'Parameter 2'), 'Key');
    await typeText(key, 'learning_rate');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(key.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/unique/u);
    await typeText(key, 'other');
    expect(key.getAttribute('aria-invalid')).toBe('false');
  });
});

describe('SchemaForm: unions', () => {
  it('switches a discriminated union and restores a branch when switching back', async () => {
    const form = await setup();
    const type = () => getByLabel(group(form.container, 'Scaling'), 'Type');
    await selectOption(type(), 'z-score');
    expect(form.doc().scaling).toEqual({ type: 'z-score' });
    await typeText(field(form.container, 'Mean'), '5');
    await selectOption(type(), 'min-max');
    expect(form.doc().scaling).toEqual({ type: 'min-max', minimum: 0, maximum: 1 });
    expect(field(form.container, 'Minimum').value).toBe('0');
    await selectOption(type(), 'z-score');
    expect(form.doc().scaling).toEqual({ type: 'z-score', mean: 5 });
  });

  it('toggles a plain union between a name and an object', async () => {
    const form = await setup();
    expect(button(form.container, 'Text').getAttribute('aria-pressed')).toBe('true');
    await click(button(form.container, 'Object'));
    expect(form.doc().band).toEqual({ name: 'B04' });
    await typeText(field(form.container, 'Band name'), 'B05');
    await click(button(form.container, 'Text'));
    expect(form.doc().band).toBe('B04');
    await click(button(form.container, 'Object'));
    expect(form.doc().band).toEqual({ name: 'B05' });
  });

  it('starts a union toggle from the type of the value', async () => {
    const form = await setup({ ...DOC, band: { name: 'nir' } });
    expect(button(form.container, 'Object').getAttribute('aria-pressed')).toBe('true');
    expect(field(form.container, 'Band name').value).toBe('nir');
  });
});

describe('SchemaForm: a union of an object and a list of them', () => {
  const tree = buildFieldTree(
    z.object({
      step: z
        .union([
          z.object({ format: z.string().meta({ label: 'Format' }) }).meta({ label: 'One step' }),
          z.array(
            z.object({ format: z.string().meta({ label: 'Format' }) }).meta({ label: 'Step' }),
          ),
        ])
        .meta({ label: 'Processing' }),
    }),
  );

  it('switches to the list, wrapping the object, and back', async () => {
    const handle = createRef<SchemaFormHandle>();
    current = await render(
      <SchemaForm
        ref={handle}
        tree={tree}
        defaultValues={toFormValues(tree, { step: { format: 'py' } })}
      />,
    );
    const doc = () => fromFormValues(tree, handle.current?.getValues() ?? {});
    await click(button(current.container, 'List'));
    expect(doc()).toEqual({ step: [{ format: 'py' }] });
    // The list editor, not the JSON fallback.
    expect(group(current.container, 'Step 1 — py')).toBeDefined();
    await click(button(current.container, 'One step'));
    expect(doc()).toEqual({ step: { format: 'py' } });
    expect(field(current.container, 'Format').value).toBe('py');
  });
});

describe('SchemaForm: JSON fields', () => {
  it('keeps the last valid value while the text does not parse', async () => {
    const form = await setup();
    const expression = field(form.container, 'Expression');
    expect(JSON.parse(expression.value)).toEqual({ a: 1 });
    await typeText(expression, '{"a": ');
    expect(expression.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(expression.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/Not valid JSON/u);
    expect(form.doc().expression).toEqual({ a: 1 });
    await typeText(expression, '[1, 2]');
    expect(form.doc().expression).toEqual([1, 2]);
    expect(expression.getAttribute('aria-invalid')).toBe('false');
    await typeText(expression, '');
    expect('expression' in form.doc()).toBe(false);
  });

  it('does not drop a list item when its JSON text is emptied', async () => {
    const tree = buildFieldTree(
      z.object({ values: z.array(z.unknown().meta({ widget: 'json' })).meta({ label: 'Values' }) }),
    );
    const handle = createRef<SchemaFormHandle>();
    current = await render(
      <SchemaForm
        ref={handle}
        tree={tree}
        defaultValues={toFormValues(tree, { values: [{ a: 1 }] })}
      />,
    );
    const item = field(current.container, 'Value 1');
    await typeText(item, '');
    expect(item.getAttribute('aria-invalid')).toBe('true');
    expect(fromFormValues(tree, handle.current?.getValues() ?? {})).toEqual({ values: [{ a: 1 }] });
  });
});

describe('SchemaForm: the form as a whole', () => {
  it('does not change the document by rendering it', async () => {
    const form = await setup();
    await settle();
    expect(form.changes).toHaveLength(0);
    expect(JSON.stringify(form.doc())).toBe(JSON.stringify(DOC));
  });

  it('resets to new values without reporting a change', async () => {
    const form = await setup();
    const { act } = await import('react');
    await act(async () =>
      form.handle.current?.reset(toFormValues(TREE, { ...DOC, title: 'Undone', count: 7 })),
    );
    expect(field(form.container, 'Title').value).toBe('Undone');
    expect(field(form.container, 'Count').value).toBe('7');
    expect(form.changes).toHaveLength(0);
  });

  it('focuses a field by path, opening its card', async () => {
    const form = await setup();
    await click(button(form.container, 'Collapse Input 1'));
    const { act } = await import('react');
    await act(async () => form.handle.current?.setFocus('inputs.0.name'));
    await settle(100);
    expect(document.activeElement).toBe(field(form.container, 'Input name'));
    // A path inside a chip field focuses the chip field.
    await act(async () => form.handle.current?.setFocus('shape.1'));
    await settle(100);
    expect(document.activeElement).toBe(field(form.container, 'Shape'));
  });

  it('renders a subtree on its own with SchemaField', async () => {
    const changes: unknown[] = [];
    current = await render(
      <SchemaForm
        tree={TREE}
        defaultValues={toFormValues(TREE, DOC)}
        onChange={(c) => changes.push(c.doc)}
      >
        <SchemaField path="inputs.0.name" />
        <SchemaField path="scaling.maximum" label="Upper bound" />
        <SchemaField path="nope.nothing" />
      </SchemaForm>,
    );
    const name = getByLabel(current.container, 'Input name') as HTMLInputElement;
    expect(name.value).toBe('first');
    await typeText(getByLabel(current.container, 'Upper bound'), '2');
    expect(changes.at(-1)).toMatchObject({ scaling: { maximum: 2 } });
    expect(visibleText(current.container)).toContain('No field at “nope.nothing”');
  });
});

describe('registerWidget', () => {
  afterEach(() => unregisterWidget('checksum'));

  it('renders a registered widget for its hint once, and other fields do not re-render it', async () => {
    let renders = 0;
    function ChecksumWidget({ path, label }: FieldProps) {
      renders += 1;
      return (
        <div data-testid="checksum" data-path={path}>
          {label}
        </div>
      );
    }
    registerWidget('checksum', ChecksumWidget);
    const form = await setup();
    const widget = form.container.querySelector('[data-testid="checksum"]');
    expect(widget?.textContent).toBe('Checksum');
    expect(widget?.getAttribute('data-path')).toBe('checksum');
    // Rendered once: react-hook-form's own update after mounting (isReady) re-renders nothing.
    expect(renders).toBe(1);
    const before = renders;
    await typeText(field(form.container, 'Title'), 'Other');
    await typeText(field(form.container, 'Count'), '99');
    expect(renders).toBe(before);
  });
});
