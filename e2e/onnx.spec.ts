import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { OfficialValidator } from '../src/cli/officialValidator';
import { openFreshEditor, SHARED, watchPage } from './support';

const FIXTURES = path.resolve(process.cwd(), 'tests/onnx/fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);

const dialog = (page: Page) => page.getByRole('dialog', { name: /Fill the item from/ });
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function downloadJson(page: Page, confirmInvalid = false): Promise<Record<string, unknown>> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  if (confirmInvalid) {
    // The blank item still lacks its id, name and dates: saving it as a draft is confirmed.
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Save|Download/ })
      .click();
  }
  const download = await downloading;
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
}

test('an ONNX model fills the empty fields of a new item after review, marked “from ONNX”', async ({
  page,
}, testInfo) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  await page.getByRole('button', { name: 'New item' }).click();
  await page.getByRole('menuitem', { name: /Blank item/ }).click();

  await page.getByLabel('ONNX model').setInputFiles(fixture('conv_nchw.onnx'));
  const review = dialog(page);
  await expect(review).toBeVisible();
  await expect(review.getByText(/314 parameters/)).toBeVisible();
  // Empty fields start checked; the checksum row appears once hashing has finished.
  for (const name of [
    'Fill Total parameters',
    'Fill Memory size',
    'Fill Framework',
    'Fill Input “images”',
    'Fill Output “logits”',
  ]) {
    await expect(review.getByRole('checkbox', { name })).toBeChecked();
  }
  await expect(review.getByRole('checkbox', { name: /checksum/ })).toBeChecked();
  await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
  await page.screenshot({ path: testInfo.outputPath('onnx-review.png') });
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await review.getByRole('button', { name: 'Apply' }).click();
  await expect(review).toBeHidden();

  const model = section(page, 'Model');
  const total = model.getByLabel('Total parameters');
  await expect(total).toHaveValue('314');
  await expect(model.getByText('from ONNX').first()).toBeVisible();
  await expect(section(page, 'Inputs').getByLabel('Input name')).toHaveValue('images');
  await page.screenshot({ path: testInfo.outputPath('onnx-applied.png') });

  const doc = await downloadJson(page, true);
  const properties = doc.properties as Record<string, unknown>;
  expect(properties['mlm:total_parameters']).toBe(314);
  expect(properties['mlm:framework']).toBe('ONNX');
  const [input] = properties['mlm:input'] as { name: string; input: { shape: number[] } }[];
  expect(input?.input.shape).toEqual([-1, 3, 32, 32]);
  const bytes = readFileSync(fixture('conv_nchw.onnx'));
  const asset = (doc.assets as Record<string, Record<string, unknown>>).model;
  expect(asset?.['file:checksum']).toBe(`1220${createHash('sha256').update(bytes).digest('hex')}`);
  expect(asset?.['file:size']).toBe(bytes.length);
  expect(asset?.['mlm:artifact_type']).toBe('onnx');

  // Editing a filled field takes its mark away (and only its mark).
  await expect(page.getByRole('dialog')).toBeHidden();
  const marks = model.getByText('from ONNX');
  await expect(marks).toHaveCount(3);
  await total.fill('315');
  await expect(marks).toHaveCount(2);
  expect(problems).toEqual([]);
});

test('values the item already has are conflicts, unchecked with the difference shown', async ({
  page,
}) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  await page.getByRole('button', { name: 'New item' }).click();
  await page.getByRole('menuitem', { name: /Scene classification/ }).click();

  await page.getByLabel('ONNX model').setInputFiles(fixture('conv_nchw.onnx'));
  const review = dialog(page);
  const totalRow = review.getByRole('row').filter({ hasText: 'Total parameters' });
  await expect(totalRow).toContainText('differs');
  await expect(totalRow).toContainText('23,524,424');
  await expect(totalRow).toContainText('314');
  await expect(review.getByRole('checkbox', { name: 'Fill Total parameters' })).not.toBeChecked();
  const checksum = review.getByRole('checkbox', { name: /checksum/ });
  await expect(checksum).not.toBeChecked();
  await review.getByRole('checkbox', { name: 'Fill Total parameters' }).check();
  await checksum.check();
  await review.getByRole('button', { name: 'Apply' }).click();

  const doc = await downloadJson(page);
  expect((doc.properties as Record<string, unknown>)['mlm:total_parameters']).toBe(314);
  // The rest of the template is untouched, and the item still passes the official schemas.
  expect((doc.properties as Record<string, unknown>)['mlm:framework']).toBe('PyTorch');
  expect(new OfficialValidator(SHARED).validate(doc)).toEqual([]);
  expect(problems).toEqual([]);
});

