import { existsSync } from 'node:fs';

import { chromium, type Browser } from '@playwright/test';

/** Chromium as the e2e tests use it: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's. */
export async function launchChromium(): Promise<Browser> {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath: existsSync(candidate) ? candidate : undefined,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}
