/**
 * Persons and reception in a real Chromium: a person found by its name typed in the other script
 * and opened with its family, the phone-sized reception form (draft kept across a reload, then
 * sent with a new person), and the queue where a request is assigned and its case file opened, in
 * Arabic and in French, with no serious accessibility violation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createPerson, createRequest } from '../src/modules/beneficiaries/testing/factories.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;

async function noDialog(page: Page) {
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.waitForTimeout(300);
}

describe('persons and reception', () => {
  it('finds a person typed in Latin letters, opens the record with its family, and receives a new person on a phone, in Arabic', async () => {
    const person = await createPerson(app.server, { firstNameAr: 'زينب', lastNameAr: 'الوزاني التجريبية', firstNameLat: 'Zineb', lastNameLat: 'Ouazzani Essai' });
    await app.server.owner(`INSERT INTO beneficiaries.relatives (person_id, relation, full_name_ar, is_legal_representative) VALUES ($1, 'mother', 'رشيدة', true)`, [person.id]);
    const page = await signedInPage('agadir');
    await page.getByTestId('nav-persons').click();
    await page.getByTestId('persons-search').fill('ouazzani essai');
    const rows = page.getByTestId('persons-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expectAccessible(page, 'persons ar');
    await page.getByRole('link', { name: 'زينب الوزاني التجريبية' }).click();
    await page.getByTestId('person-identity').waitFor();
    await expect.poll(() => page.getByTestId('person-relatives').getByText('رشيدة').count()).toBe(1);
    await expectAccessible(page, 'person ar');
    await page.context().close();

    const phone = await signedInPage('agadir', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await phone.goto(`${app.server.baseUrl}/app/beneficiaries/reception`);
    await phone.getByTestId('reception-stepper').waitFor();
    await phone.getByTestId('reception-new-person').getByText('شخص جديد').click();
    await phone.getByTestId('person-field-firstNameAr').fill('حسناء');
    await phone.getByTestId('person-field-lastNameAr').fill('البوعزاوي الاستقبال');
    // The commune of residence, found by its name.
    await phone.getByTestId('person-field-commune').fill('أكادي');
    await phone.getByRole('option', { name: 'أكادير', exact: true }).click();
    // The draft survives a reload (a cheap phone may lose the page).
    await phone.waitForTimeout(200);
    await phone.reload();
    await expect.poll(() => phone.getByTestId('person-field-lastNameAr').inputValue()).toBe('البوعزاوي الاستقبال');
    await expect.poll(() => phone.getByTestId('person-field-commune').inputValue()).toBe('أكادير');
    await phone.getByText('أنثى').click();
    await expectAccessible(phone, 'reception form ar');
    await phone.getByTestId('reception-next').first().click();
    await phone.getByTestId('reception-summary').waitFor();
    await phone.getByTestId('reception-needs').getByText('النساء في وضعية صعبة').click();
    await phone.getByTestId('reception-requester-name').fill('جارتها');
    await phone.getByTestId('reception-summary').fill('تحتاج إلى إيواء');
    await phone.getByTestId('reception-next').last().click();
    await phone.getByTestId('reception-consent').check();
    await phone.getByTestId('reception-send').click();
    await phone.getByTestId('reception-sent').waitFor();
    const [saved] = await app.server.owner<{ number: string; needs: string[]; consent_given: boolean; commune: string | null }>(
      `SELECT r.number, r.needs, r.consent_given, c.name_fr AS commune FROM beneficiaries.requests r JOIN beneficiaries.persons p ON p.id = r.person_id
       LEFT JOIN territory.communes c ON c.id = p.commune_id WHERE p.last_name_ar = 'البوعزاوي الاستقبال'`,
    );
    expect(saved).toMatchObject({ needs: ['women_in_difficulty'], consent_given: true, commune: 'Agadir' });
    await expect.poll(() => phone.getByText(saved!.number).count()).toBe(1);
    expect(await phone.evaluate(() => localStorage.getItem('raaya.beneficiaries.reception.draft'))).toBeNull();
    await phone.context().close();
  });

  it('assigns a request of the delegation queue and opens its case file, in French', async () => {
    const person = await createPerson(app.server, { firstNameLat: 'Rachid', lastNameLat: 'Filattente', firstNameAr: 'رشيد', lastNameAr: 'الانتظار' });
    const request = await createRequest(app.server, { personId: person.id, urgency: 'emergency' });
    await app.server.owner(`UPDATE access.users SET language = 'fr' WHERE username = 'agadir-social'`);
    const page = await signedInPage('agadir-social');
    await page.getByTestId('nav-reception-queue').click();
    await page.getByTestId(`queue-row-${request.id}`).waitFor();
    await expectAccessible(page, 'queue fr');
    await page.getByTestId(`queue-handle-${request.id}`).click();
    await page.getByTestId('request-assignee').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('request-assign').click();
    await expect.poll(async () => (await app.server.owner<{ status: string }>('SELECT status FROM beneficiaries.requests WHERE id = $1', [request.id]))[0]!.status).toBe('assigned');
    await page.getByTestId('request-open-case').click();
    await page.getByTestId('request-case-opened').waitFor();
    const [row] = await app.server.owner<{ status: string; case_id: string }>('SELECT status, case_id FROM beneficiaries.requests WHERE id = $1', [request.id]);
    expect(row!.status).toBe('case_opened');
    expect(row!.case_id).toBeTruthy();
    await expectAccessible(page, 'request panel fr');
    await page.keyboard.press('Escape');
    await noDialog(page);
    await page.context().close();
  });
});
