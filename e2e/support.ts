import { existsSync } from 'node:fs';
import path from 'node:path';

import { expect, type Page } from '@playwright/test';

export const SHARED = path.resolve(process.cwd(), '../shared');

/** An official example, failing with a clear message when ../shared is missing. */
export function officialExample(name: string): string {
  const file = path.join(SHARED, 'mlm', 'examples', name);
  if (!existsSync(file)) {
    throw new Error(
      `Missing ${file}: the end-to-end tests open the official MLM examples from ${SHARED} (../shared next to the project).`,
    );
  }
  return file;
}

/** Collects console errors, page errors and any request that leaves this machine. */
export function watchPage(page: Page): string[] {
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

/** Starts from an empty browser profile state: no saved drafts. */
export async function openFreshEditor(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase('stac-mlm-editor');
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await page.getByRole('region', { name: 'Item form' }).waitFor();
}

/**
 * Waits until every section of the form is built: they are built one by one when the browser is
 * idle, and a place scrolled to before that moves as the sections above it grow.
 */
export async function formBuilt(page: Page): Promise<void> {
  await expect(page.locator('section[aria-busy="true"]')).toHaveCount(0);
}
