import { readFileSync, writeFileSync } from 'node:fs';

import { expect, type Page, test, type TestInfo } from '@playwright/test';

import { officialExample, openFreshEditor, watchPage } from './support';

// Hostile items opened with "Open item JSON": markup in every kind of text field, javascript:
// links and hrefs, prototype-ish keys and split names, 10,000-deep nesting, NaN, binary bytes and
// a 50 MB file. Nothing may run (no dialog, no injected element), no javascript: link may exist,
// the page must stay usable, and a broken file must leave the work already there untouched.

const XSS = (n: number) => `<img src=x onerror=alert(${n})>`;
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const modelName = (page: Page) => section(page, 'Model').getByLabel('Model name');

/** Fails the test on any alert, confirm or prompt; dismisses it so the page goes on. */
function forbidDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** Elements a hostile string would have created or made clickable, described in words. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
        const value = el.getAttribute(name);
        // Browsers drop tabs, newlines and leading control characters before reading a scheme.
        // eslint-disable-next-line no-control-regex
        const scheme = value?.replace(/[\u0000-\u0020]/gu, '').toLowerCase() ?? '';
        // data: is fine for an image, not for a link or a form target.
        const script =
          name === 'src' ? /^(javascript|vbscript):/u : /^(javascript|vbscript|data):/u;
        if (script.test(scheme)) {
          found.push(`<${el.tagName.toLowerCase()} ${name}="${value ?? ''}">`);
        }
      }
      if (Array.from(el.attributes).some((a) => a.name.startsWith('on'))) {
        found.push(`<${el.tagName.toLowerCase()}> with an event handler attribute`);
      }
      if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') {
        found.push('<img src=x>');
      }
    }
    const probe: Record<string, unknown> = {};
    if (probe.polluted !== undefined || Object.keys(Object.prototype).length > 0) {
      found.push('Object.prototype was polluted');
    }
    return found;
  });
}

/** The page is not blank: the header and the form (or a clear message) are on screen. */
async function expectUsablePage(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Item form' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Validation status' })).toBeVisible();
}

function writeItem(testInfo: TestInfo, name: string, text: string | Buffer): string {
  const file = testInfo.outputPath(name);
  writeFileSync(file, text);
  return file;
}

/** item_basic.json with hostile text everywhere a person would type, as JSON text. */
function hostileItemText(): string {
  const doc = JSON.parse(readFileSync(officialExample('item_basic.json'), 'utf8')) as {
    stac_extensions: string[];
    properties: Record<string, unknown>;
    assets: Record<string, Record<string, unknown>>;
    links: unknown[];
  };
  const props = doc.properties;
  doc.stac_extensions.push('https://stac-extensions.github.io/ml-aoi/v0.2.0/schema.json');
  props.title = XSS(1);
  props.description = `<script>alert(2)</script>${XSS(3)} [click](javascript:alert(4))`;
  props.keywords = [XSS(5), 'javascript:alert(6)', '"><svg onload=alert(7)>'];
  props['mlm:name'] = XSS(8);
  props['mlm:architecture'] = '<b onmouseover=alert(9)>ResNet</b>';
  props.providers = [{ name: XSS(10), url: 'javascript:alert(11)', roles: ['producer'] }];
  const output = (props['mlm:output'] as Record<string, unknown>[])[0] as Record<string, unknown>;
  output['classification:classes'] = [
    { value: 0, name: XSS(12), description: XSS(13), color_hint: '000000' },
    { value: 1, name: 'constructor', description: '__proto__', color_hint: 'FFFFFF' },
  ];
  delete output.classification_classes;
  doc.assets.model = {
    ...doc.assets.model,
    href: 'javascript:alert(14)',
    title: XSS(15),
  };
  doc.assets[XSS(16)] = { href: ' JaVaScRiPt:alert(17)', roles: ['data'], title: 'java\tscript' };
  doc.links = [
    { rel: 'self', href: 'javascript:alert(18)', title: XSS(19) },
    { rel: 'license', href: 'data:text/html,<script>alert(20)</script>' },
    { rel: 'derived_from', href: 'javascript:alert(21)', title: XSS(22), 'ml-aoi:split': 'train' },
    { rel: 'derived_from', href: 'constructor', 'ml-aoi:split': 'constructor' },
  ];
  // "__proto__" members can only be written as text: JSON.stringify of an object literal drops them.
  return JSON.stringify(doc, null, 2)
    .replace('"properties": {', '"properties": {\n    "__proto__": {"polluted": "properties"},')
    .replace('"assets": {', '"assets": {\n    "__proto__": {"href": "javascript:alert(23)"},');
}

