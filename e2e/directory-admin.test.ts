/**
 * The directory's staff side in a real Chromium, on the demo data: the Agadir delegate opens the
 * "Public directory" page, takes a published institution off with confirmation (its public page
 * then answers 404), and publishes it again (the page is back); the page and the institution's
 * "Public page" tab pass the accessibility check in Arabic and in French.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;

const publicStatus = async (id: string) => (await fetch(`${app.server.baseUrl}/fr/institutions/${id}`)).status;

async function confirmSwitch(page: Page, id: string) {
  await page.getByTestId(`directory-publish-${id}`).click();
  await page.getByRole('dialog').waitFor();
  await page.getByTestId('directory-confirm').click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

describe('the public directory page', () => {
  it('unpublishes an institution with confirmation, the public page goes, and publishes it again', async () => {
    await app.server.owner(`UPDATE access.users SET language = 'ar' WHERE username = 'agadir'`);
    const [target] = await app.server.owner<{ id: string; name_ar: string }>(
      `SELECT i.id, i.name_ar FROM directory.publications p JOIN registry.institutions i ON i.id = p.institution_id
       JOIN organisation.delegations d ON d.id = i.delegation_id
       WHERE d.code = '09.001' AND p.published AND directory.is_operating(i.status) ORDER BY i.name_ar LIMIT 1`);
    const id = target!.id;
    expect(await publicStatus(id)).toBe(200);

    const page = await signedInPage('agadir');
    await page.getByTestId('nav-directory').click();
    const row = page.getByTestId(`directory-row-${id}`);
    await row.waitFor();
    await expect.poll(() => row.getByText(target!.name_ar).count()).toBe(1);
    await expectAccessible(page, 'directory page ar');

    await page.getByTestId(`directory-publish-${id}`).click();
    await page.getByRole('dialog').waitFor();
    await expect.poll(() => page.getByRole('dialog').getByText(target!.name_ar, { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'unpublish confirmation ar');
    await page.getByTestId('directory-confirm').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByTestId(`directory-publish-${id}`).isChecked()).toBe(false);
    const [stored] = await app.server.owner<{ published: boolean }>('SELECT published FROM directory.publications WHERE institution_id = $1', [id]);
    expect(stored!.published).toBe(false);
    expect(await publicStatus(id)).toBe(404);

    await confirmSwitch(page, id);
    await expect.poll(() => page.getByTestId(`directory-publish-${id}`).isChecked()).toBe(true);
    expect(await publicStatus(id)).toBe(200);

    await page.getByTestId('language-fr').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await expect.poll(() => page.getByRole('heading', { name: 'Annuaire public' }).count()).toBe(1);
    await expectAccessible(page, 'directory page fr');

    await page.goto(`${app.server.baseUrl}/app/registry/institutions/${id}?tab=public`);
    await page.getByTestId('directory-publication-form').waitFor();
    await page.getByTestId('directory-history').getByText('Réglages de publication').first().waitFor();
    await expectAccessible(page, 'public page tab fr');
    await page.context().close();
  });
});
