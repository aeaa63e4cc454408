/**
 * What every browser test file starts from: a real server over a fresh copy of the test database
 * with the demo data, one headless Chromium, and the steps all the screens' tests take (a page,
 * signing in, the accessibility check). Call useStaffApp() once at the top of a test file.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startBrowserServer, DEMO_PASSWORD } from './app-server.ts';
import { seriousViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';

export type BrowserServer = Awaited<ReturnType<typeof startBrowserServer>>;

export interface StaffApp {
  /** The running server (available inside tests and hooks). */
  readonly server: BrowserServer;
  /** A page in a context of its own (its own cookies, so its own session). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  signIn(page: Page, username: string): Promise<void>;
  signedInPage(username: string, options?: BrowserContextOptions): Promise<Page>;
  /** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
  expectAccessible(page: Page, what: string): Promise<void>;
}

export function useStaffApp(env: Record<string, string> = {}): StaffApp {
  let server: BrowserServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startBrowserServer(env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const running = (): { server: BrowserServer; browser: Browser } => {
    if (!server || !browser) throw new Error('useStaffApp: the server is not started yet');
    return { server, browser };
  };

  const newPage = async (options: BrowserContextOptions = {}): Promise<Page> => {
    // axe-core is injected as an inline script, which the app's CSP rightly forbids.
    const context = await running().browser.newContext({ bypassCSP: true, acceptDownloads: true, ...options });
    const page = await context.newPage();
    // A step that cannot happen fails with its locator named, well before the test's own timeout.
    page.setDefaultTimeout(15_000);
    return page;
  };

  const signIn = async (page: Page, username: string): Promise<void> => {
    await page.goto(`${running().server.baseUrl}/app/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  };

  return {
    get server() {
      return running().server;
    },
    newPage,
    signIn,
    async signedInPage(username, options) {
      const page = await newPage(options);
      await signIn(page, username);
      return page;
    },
    async expectAccessible(page, what) {
      const found = await seriousViolations(page);
      expect(found, `${what}: ${JSON.stringify(found)}`).toEqual([]);
    },
  };
}