test('files that are not ONNX models, or are cut short, are refused with the reason', async ({
  page,
}) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  const picker = page.getByLabel('ONNX model');
  const review = dialog(page);

  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  await picker.setInputFiles({ name: 'model.onnx', mimeType: 'image/png', buffer: png });
  await expect(review.getByRole('alert')).toContainText(/PNG/);
  await review.getByRole('button', { name: 'Cancel' }).click();

  const lfs = 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n';
  await picker.setInputFiles({ name: 'model.onnx', mimeType: '', buffer: Buffer.from(lfs) });
  await expect(review.getByRole('alert')).toContainText(/Git LFS/);
  await review.getByRole('button', { name: 'Cancel' }).click();

  const whole = readFileSync(fixture('conv_nchw.onnx'));
  const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
  await picker.setInputFiles({ name: 'cut.onnx', mimeType: '', buffer: cut });
  await expect(review.getByRole('alert')).toContainText(/ends inside/);
  await expect(review.getByRole('alert')).toContainText(/at byte/);
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(section(page, 'Model').getByLabel('Model name')).toBeVisible();
  expect(problems).toEqual([]);
});

/** Drops files on the page the way a file manager does. */
async function dropFiles(page: Page, files: { name: string; path: string }[]): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name,
    data: readFileSync(f.path).toString('base64'),
  }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const { name, data } of list) {
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
    }
    document
      .querySelector('main')
      ?.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
  }, payload);
}

test('a model dropped on the page is applied, and the downloaded item passes the official schemas', async ({
  page,
}) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  await page.getByRole('button', { name: 'New item' }).click();
  await page.getByRole('menuitem', { name: /Scene classification/ }).click();

  await dropFiles(page, [{ name: 'conv_nchw.onnx', path: fixture('conv_nchw.onnx') }]);
  const review = dialog(page);
  await review.getByRole('checkbox', { name: 'Fill Total parameters' }).check();
  await review.getByRole('checkbox', { name: 'Fill Memory size' }).check();
  await review.getByRole('checkbox', { name: /checksum/ }).check();
  await review.getByRole('button', { name: 'Apply' }).click();

  const doc = await downloadJson(page);
  const properties = doc.properties as Record<string, unknown>;
  expect(properties['mlm:total_parameters']).toBe(314);
  expect(properties['mlm:memory_size']).toBe(1256);
  expect(new OfficialValidator(SHARED).validate(doc)).toEqual([]);
  expect(problems).toEqual([]);
});

test('a newer version of the model shows what changed, and keeps the user’s own edits', async ({
  page,
}) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  await page.getByRole('button', { name: 'New item' }).click();
  await page.getByRole('menuitem', { name: /Blank item/ }).click();
  const review = dialog(page);
  await page.getByLabel('ONNX model').setInputFiles(fixture('conv_nchw.onnx'));
  await expect(review.getByRole('checkbox', { name: /checksum/ })).toBeChecked();
  await review.getByRole('button', { name: 'Apply' }).click();
  await expect(review).toBeHidden();
  // The user sets the memory size by hand: a later model file must not overwrite it silently.
  await section(page, 'Model').getByLabel('Memory size (bytes)').fill('999999');

  await dropFiles(page, [{ name: 'conv_v2.onnx', path: fixture('nhwc_multi_opset.onnx') }]);
  await expect(review).toBeVisible();
  const totalRow = review.getByRole('row').filter({ hasText: 'Total parameters' });
  await expect(totalRow).toContainText('changed in the model');
  await expect(totalRow).toContainText('314');
  await expect(totalRow).toContainText('432');
  await expect(review.getByRole('checkbox', { name: 'Fill Total parameters' })).toBeChecked();
  await expect(review.getByRole('row').filter({ hasText: 'Memory size' })).toContainText('differs');
  await expect(review.getByRole('checkbox', { name: 'Fill Memory size' })).not.toBeChecked();
  await expect(review.getByRole('checkbox', { name: 'Fill Framework' })).toBeDisabled();
  expect(problems).toEqual([]);
});

test('a model dropped with its external data file is matched, and a dropped model opens the review', async ({
  page,
}) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  const model = readFileSync(fixture('external_data.onnx')).toString('base64');
  const data = readFileSync(fixture('external_data.bin')).toString('base64');
  await page.evaluate(
    ([m, d]) => {
      const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes(m)], 'external_data.onnx'));
      transfer.items.add(new File([bytes(d)], 'external_data.bin'));
      document
        .querySelector('main')
        ?.dispatchEvent(
          new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    },
    [model, data] as const,
  );
  const review = dialog(page);
  await expect(review).toBeVisible();
  await expect(review.getByRole('checkbox', { name: 'Fill Total parameters' })).toBeVisible();
  await expect(review.getByText(/external_data\.bin/).first()).toBeVisible();
  expect(problems).toEqual([]);
});
