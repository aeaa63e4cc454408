/**
 * Headless Chromium for browser tests and PDF rendering: the browser shipped inside the
 * @sparticuz/chromium npm package (so `npm ci && npm test` needs nothing else), or Debian's
 * chromium when it is installed and RAAYA_CHROMIUM points to it.
 */
import { existsSync } from 'node:fs';
import { chromium as playwright, type Browser } from 'playwright-core';

// Without these, Chromium tries to reach Google's hosts at every start (a closed network refuses).
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchBrowser(): Promise<Browser> {
  const explicit = process.env.RAAYA_CHROMIUM;
  if (explicit && existsSync(explicit)) {
    return playwright.launch({ executablePath: explicit, headless: true, args: ['--no-sandbox', '--disable-gpu', ...QUIET] });
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return playwright.launch({ executablePath: await packaged.executablePath(), headless: true, args: [...packaged.args, ...QUIET] });
}
