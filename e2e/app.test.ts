/**
 * The staff app in a real headless Chromium against a real server and database: Arabic by
 * default and right to left, French left to right, the choice remembered per user, the territory,
 * users and audit screens, and no serious accessibility violation on any of them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './app-server.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { newPage, signIn, expectAccessible } = app;

const direction = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('staff app', () => {
  it('serves the login page in Arabic, right to left, accessible; a wrong password gets a clear message', async () => {
    const page = await newPage();
    await page.goto(`${app.server.baseUrl}/app/`);
    await page.getByTestId('login-username').waitFor();
    expect(await direction(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expectAccessible(page, 'login ar');
    await page.getByTestId('login-username').fill('agadir');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByText('اسم المستخدم أو كلمة المرور غير صحيحة.').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a deep link without a session goes to the sign-in page and comes back after it', async () => {
    const page = await newPage();
    await page.goto(`${app.server.baseUrl}/app/territory/delegations`);
    await page.getByTestId('login-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/login');
    await page.getByTestId('login-username').fill('central');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('delegations-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/territory/delegations');
    await page.context().close();
  });

  it('agadir signs in and the territory screens show the 12 regions, then a region, in Arabic', async () => {
    const page = await newPage();
    await signIn(page, 'agadir');
    await page.getByTestId('nav-regions').click();
    const rows = page.getByTestId('regions-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(12);
    await expect.poll(() => page.getByText('جهة سوس-ماسة').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'regions ar');
    await page.getByText('جهة سوس-ماسة').first().click();
    await page.getByTestId('region-delegations-table').waitFor();
    await expect.poll(() => page.getByText('إنزكان آيت ملول', { exact: false }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'region ar');
    await page.context().close();
  });

  it('switching to French turns the page left to right, and the choice is remembered for the user', async () => {
    const page = await newPage();
    await signIn(page, 'inezgane');
    expect(await direction(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByTestId('language-fr').click();
    await expect.poll(() => direction(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.getByTestId('nav-regions').click();
    await expect.poll(() => page.getByTestId('regions-table').locator('tbody tr').count()).toBe(12);
    await expect.poll(() => page.getByText('Souss-Massa').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'regions fr');
    // A new browser (new device): the user's language comes back from the app.server.
    const other = await newPage();
    await signIn(other, 'inezgane');
    await expect.poll(() => direction(other)).toEqual({ lang: 'fr', dir: 'ltr' });
    const [row] = await app.server.owner<{ language: string }>(`SELECT language FROM access.users WHERE username = 'inezgane'`);
    expect(row!.language).toBe('fr');
    await page.context().close();
    await other.context().close();
  });

  it('a delegate administers the accounts of its delegation only, and creates one', async () => {
    const page = await newPage();
    await signIn(page, 'agadir');
    await page.getByTestId('nav-users').click();
    const table = page.getByTestId('users-table');
    await table.waitFor();
    await expect.poll(() => table.getByText('agadir-social').count()).toBe(1);
    expect(await table.getByText('inezgane').count()).toBe(0);
    await expectAccessible(page, 'users ar');

    await page.getByTestId('create-user').click();
    await page.getByTestId('user-username').fill('agadir-new');
    await page.getByTestId('user-password').fill('a-strong-password');
    await page.getByTestId('user-fullNameAr').fill('سناء الحداد');
    await page.getByTestId('user-fullNameFr').fill('Sanaa El Haddad');
    await expectAccessible(page, 'new user ar');
    await page.getByTestId('user-submit').click();
    await expect.poll(async () => (await app.server.owner(`SELECT 1 FROM access.users WHERE username = 'agadir-new'`)).length, { timeout: 10_000 }).toBe(1);
    const [created] = await app.server.owner<{ delegation: string; role: string }>(
      `SELECT d.code AS delegation, u.role FROM access.users u JOIN organisation.delegations d ON d.id = u.delegation_id WHERE username = 'agadir-new'`);
    expect(created!.delegation).toBe('09.001');
    await page.context().close();
  });

  it('an administrator reads the audit log, in Arabic and in French, accessibly', async () => {
    const page = await newPage();
    await signIn(page, 'admin');
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table-log');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(5);
    await expectAccessible(page, 'audit ar');
    await page.getByTestId('language-fr').click();
    await expect.poll(() => direction(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await expectAccessible(page, 'audit fr');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await expectAccessible(page, 'users fr');
    await page.context().close();
  });
});
