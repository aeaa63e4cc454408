/**
 * The jobs screens in a real Chromium against a real server: the import wizard (upload, a column
 * to map by hand, errors per row and column, a corrected file with the remembered mapping,
 * validation and commit with progress, the result), a report requested from the users page and
 * downloaded from "My jobs", and no serious accessibility violation, in Arabic and in French.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { staffRow, xlsx } from '../src/platform/jobs/testing/helpers.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { newPage, signIn, expectAccessible } = app;

// "Fonction" is no name the wizard knows for the role: the user maps it by hand.
const HEADERS = ["Nom d'utilisateur", 'الاسم الكامل بالعربية', 'Nom complet', 'E-mail', 'Téléphone', 'Fonction', 'Périmètre', 'Langue'];

async function sendFile(page: Page, name: string, rows: string[][]): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx(rows, HEADERS) });
  await page.getByTestId('import-send').click();
}

describe('jobs screens', () => {
  it('imports staff accounts through the wizard: errors per row and column, then a corrected file, committed with progress', async () => {
    const page = await newPage();
    await signIn(page, 'agadir');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('import-users').click();
    await expectAccessible(page, 'import upload ar');

    const broken = staffRow('e2e-broken-1');
    broken[3] = 'not-an-email';
    await sendFile(page, 'comptes.xlsx', [staffRow('e2e-user-1'), broken]);
    await page.getByTestId('mapping-role').waitFor();
    await expectAccessible(page, 'import mapping ar');
    // Map the role column by hand.
    await page.getByTestId('mapping-role').click();
    await page.getByRole('option', { name: 'Fonction' }).click();
    await page.getByTestId('import-validate').click();
    const errors = page.getByTestId('job-errors');
    await errors.waitFor({ timeout: 20_000 });
    await expect.poll(() => errors.locator('tbody tr').count()).toBe(1);
    const errorRow = await errors.locator('tbody tr').first().innerText();
    expect(errorRow).toContain('3');
    expect(errorRow).toContain('البريد الإلكتروني');
    expect(errorRow).toContain('not-an-email');
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await expectAccessible(page, 'import errors ar');

    // A corrected file: the mapping chosen by hand is remembered.
    await page.getByRole('button', { name: 'إرسال ملف آخر' }).click();
    await sendFile(page, 'comptes-corriges.xlsx', [staffRow('e2e-user-1'), staffRow('e2e-user-2')]);
    await page.getByTestId('mapping-role').waitFor();
    expect(await page.getByTestId('mapping-role').inputValue()).toBe('Fonction');
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-commit').click({ timeout: 20_000 });
    const result = page.getByTestId('import-result');
    await expect.poll(async () => (await result.count()) > 0 && (await result.innerText()), { timeout: 20_000 }).toContain('2');
    await expect.poll(() => page.getByTestId('job-progress').innerText()).toContain('2 / 2');
    const created = await app.server.owner<{ username: string }>("SELECT username FROM access.users WHERE username LIKE 'e2e-%' ORDER BY username");
    expect(created.map((u) => u.username)).toEqual(['e2e-user-1', 'e2e-user-2']);
    await expectAccessible(page, 'import result ar');
    await page.context().close();
  });

  it('requests a user-list report from the users page and finds the file on "My jobs", in French', async () => {
    const page = await newPage();
    await signIn(page, 'agadir');
    await page.getByTestId('language-fr').click();
    await page.getByTestId('nav-users').click();
    await page.getByTestId('report-button').click();
    await page.getByText('Excel (XLSX)').click();
    await expectAccessible(page, 'report dialog fr');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-queued').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-jobs').click();
    const table = page.getByTestId('jobs-table');
    await table.waitFor();
    const download = table.getByTestId('job-download').first();
    await download.waitFor({ timeout: 30_000 });
    expect(await download.innerText()).toMatch(/utilisateurs-\d{4}-\d{2}-\d{2}\.xlsx/);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await expectAccessible(page, 'my jobs fr');
    await page.getByTestId('language-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(page, 'my jobs ar');
    await page.context().close();
  });
});
