/**
 * The Jisr pathway screens in a real Chromium: a social worker's caseload, the case file with its
 * timeline and a follow-up note written from it, the case list (Arabic); the director of the demo
 * Dar Taliba accepting a referral in the incoming list (French); no serious accessibility violation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createCase, createPerson, createReferral } from '../src/modules/beneficiaries/testing/factories.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;

async function noDialog(page: Page) {
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.waitForTimeout(300);
}

describe('case files', () => {
  it('a social worker opens a case from the caseload and writes a note on its timeline, in Arabic', async () => {
    const [worker] = await app.server.owner<{ id: string }>(`SELECT id FROM access.users WHERE username = 'agadir-social'`);
    await app.server.owner(`UPDATE access.users SET language = 'ar' WHERE username = 'agadir-social'`);
    const person = await createPerson(app.server, { firstNameAr: 'سلمى', lastNameAr: 'أيت باها', firstNameLat: 'Salma', lastNameLat: 'Ait Baha' });
    const kase = await createCase(app.server, { personId: person.id, handlerId: worker!.id, targetGroup: 'schooled_children' });
    const page = await signedInPage('agadir-social');
    await page.getByTestId('nav-caseload').click();
    await page.getByTestId('caseload-cases').waitFor();
    await expectAccessible(page, 'caseload ar');
    await page.getByRole('link', { name: kase.number }).click();
    await page.getByTestId('case-stage').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: /سلمى أيت باها/ }).count()).toBe(1);

    await page.getByTestId('case-action-note').click();
    await page.getByTestId('case-field-note-body').fill('زيارة لأسرة التلميذة بتارودانت، الأسرة موافقة على الإيواء.');
    await page.getByTestId('case-submit-note').click();
    await page.getByTestId('timeline-note').waitFor();
    await noDialog(page);
    await expectAccessible(page, 'case file ar');

    await page.getByTestId('case-action-diagnose').click();
    await page.getByTestId('case-field-diagnosis-filler').waitFor();
    await expectAccessible(page, 'diagnosis form ar');
    await page.keyboard.press('Escape');
    await noDialog(page);

    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-table').waitFor();
    await expectAccessible(page, 'cases ar');
    const [note] = await app.server.owner<{ body: string }>('SELECT body FROM beneficiaries.case_notes WHERE case_id = $1', [kase.id]);
    expect(note!.body).toMatch(/تارودانت/);
    await page.context().close();
  });

  it('the director of the Dar Taliba accepts a referral in the incoming list, in French', async () => {
    const [director] = await app.server.owner<{ institution_id: string }>(`SELECT institution_id FROM access.users WHERE username = 'agadir-director'`);
    await app.server.owner(`UPDATE access.users SET language = 'fr' WHERE username = 'agadir-director'`);
    await app.server.owner(
      `INSERT INTO registry.institution_services (institution_id, service, permanence, extent) VALUES ($1, 'accommodation', 'permanent', 'full') ON CONFLICT DO NOTHING`,
      [director!.institution_id],
    );
    const person = await createPerson(app.server, { firstNameAr: 'هند', lastNameAr: 'الوردي', firstNameLat: 'Hind', lastNameLat: 'El Ouardi' });
    const kase = await createCase(app.server, { personId: person.id, targetGroup: 'schooled_children', stage: 'orientation' });
    const referral = await createReferral(app.server, { caseId: kase.id, institutionId: director!.institution_id, service: 'accommodation' });
    const page = await signedInPage('agadir-director');
    await page.getByTestId('nav-referrals').click();
    await page.getByTestId('referrals-table').waitFor();
    await expect.poll(() => page.getByText('Hind El Ouardi').count()).toBe(1);
    await expectAccessible(page, 'referrals fr');
    await page.getByTestId(`referral-accept-${referral.id}`).click();
    await expect.poll(async () => (await app.server.owner<{ state: string }>('SELECT state FROM beneficiaries.referrals WHERE id = $1', [referral.id]))[0]!.state).toBe('accepted');
    await page.getByTestId(`referral-complete-${referral.id}`).waitFor();
    await expectAccessible(page, 'referrals accepted fr');
    await page.context().close();
  });
});
