import { existsSync } from 'node:fs';

import type { LaunchOptions } from '@playwright/test';

// Playwright cannot download its own browser on this machine, so use Debian's chromium when it is
// there; elsewhere (CHROMIUM_PATH unset, no /usr/bin/chromium) fall back to Playwright's browser.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** How the e2e tests and the benchmarks start Chromium. */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      // Keeps WebGL on SwiftShader should a future chromium stop falling back to it by itself.
      // Never add --disable-software-rasterizer: pages stop responding with it.
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  };
}
