/**
 * The books in a real browser: the director of the Dar Taliba of Agadir opens the institution's
 * Finance tab (demo accounts and balances), records a cash payment from the phone-sized form (the
 * balance warning shows for an amount above the cash box and needs a second confirmation), finds it
 * in the cash journal with the balance after it, and the delegate reads the same journal in Arabic,
 * right to left; a bank fee found on the imported statement is recorded from its line and matched
 * with it; every screen accessible.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInMorocco } from '../src/platform/deadlines/index.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;
let institutionId: string;
beforeAll(async () => {
  const [row] = await app.server.owner<{ institution_id: string }>(`SELECT institution_id FROM access.users WHERE username = 'agadir-director'`);
  institutionId = row!.institution_id;
  await app.server.owner(`UPDATE access.users SET language = 'fr' WHERE username = 'agadir-director'`);
});

describe('the books', () => {
  it('a director records a cash payment on a phone and finds it in the cash journal', async () => {
    const page = await signedInPage('agadir-director', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${app.server.baseUrl}/app/registry/institutions/${institutionId}?tab=finance`);
    await page.getByTestId('finance-account-cash').waitFor();
    await expect.poll(() => page.getByTestId('finance-account-bank').textContent()).toContain('Compte bancaire');
    await expectAccessible(page, 'finance tab fr');

    await page.getByTestId('finance-link-newEntry').click();
    await page.getByTestId('entry-amount').waitFor();
    await page.getByTestId('entry-line').click();
    await page.getByRole('option', { name: 'Nettoyage et hygiène', exact: true }).click();
    await page.getByTestId('entry-counterparty').fill('Droguerie Tilila');
    // More than the cash box holds: the warning, and no saving until the user confirms.
    await page.getByTestId('entry-amount').fill('9999999');
    await page.getByTestId('entry-exceeds').waitFor();
    await expect.poll(() => page.getByTestId('entry-save').isDisabled()).toBe(true);
    await expectAccessible(page, 'entry form with warning fr');
    await page.getByTestId('entry-amount').fill('37,50');
    await expect.poll(() => page.getByTestId('entry-exceeds').count()).toBe(0);
    await page.getByTestId('entry-reference').fill('BON 77');
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    await expect.poll(() => page.getByTestId('documents-panel').count()).toBe(1);
    const [stored] = await app.server.owner<{ amount_mad: string; journal: string; line_code: string }>(
      `SELECT amount_mad, journal, line_code FROM finance.entries WHERE institution_id = $1 AND counterparty = 'Droguerie Tilila'`,
      [institutionId],
    );
    expect(stored).toEqual({ amount_mad: '37.50', journal: 'cash', line_code: 'op_cleaning' });

    await page.goto(`${app.server.baseUrl}/app/finance/institutions/${institutionId}/journals`);
    await page.getByRole('tab', { name: 'Journal de caisse' }).click();
    const row = page.getByTestId('journal-table').locator('tr', { hasText: 'Droguerie Tilila' });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('BON 77');
    await expectAccessible(page, 'cash journal fr');
    await page.context().close();
  }, 120_000);

  it('the delegate reads the journal and the monthly closing in Arabic, right to left', async () => {
    const page = await signedInPage('agadir');
    await page.goto(`${app.server.baseUrl}/app/finance/institutions/${institutionId}/journals`);
    await page.getByTestId('journal-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // A delegate reads; only the institution's keepers write or reverse.
    await expect.poll(() => page.locator('[data-testid^="journal-reverse-"]').count()).toBe(0);
    await expectAccessible(page, 'bank journal ar');
    await page.goto(`${app.server.baseUrl}/app/finance/institutions/${institutionId}/closings`);
    await page.getByTestId('closings-table').waitFor();
    await expect.poll(() => page.getByTestId('closings-table').getByText('مختتم').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'closings ar');
    await page.context().close();
  });

  it('a bank fee on the statement is recorded from its line and matched with it', async () => {
    const today = todayInMorocco();
    const [line] = await app.server.owner<{ id: string }>(
      `INSERT INTO finance.bank_statement_lines (institution_id, account_id, line_date, amount_mad, label, bank_reference)
       SELECT a.institution_id, a.id, $2, -15.00, 'FRAIS TENUE DE COMPTE', 'E2E-FEE-1' FROM finance.accounts a WHERE a.institution_id = $1 AND a.kind = 'bank'
       RETURNING id`, [institutionId, today]);
    const page = await signedInPage('agadir-director');
    await page.goto(`${app.server.baseUrl}/app/finance/institutions/${institutionId}/reconciliation`);
    await page.getByTestId('rec-lines').waitFor();
    await page.getByTestId(`rec-record-${line!.id}`).click();
    await page.getByTestId('entry-from-statement').waitFor();
    expect(await page.getByTestId('entry-amount').inputValue()).toBe('15.00');
    expect(await page.getByTestId('entry-counterparty').inputValue()).toBe('FRAIS TENUE DE COMPTE');
    await expectAccessible(page, 'entry from a statement line fr');
    await page.getByTestId('entry-line').click();
    await page.getByRole('option', { name: 'Frais bancaires', exact: true }).click();
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-saved').waitFor();
    const [stored] = await app.server.owner<{ journal: string; matched: boolean }>(
      `SELECT e.journal, s.entry_id = e.id AS matched FROM finance.bank_statement_lines s JOIN finance.entries e ON e.id = s.entry_id WHERE s.id = $1`, [line!.id]);
    expect(stored).toEqual({ journal: 'bank', matched: true });

    await page.goto(`${app.server.baseUrl}/app/finance/institutions/${institutionId}/reconciliation`);
    const row = page.getByTestId('rec-lines').locator('tr', { hasText: 'FRAIS TENUE DE COMPTE' });
    await expect.poll(() => row.textContent()).toContain('Rapprochée');
    await expectAccessible(page, 'reconciliation fr');
    await page.context().close();
  }, 120_000);
});
