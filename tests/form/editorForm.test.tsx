// @vitest-environment jsdom
import { act, createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { editorItemSchemaV10, editorItemSchemaV11 } from '../../schemas/editorSchema';
import { buildFieldTree } from '../../src/form/fieldTree';
import { fromFormValues, pointerToFieldPath, toFormValues } from '../../src/form/formValues';
import type { SchemaFormHandle } from '../../src/form/schemaFormApi';
import { jsonEqual } from '../../src/form/jsonValue';
import { SchemaField } from '../../src/form/SchemaField';
import { SchemaForm } from '../../src/form/SchemaForm';
import { loadExample, loadExamples } from '../support/shared';
import {
  click,
  getByLabel,
  getByRole,
  queryAllByLabel,
  type Rendered,
  render,
  selectOption,
  settle,
  typeText,
} from './dom';

// The form on the real MLM editor schemas: what the app will render.
const V10 = buildFieldTree(editorItemSchemaV10);
const V11 = buildFieldTree(editorItemSchemaV11);

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

async function open(doc: Record<string, unknown>, errorPointers: Record<string, string> = {}) {
  const tree = doc.stac_version === '1.1.0' ? V11 : V10;
  const values = toFormValues(tree, doc);
  const errors: Record<string, string[]> = {};
  for (const [pointer, message] of Object.entries(errorPointers)) {
    const path = pointerToFieldPath(tree, values, pointer);
    if (path !== undefined) {
      errors[path] = [message];
    }
  }
  const changes: unknown[] = [];
  const handle = createRef<SchemaFormHandle>();
  current = await render(
    <SchemaForm
      ref={handle}
      tree={tree}
      defaultValues={values}
      errors={errors}
      onChange={(c) => changes.push(checkedDoc(tree, c.doc, handle))}
    >
      <SchemaField path="id" />
      <SchemaField path="properties" />
      <SchemaField path="assets" />
      <SchemaField path="links" />
      <SchemaField path="geometry" />
    </SchemaForm>,
  );
  return {
    container: current.container,
    changes,
    doc: () =>
      fromFormValues(tree, handle.current?.getValues() ?? {}) as {
        properties: Record<string, unknown>;
      } & Record<string, unknown>,
  };
}

const input = (scope: ParentNode, label: string) => getByLabel(scope, label) as HTMLInputElement;
const button = (scope: ParentNode, name: string | RegExp) => getByRole(scope, 'button', name);

describe('SchemaForm on the MLM editor schema', () => {
  it.each(loadExamples().map((e) => [e.file, e.doc] as const))(
    'renders %s without changing it',
    async (_file, doc) => {
      const form = await open(doc);
      await settle(0);
      expect(form.changes).toHaveLength(0);
      expect(JSON.stringify(form.doc())).toBe(JSON.stringify(doc));
    },
  );

  it('edits MLM fields by their labels', async () => {
    const form = await open(loadExample('item_basic.json'));
    await typeText(input(form.container, 'Model name'), 'renamed-model');
    expect(form.doc().properties['mlm:name']).toBe('renamed-model');

    // Assets have MLM fields too: work inside the Properties section.
    const properties = getByRole(form.container, 'group', 'Properties');
    await click(button(properties, 'Add Framework'));
    await typeText(input(properties, 'Framework'), 'PyTorch');
    await click(button(properties, 'Add Framework version'));
    await typeText(input(properties, 'Framework version'), '2.1.0');
    expect(form.doc().properties).toMatchObject({
      'mlm:framework': 'PyTorch',
      'mlm:framework_version': '2.1.0',
    });
    await click(button(properties, 'Remove Framework version'));
    expect('mlm:framework_version' in form.doc().properties).toBe(false);

    await click(button(properties, 'Add Accelerator'));
    await selectOption(input(properties, 'Accelerator'), 'cuda');
    expect(form.doc().properties['mlm:accelerator']).toBe('cuda');
    await click(button(properties, 'Set Accelerator to null'));
    expect(form.doc().properties['mlm:accelerator']).toBeNull();
  });

  it('edits inputs, their shape chips and value scaling', async () => {
    const form = await open(loadExample('item_basic.json'));
    const card = getByRole(form.container, 'group', /^Input 1 — /u);
    const shape = input(card, 'Shape');
    await typeText(shape, '8');
    await act(async () => {
      shape.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    const doc = form.doc();
    const inputs = doc.properties['mlm:input'] as { input: { shape: number[] } }[];
    expect(inputs[0]?.input.shape).toEqual([-1, 3, 64, 64, 8]);

    await click(button(card, 'Add Value scaling'));
    await click(button(card, 'Add Value scaling'));
    const scaling = getByRole(card, 'group', /^Value scaling 1/u);
    await selectOption(input(scaling, 'Type'), 'z-score');
    await typeText(input(scaling, 'Mean'), '0.5');
    const after = form.doc().properties['mlm:input'] as { value_scaling: unknown }[];
    expect(after[0]?.value_scaling).toEqual([{ type: 'z-score', mean: 0.5 }]);
  });

  it('edits assets whose keys contain dots, and shows errors by JSON pointer', async () => {
    const doc = loadExample('item_basic.json');
    const assets = { 'model.pt': (doc.assets as Record<string, unknown>).model };
    const form = await open({ ...doc, assets }, { '/assets/model.pt/href': 'Must be absolute.' });
    const card = getByRole(form.container, 'group', /^Asset 1 — model\.pt/u);
    const href = input(card, 'URL');
    expect(href.getAttribute('aria-invalid')).toBe('true');
    await typeText(href, 'https://example.com/model.pt');
    expect(form.doc().assets).toEqual({
      'model.pt': { ...(assets['model.pt'] as object), href: 'https://example.com/model.pt' },
    });
    await typeText(input(card, 'Key'), 'weights.pt');
    expect(Object.keys(form.doc().assets as object)).toEqual(['weights.pt']);
  });

  it('edits hyperparameters with typed values', async () => {
    const doc = loadExample('item_basic.json');
    const properties = {
      ...(doc.properties as object),
      'mlm:hyperparameters': { learning_rate: 0.001 },
    };
    const form = await open({ ...doc, properties });
    const rate = input(form.container, 'learning_rate');
    expect(rate.value).toBe('0.001');
    await typeText(rate, '0.01');
    expect(form.doc().properties['mlm:hyperparameters']).toEqual({ learning_rate: 0.01 });
  });

  it('shows STAC 1.1 bands, which are recursive', async () => {
    const doc = loadExample('item_basic.json');
    const properties = {
      ...(doc.properties as object),
      bands: [{ name: 'red', bands: [{ name: 'inner' }] }],
    };
    const form = await open({ ...doc, stac_version: '1.1.0', properties });
    expect(
      queryAllByLabel(form.container, 'Band name').map((e) => (e as HTMLInputElement).value),
    ).toEqual(['red', 'inner']);
    expect(form.changes).toHaveLength(0);
  });
});
