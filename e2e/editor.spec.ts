import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { OfficialValidator } from '../src/cli/officialValidator';
import { officialExample, openFreshEditor, SHARED, watchPage } from './support';

const ITEM_EXAMPLES = [
  'item_basic.json',
  'item_bands_expression.json',
  'item_datacube_variables.json',
  'item_eo_and_raster_bands.json',
  'item_eo_bands.json',
  'item_eo_bands_summarized.json',
  'item_multi_io.json',
  'item_pytorch_geo_unet.json',
  'item_raster_bands.json',
];

async function downloadJson(page: Page): Promise<unknown> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const download = await downloading;
  const file = await download.path();
  return {
    name: download.suggestedFilename(),
    doc: JSON.parse(readFileSync(file, 'utf8')) as unknown,
  };
}

const status = (page: Page) => page.getByRole('status', { name: 'Validation status' });
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('a new user fills a blank item through the form, downloads it, and it passes the official schemas', async ({
  page,
}, testInfo) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  await page.getByRole('button', { name: 'New item' }).click();
  await page.getByRole('menuitem', { name: /Blank item/ }).click();
  await expect(status(page)).toHaveText(/^Invalid/);

  const model = section(page, 'Model');
  await model.getByLabel('Model name').fill('Crop type classifier');
  await model.getByLabel('Architecture').fill('ResNet');
  await model.getByLabel('Tasks').fill('classification');
  await page.getByRole('option', { name: 'classification', exact: true }).click();

  const inputs = section(page, 'Inputs');
  await inputs.getByRole('button', { name: 'Add Input' }).click();
  await inputs.getByLabel('Input name').fill('image');

  const outputs = section(page, 'Outputs');
  await outputs.getByRole('button', { name: 'Add Output' }).click();
  await outputs.getByLabel('Output name').fill('scores');

  const assets = section(page, 'Assets');
  await assets
    .getByRole('button', { name: /^Remove Asset/ })
    .first()
    .click();
  await assets.getByRole('button', { name: 'Add Asset' }).click();
  await assets.getByLabel('URL').fill('https://example.com/models/crop-type.pt');
  await assets.getByLabel('Artifact type').fill('torch.save');

  const item = section(page, 'Item');
  await item.getByRole('textbox', { name: 'ID', exact: true }).fill('crop-type-classifier');
  await item.getByLabel('Date and time').fill('2024-06-01T00:00:00Z');

  await expect(status(page)).toHaveText(/^Valid/);
  await expect(page.getByRole('region', { name: 'Issues' }).getByRole('listitem')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('new-item-valid.png'), fullPage: true });

  const { name, doc } = (await downloadJson(page)) as {
    name: string;
    doc: Record<string, unknown>;
  };
  expect(name).toBe('crop-type-classifier.json');
  const official = new OfficialValidator(SHARED);
  expect(official.validate(doc).filter((f) => f.severity === 'error')).toEqual([]);
  expect((doc.properties as Record<string, unknown>)['mlm:name']).toBe('Crop type classifier');
  expect(problems).toEqual([]);
});

test('every official example is imported and downloaded unchanged', async ({ page }) => {
  await openFreshEditor(page);
  for (const file of ITEM_EXAMPLES) {
    await page.getByLabel('Open item JSON').setInputFiles(officialExample(file));
    await expect(status(page)).toContainText(file);
    const { doc } = (await downloadJson(page)) as { doc: unknown };
    const original = JSON.parse(readFileSync(officialExample(file), 'utf8')) as unknown;
    expect(isDeepStrictEqual(doc, original), `${file} changed on its way through the editor`).toBe(
      true,
    );
  }
});

test('an item written for an older MLM version is upgraded and the changes are listed', async ({
  page,
}, testInfo) => {
  await openFreshEditor(page);
  const old = JSON.parse(readFileSync(officialExample('item_basic.json'), 'utf8')) as {
    stac_extensions: string[];
    properties: Record<string, unknown>;
  };
  old.stac_extensions = ['https://stac-extensions.github.io/mlm/v1.2.0/schema.json'];
  old.properties['mlm:accelerator'] = 'cpu';
  const oldFile = testInfo.outputPath('old-item.json');
  writeFileSync(oldFile, JSON.stringify(old, null, 2));
  await page.getByLabel('Open item JSON').setInputFiles(oldFile);
  const changes = page.getByRole('list', { name: 'Upgrade changes' });
  await expect(changes).toBeVisible();
  await expect(changes).toContainText('/stac_extensions');
  await expect(changes).toContainText('amd64');
  await expect(status(page)).toHaveText(/^Valid/);
});

test('a reload mid-edit restores everything typed', async ({ page }) => {
  await openFreshEditor(page);
  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
  const name = section(page, 'Model').getByLabel('Model name');
  await expect(name).toHaveValue('example-model');
  await name.fill('Typed just before the reload');
  await page.reload();
  await expect(section(page, 'Model').getByLabel('Model name')).toHaveValue(
    'Typed just before the reload',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'Restored your draft' })).toBeVisible();
});

