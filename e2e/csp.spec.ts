import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, type Page, test, type Worker } from '@playwright/test';
import { loadEnv } from 'vite';

import {
  basemapConfig,
  contentSecurityPolicy,
  type CspDelivery,
} from '../scripts/contentSecurityPolicy';
import { runMainFlows } from './mainFlows';
import { openFreshEditor, watchPage } from './support';
import { watchCsp } from './watchCsp';

// The Content-Security-Policy of the built app: present as a header and as a <meta> tag, strict
// (no eval, no inline script, connections to the app's origin only), and never tripped by anything
// the app does, in the page or in its workers.

const DIST = path.resolve(process.env.E2E_DIST ?? 'dist');
// What `vite preview` (mode production) and the build read for the basemap, as the plugin does.
const { origins } = basemapConfig(loadEnv('production', process.cwd(), 'VITE_'));
const expected = (delivery: CspDelivery) =>
  contentSecurityPolicy({ basemapOrigins: origins }, delivery);

function directivesOf(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name) {
      expect(directives.has(name), `${name} is given twice`).toBe(false);
      directives.set(name.toLowerCase(), sources);
    }
  }
  return directives;
}

/** What makes the policy strict, checked on its own rather than against its definition. */
function expectStrict(policy: string, delivery: CspDelivery) {
  expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'/u);
  const directives = directivesOf(policy);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  // WebAssembly compilation for hash-wasm, nothing else: no inline code, eval, data: or hosts.
  expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives.has('script-src-elem') || directives.has('script-src-attr')).toBe(false);
  expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'self'"]);
  expect(directives.get('font-src')).toEqual(["'self'"]);
  expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  const [self, ...basemap] = directives.get('connect-src') ?? [];
  expect(self).toBe("'self'");
  expect(basemap).toEqual(origins);
  for (const origin of basemap) {
    expect(origin).toMatch(/^https:\/\/[^/*]+$/u);
  }
  if (delivery === 'header') {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  } else {
    // Browsers ignore it in a <meta> tag and warn about it.
    expect(directives.has('frame-ancestors')).toBe(false);
  }
}

test('the built app carries a strict policy as a header and as its first <meta> tag', async ({
  page,
  request,
}) => {
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toBe(expected('header'));
  expectStrict(header, 'header');

  const meta = await page.evaluate(() => {
    const head = [...document.head.children];
    const tag = head.find(
      (e) => e.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy',
    );
    const first = head.findIndex((e) => e.matches('script, link, style'));
    return {
      content: tag?.getAttribute('content') ?? '',
      // A <meta> policy only covers what comes after it.
      beforeEverything: tag !== undefined && (first === -1 || head.indexOf(tag) < first),
    };
  });
  expect(meta.content).toBe(expected('meta'));
  expect(meta.beforeEverything).toBe(true);
  expectStrict(meta.content, 'meta');

  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/iu);
  expect(html).not.toMatch(/\son[a-z]+=/iu);
  // Workers get the policy of their own script's response, not the page's <meta>.
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/gu)].map((m) => m[1] ?? '');
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const asset = await request.get(src);
    expect(asset.headers()['content-security-policy'], src).toBe(expected('header'));
  }
});

test('the main flows trip no policy violation in the page or in its workers', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchPage(page);
  const violations = await watchCsp(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  await runMainFlows(page);

  // Both workers ran under the listeners: the ONNX reader (wasm hashing) and maplibre's.
  expect(workers.some((url) => url.includes('onnxWorker'))).toBe(true);
  expect(workers.some((url) => url.includes('maplibre-gl-worker'))).toBe(true);
  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
});

// The Function constructor or eval reached in code: called, aliased or passed on. Prose such as
// "Function(s) applied" is not code.
const EVAL =
  /(?<![\w$.])(?:new\s+Function\b|Function\s*\(\s*[`'"]|Function(?=\s*[,;)\]])|eval\s*\()/u;

test('the bundle has no Ajv, and no eval but zod’s compiler, which jitless mode turns off', () => {
  const assets = path.join(DIST, 'assets');
  const scripts = readdirSync(assets).filter((name) => /\.m?js$/u.test(name));
  expect(scripts.length).toBeGreaterThan(0);
  const withEval: string[] = [];
  for (const name of scripts) {
    const text = readFileSync(path.join(assets, name), 'utf8');
    // The official-schema validator (Ajv compiles schemas to code) is for the CLI only.
    expect(text, name).not.toMatch(/\bajv\b/iu);
    if (EVAL.test(text)) {
      withEval.push(name);
    }
  }
  // zod's object-parser compiler and its eval probe, both skipped under z.config({ jitless: true })
  // (the flows test proves it at run time).
  for (const name of withEval) {
    const text = readFileSync(path.join(assets, name), 'utf8');
    expect(text, name).toMatch(/jitless/u);
    expect(text, name).toMatch(/ZodError|\$ZodType|_zod/u);
  }
  expect(withEval.length).toBeLessThanOrEqual(1);
});

/**
 * Breaks the policy from inside `target`, as a page script would: a string handed to setTimeout
 * (eval) and a fetch to another origin. Code that Playwright evaluates directly is exempt from the
 * policy (DevTools may eval), so the breaches run later, from the page's or worker's own timer.
 */
async function breakPolicy(
  target: Page | Worker,
): Promise<{ evaluated: boolean; fetched: string }> {
  const breach = async () => {
    const scope = globalThis as typeof globalThis & { evaluatedAnyway?: boolean };
    setTimeout('globalThis.evaluatedAnyway = true', 0);
    const fetched = await new Promise<string>((resolve) =>
      setTimeout(() => {
        fetch('https://blocked.invalid/').then(
          () => resolve('fetched'),
          (error: unknown) => resolve(error instanceof Error ? error.name : String(error)),
        );
      }, 0),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { evaluated: scope.evaluatedAnyway === true, fetched };
  };
  return 'mainFrame' in target ? target.evaluate(breach) : target.evaluate(breach);
}

test('the policy binds the page and the ONNX worker, and the listeners see it broken', async ({
  page,
}) => {
  const violations = await watchCsp(page);
  await openFreshEditor(page);
  const onnxWorker = page.waitForEvent('worker', (w) => w.url().includes('onnxWorker'));
  await page
    .getByLabel('ONNX model')
    .setInputFiles(path.resolve('tests/onnx/fixtures/conv_nchw.onnx'));
  const worker = await onnxWorker;
  await expect(page.getByRole('dialog', { name: /Fill the item from/ })).toBeVisible();

  // Deliberate breaches, to prove the listeners would catch the app's own.
  const blocked = { evaluated: false, fetched: 'TypeError' };
  expect(await breakPolicy(page)).toEqual(blocked);
  expect(await breakPolicy(worker)).toEqual(blocked);
  await expect
    .poll(async () => {
      const seen = await violations();
      const found = (where: RegExp, directive: string) =>
        seen.some((v) => where.test(v) && v.includes(directive));
      return {
        pageEval: found(/^page: /u, 'script-src'),
        pageFetch: found(/^page: /u, 'connect-src'),
        workerEval: found(/^worker \S*onnxWorker/u, 'script-src'),
        workerFetch: found(/^worker \S*onnxWorker/u, 'connect-src'),
      };
    })
    .toEqual({ pageEval: true, pageFetch: true, workerEval: true, workerFetch: true });
});
