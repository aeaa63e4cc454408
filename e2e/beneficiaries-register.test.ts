/**
 * The register screens in a real Chromium: the director of the demo Dar Taliba of Agadir admits a
 * girl from an accepted referral and records her exit, in French; the Agadir delegation reads the
 * occupancy board and is refused the transfer of a minor without consent, in Arabic; with no
 * serious accessibility violation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createInstitution } from '../src/modules/registry/testing/factories.ts';
import { createAdmission, createCase, createPerson, createReferral } from '../src/modules/beneficiaries/testing/factories.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;

async function noDialog(page: Page) {
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.waitForTimeout(300);
}

async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the register tab', () => {
  it('admits from an accepted referral and records the exit, in French', async () => {
    const [director] = await app.server.owner<{ institution_id: string }>(`SELECT institution_id FROM access.users WHERE username = 'agadir-director'`);
    const institutionId = director!.institution_id;
    const person = await createPerson(app.server, { firstNameLat: 'Zineb', lastNameLat: 'Oukhouya', firstNameAr: 'زينب', lastNameAr: 'أوخويا', birthDate: '2012-04-02' });
    const kase = await createCase(app.server, { personId: person.id, stage: 'orientation' });
    const referral = await createReferral(app.server, { caseId: kase.id, institutionId, state: 'accepted' });

    const page = await signedInPage('agadir-director');
    await page.goto(`${app.server.baseUrl}/app/registry/institutions/${institutionId}?tab=register`);
    await page.getByTestId('register-occupancy').waitFor();
    await page.getByTestId(`register-admit-referral-${referral.id}`).waitFor();
    await expectAccessible(page, 'register tab fr');

    await page.getByTestId(`register-admit-referral-${referral.id}`).click();
    await page.getByTestId('register-field-schoolName').fill('Collège Ibn Zohr');
    await page.getByTestId('register-field-schoolLevel').fill('1re année collège');
    await expectAccessible(page, 'admission form fr');
    await page.getByTestId('register-submit').click();
    // The demo Dar Taliba may be full: the form then asks for the justification.
    const justification = page.getByTestId('register-field-overCapacityJustification');
    await expect.poll(async () => (await page.getByRole('dialog').count()) === 0 || (await justification.count()) > 0).toBe(true);
    if ((await page.getByRole('dialog').count()) > 0) {
      await justification.fill('Décision du comité provincial de protection');
      await page.getByTestId('register-submit').click();
    }
    await noDialog(page);
    const [admission] = await app.server.owner<{ id: string; registration_number: string }>(
      'SELECT id, registration_number FROM beneficiaries.admissions WHERE person_id = $1', [person.id]);
    await page.getByTestId('register-search').fill('Zineb');
    await expect.poll(() => page.getByTestId(`register-row-${admission!.id}`).getByText('Zineb Oukhouya').count()).toBe(1);
    await expect.poll(() => page.getByTestId(`register-row-${admission!.id}`).getByText(admission!.registration_number).count()).toBe(1);

    await page.getByTestId(`register-exit-${admission!.id}`).click();
    await choose(page, 'register-field-exitReason', 'Réinsertion familiale');
    await page.getByTestId('register-field-exitDestination').fill('Famille, Tiznit');
    await page.getByTestId('register-submit').click();
    await noDialog(page);
    await expect.poll(() => page.getByTestId(`register-row-${admission!.id}`).getByText('Réinsertion familiale').count()).toBe(1);
    await expectAccessible(page, 'register after exit fr');
    const [stage] = await app.server.owner<{ stage: string }>('SELECT stage FROM beneficiaries.cases WHERE id = $1', [kase.id]);
    expect(stage!.stage).toBe('exited');
    await page.context().close();
  });

  it('shows the occupancy board and refuses the transfer of a minor without consent, in Arabic', async () => {
    const from = await createInstitution(app.server, { province: '09.001', nameAr: 'دار الطالبة الاختبار', nameFr: 'Dar Taliba Test', sexServed: 'girls', capacityFemale: 30 });
    await createInstitution(app.server, { province: '09.001', nameAr: 'دار الطالبة الوجهة', nameFr: 'Dar Taliba Destination', sexServed: 'girls', capacityFemale: 30 });
    const girl = await createPerson(app.server, { firstNameAr: 'مريم', lastNameAr: 'بنعلي', firstNameLat: 'Meryem', lastNameLat: 'Benali', birthDate: '2011-06-01' });
    const admission = await createAdmission(app.server, { institutionId: from.id, personId: girl.id, admissionDate: '2026-09-10' });

    const page = await signedInPage('agadir');
    await page.getByTestId('nav-occupancy-board').click();
    await page.getByTestId('occupancy-board').waitFor();
    await expect.poll(() => page.getByTestId(`occupancy-row-${from.id}`).count()).toBe(1);
    await expectAccessible(page, 'occupancy board ar');

    await page.goto(`${app.server.baseUrl}/app/registry/institutions/${from.id}?tab=register`);
    await page.getByTestId(`register-transfer-${admission.id}`).click();
    await page.getByTestId('register-field-toInstitutionId').fill('الوجهة');
    await page.getByRole('option', { name: 'دار الطالبة الوجهة' }).click();
    await page.getByTestId('register-field-reason').fill('التقرب من سكن الأسرة');
    await expectAccessible(page, 'transfer form ar');
    await page.getByTestId('register-submit').click();
    await expect.poll(() => page.getByText('يتطلب نقل قاصر أو شخص في وضعية إعاقة ذهنية موافقة النائب الشرعي أو الوزارة.').count()).toBeGreaterThan(0);
    expect(await app.server.owner('SELECT 1 FROM beneficiaries.transfers WHERE from_admission_id = $1', [admission.id])).toHaveLength(0);

    await choose(page, 'register-field-consentBy', 'النائب الشرعي');
    await page.getByTestId('register-field-consentName').fill('محمد بنعلي');
    await page.getByTestId('register-field-consentDate').fill('2026-10-01');
    await page.getByTestId('register-submit').click();
    await noDialog(page);
    expect(await app.server.owner('SELECT 1 FROM beneficiaries.transfers WHERE from_admission_id = $1', [admission.id])).toHaveLength(1);
    await page.context().close();
  });
});
