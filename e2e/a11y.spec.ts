import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { officialExample, openFreshEditor } from './support';

// axe on every panel, dialog, menu and popover of the editor, failing on any serious or
// critical violation; and a check that every map action has an equivalent that does not need
// the map (typed bounds, pasted GeoJSON or WKT, Global, Remove).

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const status = (page: Page) => page.getByRole('status', { name: 'Validation status' });
const jsonView = (page: Page) => page.getByRole('textbox', { name: 'Item JSON' });
const MODEL = path.resolve(process.cwd(), 'tests/onnx/fixtures/conv_nchw.onnx');
// Overlays are audited on their own: the page behind them was audited already, and a whole-page
// run takes seconds.
const POPOVER = '.MuiPopover-root';
const DIALOG = '.MuiDialog-root';

type Json = Record<string, unknown>;

/**
 * An item that brings out every part of the editor: written for MLM v1.2 (so it is upgraded and
 * the changes are listed), several inputs and outputs (the preview's picker), a class table,
 * hyperparameters, a derived_from link with its split, a footprint, and one error (an empty
 * model name) so the Issues panel and the "invalid item" download dialog have something to show.
 */
function richOldItem(): Json {
  const item = JSON.parse(readFileSync(officialExample('item_multi_io.json'), 'utf8')) as Json;
  const properties = item.properties as Json;
  item.stac_extensions = (item.stac_extensions as string[]).map((url) =>
    url.includes('/mlm/') ? 'https://stac-extensions.github.io/mlm/v1.2.0/schema.json' : url,
  );
  properties['mlm:name'] = '';
  properties['mlm:accelerator'] = 'cpu';
  properties['mlm:hyperparameters'] = { learning_rate: 0.001, epochs: 40, optimizer: 'adam' };
  const [output] = properties['mlm:output'] as Json[];
  if (output) {
    output['classification:classes'] = [
      { value: 0, name: 'background', color_hint: '000000' },
      { value: 1, name: 'building', color_hint: 'FF0000' },
      { value: 2, name: 'road', color_hint: '0000FF' },
    ];
  }
  return item;
}

interface Audit {
  where: string;
  problems: string[];
}

