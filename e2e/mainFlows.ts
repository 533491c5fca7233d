import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, type Page, test } from '@playwright/test';

import { drag, mapProjection } from './mapSupport';
import { officialExample, openFreshEditor } from './support';

// Every main flow of the editor, one after the other, as a user does them: e2e/csp.spec.ts runs
// them under the Content-Security-Policy listeners and e2e/offline.spec.ts under the request
// recorder, so both cover everything the app loads and runs (lazy chunks, both workers, wasm,
// the basemap, the dialogs, the download).

const ONNX_MODEL = path.resolve(process.cwd(), 'tests/onnx/fixtures/conv_nchw.onnx');

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Runs every flow and returns the downloaded item, already checked against what was done. */
export async function runMainFlows(page: Page): Promise<Record<string, unknown>> {
  await test.step('load the editor with no saved draft', async () => {
    await openFreshEditor(page);
    await expect(page.getByRole('status', { name: 'Validation status' })).toBeVisible();
  });

  await test.step('open an item file', async () => {
    await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
    await expect(
      section(page, 'Item').getByRole('textbox', { name: 'ID', exact: true }),
    ).toHaveValue('example-model');
  });

  await test.step('start a new item from a template', async () => {
    await page.getByRole('button', { name: 'New item' }).click();
    await page.getByRole('menuitem', { name: /Scene classification/ }).click();
    await expect(section(page, 'Inputs').getByLabel('Input name')).toHaveValue(/\S/);
  });

  await test.step('fix a lint finding in one click', async () => {
    const size = section(page, 'Inputs').getByLabel('Shape: size of bands');
    await size.fill('12');
    const finding = page
      .getByRole('region', { name: 'Issues' })
      .getByRole('listitem')
      .filter({ hasText: 'MLM-L4' });
    await finding.getByRole('button', { name: /Set the bands dimension to 13/ }).click();
    await expect(size).toHaveValue('13');
    await expect(finding).toHaveCount(0);
  });

  await test.step('read an ONNX model, hash it and apply the review', async () => {
    await page.getByLabel('ONNX model').setInputFiles(ONNX_MODEL);
    const review = page.getByRole('dialog', { name: /Fill the item from/ });
    await expect(review.getByText(/314 parameters/)).toBeVisible();
    // The checksum row appears once the worker has hashed the file with hash-wasm.
    const checksum = review.getByRole('checkbox', { name: /checksum/ });
    await checksum.check();
    await review.getByRole('checkbox', { name: 'Fill Total parameters' }).check();
    await review.getByRole('button', { name: 'Apply' }).click();
    await expect(review).toBeHidden();
    await expect(section(page, 'Model').getByLabel('Total parameters')).toHaveValue('314');
  });

  await test.step('draw the footprint on the map', async () => {
    const footprint = section(page, 'Footprint');
    // The section may be swapped for a fresh one while the new item's form settles.
    await expect(async () => footprint.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
    const map = page.getByRole('region', { name: 'Footprint map' });
    await expect(map).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
    await map.getByRole('button', { name: 'Draw rectangle' }).click();
    const projection = await mapProjection(page);
    await drag(page, projection.toPage([0, 10]), projection.toPage([30, 40]));
    await expect(footprint.getByLabel('West')).not.toHaveValue('');
  });

  return test.step('download the item', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download JSON' }).click();
    const download = await downloading;
    const doc = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
    const properties = doc.properties as Record<string, unknown>;
    expect(properties['mlm:total_parameters']).toBe(314);
    const model = (doc.assets as Record<string, Record<string, unknown>>).model;
    const sha256 = createHash('sha256').update(readFileSync(ONNX_MODEL)).digest('hex');
    expect(model?.['file:checksum']).toBe(`1220${sha256}`);
    expect((doc.geometry as { type: string }).type).toBe('Polygon');
    expect(doc.bbox).toHaveLength(4);
    return doc;
  });
}