test('a draft is restored even when the hint that one exists is gone from localStorage', async ({
  page,
}) => {
  await openFreshEditor(page);
  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
  const name = section(page, 'Model').getByLabel('Model name');
  await expect(name).toHaveValue('example-model');
  await name.fill('Saved in IndexedDB only');
  // Autosaved: the drafts list (named after the model) has the new name.
  await page.getByRole('button', { name: 'Drafts' }).click();
  await expect(
    page.getByRole('dialog').getByRole('listitem').filter({ hasText: 'Saved in IndexedDB only' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  // A first visit shows the blank form at once; the draft still comes back when found.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(section(page, 'Model').getByLabel('Model name')).toHaveValue(
    'Saved in IndexedDB only',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'Restored your draft' })).toBeVisible();
});

test('a JSON edit made right after a form edit keeps the form edit', async ({ page }) => {
  await openFreshEditor(page);
  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
  // The id is near the top of the JSON, so its line is on screen.
  const id = section(page, 'Item').getByRole('textbox', { name: 'ID', exact: true });
  const json = page.getByRole('textbox', { name: 'Item JSON' });
  await expect(json).toContainText('"id": "example-model"');
  for (let round = 1; round <= 3; round += 1) {
    await id.fill(`edited-in-the-form-${round}`);
    // At once, before the JSON view has caught up on its own: a space after the last brace.
    await json.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ');
    await page.keyboard.press('Control+Home');
    await expect(json).toContainText(`"id": "edited-in-the-form-${round}"`);
    await expect(id).toHaveValue(`edited-in-the-form-${round}`);
  }
});

test('the form takes input before the validator has loaded, and a download asked meanwhile waits for its verdict', async ({
  page,
}) => {
  const problems = watchPage(page);
  // Hold the validator's chunk back: the first load must not need it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/validateItem-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(status(page)).toContainText('Checking…');
  await expect(page.getByRole('region', { name: 'Issues' })).toContainText('Checking the item…');
  await page.getByLabel('Model name').fill('Held validator model');
  await expect(page.getByLabel('Model name')).toHaveValue('Held validator model');
  // No verdict yet: the download waits for one instead of guessing.
  await page.getByRole('button', { name: 'Download JSON' }).click();
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  release();
  // The blank item is invalid (no id, no asset href): asked to confirm, with the errors of the
  // item as typed (the name typed before the validator came is not among them).
  await expect(status(page)).toContainText('Invalid');
  const dialog = page.getByRole('dialog', { name: 'This item is not valid yet' });
  await expect(dialog.getByRole('listitem').filter({ hasText: '/id' })).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'mlm:name' })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a validator that cannot be loaded leaves the item unchecked, said so, and downloads still work', async ({
  page,
}) => {
  await page.route(/\/assets\/validateItem-[^/]+\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(status(page)).toContainText('Not checked');
  await expect(page.getByRole('region', { name: 'Issues' })).toContainText(
    'the validator could not be loaded',
  );
  await expect(
    page.getByRole('alert').filter({ hasText: 'The validator could not be loaded' }),
  ).toBeVisible();
  await page.getByLabel('Model name').fill('Unchecked model');
  const { doc } = (await downloadJson(page)) as { doc: { properties: Record<string, unknown> } };
  expect(doc.properties['mlm:name']).toBe('Unchecked model');
});

test('undo and redo cover form and JSON edits', async ({ page }) => {
  await openFreshEditor(page);
  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
  await expect(status(page)).toHaveText(/^Valid/);
  const name = section(page, 'Model').getByLabel('Model name');
  const id = section(page, 'Item').getByRole('textbox', { name: 'ID', exact: true });

  // A form edit…
  await name.fill('First name');
  // (a pause, so the two edits are two undo steps rather than one)
  await page.waitForTimeout(700);
  // …then an edit in the JSON view: append "-v2" to the id on line 7.
  const json = page.getByRole('textbox', { name: 'Item JSON' });
  await json.click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('-v2');
  await expect(id).toHaveValue('example-model-v2');

  // Undo in the JSON view takes back the JSON edit, then the form edit.
  await page.keyboard.press('Control+z');
  await expect(id).toHaveValue('example-model');
  await expect(name).toHaveValue('First name');
  await page.keyboard.press('Control+z');
  await expect(name).toHaveValue('example-model');
  // Redo from the form, with the keyboard and the buttons.
  await name.click();
  await page.keyboard.press('Control+Shift+z');
  await expect(name).toHaveValue('First name');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(id).toHaveValue('example-model-v2');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(id).toHaveValue('example-model');
});

test('the editor has no serious or critical accessibility violations', async ({ page }) => {
  await openFreshEditor(page);
  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_multi_io.json'));
  await expect(status(page)).toHaveText(/^Valid/);
  await page.getByRole('textbox', { name: 'Item JSON' }).waitFor();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    ),
  ).toEqual([]);
});
