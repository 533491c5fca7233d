import { expect, type Locator, type Page, test } from '@playwright/test';

import { officialExample, openFreshEditor, watchPage } from './support';

// Every edit made up to the moment the tab goes away comes back: after a reload, and in a new tab
// of the same profile after the tab was closed with and without its beforeunload handlers. The
// page goes less than a second (and less than the 300 ms autosave delay) after the last
// keystroke, so the edits survive through the page-hide flush and the localStorage journal, not
// the autosave timer. Each round edits form fields and the JSON view, ending in one or the other;
// a round ending in the form ends with a chip typed without Enter, which the field only commits
// when it loses focus.

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const jsonView = (page: Page) => page.getByRole('textbox', { name: 'Item JSON' });

/** How long after the last keystroke the page may go: well under the promised second. */
const GONE_WITHIN_MS = 1000;

interface Expected {
  name: string;
  architecture: string;
  description: string;
  id: string;
  collection: string;
  roles: string[];
}

const fields = (page: Page) => ({
  name: section(page, 'Model').getByLabel('Model name'),
  architecture: section(page, 'Model').getByLabel('Architecture'),
  description: section(page, 'Item').getByRole('textbox', { name: 'Description', exact: true }),
  id: section(page, 'Item').getByRole('textbox', { name: 'ID', exact: true }),
  collection: section(page, 'Item').getByRole('textbox', { name: 'Collection', exact: true }),
  roles: section(page, 'Assets').getByRole('combobox', { name: 'Roles' }),
});

async function typeAtEnd(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Appends `suffix` to the value of the top-level "id" in the JSON view, with the keyboard. */
async function typeIntoJsonId(page: Page, suffix: string): Promise<void> {
  const json = jsonView(page);
  // The view is not scrolled, so its first rendered lines are the document's first lines.
  const lines = await json.locator('.cm-line').allInnerTexts();
  const line = lines.findIndex((l) => /^\s*"id": "/.test(l));
  expect(line).toBeGreaterThanOrEqual(0);
  await json.focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < line; i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('End');
  // Before the closing quote and comma.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(suffix);
}

/** One round of edits ending in the form or in the JSON view; returns what must come back. */
async function editRound(
  page: Page,
  before: Expected,
  round: number,
  lastEdit: 'form' | 'json',
): Promise<Expected> {
  const f = fields(page);
  const after: Expected = {
    name: `${before.name} r${round}`,
    architecture: `ResNet-${round}`,
    description: `Typed in round ${round}.`,
    id: `${before.id}-r${round}`,
    collection: `collection-r${round}`,
    roles: [...before.roles, `role-r${round}`],
  };
  const formEdits = async () => {
    await typeAtEnd(page, f.name, ` r${round}`);
    await f.architecture.fill(after.architecture);
    await f.description.fill(after.description);
    await f.collection.fill(after.collection);
    // No Enter: the chip is only in the field's input until the field is left.
    await typeAtEnd(page, f.roles, `role-r${round}`);
  };
  if (lastEdit === 'json') {
    await formEdits();
    await f.roles.press('Enter');
    // The JSON view shows a form edit once typing pauses; no one edits it before seeing that.
    await expect(jsonView(page)).toContainText(`"collection": "${after.collection}"`);
    await typeIntoJsonId(page, `-r${round}`);
  } else {
    await typeIntoJsonId(page, `-r${round}`);
    await expect(f.id).toHaveValue(after.id);
    await formEdits();
  }
  return after;
}

async function expectEdits(page: Page, expected: Expected): Promise<void> {
  const f = fields(page);
  await expect(f.id).toHaveValue(expected.id);
  await expect(f.name).toHaveValue(expected.name);
  await expect(f.architecture).toHaveValue(expected.architecture);
  await expect(f.description).toHaveValue(expected.description);
  await expect(f.collection).toHaveValue(expected.collection);
  for (const role of expected.roles) {
    await expect(section(page, 'Assets').getByRole('button', { name: role })).toBeVisible();
  }
  await expect(jsonView(page)).toContainText(`"id": "${expected.id}"`);
}

async function openBasicItem(page: Page): Promise<Expected> {
  await openFreshEditor(page);
  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
  await expect(fields(page).id).toHaveValue('example-model');
  await jsonView(page).waitFor();
  return {
    name: 'example-model',
    architecture: 'ResNet-18',
    description:
      'Basic STAC Item with only the MLM extension and no other extension cross-references.',
    id: 'example-model',
    collection: 'ml-model-examples',
    roles: ['mlm:model'],
  };
}

test('a reload right after the last keystroke keeps every edit', async ({ page }) => {
  const problems = watchPage(page);
  let expected = await openBasicItem(page);
  for (const [round, lastEdit] of [
    [1, 'json'],
    [2, 'form'],
  ] as const) {
    expected = await editRound(page, expected, round, lastEdit);
    const typedAt = Date.now();
    await page.reload({ waitUntil: 'commit' });
    expect(Date.now() - typedAt).toBeLessThan(GONE_WITHIN_MS);
    await expectEdits(page, expected);
  }
  expect(problems).toEqual([]);
});

test('a tab closed right after the last keystroke keeps every edit in a new tab', async ({
  page,
  context,
}) => {
  let expected = await openBasicItem(page);
  let current = page;
  for (const [round, lastEdit, runBeforeUnload] of [
    [1, 'form', true],
    [2, 'json', false],
  ] as const) {
    expected = await editRound(current, expected, round, lastEdit);
    const typedAt = Date.now();
    const closed = new Promise<void>((resolve) => current.once('close', () => resolve()));
    await current.close({ runBeforeUnload });
    expect(Date.now() - typedAt).toBeLessThan(GONE_WITHIN_MS);
    await closed;
    current = await context.newPage();
    const problems = watchPage(current);
    await current.goto('/');
    await expectEdits(current, expected);
    expect(problems).toEqual([]);
  }
});
