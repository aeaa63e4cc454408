/**
 * The registry's demo accounts (README) in the browser: the association officer of Dar Taliba
 * Aït Melloul (Arabic, right to left) and the director of Dar Taliba Agadir (French, left to
 * right) sign in with the demo password, land in the app under their own name and role, and the
 * page has no serious accessibility violation in either language.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const direction = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('registry demo accounts', () => {
  it('the association officer of Aït Melloul signs in, in Arabic', async () => {
    const page = await app.signedInPage('inezgane-association');
    await expect.poll(() => page.getByTestId('user-menu').innerText()).toContain('لطيفة أوبلا');
    expect(await page.getByTestId('user-menu').innerText()).toContain('مسؤول');
    expect(await direction(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await app.expectAccessible(page, 'association officer, ar');
    await page.context().close();
  });

  it('the director of Dar Taliba Agadir signs in, in French', async () => {
    const page = await app.signedInPage('agadir-director');
    await expect.poll(() => page.getByTestId('user-menu').innerText()).toContain('Hasna El Idrissi');
    expect(await direction(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await app.expectAccessible(page, 'institution director, fr');
    await page.context().close();
  });
});
