// @vitest-environment jsdom
import { act, createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { editorItemSchemaV11 } from '../../../schemas/editorSchema';
// The table is registered lazily; loaded up front so the lazy widget resolves at once.
import '../../../src/app/widgets/ClassTable';
import '../../../src/app/widgets/registerMlmWidgets';
import { buildFieldTree } from '../../../src/form/fieldTree';
import { fromFormValues, toFormValues } from '../../../src/form/formValues';
import { jsonEqual } from '../../../src/form/jsonValue';
import { SchemaField } from '../../../src/form/SchemaField';
import { SchemaForm } from '../../../src/form/SchemaForm';
import type { SchemaFormHandle } from '../../../src/form/schemaFormApi';
import { loadExample } from '../../support/shared';
import {
  click,
  getByLabel,
  getByRole,
  queryAllByLabel,
  type Rendered,
  render,
  settle,
  typeText,
} from '../../form/dom';

const TREE = buildFieldTree(editorItemSchemaV11);
const CLASSES = 'properties.mlm:output.0.classification:classes';

let current: Rendered | undefined;
afterEach(async () => {
  await current?.unmount();
  current = undefined;
});

type Doc = { properties: { 'mlm:output': { 'classification:classes': unknown[] }[] } };

/** The basic example with `count` classes on its output, in the editor form. */
async function open(count: number, errors: Record<string, string[]> = {}) {
  const doc = structuredClone(loadExample('item_basic.json')) as unknown as Doc;
  const output = doc.properties['mlm:output'][0];
  if (!output) {
    throw new Error('The basic example has no output');
  }
  output['classification:classes'] = Array.from({ length: count }, (_, i) => ({
    value: i,
    name: `class_${i}`,
    description: `Class ${i}`,
  }));
  const handle = createRef<SchemaFormHandle>();
  const docs: unknown[] = [];
  current = await render(
    <SchemaForm
      ref={handle}
      tree={TREE}
      defaultValues={toFormValues(TREE, doc)}
      errors={errors}
      onChange={(change) => {
        // Each change reports the document that decoding the whole form gives.
        expect(jsonEqual(change.doc, fromFormValues(TREE, handle.current?.getValues() ?? {}))).toBe(
          true,
        );
        docs.push(change.doc);
      }}
    >
      <SchemaField path="properties" />
    </SchemaForm>,
  );
  const table = getByRole(current.container, 'group', 'Classes');
  return {
    table,
    handle,
    classes: () =>
      (docs.at(-1) as Doc | undefined)?.properties['mlm:output'][0]?.['classification:classes'],
  };
}

const input = (scope: ParentNode, label: string) => getByLabel(scope, label) as HTMLInputElement;

describe('the class table', () => {
  it('edits the cells of one class and leaves the others as they were', async () => {
    const { table, classes } = await open(3);
    await typeText(input(table, 'Name of class 2'), 'water');
    await typeText(input(table, 'Value of class 2'), '7');
    await typeText(input(table, 'Colour of class 2'), '#00ff00');
    expect(classes()).toEqual([
      { value: 0, name: 'class_0', description: 'Class 0' },
      { value: 7, name: 'water', description: 'Class 1', color_hint: '00ff00' },
      { value: 2, name: 'class_2', description: 'Class 2' },
    ]);
    expect(input(table, 'Name of class 2').value).toBe('water');
    expect(input(table, 'Name of class 1').value).toBe('class_0');
  });

  it('drops an emptied name or colour and a value that is not a whole number', async () => {
    const { table, classes } = await open(2);
    await typeText(input(table, 'Name of class 1'), '');
    await typeText(input(table, 'Value of class 1'), '1.5');
    expect(classes()?.[0]).toEqual({ description: 'Class 0' });
  });

  it('adds a class after the largest value and removes one', async () => {
    const { table, classes } = await open(2);
    await click(getByRole(table, 'button', 'Add class'));
    expect(classes()?.at(-1)).toEqual({ value: 2, name: 'class_2', description: 'Class 2' });
    expect(table.textContent).toContain('Classes (3)');
    await click(getByRole(table, 'button', 'Remove class 1'));
    expect(classes()?.map((c) => (c as { value: number }).value)).toEqual([1, 2]);
    expect(input(table, 'Name of class 1').value).toBe('class_1');
  });

  it('renders only the rows in view of a thousand classes', async () => {
    const { table } = await open(1000);
    expect(table.textContent).toContain('Classes (1000)');
    const rendered = queryAllByLabel(table, 'Name of class 1').length;
    expect(rendered).toBe(1);
    expect(queryAllByLabel(table, 'Name of class 1000')).toHaveLength(0);
    expect(table.querySelectorAll('input[aria-label^="Name of class"]').length).toBeLessThan(20);
  });

  it('marks the cell a validation message points at, and focuses it by path', async () => {
    const { table, handle } = await open(40, { [`${CLASSES}.1.name`]: ['Name is required'] });
    const name = input(table, 'Name of class 2');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(input(table, 'Name of class 1').getAttribute('aria-invalid')).toBe('false');
    expect(table.textContent).toContain('Name is required');

    act(() => handle.current?.setFocus(`${CLASSES}.1.name`));
    await settle(50);
    expect(document.activeElement).toBe(name);
  });
});
