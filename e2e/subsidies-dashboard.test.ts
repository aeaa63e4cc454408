/**
 * The subsidies dashboard and the late tranches in a real Chromium, on the demo conventions: the
 * national analyst drills down nation → region → delegation → association in French (the cards
 * agree with the database), and the Inezgane delegate reads the late tranches in Arabic (right to
 * left), the blocked one marked as not released; no serious accessibility violation on either.
 */
import { describe, expect, it } from 'vitest';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;

describe('subsidies dashboard', () => {
  it('drills down from the nation to an association, the cards agreeing with the database (French)', async () => {
    // The year holding most demo tranches (their dates count from the day of seeding).
    const [busiest] = await app.server.owner<{ year: number; late: number; soussmassa: string; inezgane: string; association: string }>(`
      SELECT f.year,
             count(*) FILTER (WHERE f.planned_on < (now() AT TIME ZONE 'Africa/Casablanca')::date AND (f.completed_on IS NULL OR f.completed_on > f.planned_on))::int AS late,
             (SELECT id::text FROM territory.regions WHERE code = '09') AS soussmassa,
             (SELECT id::text FROM organisation.delegations WHERE code = '09.273') AS inezgane,
             (SELECT id::text FROM registry.associations WHERE name_fr = 'Association Dar Taliba Aït Melloul') AS association
      FROM subsidies.tranche_summary f WHERE f.counted GROUP BY f.year ORDER BY count(*) DESC, f.year DESC LIMIT 1`);
    const page = await signedInPage('central');
    await page.getByTestId('nav-subsidies-dashboard').click();
    await page.getByTestId('subsidies-dashboard-figures').waitFor();
    await page.goto(`${app.server.baseUrl}/app/subsidies/dashboard?year=${busiest!.year}`);
    await expect.poll(() => page.getByTestId('subsidies-figure-late').innerText()).toContain(String(busiest!.late));
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    await expectAccessible(page, 'dashboard nation fr');

    await page.getByTestId(`subsidies-drill-${busiest!.soussmassa}`).click();
    await page.getByTestId(`subsidies-drill-${busiest!.inezgane}`).click();
    await page.getByTestId(`subsidies-drill-${busiest!.association}`).click();
    await expect.poll(() => page.getByTestId('subsidies-dashboard-crumbs').innerText()).toContain('Inezgane');
    await expect.poll(() => page.getByTestId('subsidies-dashboard-rows').getByText(/^CONV-\d{4}-\d{6} · /).count()).toBe(1);
    await expectAccessible(page, 'dashboard association fr');
    await page.context().close();
  });

  it('lists the late tranches of the delegation, the blocked one not released (Arabic, right to left)', async () => {
    const page = await signedInPage('inezgane');
    await page.getByTestId('nav-subsidies-late').click();
    await page.getByTestId('subsidies-late-table').waitFor();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    const rows = page.getByTestId('subsidies-late-table').locator('tbody tr');
    const [counts] = await app.server.owner<{ late: number }>(`
      SELECT count(*)::int AS late FROM subsidies.tranche_summary f JOIN organisation.delegations d ON d.id = f.delegation_id
      WHERE d.code = '09.273' AND f.counted AND f.planned_on < (now() AT TIME ZONE 'Africa/Casablanca')::date AND (f.completed_on IS NULL OR f.completed_on > f.planned_on)`);
    await expect.poll(() => rows.count()).toBe(counts!.late);
    await expect.poll(() => page.getByText('غير مفرج عنها', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'late tranches ar');
    await page.context().close();
  });
});
