/**
 * Headless Chromium for PDF rendering and browser tests: the browser shipped inside the
 * @sparticuz/chromium npm package (so `npm ci && npm test` needs nothing else), or Debian's
 * chromium when it is installed and RAAYA_CHROMIUM points to it.
 *
 * Reports share one browser per process: a launch costs about two seconds,
 * a new page a few milliseconds.
 */
import { existsSync } from 'node:fs';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Without these, Chromium tries to reach Google's hosts at every start (a closed network refuses).
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

// Chromium's sandbox needs user namespaces, which containers running as root often lack.
const OWN_BUILD = ['--no-sandbox', '--disable-gpu', '--use-gl=angle', '--use-angle=swiftshader', '--font-render-hinting=none', '--no-default-browser-check'];

/** A new, independent browser; the caller closes it. */
export async function launchBrowser(): Promise<Browser> {
  const explicit = process.env.RAAYA_CHROMIUM;
  if (explicit && existsSync(explicit)) {
    return playwright.launch({ executablePath: explicit, headless: true, args: ['--no-sandbox', '--disable-gpu', ...QUIET] });
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  // The package's own flags are tuned for serverless sandboxes (single process, web security off);
  // on a server the ordinary multi-process browser is sturdier and keeps web security on.
  return playwright.launch({ executablePath: await packaged.executablePath(), headless: true, args: [...OWN_BUILD, ...QUIET] });
}

interface Session {
  browser: Browser;
  // One context for every render, never closed: the packaged Chromium runs with --single-process,
  // where closing a browser's last context brings the whole browser down.
  context: BrowserContext;
}

// The promise, not the session, is kept so that concurrent first callers share one launch.
let shared: Promise<Session> | undefined;

/** The process-wide browser, launched on first use and relaunched if it crashed or was closed. */
function session(): Promise<Session> {
  if (!shared) {
    const launching = openSession();
    shared = launching;
    launching.then(
      ({ browser }) => browser.on('disconnected', () => forget(launching)),
      () => forget(launching),
    );
  }
  return shared;
}

async function openSession(): Promise<Session> {
  const browser = await launchBrowser();
  try {
    return { browser, context: await browser.newContext() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

function forget(launching: Promise<Session>): void {
  if (shared === launching) shared = undefined;
}

/** Closes the shared browser (at shutdown, or after tests); the next render launches a new one. */
export async function closeBrowser(): Promise<void> {
  const launching = shared;
  shared = undefined;
  if (!launching) return;
  const opened = await launching.catch(() => undefined);
  await opened?.browser.close();
}

const MAX_PAGES = 4;
let openPages = 0;
const waiting: (() => void)[] = [];

/**
 * Runs `work` with a fresh page of the shared browser and always closes the page. At most
 * MAX_PAGES renders run at once, so a burst of report requests cannot exhaust the server's memory.
 */
export async function withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
  await acquireSlot();
  try {
    const { context } = await session();
    // Pages share the context's cache, harmless here: a report page loads nothing from the network.
    const page = await context.newPage();
    try {
      return await work(page);
    } finally {
      // After a browser crash the page cannot be closed; the render's own error is the one to report.
      await page.close().catch(() => undefined);
    }
  } finally {
    releaseSlot();
  }
}

function acquireSlot(): Promise<void> {
  if (openPages < MAX_PAGES) {
    openPages += 1;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  // The slot passes straight to the next waiter, so the count stays unchanged.
  if (next) next();
  else openPages -= 1;
}
