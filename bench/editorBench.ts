import { preview } from 'vite';
import type { Browser, Page } from '@playwright/test';

import { FIRST_LOAD_BUDGET, firstLoad, formatKb } from '../scripts/firstLoadBudget';
import { launchChromium } from './browser';
import {
  EDITOR_BENCH_SIZE,
  largeItem,
  type LargeItemSize,
  VALIDATION_BENCH_SIZE,
} from './largeItem';

// The built editor in Chromium. First load: the JavaScript it fetches and the time to an
// interactive form with the CPU slowed 4×. Large items: the first render after the item is
// dropped, and each keystroke until its validation is on screen. Run after `vite build` (npm run
// bench does both).

const RENDER_RUNS = 5;
const LOAD_RUNS = 5;
const CPU_SLOWDOWN = 4;
/** Keys typed into each field; two fields per item, so 2 × this many samples. */
const KEYS_PER_FIELD = 60;
const VIEWPORT = { width: 1440, height: 900 };

/**
 * Drops the item on the editor and resolves with the time until its form is on screen (the
 * first sections), and until every section is built.
 */
async function dropAndWait(json: string): Promise<{ first: number; complete: number }> {
  const transfer = new DataTransfer();
  transfer.items.add(new File([json], 'large.json', { type: 'application/json' }));
  const start = performance.now();
  document
    .querySelector('main')
    ?.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
  let first: number | undefined;
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now() - start;
    if (first === undefined && document.querySelector('input[value="Large benchmark model"]')) {
      first = now;
    }
    if (first !== undefined && !document.querySelector('main section[aria-busy="true"]')) {
      return { first, complete: now };
    }
    if (now > 60_000) {
      throw new Error('The large item did not render within 60 s');
    }
  }
}

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const fmt = (n: number) => `${n.toFixed(1)} ms`;

