/**
 * Finance reports in a real browser: the director of a demo institution reads a year's budget
 * against actual and its cost per beneficiary-day flagged below the minimum (French), downloads the
 * annual report and submits it once the year is closed; the regional coordinator (Arabic) drills the consolidation down from
 * the region to that institution. No serious accessibility violation in either language.
 */
import { describe, expect, it } from 'vitest';
import { useStaffApp } from './staff-app.ts';
import { createAccount, createBudget, createEntry, createLine, setMinimumDailyCost } from '../src/modules/finance/server/reports/factories.ts';
import { createAdmission, createPerson } from '../src/modules/beneficiaries/testing/factories.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;
const year = 2019;

/** The demo director's institution with a year of books: over budget on food, below its minimum daily cost. */
async function booksOfTheDirector(): Promise<{ institutionId: string; nameAr: string }> {
  const server = app.server;
  const [who] = await server.owner<{ id: string; name_ar: string; legal_category: string }>(
    `SELECT i.id, i.name_ar, i.legal_category FROM access.users u JOIN registry.institutions i ON i.id = u.institution_id WHERE u.username = 'agadir-director'`);
  const institutionId = who!.id;
  const subsidy = await createLine(server, { kind: 'revenue', nameFr: 'Subvention de test', nameAr: 'منحة تجريبية' });
  const food = await createLine(server, { kind: 'expenditure', section: 'operating', isFood: true, nameFr: 'Alimentation de test', nameAr: 'تغذية تجريبية' });
  await createBudget(server, institutionId, year, { [subsidy]: '12000', [food]: '3000' });
  const [existing] = await server.owner<{ id: string }>(`SELECT id FROM finance.accounts WHERE institution_id = $1 AND kind = 'cash'`, [institutionId]);
  const cash = existing?.id ?? (await createAccount(server, institutionId));
  // The demo's cash box opened last year; this test's books are of an earlier, otherwise empty year.
  await server.owner(`UPDATE finance.accounts SET opening_date = '2000-01-01' WHERE id = $1`, [cash]);
  await createEntry(server, { institutionId, accountId: cash, lineCode: subsidy, date: `${year}-02-01`, amount: '12000', direction: 'receipt' });
  await createEntry(server, { institutionId, accountId: cash, lineCode: food, date: `${year}-03-01`, amount: '3650' });
  const person = await createPerson(server, { institutionId });
  await createAdmission(server, { institutionId, personId: person.id, admissionDate: `${year}-01-01`, exitDate: `${year + 1}-01-01`, exitReason: 'programme_completed' });
  // 3650 / 365 = 10.00 a day, below a minimum of 15.00.
  await setMinimumDailyCost(server, who!.legal_category, year, '15.00');
  return { institutionId, nameAr: who!.name_ar };
}

describe('finance reports screens', () => {
  it('budget against actual, cost per day below the minimum, annual report, consolidation drill-down', async () => {
    const { institutionId, nameAr } = await booksOfTheDirector();

    const director = await signedInPage('agadir-director');
    await director.goto(`${app.server.baseUrl}/app/finance/institutions/${institutionId}/reports/${year}`);
    await director.getByTestId('finance-report-sections').waitFor();
    expect(await director.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await expect.poll(() => director.getByTestId('finance-report-sections').textContent()).toContain('3.650,00');
    await expect.poll(() => director.getByTestId('finance-report-cost-per-day').textContent()).toContain('10,00');
    expect(await director.getByTestId('finance-report-below').textContent()).toBe('Sous le minimum');
    await director.getByTestId('finance-report-toggle-months').click();
    await expectAccessible(director, 'budget against actual fr');
    const [download] = await Promise.all([director.waitForEvent('download'), director.getByTestId('finance-report-download-pdf-ar').click()]);
    const pdf = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of pdf) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 4).toString()).toBe('%PDF');
    await director.getByTestId('finance-report-prepare').click();
    await director.getByTestId('approval-panel').waitFor();
    // Not sent while the year's books are open: the database refuses, the dialog says why.
    await director.getByTestId('approval-action-submit').click();
    await director.getByTestId('approval-confirm').click();
    await expect.poll(() => director.getByTestId('form-error').textContent()).toContain('Clôturez tous les mois');
    await director.keyboard.press('Escape');
    await app.server.owner(`DO $$ DECLARE m date; BEGIN
      FOR m IN SELECT generate_series('2000-01-01'::date, '${year}-12-01'::date, interval '1 month')::date LOOP
        INSERT INTO finance.closed_months (institution_id, month) VALUES ('${institutionId}', m);
      END LOOP; END $$`);
    await director.getByTestId('approval-action-submit').click();
    await director.getByTestId('approval-confirm').click();
    await expect.poll(() => director.getByTestId('approval-state').textContent()).toBe('Soumis');

    const coordinator = await signedInPage('souss-massa');
    await coordinator.goto(`${app.server.baseUrl}/app/finance/consolidation`);
    await coordinator.getByTestId('finance-consolidation-year').click();
    await coordinator.getByRole('option', { name: String(year), exact: true }).click();
    await coordinator.getByTestId('finance-consolidation-table').waitFor();
    expect(await coordinator.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(coordinator, 'consolidation ar');
    const [delegation] = await app.server.owner<{ id: string }>(`SELECT delegation_id AS id FROM registry.institutions WHERE id = $1`, [institutionId]);
    await coordinator.getByTestId(`finance-consolidation-drill-${delegation!.id}`).click();
    await coordinator.getByTestId(`finance-consolidation-below-${institutionId}`).waitFor();
    await coordinator.getByRole('link', { name: nameAr }).click();
    await coordinator.getByTestId('finance-report-sections').waitFor();
    expect(coordinator.url()).toContain(`/finance/institutions/${institutionId}/reports/${year}`);
  }, 120_000);
});
