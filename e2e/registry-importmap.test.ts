/**
 * The registry's map and import screens in a real Chromium: the map draws the 12 regions (then a
 * region's provinces) as SVG with the table alternative, in Arabic and French, with no serious
 * accessibility violation; the import wizard takes a delegation's list, reports the broken rows,
 * then imports a corrected file, and the map counts the new institutions.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importXlsx, sampleRow, type SampleRow } from '../src/modules/registry/server/import/sample.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { newPage, signIn, expectAccessible } = app;

async function sendFile(page: Page, rows: SampleRow[], lang: 'ar' | 'fr'): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name: 'liste.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await importXlsx(rows, lang) });
  await page.getByTestId('import-send').click();
}

const agadirCount = async (page: Page) => Number(await page.getByTestId('map-area-MA-AGD').getAttribute('data-value'));

describe('registry map and import screens', () => {
  it('draws the regions and a region’s provinces, with the table alternative, in Arabic and in French', async () => {
    const page = await newPage();
    await signIn(page, 'souss-massa');
    expect(await page.getByTestId('nav-registry-map').count()).toBeGreaterThan(0);
    await page.goto(`${app.server.baseUrl}/app/registry/map`);
    const svg = page.getByTestId('registry-map-svg');
    await svg.waitFor({ timeout: 20_000 });
    await expect.poll(() => svg.locator('path').count()).toBe(12);
    expect(await page.getByTestId('map-table').locator('tbody tr').count()).toBe(13); // 12 regions and the total
    expect(await page.getByTestId('map-legend').count()).toBe(1);
    await expectAccessible(page, 'map regions ar');

    // Into Souss-Massa: its provinces only (Agadir Ida-Outanane among them).
    // By keyboard, as a screen-reader user would: the demo's clusters sit over the region's centre.
    await page.getByTestId('map-area-MA-09').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('map-area-MA-AGD').waitFor();
    await expect.poll(() => svg.locator('path').count()).toBe(6);
    await expectAccessible(page, 'map provinces ar');

    await page.getByTestId('language-fr').click();
    await page.getByTestId('map-back').click();
    await expect.poll(() => svg.locator('path').count()).toBe(12);
    expect(await page.getByTestId('map-table').innerText()).toContain('Souss-Massa');
    await page.getByTestId('map-metric').click();
    await page.getByRole('option', { name: 'Capacité autorisée' }).click();
    await expectAccessible(page, 'map regions fr');
    await page.context().close();
  });

  it('imports a list: broken rows reported, then the corrected file imported and counted on the map', async () => {
    const page = await newPage();
    await signIn(page, 'agadir');
    await page.goto(`${app.server.baseUrl}/app/registry/map?`);
    await page.getByTestId('map-level').waitFor();
    await page.getByTestId('map-level').click();
    await page.getByRole('option').nth(1).click();
    await page.getByTestId('map-area-MA-AGD').waitFor({ timeout: 20_000 });
    const before = await agadirCount(page);

    await page.goto(`${app.server.baseUrl}/app/registry/import`);
    await page.getByTestId('registry-import').waitFor();
    await expectAccessible(page, 'import upload ar');
    const good = [sampleRow(), sampleRow()];
    await sendFile(page, [...good, sampleRow({ gps: '48.85, 2.35' })], 'ar');
    await page.getByTestId('mapping-nameFr').waitFor();
    await expectAccessible(page, 'import mapping ar');
    await page.getByTestId('import-validate').click();
    const errors = page.getByTestId('job-errors');
    await errors.waitFor({ timeout: 20_000 });
    await expect.poll(() => errors.locator('tbody tr').count()).toBe(1);
    const errorRow = await errors.locator('tbody tr').first().innerText();
    expect(errorRow).toContain('4');
    expect(errorRow).toContain('الإحداثيات الجغرافية');
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await expectAccessible(page, 'import errors ar');

    await page.getByTestId('language-fr').click();
    await page.getByRole('button', { name: 'Envoyer un autre fichier' }).click();
    await sendFile(page, good, 'fr');
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-commit').click({ timeout: 20_000 });
    const result = page.getByTestId('import-result');
    await expect.poll(async () => (await result.count()) > 0 && (await result.innerText()), { timeout: 20_000 }).toContain('2 établissement');
    await expectAccessible(page, 'import result fr');

    await page.goto(`${app.server.baseUrl}/app/registry/map`);
    await page.getByTestId('map-level').click();
    await page.getByRole('option').nth(1).click();
    await page.getByTestId('map-area-MA-AGD').waitFor({ timeout: 20_000 });
    await expect.poll(() => agadirCount(page)).toBe(before + 2);
    await page.context().close();
  });
});