/** Types `count` keys into the focused field; each sample runs from keydown to the mark. */
async function typeKeys(page: Page, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await page.evaluate(() => {
      performance.clearMarks('mlm:validated');
      const w = window as unknown as { __keyAt?: number };
      document.addEventListener('keydown', () => (w.__keyAt = performance.now()), {
        once: true,
        capture: true,
      });
    });
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    const elapsed = await page.evaluate(async () => {
      const w = window as unknown as { __keyAt?: number };
      for (let n = 0; n < 600; n += 1) {
        const mark = performance.getEntriesByName('mlm:validated').at(-1);
        if (mark && w.__keyAt !== undefined && mark.startTime >= w.__keyAt) {
          return mark.startTime - w.__keyAt;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      return NaN;
    });
    samples.push(elapsed);
  }
  return samples;
}

async function benchItem(browser: Browser, url: string, size: LargeItemSize, title: string) {
  const text = JSON.stringify(largeItem(size));
  // Each drop on a fresh page with empty storage (no draft to restore), as a first visit.
  const renders: number[] = [];
  const completes: number[] = [];
  let page = await browser.newPage({ viewport: VIEWPORT });
  for (let run = 0; run < RENDER_RUNS; run += 1) {
    if (run > 0) {
      await page.context().close();
      page = await browser.newPage({ viewport: VIEWPORT });
    }
    await page.goto(url);
    await page.getByRole('region', { name: 'Item form' }).waitFor();
    const { first, complete } = await page.evaluate(dropAndWait, text);
    renders.push(first);
    completes.push(complete);
  }
  // Lazily loaded parts (lint, previews, widgets) settle before typing starts.
  await page.waitForTimeout(1000);

  // The model name (its own field only) and the name of the first class (which also redraws the
  // output's preview and the pipeline strip).
  const samples: number[] = [];
  for (const field of [
    page.getByLabel('Model name'),
    page.getByLabel('Name of class 1', { exact: true }),
  ]) {
    await field.click();
    await page.keyboard.press('End');
    samples.push(...(await typeKeys(page, KEYS_PER_FIELD)));
  }
  await page.context().close();
  console.log(`\nEditor in Chromium, ${title}`);
  console.log(
    `first render after drop (${RENDER_RUNS} runs)        median ${fmt(percentile(renders, 0.5))}   worst ${fmt(Math.max(...renders))}   (target ≤ 500 ms)`,
  );
  console.log(
    `every section built (${RENDER_RUNS} runs)            median ${fmt(percentile(completes, 0.5))}   worst ${fmt(Math.max(...completes))}`,
  );
  console.log(
    `keystroke → validation on screen (${samples.length} keys)   median ${fmt(percentile(samples, 0.5))}   p95 ${fmt(percentile(samples, 0.95))}   worst ${fmt(Math.max(...samples))}   (target p95 ≤ 16 ms)`,
  );
}

/** A first visit (empty cache and storage) with the CPU slowed down, until the form takes input. */
async function benchFirstLoad(browser: Browser, url: string) {
  const times: number[] = [];
  const shown: number[] = [];
  let scriptBytes = 0;
  for (let run = 0; run < LOAD_RUNS; run += 1) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    // When the model name field enters the page, seen from inside it (no polling delay).
    await page.addInitScript(() => {
      const w = window as unknown as { __fieldAt?: number };
      const observer = new MutationObserver(() => {
        const labels = document.querySelectorAll('label');
        if ([...labels].some((l) => l.textContent?.startsWith('Model name'))) {
          w.__fieldAt = performance.now();
          observer.disconnect();
        }
      });
      document.addEventListener('DOMContentLoaded', () =>
        observer.observe(document.body, { childList: true, subtree: true }),
      );
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') {
        void response
          .body()
          .then((body) => (bytes += body.length))
          .catch(() => undefined);
      }
    });
    await page.goto(url);
    // Interactive: the first field is on screen and enabled, and the draft check is done.
    const name = page.getByLabel('Model name');
    await name.waitFor();
    // The page answers only once the main thread is free: the form then takes input.
    const at = await page.evaluate(() => performance.now());
    times.push(at);
    shown.push(
      await page.evaluate(() => (window as unknown as { __fieldAt?: number }).__fieldAt ?? NaN),
    );
    await page.waitForLoadState('networkidle');
    scriptBytes = bytes;
    await context.close();
  }
  const { files, total } = firstLoad('dist');
  console.log(`\nFirst load (dist/index.html)`);
  console.log(
    `entry + modulepreloads (${files.length} files)       ${formatKb(total)} gzip   (budget ${formatKb(FIRST_LOAD_BUDGET)})`,
  );
  console.log(
    `all JS fetched until the network is idle      ${formatKb(scriptBytes)} uncompressed`,
  );
  console.log(
    `first field in the page, CPU ${CPU_SLOWDOWN}× slower (${LOAD_RUNS} runs)   median ${fmt(percentile(shown, 0.5))}   worst ${fmt(Math.max(...shown))}`,
  );
  console.log(
    `to an interactive form, CPU ${CPU_SLOWDOWN}× slower (${LOAD_RUNS} runs)   median ${fmt(percentile(times, 0.5))}   worst ${fmt(Math.max(...times))}   (target < 1500 ms)`,
  );
}

const server = await preview({
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
  logLevel: 'error',
});
const url = server.resolvedUrls?.local[0];
if (!url) {
  throw new Error('vite preview did not report a URL');
}
const browser = await launchChromium();
try {
  await benchFirstLoad(browser, url);
  await benchItem(
    browser,
    url,
    VALIDATION_BENCH_SIZE,
    'issue-7 item (1,000 classes, 10 inputs × 13 bands, 50 hyperparameters)',
  );
  await benchItem(
    browser,
    url,
    EDITOR_BENCH_SIZE,
    'issue-3 item (1,000 classes, 20 inputs × 200 bands)',
  );
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
