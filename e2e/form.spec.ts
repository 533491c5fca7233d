import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';

// The schema form in a real browser, on its demo page (src/form/demo): the MLM editor schema
// with 200 bands and 1,000 classes. The page is not part of the app build, so this spec serves
// it with its own Vite dev server.

let server: ViteDevServer;
let url: string;

test.beforeAll(async () => {
  server = await createServer({
    configFile: path.resolve('vite.config.ts'),
    root: path.resolve('src/form/demo'),
    server: { host: '127.0.0.1', port: 5199, strictPort: false },
    logLevel: 'error',
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5199/';
});

test.afterAll(async () => {
  await server.close();
});

async function openDemo(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await expect(page.getByLabel('Model name')).toHaveValue('Demo model', { timeout: 30_000 });
  return problems;
}

/** The document the form holds, as JSON text (the demo publishes it on every change). */
const documentText = (page: Page) =>
  page.evaluate(() => JSON.stringify(window.__formDemoDocument ?? null, null, 2));

async function expectDocument(page: Page, matcher: (text: string) => boolean) {
  await expect.poll(async () => matcher(await documentText(page))).toBe(true);
}

test('edits fields found by their labels', async ({ page }) => {
  const problems = await openDemo(page);
  await page.getByLabel('Model name').fill('Renamed model');
  await expectDocument(page, (t) => t.includes('"mlm:name": "Renamed model"'));

  const properties = page.getByRole('group', { name: 'Properties' });
  await properties.getByRole('button', { name: 'Add Framework version' }).click();
  await properties.getByLabel('Framework version').fill('2.1.0');
  await expectDocument(page, (t) => t.includes('"mlm:framework_version": "2.1.0"'));
  await properties.getByRole('button', { name: 'Remove Framework version' }).click();
  await expectDocument(page, (t) => !t.includes('mlm:framework_version'));

  const input = page.getByRole('group', { name: /^Input 1/ });
  await input.getByLabel('Shape').fill('8');
  await input.getByLabel('Shape').press('Enter');
  await expectDocument(page, (t) => /"shape": \[\s*-1,\s*200,\s*64,\s*64,\s*8\s*\]/u.test(t));

  await page.getByLabel('learning_rate').fill('0.01');
  await expectDocument(page, (t) => t.includes('"learning_rate": 0.01'));
  expect(problems).toEqual([]);
});

test('shows errors by pointer and focuses a field deep in a long list', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Show errors' }).click();
  await expect(page.getByLabel('Model name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The name must not contain spaces (demo error).')).toBeVisible();

  await page.getByRole('button', { name: 'Focus class 501' }).click();
  const card = page.getByRole('group', { name: 'Class 501 — class_500' });
  await expect(card.getByLabel('Name')).toBeFocused();
  await expect(card.getByText('1 problem')).toBeVisible();
  // Only the visible part of the 1,000 classes is in the page.
  expect(await page.getByRole('group', { name: /^Class \d+/ }).count()).toBeLessThan(60);
});

test('has no accessibility violations in the form', async ({ page }) => {
  await openDemo(page);
  const results = await new AxeBuilder({ page }).include('form').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});
