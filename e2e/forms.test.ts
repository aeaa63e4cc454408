/**
 * Forms in a real Chromium against a real server and database: an administrator designs a small
 * scored form with a conditional question, tries it in the live preview and publishes it; a
 * delegate fills it at phone width and reads the scores the server computed; axe in ar and fr.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStaffApp } from './staff-app.ts';
import { samplePdf } from '../src/platform/documents/samples.ts';

const app = useStaffApp();
const { newPage, signIn, expectAccessible } = app;

const direction = (page: Page) => page.evaluate(() => document.documentElement.dir);

async function pick(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('forms', () => {
  it('an administrator designs a scored form, previews it and publishes it; a delegate fills it on a phone and reads its scores', async () => {
    const admin = await newPage();
    await signIn(admin, 'admin');
    await admin.getByTestId('nav-forms').click();
    const table = admin.getByTestId('forms-table');
    await table.waitFor();
    await expect.poll(() => table.getByText('التشخيص الذاتي للعمل الاجتماعي للمندوبية').count()).toBe(1);
    await expectAccessible(admin, 'forms list ar');

    // Design in French.
    await admin.getByTestId('language-fr').click();
    await expect.poll(() => direction(admin)).toBe('ltr');
    await admin.getByTestId('create-form').click();
    await admin.getByTestId('form-code').fill('e2e-visit');
    await admin.getByTestId('form-title-ar').fill('زيارة تتبع');
    await admin.getByTestId('form-title-fr').fill('Visite de suivi');
    await admin.getByTestId('form-submit').click();
    await admin.getByTestId('form-designer').waitFor();

    // q1: yes/no, weight 2, yes = 3 points.
    await admin.getByTestId('section-0-add-question').click();
    await pick(admin, 'q-0-0-type', 'Oui / non');
    await admin.getByTestId('q-0-0-label-ar').fill('هل سجل المستفيدين محين؟');
    await admin.getByTestId('q-0-0-label-fr').fill('Le registre des bénéficiaires est-il à jour ?');
    await admin.getByTestId('q-0-0-weight').fill('2');
    await admin.getByTestId('q-0-0-yes-score').fill('3');
    await admin.getByTestId('q-0-0-required').check();
    // q2: text, shown only when q1 is "yes".
    await admin.getByTestId('section-0-add-question').click();
    await admin.getByTestId('q-0-1-label-ar').fill('تاريخ آخر تحيين');
    await admin.getByTestId('q-0-1-label-fr').fill('Date de la dernière mise à jour');
    await pick(admin, 'q-0-1-condition', 'Le registre des bénéficiaires est-il à jour ?');
    // q3: single choice with scored answers.
    await admin.getByTestId('section-0-add-question').click();
    await pick(admin, 'q-0-2-type', 'Choix unique');
    await admin.getByTestId('q-0-2-label-ar').fill('حالة النظافة');
    await admin.getByTestId('q-0-2-label-fr').fill('État de propreté');
    await admin.getByTestId('q-0-2-choice-0-ar').fill('غير مرض');
    await admin.getByTestId('q-0-2-choice-0-fr').fill('Insatisfaisant');
    await admin.getByTestId('q-0-2-choice-1-ar').fill('جيد');
    await admin.getByTestId('q-0-2-choice-1-fr').fill('Bon');
    await admin.getByTestId('q-0-2-choice-1-score').fill('4');
    // q4: supporting documents.
    await admin.getByTestId('section-0-add-question').click();
    await pick(admin, 'q-0-3-type', 'Pièces jointes');
    await admin.getByTestId('q-0-3-label-ar').fill('محضر الزيارة');
    await admin.getByTestId('q-0-3-label-fr').fill('Procès-verbal de la visite');

    // The live preview shows the condition and the score.
    const preview = admin.getByTestId('form-preview');
    expect(await preview.getByText('Date de la dernière mise à jour').count()).toBe(0);
    await preview.getByRole('radio', { name: 'Oui' }).check();
    await expect.poll(() => preview.getByText('Date de la dernière mise à jour').count()).toBeGreaterThan(0);
    await preview.getByRole('radio', { name: 'Bon' }).check();
    await expect.poll(() => preview.getByTestId('score-total').textContent()).toContain('10 / 10');
    await expectAccessible(admin, 'designer fr');

    await admin.getByTestId('designer-save').click();
    await admin.getByTestId('designer-saved').waitFor();
    await admin.getByTestId('publish-version').click();
    await admin.getByTestId('confirm-publish').click();
    await expect.poll(() => admin.getByTestId('version-status').first().getAttribute('data-status')).toBe('published');
    const [version] = await app.server.owner<{ status: string; n: string }>(
      `SELECT v.status, jsonb_array_length(v.definition->'sections'->0->'questions')::text AS n FROM forms.form_versions v JOIN forms.forms f ON f.id = v.form_id WHERE f.code = 'e2e-visit'`);
    expect(version).toEqual({ status: 'published', n: '4' });
    await admin.context().close();

    // A delegate of Agadir fills it at phone width, in Arabic.
    const phone = await newPage({ viewport: { width: 360, height: 740 } });
    await signIn(phone, 'agadir');
    await phone.goto(`${app.server.baseUrl}/app/forms`);
    await phone.getByText('زيارة تتبع').click();
    await phone.getByTestId('answer-form').click();
    await phone.getByTestId('start-response').click();
    const filler = phone.getByTestId('form-filler');
    await filler.waitFor();
    // Submitting without the required answer is refused on the spot, in Arabic.
    await phone.getByTestId('response-submit').click();
    await expect.poll(() => filler.getByText('هذا السؤال إجباري.').count()).toBe(1);
    await filler.getByRole('radio', { name: 'نعم' }).check();
    await filler.getByLabel('تاريخ آخر تحيين').fill('منذ أسبوع');
    await filler.getByRole('radio', { name: 'غير مرض' }).check();
    // The file goes to the documents service as a document of this response.
    await filler.locator('input[type=file]').setInputFiles({ name: 'pv-visite.pdf', mimeType: 'application/pdf', buffer: samplePdf('PV de visite') });
    await expect.poll(() => filler.getByText('pv-visite.pdf').count()).toBe(1);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(phone, 'filling ar at 360 px');
    await phone.getByTestId('response-submit').click();
    await phone.getByTestId('confirm-publish').click();
    const view = phone.getByTestId('response-view');
    await view.waitFor();
    // Scored by the server: yes (3 × 2) + "unsatisfactory" (0) of 6 + 4.
    await expect.poll(() => phone.getByTestId('score-total').textContent()).toContain('6 / 10');
    expect(await view.getByText('منذ أسبوع').count()).toBe(1);
    expect(await view.getByRole('link', { name: 'pv-visite.pdf' }).count()).toBe(1);
    await expectAccessible(phone, 'response view ar');
    const [stored] = await app.server.owner<{ total_score: number; max_score: number; status: string }>(
      `SELECT r.total_score, r.max_score, r.status FROM forms.responses r JOIN forms.forms f ON f.id = r.form_id WHERE f.code = 'e2e-visit'`);
    expect(stored).toEqual({ total_score: 6, max_score: 10, status: 'submitted' });

    // The same answered form, read in French.
    await phone.context().close();
    const reader = await newPage();
    await signIn(reader, 'souss-massa');
    await reader.getByTestId('language-fr').click();
    await reader.getByTestId('nav-form-responses').click();
    const responses = reader.getByTestId('responses-table');
    await responses.waitFor();
    // The region filters by delegation: Inezgane has no answer to this form, Agadir has one.
    await reader.getByTestId('responses-delegation').click();
    await reader.getByRole('option', { name: /Inezgane/ }).click();
    await expect.poll(() => responses.getByText('Visite de suivi').count()).toBe(0);
    await reader.getByTestId('responses-delegation').click();
    await reader.getByRole('option', { name: /Agadir/ }).click();
    await expect.poll(() => responses.getByText('Visite de suivi').count()).toBe(1);
    await responses.getByText('Visite de suivi').click();
    await reader.getByTestId('response-view').waitFor();
    await expect.poll(() => reader.getByTestId('score-total').textContent()).toContain('6 / 10');
    await expectAccessible(reader, 'response view fr');
    await reader.context().close();
  }, 180_000);

  it('the demo self-diagnosis of Agadir is readable with its scores by section', async () => {
    const page = await newPage();
    await signIn(page, 'agadir');
    await page.getByTestId('nav-form-responses').click();
    const table = page.getByTestId('responses-table');
    await table.waitFor();
    await table.getByText('التشخيص الذاتي للعمل الاجتماعي للمندوبية').first().click();
    await page.getByTestId('response-view').waitFor();
    const scores = page.getByTestId('scores');
    await expect.poll(() => scores.locator('[data-section]').count()).toBe(3);
    await expect.poll(() => scores.getByText('الحكامة والتدبير').count()).toBe(1);
    await expectAccessible(page, 'demo response ar');
    await page.context().close();
  });
});
