import type { ConsoleMessage, Page, Worker } from '@playwright/test';

// Catches Content-Security-Policy violations wherever they happen. Chromium fires a
// `securitypolicyviolation` event in the document or worker that tripped the policy, and logs a
// "Refused to … Content Security Policy" message. Init scripts reach documents only, so each
// worker gets its listener as soon as it starts; both kinds of listener also log a marked
// console error, which reaches the test from the page and from workers and survives reloads.

const MARK = '[csp-violation]';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Starts listening; call before the first navigation. Returns the violations seen so far. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const seen = new Set<ConsoleMessage>();
  const violations: string[] = [];
  const onConsole = (where: string) => (message: ConsoleMessage) => {
    if (seen.has(message)) {
      return;
    }
    seen.add(message);
    const text = message.text();
    if (text.includes(MARK) || /Content[- ]Security[- ]Policy/iu.test(text)) {
      violations.push(`${where}: ${text}`);
    }
  };

  // Both listeners run in the browser, where this module's functions do not exist: each spells
  // the description out.
  await page.addInitScript((mark) => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      const text = `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`;
      window.cspViolations?.push(text);
      console.error(mark, text);
    });
  }, MARK);
  page.on('console', onConsole('page'));
  page.on('worker', (worker: Worker) => {
    worker.on('console', onConsole(`worker ${worker.url()}`));
    void worker
      .evaluate((mark) => {
        self.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            mark,
            `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      }, MARK)
      // A worker that ends before the listener lands has nothing left to report.
      .catch(() => undefined);
  });

  return async () => {
    const inPage = await page.evaluate(() => window.cspViolations ?? []).catch(() => []);
    // The current document's own record, in case a console message was lost; deduplicated.
    const missing = inPage.filter((text) => !violations.some((v) => v.includes(text)));
    return [...violations, ...missing.map((text) => `page: ${text}`)];
  };
}