/** Runs axe (on the whole page, or only on `include`) and returns the serious and critical violations. */
async function audit(page: Page, where: string, include?: string): Promise<Audit> {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  const problems = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}: ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
          .join(' | ')}`,
    );
  return { where, problems };
}

/** Every audit must come back clean; all are listed at once so one run shows everything. */
function expectClean(audits: readonly Audit[]): void {
  expect(audits.length).toBeGreaterThan(0);
  expect(audits.filter((a) => a.problems.length > 0)).toEqual([]);
}

test('every panel, dialog, menu and popover has no serious or critical violations', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const audits: Audit[] = [];
  await openFreshEditor(page);
  const file = testInfo.outputPath('rich-old-item.json');
  writeFileSync(file, JSON.stringify(richOldItem(), null, 2));
  await page.getByLabel('Open item JSON').setInputFiles(file);

  // The upgrade report, the Issues panel with an error, the JSON view.
  await expect(page.getByRole('list', { name: 'Upgrade changes' })).toBeVisible();
  await expect(status(page)).toHaveText(/^Invalid/);
  await expect(page.getByRole('region', { name: 'Issues' }).getByRole('button')).not.toHaveCount(0);
  await jsonView(page).waitFor();

  // Every section expanded: collapsed cards opened, the class table, the previews, the map
  // and its settings.
  for (const name of ['Model', 'Inputs', 'Outputs', 'Assets', 'Hyperparameters', 'Training data']) {
    await section(page, name).waitFor();
  }
  const expand = page.getByRole('button', { name: /^Expand / });
  while ((await expand.count()) > 0) {
    await expand.first().click();
  }
  await expect(
    section(page, 'Outputs').getByRole('group', { name: 'Classes' }).first(),
  ).toBeVisible();
  await expect(section(page, 'Inputs').getByRole('group', { name: 'Input preview' })).toBeVisible();
  await expect(
    section(page, 'Outputs').getByRole('group', { name: 'Output preview' }),
  ).toBeVisible();
  await expect(section(page, 'Hyperparameters').getByLabel('learning_rate')).toBeVisible();
  await expect(section(page, 'Training data')).toContainText('train');
  const footprint = section(page, 'Footprint');
  await footprint.scrollIntoViewIfNeeded();
  await expect(footprint.getByRole('region', { name: 'Map', exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await footprint.getByText(/^Map settings/).click();
  await expect(footprint.getByText(/nothing is fetched/)).toBeVisible();
  audits.push(await audit(page, 'editor with every section expanded'));

  // Popovers: the STAC version and tensor picker selects, an autocomplete's options.
  await section(page, 'Item').getByRole('combobox', { name: 'STAC version' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  audits.push(await audit(page, 'STAC version list', POPOVER));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await section(page, 'Inputs').getByRole('combobox', { name: 'Input to preview' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  audits.push(await audit(page, 'tensor preview picker', POPOVER));
  await page.getByRole('option').last().click();
  await expect(page.getByRole('listbox')).toBeHidden();
  audits.push(await audit(page, 'tensor preview, second input', '[aria-label="Input preview"]'));
  await section(page, 'Model').getByRole('combobox', { name: 'Tasks' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  audits.push(await audit(page, 'tasks options', '.MuiAutocomplete-popper'));
  await page.keyboard.press('Escape');

  // The New item menu.
  await page.getByRole('button', { name: 'New item' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  audits.push(await audit(page, 'New item menu', POPOVER));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();

  // Download of an invalid item: the confirmation.
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const confirm = page.getByRole('dialog', { name: 'This item is not valid yet' });
  await expect(confirm).toBeVisible();
  audits.push(await audit(page, 'download confirmation', DIALOG));
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(confirm).toBeHidden();

  // Drafts, listed and while one is renamed.
  await page.getByRole('button', { name: 'Drafts' }).click();
  const drafts = page.getByRole('dialog', { name: 'Drafts' });
  await expect(drafts.getByRole('listitem')).not.toHaveCount(0);
  audits.push(await audit(page, 'Drafts dialog', DIALOG));
  await drafts
    .getByRole('button', { name: /^Rename draft/ })
    .first()
    .click();
  await expect(drafts.getByLabel('Draft name')).toBeFocused();
  audits.push(await audit(page, 'Drafts dialog, renaming', DIALOG));
  await drafts.getByRole('button', { name: 'Close' }).click();
  await expect(drafts).toBeHidden();

  // The ONNX review, with values that differ from the item's.
  await page.getByLabel('ONNX model').setInputFiles(MODEL);
  const review = page.getByRole('dialog', { name: /Fill the item from/ });
  await expect(review.getByRole('checkbox', { name: /checksum/ })).toBeVisible();
  await expect(review.getByRole('progressbar')).toHaveCount(0);
  await expect(review.getByRole('button', { name: 'Apply' })).toBeEnabled();
  // Past the buttons' 250 ms colour transition, which axe would measure half-way.
  await page.waitForTimeout(300);
  audits.push(await audit(page, 'ONNX review dialog', DIALOG));
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(review).toBeHidden();

  expectClean(audits);
});

test('every map action has an equivalent without the map', async ({ page }) => {
  await openFreshEditor(page);
  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
  const footprint = section(page, 'Footprint');
  const geometry = footprint.getByLabel('Footprint geometry');
  const bound = (label: string) => footprint.getByRole('spinbutton', { name: label });
  const shape = async () => JSON.parse(await geometry.inputValue()) as Json;
  const paste = async (text: string) => {
    await footprint.getByLabel('Paste GeoJSON, WKT or a bbox').fill(text);
    await footprint.getByRole('button', { name: 'Use as footprint' }).click();
  };

  // Each action of the map, done without it; the map canvas is never touched.
  const equivalents: Record<string, () => Promise<void>> = {
    'Draw rectangle': async () => {
      for (const [label, value] of [
        ['West', '10'],
        ['South', '20'],
        ['East', '30'],
        ['North', '40'],
      ] as const) {
        await bound(label).fill(value);
      }
      await expect.poll(shape).toEqual({
        type: 'Polygon',
        coordinates: [
          [
            [10, 20],
            [30, 20],
            [30, 40],
            [10, 40],
            [10, 20],
          ],
        ],
      });
    },
    'Draw polygon': async () => {
      await paste('POLYGON ((0 0, 8 0, 4 6, 0 0))');
      await expect.poll(async () => (await shape()).type).toBe('Polygon');
      await expect(bound('East')).toHaveValue('8');
      await expect(bound('North')).toHaveValue('6');
    },
    'Draw point': async () => {
      await paste('POINT (5 6)');
      await expect.poll(async () => (await shape()).type).toBe('Point');
      await paste(
        JSON.stringify({
          type: 'MultiPoint',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        }),
      );
      await expect.poll(async () => (await shape()).type).toBe('MultiPoint');
    },
    'Select and edit': async () => {
      // Moving a vertex: the current geometry, copied from its field, edited and pasted back.
      const moved = (await shape()) as { type: string; coordinates: number[][] };
      expect(moved.coordinates[1]).toEqual([3, 4]);
      moved.coordinates[1] = [7, 4];
      await paste(JSON.stringify(moved));
      await expect(bound('East')).toHaveValue('7');
      await expect.poll(shape).toEqual(moved);
    },
    'Delete selected': async () => {
      await footprint.getByRole('button', { name: 'Remove footprint' }).click();
      await expect(geometry).toHaveValue('null');
      await expect(bound('West')).toHaveValue('');
    },
  };

  // The list above covers every tool the map offers.
  // The map loads once it is near the viewport.
  await footprint.getByText('Fit to footprint').scrollIntoViewIfNeeded();
  const toolButtons = footprint.getByRole('group', { name: 'Drawing tool' }).getByRole('button');
  await expect(toolButtons.first()).toBeVisible({ timeout: 15_000 });
  const tools = await toolButtons.evaluateAll((buttons) =>
    buttons.map((b) => b.getAttribute('aria-label') ?? ''),
  );
  await expect(footprint.getByRole('button', { name: 'Delete selected' })).toBeVisible();
  expect(Object.keys(equivalents).sort()).toEqual([...tools, 'Delete selected'].sort());

  for (const [action, run] of Object.entries(equivalents)) {
    await test.step(action, run);
  }

  // Beyond the map: the whole world, and a bbox across the antimeridian, split as RFC 7946 asks.
  await footprint.getByRole('button', { name: 'Global' }).click();
  await expect(bound('West')).toHaveValue('-180');
  await expect(bound('North')).toHaveValue('90');
  await paste('170,-10,-170,10');
  await expect.poll(async () => (await shape()).type).toBe('MultiPolygon');
  await expect(bound('West')).toHaveValue('170');
  await expect(bound('East')).toHaveValue('-170');
});
