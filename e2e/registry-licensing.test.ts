/**
 * The licensing of an institution in a real browser: the Agadir delegate files an application,
 * attaches a document of the file, asks for a missing one (the clock stops) and completes the
 * file (it restarts); the warning under 7 days; the "licensing due" queue and its link; all
 * accessible in Arabic and in French. The institution page's own tab route belongs to the
 * institutions part; this file opens the same component on the licensing page of the queue.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../src/platform/documents/samples.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { newPage, signIn, expectAccessible } = app;

const direction = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

async function pick(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

let fresh: string;
let urgent: string;
const suffix = Date.now().toString(36);

/** An institution of Agadir Ida-Outanane, made as the owner (the registry's own screens make them otherwise). */
async function institution(nameFr: string, nameAr: string): Promise<string> {
  const [row] = await app.server.owner<{ id: string }>(
    `WITH c AS (
       INSERT INTO territory.communes (province_id, kind, name_ar, name_fr)
       VALUES ((SELECT id FROM territory.provinces WHERE code = '09.001'), 'urban', $3, $4) RETURNING id),
     a AS (
       INSERT INTO registry.associations (legal_form, name_ar, name_fr, commune_id) SELECT 'association', $5, $6, c.id FROM c RETURNING id, commune_id)
     INSERT INTO registry.institutions (association_id, name_ar, name_fr, legal_category, centre_type, commune_id, area, mode, sex_served, capacity_male, capacity_female)
     SELECT a.id, $1, $2, 'schooled_children', 'student_home', a.commune_id, 'rural', 'residential', 'girls', 0, 48 FROM a RETURNING id`,
    [nameAr, nameFr, `جماعة ${nameAr}`, `Commune ${nameFr}`, `جمعية ${nameAr}`, `Association ${nameFr}`],
  );
  return row!.id;
}

beforeAll(async () => {
  fresh = await institution(`Dar Taliba Tamri ${suffix}`, `دار الطالبة تامري ${suffix}`);
  urgent = await institution(`Dar Taliba Imouzzer ${suffix}`, `دار الطالبة إموزار ${suffix}`);
  // Filed 25 days ago: the committee's opinion is due in 5 days (a warning).
  await app.server.owner(`INSERT INTO registry.licensing_steps (institution_id, kind, occurred_on) VALUES ($1, 'application_filed', registry.today() - 25)`, [urgent]);
});

describe('licensing screens', () => {
  it('a delegate files an application, attaches a document, stops and restarts the clock; the queue shows the warning', async () => {
    const page = await newPage();
    await signIn(page, 'agadir');
    await page.goto(`${app.server.baseUrl}/app/registry/licensing/${fresh}`);
    await page.getByTestId('licensing-tab').waitFor();
    await expect.poll(() => page.getByText('لم يسجل أي طلب ترخيص.').count()).toBe(1);
    await expectAccessible(page, 'licensing, nothing filed, ar');

    // Only the allowed step is offered: the filing.
    await page.getByTestId('licensing-action').click();
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['إيداع الطلب']);
    await page.getByRole('option', { name: 'إيداع الطلب' }).click();
    await expectAccessible(page, 'licensing step form ar');
    await page.getByTestId('licensing-submit').click();
    await page.getByTestId('licensing-saved').waitFor();
    await expect.poll(() => page.getByTestId('licensing-step-application_filed').count()).toBe(1);
    await expect.poll(() => page.getByTestId('licensing-clock').textContent()).toContain('الأيام المتبقية: 30');
    await expect.poll(() => page.getByTestId('licensing-step-application_filed').textContent()).toContain('من طرف');

    // The file's checklist: attach the statutes.
    await page.getByTestId('licensing-attach-statutes').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'statuts.pdf', mimeType: 'application/pdf', buffer: samplePdf('Statuts') });
    await page.locator('form', { has: page.getByTestId('licensing-upload') }).getByRole('button').last().click();
    await expect.poll(() => page.getByTestId('licensing-item-statutes').textContent(), { timeout: 10_000 }).toContain('مرفقة');
    await expect.poll(() => page.getByTestId('licensing-progress').textContent()).toBe('الوثائق الإلزامية المرفقة: 1 من 22');
    await expectAccessible(page, 'licensing checklist ar');

    // A missing document stops the clock; completing the file restarts it.
    await pick(page, 'licensing-action', 'طلب وثيقة ناقصة');
    await page.getByTestId('licensing-field-note').fill('شهادة المطابقة');
    await page.getByTestId('licensing-submit').click();
    await expect.poll(() => page.getByTestId('licensing-clock').textContent()).toContain('الأجل متوقف');
    await page.getByTestId('licensing-action').click();
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['استكمال الملف']);
    await page.getByRole('option', { name: 'استكمال الملف' }).click();
    await page.getByTestId('licensing-submit').click();
    await expect.poll(() => page.getByTestId('licensing-step-file_completed').count()).toBe(1);
    await expect.poll(() => page.getByTestId('licensing-clock').textContent()).toContain('الأيام المتبقية: 30');

    // The queue: the urgent one first with its warning, a link to its licensing.
    await page.getByTestId('nav-licensing-due').click();
    const table = page.getByTestId('licensing-due-table');
    await table.waitFor();
    await expect.poll(() => table.getByText(`دار الطالبة إموزار ${suffix}`).count()).toBe(1);
    await expect.poll(() => table.locator('tr', { hasText: `دار الطالبة إموزار ${suffix}` }).textContent()).toContain('الأيام المتبقية: 5');
    await expectAccessible(page, 'licensing due ar');

    await page.getByTestId('language-fr').click();
    await expect.poll(() => direction(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await expect.poll(() => table.locator('tr', { hasText: `Dar Taliba Imouzzer ${suffix}` }).textContent()).toContain('Jours restants : 5');
    await expectAccessible(page, 'licensing due fr');
    await table.getByRole('link', { name: `Dar Taliba Imouzzer ${suffix}` }).click();
    await page.getByTestId('licensing-tab').waitFor();
    await expect.poll(() => page.getByTestId('licensing-warning').textContent()).toContain('Moins de 7 jours');
    await expect.poll(() => page.getByTestId('licensing-stage').textContent()).toBe("Demande déposée, avis de la commission attendu");
    await expectAccessible(page, 'licensing with warning fr');
    // The extract downloads as a PDF.
    const href = await page.getByTestId('licensing-extract-pdf').getAttribute('href');
    expect(href).toBe(`/api/institutions/${urgent}/extract.pdf?lang=fr`);
    const pdf = await page.request.get(`${app.server.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.context().close();
  });

  it('a region coordinator narrows the queue to one delegation', async () => {
    const page = await newPage();
    await signIn(page, 'souss-massa');
    await page.getByTestId('language-fr').click();
    await expect.poll(() => direction(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.getByTestId('nav-licensing-due').click();
    const table = page.getByTestId('licensing-due-table');
    await table.waitFor();
    await page.getByTestId('licensing-due-delegation').click();
    await page.getByRole('option', { name: /Agadir/ }).click();
    const row = table.locator('tr', { hasText: `Dar Taliba Imouzzer ${suffix}` });
    await expect.poll(() => row.textContent()).toContain('Agadir');
    await expectAccessible(page, 'licensing due, region, fr');
    await page.getByTestId('licensing-due-delegation').click();
    await page.getByRole('option', { name: /Inezgane/ }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.context().close();
  });
});
