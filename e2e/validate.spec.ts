import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { expect, type Page, test } from '@playwright/test';

const SHARED = path.resolve(process.cwd(), '../shared');
const ITEM_BASIC = path.join(SHARED, 'mlm', 'examples', 'item_basic.json');

function requireItemBasic(): string {
  if (!existsSync(ITEM_BASIC)) {
    throw new Error(
      `Missing ${ITEM_BASIC}: the end-to-end test opens the official MLM example from ${SHARED} ` +
        '(a checkout of ../shared next to the project).',
    );
  }
  return ITEM_BASIC;
}

/** Fails the test on console errors, page errors and any request that leaves this machine. */
function watchPage(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    const local = hostname === '127.0.0.1' || hostname === 'localhost';
    if ((protocol === 'http:' || protocol === 'https:' || protocol === 'ws:') && !local) {
      problems.push(`request to ${request.url()}`);
    }
  });
  return problems;
}

test('opens, checks and lists the findings of an item', async ({ page }, testInfo) => {
  const itemBasic = requireItemBasic();
  const problems = watchPage(page);
  await page.goto('/');

  const status = page.getByRole('status', { name: 'Validation status' });
  const issues = page.getByRole('region', { name: 'Issues' });
  const errorRows = issues.getByRole('listitem').filter({ hasText: /^Error/ });
  const editor = page.getByRole('textbox', { name: 'Item JSON', exact: true });
  const openItem = page.getByLabel('Open item JSON');

  await expect(page.getByRole('heading', { name: 'STAC MLM Editor' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open item JSON' })).toBeVisible();
  await expect(issues).toBeVisible();

  // (a) the official example is valid
  await openItem.setInputFiles(itemBasic);
  await expect(status).toHaveText(/^Valid/);
  await expect(status).toContainText('0 errors');
  await expect(status).toContainText('item_basic.json');
  await expect(errorRows).toHaveCount(0);
  await expect(editor).toHaveValue(/"mlm:name": "example-model"/);

  // (b) a broken copy lists the error at its JSON path
  const item = JSON.parse(readFileSync(itemBasic, 'utf8')) as {
    properties: Record<string, unknown>;
  };
  item.properties['mlm:name'] = '1x';
  const broken = testInfo.outputPath('item_broken_name.json');
  writeFileSync(broken, JSON.stringify(item, null, 2));
  await openItem.setInputFiles(broken);
  await expect(status).toHaveText(/^Invalid/);
  await expect(status).toContainText('item_broken_name.json');
  const nameRow = errorRows.filter({ hasText: '/properties/mlm:name' });
  await expect(nameRow.first()).toBeVisible();
  // choosing the finding selects the faulty value in the text
  await nameRow.first().getByRole('button').click();
  await expect(editor).toBeFocused();
  const selected = await editor.evaluate((el: HTMLTextAreaElement) =>
    el.value.slice(el.selectionStart, el.selectionEnd),
  );
  expect(selected).toBe('"1x"');
  await page.screenshot({ path: testInfo.outputPath('finding-selected.png') });

  // (c) broken JSON typed into the editor: the message names the line, the text stays
  const brokenJson = '{\n  "type": "Feature",\n  "id": \n}';
  await editor.fill(brokenJson);
  await expect(editor).toHaveAccessibleDescription(/line 4, column 1/);
  await expect(status).toHaveText(/^Invalid/);
  await expect(status).toContainText('line 4, column 1');
  await expect(issues.getByRole('listitem')).toHaveCount(1);
  await expect(issues.getByRole('listitem')).toContainText('(document)');
  await expect(issues.getByRole('listitem')).toContainText('line 4, column 1');
  await expect(editor).toHaveValue(brokenJson);

  // typing fixes it: live validation picks the change up
  await editor.press('End');
  await editor.press('ArrowUp');
  await editor.press('End');
  await editor.pressSequentially('"my-model"');
  await expect(editor).toHaveAccessibleDescription('Checked as you type.');
  await expect(status).not.toContainText('line 4');

  // (d) the written-by-us minimal item is valid too, and the screen looks right
  await page.getByRole('button', { name: 'New minimal item' }).click();
  await expect(status).toHaveText(/^Valid/);
  await expect(errorRows).toHaveCount(0);
  await openItem.setInputFiles(broken);
  await expect(status).toHaveText(/^Invalid/);
  await page.screenshot({ path: testInfo.outputPath('validate.png'), fullPage: true });

  expect(problems).toEqual([]);
});

test('starts with a welcome, opens dropped files and explains refused ones', async ({ page }) => {
  const problems = watchPage(page);
  await page.goto('/');

  const status = page.getByRole('status', { name: 'Validation status' });
  await expect(
    page.getByRole('heading', { name: 'Check a STAC Item with the MLM extension' }),
  ).toBeVisible();
  await expect(status).toHaveCount(0);

  // a dropped file opens wherever it lands
  const text = readFileSync(requireItemBasic(), 'utf8');
  const dataTransfer = await page.evaluateHandle((json) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.getByRole('main').dispatchEvent('drop', { dataTransfer });
  await expect(status).toHaveText(/^Valid/);
  await expect(status).toContainText('dropped.json');

  // a file that is not JSON is refused with a reason, and the text stays
  await page.getByLabel('Open item JSON').setInputFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  });
  await expect(page.getByRole('alert')).toContainText('photo.png is not a JSON file');
  await expect(page.getByRole('textbox', { name: 'Item JSON', exact: true })).toHaveValue(text);
  await expect(status).toHaveText(/^Valid/);
  await page.getByRole('alert').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);

  expect(problems).toEqual([]);
});