test('a hostile item opens as plain text: nothing runs, no javascript: link, no injected element', async ({
  page,
}, testInfo) => {
  const dialogs = forbidDialogs(page);
  const problems = watchPage(page);
  await openFreshEditor(page);
  await page
    .getByLabel('Open item JSON')
    .setInputFiles(writeItem(testInfo, 'hostile-item.json', hostileItemText()));

  // The markup is shown as the text it is.
  await expect(modelName(page)).toHaveValue(XSS(8));
  await expectUsablePage(page);
  // Every section is rendered (the form lays them out lazily), so every field shows its text.
  for (const name of ['Item', 'Outputs', 'Assets', 'Training data', 'Footprint']) {
    const region = section(page, name);
    await region.scrollIntoViewIfNeeded();
    await expect(region).toBeVisible();
  }
  await expect(
    section(page, 'Item').getByRole('textbox', { name: 'Title', exact: true }),
  ).toHaveValue(XSS(1));
  const training = page.getByRole('list', { name: 'Training data' });
  await expect(training).toContainText(XSS(22));
  // An href or split called "constructor" is a name like any other, not an opened extent.
  await expect(training.getByRole('listitem').filter({ hasText: 'constructor' })).toContainText(
    'Extent not loaded',
  );
  await expect(
    page.getByRole('button', { name: 'Use training extent as footprint' }),
  ).toBeDisabled();
  // onerror fires asynchronously, after the image fails to load: give it the chance.
  await page.waitForTimeout(1_000);
  await section(page, 'Training data').screenshot({
    path: testInfo.outputPath('hostile-training-data.png'),
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('hostile-item.png') });

  expect(await injected(page)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
});

test('broken and huge files get a clear message and leave the work already there', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const dialogs = forbidDialogs(page);
  const problems = watchPage(page);
  await openFreshEditor(page);
  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
  await expect(modelName(page)).toHaveValue('example-model');
  await modelName(page).fill('My precious model');
  await expect(modelName(page)).toHaveValue('My precious model');

  const basic = readFileSync(officialExample('item_basic.json'), 'utf8');
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const huge = Buffer.alloc(50 * 1024 * 1024, 'x');
  huge.write('{"type":"Feature","properties":{"description":"');
  huge.write('"}}', huge.length - 3);
  const broken: { name: string; content: string | Buffer; message: RegExp }[] = [
    {
      name: 'nan.json',
      content: basic.replace('"bbox": [', '"bbox": [NaN, '),
      message: /nan\.json is not valid JSON: Not valid JSON at line \d+, column \d+/u,
    },
    {
      name: 'deep.json',
      content: basic.replace('"properties": {', `"properties": {\n    "x": ${deep},`),
      message:
        /deep\.json is not valid JSON: The JSON is nested more than \d+ levels deep at line \d+, column \d+/u,
    },
    {
      name: 'truncated.json',
      content: basic.slice(0, basic.length / 2),
      message: /truncated\.json is not valid JSON: Not valid JSON at line \d+, column \d+/u,
    },
    {
      name: 'binary.json',
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]),
      message: /binary\.json looks like a binary file, not JSON text/u,
    },
    {
      name: 'huge.json',
      content: huge,
      message: /huge\.json is 52\.4 MB; the editor opens item files up to \d+(\.\d)? MB/u,
    },
  ];
  for (const { name, content, message } of broken) {
    await page.getByLabel('Open item JSON').setInputFiles(writeItem(testInfo, name, content));
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expectUsablePage(page);
    await expect(modelName(page), `after ${name}`).toHaveValue('My precious model');
  }
  await page.screenshot({ path: testInfo.outputPath('after-broken-files.png') });

  // The JSON view holds the last broken text with its error; a good file opens as usual after it.
  await page.getByLabel('Open item JSON').setInputFiles(officialExample('item_basic.json'));
  await expect(page.getByRole('status', { name: 'Validation status' })).toHaveText(/^Valid/);
  expect(await injected(page)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
});
