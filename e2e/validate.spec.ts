import { readFileSync, writeFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { officialExample, openFreshEditor, watchPage } from './support';

test('opens an official example as valid, and a broken one with the error at its path', async ({
  page,
}, testInfo) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  const status = page.getByRole('status', { name: 'Validation status' });
  const issues = page.getByRole('region', { name: 'Issues' });
  const errorRows = issues.getByRole('listitem').filter({ hasText: /^Error/ });

  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
  await expect(status).toHaveText(/^Valid/);
  await expect(status).toContainText('item_basic.json');
  await expect(errorRows).toHaveCount(0);
  await expect(page.getByLabel('Model name')).toHaveValue('example-model');

  const item = JSON.parse(readFileSync(officialExample('item_basic.json'), 'utf8')) as {
    properties: Record<string, unknown>;
  };
  item.properties['mlm:name'] = '1x';
  const broken = testInfo.outputPath('item_broken_name.json');
  writeFileSync(broken, JSON.stringify(item, null, 2));
  await page.getByLabel('Open item JSON').setInputFiles(broken);
  await expect(status).toHaveText(/^Invalid/);
  const nameRow = errorRows.filter({ hasText: '/properties/mlm:name' });
  await expect(nameRow).toHaveCount(1);
  // the field says so too, and choosing the finding takes the user there
  const nameInput = page.getByLabel('Model name');
  await expect(nameInput).toHaveAttribute('aria-invalid', 'true');
  await nameRow.getByRole('button').click();
  await expect(nameInput).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('invalid-item.png') });

  expect(problems).toEqual([]);
});

test('a class with no description, deep in a table of a thousand, is marked and reached from the issues panel', async ({
  page,
}, testInfo) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  const item = JSON.parse(readFileSync(officialExample('item_basic.json'), 'utf8')) as {
    properties: { 'mlm:output': Record<string, unknown>[] };
  };
  const classes = Array.from({ length: 1000 }, (_, i) => ({
    value: i,
    name: `class_${i}`,
    description: `Class ${i}`,
  }));
  delete (classes[700] as { description?: string }).description;
  (item.properties['mlm:output'][0] as Record<string, unknown>)['classification:classes'] = classes;
  const file = testInfo.outputPath('item_1000_classes.json');
  writeFileSync(file, JSON.stringify(item));
  await page.getByLabel('Open item JSON').setInputFiles(file);

  const status = page.getByRole('status', { name: 'Validation status' });
  await expect(status).toContainText('item_1000_classes.json');
  await expect(status).toHaveText(/^Invalid/);
  const row = page
    .getByRole('region', { name: 'Issues' })
    .getByRole('listitem')
    .filter({ hasText: 'classification:classes/700/description' });
  await expect(row).toHaveCount(1);
  await expect(page.getByLabel('Description of class 701', { exact: true })).toHaveCount(0);
  await row.getByRole('button').first().click();
  const name = page.getByLabel('Description of class 701', { exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('Forest');
  await expect(status).toHaveText(/^Valid/);
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await page.screenshot({ path: testInfo.outputPath('class-table-finding.png') });
  expect(problems).toEqual([]);
});

test('broken JSON typed in the JSON view is shown at its line and never wipes the form', async ({
  page,
}) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
  const status = page.getByRole('status', { name: 'Validation status' });
  await expect(status).toHaveText(/^Valid/);

  const json = page.getByRole('textbox', { name: 'Item JSON' });
  await json.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' oops');
  await expect(status).toHaveText(/^Invalid/);
  await expect(status).toContainText('Not valid JSON (line');
  await expect(page.getByRole('region', { name: 'Issues' })).toContainText(
    /Not valid JSON at line \d+/,
  );
  // the form still holds the last document that parsed
  await expect(page.getByLabel('Model name')).toHaveValue('example-model');

  for (let i = 0; i < ' oops'.length; i += 1) {
    await page.keyboard.press('Backspace');
  }
  await expect(status).toHaveText(/^Valid/);
  expect(problems).toEqual([]);
});

test('a file that is not JSON is refused with a reason, and a dropped item opens', async ({
  page,
}) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  const status = page.getByRole('status', { name: 'Validation status' });

  const text = readFileSync(officialExample('item_basic.json'), 'utf8');
  const dataTransfer = await page.evaluateHandle((json) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.getByRole('main').dispatchEvent('drop', { dataTransfer });
  await expect(status).toHaveText(/^Valid/);
  await expect(status).toContainText('dropped.json');

  await page.getByLabel('Open item JSON').setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'photo.png' })).toContainText(
    'not a JSON file',
  );
  await expect(status).toHaveText(/^Valid/);
  expect(problems).toEqual([]);
});
