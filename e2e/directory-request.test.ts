/**
 * Issue 7's request for help in a browser, as a citizen on a phone without JavaScript: the province
 * step, then the form in Arabic, the request number, the status lookup with number and phone; then
 * the Agadir delegation signs in to the staff app and finds the request in its reception queue. The
 * form, its errors and the confirmation pass the axe check in Arabic and French (axe needs script,
 * so those pages are opened again in a page that runs it).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tid as reception } from '../src/modules/beneficiaries/web/reception/constants.ts';
import ar from '../src/modules/directory/public/request/i18n/ar.json' with { type: 'json' };
import fr from '../src/modules/directory/public/request/i18n/fr.json' with { type: 'json' };
import { MIN_FILL_MS } from '../src/modules/directory/public/request/guard.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const AGADIR = '09.001';

async function provinceName(lang: 'ar' | 'fr'): Promise<string> {
  const [row] = await app.server.owner<{ name: string }>(`SELECT ${lang === 'ar' ? 'name_ar' : 'name_fr'} AS name FROM territory.provinces WHERE code = $1`, [AGADIR]);
  return row!.name;
}

/** Fills the second step as a person would; the form must have been open long enough to look human. */
async function fillRequest(page: Page, t: typeof ar.directory.public.request, phone: string, opened: number) {
  await page.getByRole('radio', { name: t.relations.family }).check();
  await page.getByLabel(t.form.forWhom).selectOption({ index: 7 });
  await page.getByLabel(t.form.need).selectOption({ index: 2 });
  await page.getByLabel(t.form.commune).selectOption({ index: 1 });
  await page.getByLabel(t.form.description).fill('والدتي مسنة تعيش وحدها وتحتاج إلى الإيواء');
  await page.getByLabel(t.form.name).fill('خديجة بناني');
  await page.getByLabel(t.form.phone).fill(phone);
  await page.getByRole('checkbox', { name: t.form.consent }).check();
  const left = MIN_FILL_MS + 500 - (Date.now() - opened);
  if (left > 0) await page.waitForTimeout(left);
}

describe('a request for help from the public site to the Agadir queue', () => {
  it('is sent without JavaScript in Arabic, followed by number and phone, and found in the delegation queue', async () => {
    const t = ar.directory.public.request;
    const citizen = await app.newPage({ javaScriptEnabled: false });
    await citizen.goto(`${app.server.baseUrl}/request`);
    await citizen.getByLabel(t.form.province).selectOption({ label: await provinceName('ar') });
    await citizen.getByRole('button', { name: t.form.continue }).click();
    await citizen.getByLabel(t.form.commune).waitFor();
    const opened = Date.now();
    await fillRequest(citizen, t, '06 61 23 45 67', opened);
    await citizen.getByRole('button', { name: t.form.send }).click();
    await citizen.getByRole('heading', { name: t.sent.title }).waitFor();
    const number = (await citizen.locator('#request-number').textContent())!.trim();
    expect(number).toMatch(/^R-09001-\d{4}-\d{5}$/);
    const [stored] = await app.server.owner<{ id: string; status: string; requester_relation: string; requester_phone: string }>(
      'SELECT id, status, requester_relation, requester_phone FROM beneficiaries.requests WHERE number = $1', [number]);
    expect(stored).toMatchObject({ status: 'new', requester_relation: 'family', requester_phone: '+212661234567' });

    await citizen.getByRole('link', { name: t.sent.follow }).click();
    await expect.poll(() => citizen.getByLabel(t.status.number).inputValue()).toBe(number);
    await citizen.getByLabel(t.status.phone).fill('0661234567');
    await citizen.getByRole('button', { name: t.status.check }).click();
    await citizen.locator('#status-word').waitFor();
    expect(await citizen.locator('#status-word').textContent()).toBe(t.status.words.new);
    await citizen.getByLabel(t.status.phone).fill('0661234568');
    await citizen.getByRole('button', { name: t.status.check }).click();
    await citizen.getByText(t.status.notFound).waitFor();
    await citizen.context().close();

    const desk = await app.signedInPage('agadir');
    await desk.getByTestId(reception.navQueue).click();
    await desk.getByTestId(reception.queueRow(stored!.id)).waitFor();
    expect(await desk.getByTestId(reception.queueRow(stored!.id)).textContent()).toContain(number);
    await desk.context().close();
  });

  it('passes the axe check on the form, its errors and the confirmation in Arabic and French', async () => {
    for (const [lang, t] of [['ar', ar.directory.public.request], ['fr', fr.directory.public.request]] as const) {
      const page = await app.newPage();
      const base = `${app.server.baseUrl}${lang === 'ar' ? '' : '/fr'}`;
      await page.goto(`${base}/request`);
      await app.expectAccessible(page, `province step ${lang}`);
      await page.getByLabel(t.form.province).selectOption({ label: await provinceName(lang) });
      await page.getByRole('button', { name: t.form.continue }).click();
      await page.getByLabel(t.form.commune).waitFor();
      const opened = Date.now();
      await app.expectAccessible(page, `request form ${lang}`);
      await page.getByRole('button', { name: t.form.send }).click();
      await page.getByText(t.form.errorsTitle).waitFor();
      await app.expectAccessible(page, `request form with errors ${lang}`);
      await fillRequest(page, t, '0677112233', opened);
      await page.getByRole('button', { name: t.form.send }).click();
      await page.getByRole('heading', { name: t.sent.title }).waitFor();
      await app.expectAccessible(page, `confirmation ${lang}`);
      await page.getByRole('link', { name: t.sent.follow }).click();
      // The check runs in the new page, not in the one being left.
      await page.waitForURL(/\/request\/status\?/);
      await page.waitForLoadState('load');
      await app.expectAccessible(page, `status lookup ${lang}`);
      await page.context().close();
    }
  });
});
