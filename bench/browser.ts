import { type Browser, chromium } from '@playwright/test';

import { chromiumLaunchOptions } from '../e2e/chromiumOptions';

/** Chromium as the e2e tests start it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}
