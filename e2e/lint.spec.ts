import { expect, type Page, test } from '@playwright/test';

import { openFreshEditor, watchPage } from './support';

// Prose rules the schema cannot check, in the editor: a shape that no longer matches its bands
// is flagged in the tensor preview and the Issues panel, and one click fixes it.

const issues = (page: Page) => page.getByRole('region', { name: 'Issues' });
const inputs = (page: Page) => page.getByRole('region', { name: 'Inputs', exact: true });

test('a shape that no longer matches the bands is flagged, fixed in one click, and resolved', async ({
  page,
}, testInfo) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  await page.getByRole('button', { name: 'New item' }).click();
  await page.getByRole('menuitem', { name: /Scene classification/ }).click();
  await expect(issues(page).getByText('MLM-L4')).toHaveCount(0);

  const preview = inputs(page).getByRole('img', { name: /Input “Sentinel-2 L1C patch”/ });
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('aria-label', /\[-1, 13, 64, 64\]/);

  // The bands dimension says 12 while 13 bands are listed.
  const size = inputs(page).getByLabel('Shape: size of bands');
  await size.fill('12');
  await expect(preview).toHaveAttribute('aria-label', /\[-1, 12, 64, 64\]/);
  await expect(preview).toHaveAttribute('aria-label', /issue/);
  const finding = issues(page).getByRole('listitem').filter({ hasText: 'MLM-L4' });
  await expect(finding).toBeVisible();
  // Lint findings never change the schema verdict.
  await expect(page.getByRole('status', { name: 'Validation status' })).toContainText('Valid');
  await page.screenshot({ path: testInfo.outputPath('lint-flagged.png') });
  // The preview links the mismatch to its finding: the field it is about gets the focus.
  await inputs(page)
    .getByRole('list', { name: /Issues of/ })
    .getByRole('button', { name: /13 bands are listed/ })
    .click();
  await expect(size).toBeFocused();

  await finding.getByRole('button', { name: /Set the bands dimension to 13/ }).click();
  await expect(size).toHaveValue('13');
  await expect(issues(page).getByText('MLM-L4')).toHaveCount(0);
  await expect(preview).not.toHaveAttribute('aria-label', /issue/);
  expect(problems).toEqual([]);
});
