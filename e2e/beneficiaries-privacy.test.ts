/**
 * The data protection screens in a real Chromium: the social worker records a legal basis and a
 * health record on a person's page, in Arabic; the delegate, in French, sees no sensitive data,
 * sees the social worker's read in the access log, finds the export links, and reviews a file
 * past its retention period. No serious accessibility violation in either language.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createCase, createPerson } from '../src/modules/beneficiaries/testing/factories.ts';
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

describe('data protection of a person', () => {
  it('lets the social worker record a legal basis and health data, logged, in Arabic; the delegate sees the log, not the data, in French', async () => {
    const person = await createPerson(app.server, { firstNameAr: 'سلمى', lastNameAr: 'البوزيدي', firstNameLat: 'Salma', lastNameLat: 'Bouzidi' });
    const worker = await signedInPage('agadir-social');
    await worker.goto(`${app.server.baseUrl}/app/beneficiaries/persons/${person.id}/privacy`);
    await worker.getByTestId('privacy-page').waitFor();
    await worker.getByTestId('data-protection-notice').waitFor();
    await worker.getByTestId('data-protection-notice-toggle').click();
    await expect.poll(() => worker.getByText('مؤسسة التعاون الوطني (مؤسسة عمومية', { exact: false }).count()).toBeGreaterThan(0);

    // A consent given by the legal representative needs the representative's name.
    await worker.getByTestId('privacy-consent-add').click();
    await choose(worker, 'privacy-consent-givenBy', 'النائب الشرعي');
    await worker.getByTestId('privacy-consent-save').click();
    await expect.poll(() => worker.getByText('أدخلوا اسم النائب الشرعي.').count()).toBeGreaterThan(0);
    await worker.getByTestId('privacy-consent-givenByName').fill('Ahmed Bouzidi');
    await worker.getByTestId('privacy-consent-save').click();
    await noDialog(worker);
    await expect.poll(() => worker.getByTestId('privacy-consents-table').getByText('Ahmed Bouzidi').count()).toBe(1);

    await worker.getByTestId('privacy-sensitive-add-health').click();
    await choose(worker, 'privacy-sensitive-field-status', 'مرض مزمن');
    await worker.getByTestId('privacy-sensitive-field-details').fill('ربو');
    await worker.getByTestId('privacy-sensitive-save').click();
    await noDialog(worker);
    await expect.poll(() => worker.getByTestId('privacy-sensitive-health-table').getByText('مرض مزمن').count()).toBe(1);
    await expectAccessible(worker, 'person privacy ar');
    await worker.context().close();

    const rows = await app.server.owner<{ action: string }>(`SELECT action FROM beneficiaries.access_log WHERE person_id = $1`, [person.id]);
    expect(rows.map((r) => r.action)).toContain('sensitive');

    await app.server.owner(`UPDATE access.users SET language = 'fr' WHERE username = 'agadir'`);
    const delegate = await signedInPage('agadir');
    await delegate.goto(`${app.server.baseUrl}/app/beneficiaries/persons/${person.id}/privacy`);
    await delegate.getByTestId('privacy-access-log-table').waitFor();
    await expect.poll(() => delegate.getByTestId('privacy-access-log-table').getByText('Données sensibles').count()).toBeGreaterThan(0);
    await expect.poll(() => delegate.getByTestId('privacy-access-log-table').getByText('Khadija Amziane').count()).toBeGreaterThan(0);
    expect(await delegate.getByTestId('privacy-sensitive').count()).toBe(0);
    expect(await delegate.getByTestId('privacy-export-pdf-fr').getAttribute('href')).toBe(`/api/persons/${person.id}/export.pdf?lang=fr`);
    await expect.poll(() => delegate.getByTestId('privacy-consents-table').getByText('Le représentant légal').count()).toBe(1);
    await expectAccessible(delegate, 'person privacy fr');
    await delegate.context().close();
  });

  it('lists a file past its retention period and records the decision to keep it, in French', async () => {
    const person = await createPerson(app.server, { firstNameLat: 'Youssef', lastNameLat: 'Retention', firstNameAr: 'يوسف', lastNameAr: 'الحفظ' });
    const kase = await createCase(app.server, { personId: person.id });
    await app.server.owner(`UPDATE beneficiaries.cases SET opened_on = '2012-01-01', closed_on = '2013-02-01', close_reason = 'Accompagnement terminé', stage = 'closed' WHERE id = $1`, [kase.id]);
    await app.server.owner(`UPDATE access.users SET language = 'fr' WHERE username = 'agadir'`);
    const page = await signedInPage('agadir');
    await page.getByTestId('nav-privacy-retention').click();
    await page.getByTestId('privacy-retention-table').waitFor();
    const row = page.getByTestId('privacy-retention-table').locator('tr', { hasText: kase.number });
    await expect.poll(() => row.count()).toBe(1);
    await expectAccessible(page, 'retention fr');
    await row.getByRole('button').click();
    await page.getByTestId('privacy-review-reason').fill('Procédure judiciaire en cours');
    await page.getByTestId('privacy-review-save').click();
    await expect.poll(() => page.getByText("Indiquez jusqu'à quand conserver le dossier.").count()).toBeGreaterThan(0);
    await page.getByTestId('privacy-review-keepUntil').fill('2030-12-31');
    await page.getByTestId('privacy-review-save').click();
    await noDialog(page);
    await expect.poll(() => page.getByTestId('privacy-retention-table').locator('tr', { hasText: kase.number }).count()).toBe(0);
    const [review] = await app.server.owner<{ decision: string; keep_until: string }>(`SELECT decision, keep_until::text FROM beneficiaries.retention_reviews WHERE record_id = $1`, [kase.id]);
    expect(review).toEqual({ decision: 'keep', keep_until: '2030-12-31' });
    await page.context().close();
  });
});
