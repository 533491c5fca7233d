import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, type Locator, type Page, test } from '@playwright/test';

import { OfficialValidator } from '../src/cli/officialValidator';
import { officialExample, openFreshEditor, SHARED, watchPage } from './support';

// The whole job without a mouse: a new blank item filled until it is valid, an ONNX model
// applied through its review dialog, and the item downloaded. Only page.keyboard moves focus and
// acts; locators only check where focus is and what the page shows. Every control focus passes
// on the way must show where focus is.

const FIXTURES = path.resolve(process.cwd(), 'tests/onnx/fixtures');
const MODEL = path.join(FIXTURES, 'conv_nchw.onnx');

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const status = (page: Page) => page.getByRole('status', { name: 'Validation status' });

interface FocusStop {
  reached: boolean;
  label: string;
  visible: boolean;
}

/**
 * Where focus is and whether it shows: an outline on the focused element or the control it
 * belongs to (MUI buttons, chips and checkboxes, the JSON view), or the thick border of a
 * focused MUI text field.
 */
async function focusStop(target: Locator): Promise<FocusStop> {
  return target.evaluate((el) => {
    const active = document.activeElement;
    if (!active || active === document.body) {
      return { reached: false, label: 'nothing', visible: true };
    }
    const outlined = (node: Element | null) => {
      if (!node) {
        return false;
      }
      const style = getComputedStyle(node);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    };
    const field = active.closest('.MuiInputBase-root.Mui-focused');
    const border = field?.querySelector('fieldset');
    const visible =
      // A container focused by script (a dialog as it opens) is not a tab stop.
      active.getAttribute('tabindex') === '-1' ||
      outlined(active) ||
      outlined(active.closest('.Mui-focusVisible')) ||
      outlined(active.closest('.cm-editor.cm-focused')) ||
      (border ? parseFloat(getComputedStyle(border).borderTopWidth) >= 2 : false);
    const name =
      active.getAttribute('aria-label') ??
      (active as HTMLInputElement).labels?.[0]?.textContent ??
      active.textContent?.slice(0, 60) ??
      '';
    return {
      reached: el === active || el.contains(active),
      label: `${active.tagName.toLowerCase()} “${name.trim()}”`,
      visible,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab when the target comes before the focus) until the target has focus,
 * and fails on any control passed on the way whose focus cannot be seen.
 */
async function tabTo(page: Page, target: Locator, max = 250): Promise<void> {
  await target.waitFor();
  const backwards = await target.evaluate((el) => {
    const active = document.activeElement;
    return (
      !!active &&
      active !== document.body &&
      !!(active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)
    );
  });
  const unseen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    let stop = await focusStop(target);
    if (!stop.visible) {
      // CodeMirror marks itself focused a moment after the focus event.
      await page.waitForTimeout(50);
      stop = await focusStop(target);
    }
    if (!stop.visible) {
      unseen.push(stop.label);
    }
    if (stop.reached) {
      expect(unseen, 'controls whose keyboard focus is not visible').toEqual([]);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()} in ${max} presses`);
}

/**
 * Presses Enter on the focused button that opens a file chooser, and chooses `file` in it.
 * Interception is switched on as the page opens (see `interceptFileChoosers`), so a chooser can
 * never open natively (and block every later one) before the test's listener is in place.
 */
async function chooseWithEnter(page: Page, file: string): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await choosing).setFiles(file);
}

function interceptFileChoosers(page: Page): void {
  page.on('filechooser', () => undefined);
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
  await expect(target).toHaveValue(text);
}

test('a new item is filled, completed from an ONNX model and downloaded with the keyboard alone', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const problems = watchPage(page);
  interceptFileChoosers(page);
  await openFreshEditor(page);
  const newItem = page.getByRole('button', { name: 'New item' });

  // New item → Blank item.
  await tabTo(page, newItem);
  await page.keyboard.press('Enter');
  const blank = page.getByRole('menuitem', { name: /Blank item/ });
  await expect(blank).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('menu-focus.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(newItem).toBeFocused();
  await expect(status(page)).toContainText('Blank item');
  await expect(status(page)).toHaveText(/^Invalid/);

  // Model: name, architecture and a task picked from the list with the arrows.
  const model = section(page, 'Model');
  await typeInto(page, model.getByLabel('Model name'), 'Crop type classifier');
  await typeInto(page, model.getByLabel('Architecture'), 'ResNet');
  const tasks = model.getByRole('combobox', { name: 'Tasks' });
  await tabTo(page, tasks);
  await page.keyboard.type('classif');
  await expect(page.getByRole('option', { name: 'classification', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(model.getByRole('button', { name: 'classification', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tasks).toBeFocused();

  // An input and an output, each added with Enter and then named.
  const inputs = section(page, 'Inputs');
  await tabTo(page, inputs.getByRole('button', { name: 'Add Input' }));
  await page.keyboard.press('Enter');
  // A new item takes focus at its first field.
  await expect(inputs.getByLabel('Input name')).toBeFocused();
  await typeInto(page, inputs.getByLabel('Input name'), 'image');
  const outputs = section(page, 'Outputs');
  await tabTo(page, outputs.getByRole('button', { name: 'Add Output' }));
  await page.keyboard.press('Space');
  await typeInto(page, outputs.getByLabel('Output name'), 'scores');

  // The model asset: the blank item's is replaced by "Add Asset"'s usable default.
  const assets = section(page, 'Assets');
  await tabTo(page, assets.getByRole('button', { name: /^Remove Asset/ }).first());
  await page.keyboard.press('Enter');
  // Focus stays in the list rather than falling back to the top of the page.
  await expect(assets.getByRole('button', { name: 'Add Asset' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(assets.getByRole('textbox', { name: 'Key' })).toBeFocused();
  await typeInto(page, assets.getByLabel('URL'), 'https://example.com/models/crop-type.onnx');
  await typeInto(page, assets.getByLabel('Artifact type'), 'onnx');

  // The item's id and date.
  const item = section(page, 'Item');
  await typeInto(page, item.getByRole('textbox', { name: 'ID', exact: true }), 'crop-type');
  await typeInto(page, item.getByLabel('Date and time'), '2024-06-01T00:00:00Z');
  await expect(status(page)).toHaveText(/^Valid/);

  // The ONNX model: Enter on the button opens the file chooser.
  await tabTo(page, page.getByRole('button', { name: 'ONNX model' }));
  await chooseWithEnter(page, MODEL);
  const review = page.getByRole('dialog', { name: /Fill the item from/ });
  await expect(review).toBeVisible();
  // Focus moved into the dialog; Apply is reached with Tab once hashing has finished.
  await expect(review.getByRole('checkbox', { name: /checksum/ })).toBeChecked();
  const totals = review.getByRole('checkbox', { name: 'Fill Total parameters' });
  await tabTo(page, totals);
  await expect(totals).toBeChecked();
  await page.keyboard.press('Space');
  await expect(totals).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(totals).toBeChecked();
  await tabTo(page, review.getByRole('button', { name: 'Apply' }));
  await page.screenshot({ path: testInfo.outputPath('review-apply-focus.png') });
  await page.keyboard.press('Enter');
  await expect(review).toBeHidden();
  await expect(model.getByLabel('Total parameters')).toHaveValue('314');
  await expect(status(page)).toHaveText(/^Valid/);

  // Download JSON, with the keyboard.
  await tabTo(page, page.getByRole('button', { name: 'Download JSON' }));
  await page.screenshot({ path: testInfo.outputPath('download-focus.png') });
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('crop-type.json');
  const doc = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    id: string;
    properties: Record<string, unknown>;
    assets: Record<string, Record<string, unknown>>;
  };
  expect(doc.id).toBe('crop-type');
  expect(doc.properties['mlm:name']).toBe('Crop type classifier');
  expect(doc.properties['mlm:tasks']).toEqual(['classification']);
  expect(doc.properties['mlm:total_parameters']).toBe(314);
  const modelAsset = Object.values(doc.assets).find((a) =>
    (a.roles as string[] | undefined)?.includes('mlm:model'),
  );
  const bytes = readFileSync(MODEL);
  expect(modelAsset?.['file:checksum']).toBe(
    `1220${createHash('sha256').update(bytes).digest('hex')}`,
  );
  expect(new OfficialValidator(SHARED).validate(doc).filter((f) => f.severity === 'error')).toEqual(
    [],
  );

  // From the toolbar through the whole form, the map and the Issues panel to the JSON view:
  // nothing traps focus on the way, and every stop shows it.
  await tabTo(page, page.getByRole('textbox', { name: 'Item JSON' }), 400);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('textbox', { name: 'Item JSON' })).not.toBeFocused();
  expect(problems).toEqual([]);
});

test('moving or removing a list item, or removing a field, keeps keyboard focus in place', async ({
  page,
}) => {
  interceptFileChoosers(page);
  await openFreshEditor(page);
  await tabTo(page, page.getByRole('button', { name: 'Open item JSON' }));
  await chooseWithEnter(page, officialExample('item_multi_io.json'));
  const inputs = section(page, 'Inputs');
  await expect(inputs.getByLabel('Input name').nth(1)).toHaveValue(/\S/);

  // Input 2 moved to the top: its "up" button is disabled, so its "down" button has focus.
  await tabTo(page, inputs.getByRole('button', { name: 'Move Input 2 up' }));
  await page.keyboard.press('Enter');
  await expect(inputs.getByRole('button', { name: 'Move Input 1 down' })).toBeFocused();

  // Removed: the input now in its place has focus.
  await tabTo(page, inputs.getByRole('button', { name: 'Remove Input 1' }));
  await page.keyboard.press('Enter');
  await expect(inputs.getByLabel('Input name')).toHaveCount(2);
  await expect(inputs.getByLabel('Input name').first()).toBeFocused();

  // An optional field removed: its "Add …" button, which takes its place, has focus.
  const model = section(page, 'Model');
  await tabTo(page, model.getByRole('button', { name: 'Remove Framework', exact: true }));
  await page.keyboard.press('Enter');
  await expect(model.getByRole('button', { name: 'Add Framework', exact: true })).toBeFocused();
});
