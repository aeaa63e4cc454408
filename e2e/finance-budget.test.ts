/**
 * The annual budget in a real browser: the Agadir director (French) drafts a budget, sees it
 * unbalanced and refused at submission, balances it and sends it to the founder; the system
 * administrator (Arabic) sees the national chart and sets a minimum daily cost. No serious
 * accessibility violation in either language or direction.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStaffApp } from './staff-app.ts';

const { signedInPage, expectAccessible } = useStaffApp();
const direction = (page: Page) => page.evaluate(() => document.documentElement.dir);
const text = (page: Page, id: string) => page.getByTestId(id).textContent();

describe('budget screens', () => {
  it('draft, refuse the unbalanced budget, balance it and send it to the founder', async () => {
    const director = await signedInPage('agadir-director');
    expect(await direction(director)).toBe('ltr');
    await director.getByTestId('nav-finance-budgets').click();
    await director.getByTestId('budget-create').click();
    await director.getByTestId('budget-create-year').fill('2029');
    await director.getByTestId('budget-create-submit').click();
    await director.getByTestId('budget-table-revenue').waitFor();
    await expectAccessible(director, 'budget editor fr');

    await director.getByTestId('budget-amount-rev_en_subsidy').fill('1000.50');
    await director.getByTestId('budget-amount-op_food').fill('900');
    await director.getByTestId('budget-amount-op_water').fill('100');
    // Live totals before saving, exact to the centime.
    await expect.poll(() => text(director, 'budget-balance')).toContain('0,50');
    await director.getByTestId('budget-save').click();
    await director.getByTestId('budget-saved').waitFor();
    expect(await text(director, 'budget-total-operating')).toContain('1');

    await director.getByTestId('approval-action-submit').click();
    await director.getByTestId('approval-confirm').click();
    await expect.poll(() => director.getByTestId('form-error').textContent()).toContain('Les recettes doivent être égales aux dépenses');
    await expectAccessible(director, 'refused submission fr');
    await director.keyboard.press('Escape');
    await expect.poll(() => text(director, 'approval-state')).toBe('Brouillon');

    await director.getByTestId('budget-amount-op_water').fill('100.50');
    await director.getByTestId('budget-save').click();
    await expect.poll(() => text(director, 'budget-balance')).toContain('0,00');
    await director.getByTestId('approval-action-submit').click();
    await director.getByTestId('approval-confirm').click();
    await director.getByTestId('approval-confirm').waitFor({ state: 'detached' });
    await expect.poll(() => text(director, 'approval-state')).toBe('Soumis');
    // Sent: the amounts are no longer inputs.
    expect(await director.locator('input[data-testid="budget-amount-op_food"]').count()).toBe(0);
  });

  it('shows the national chart and lets the administrator set a minimum daily cost, in Arabic', async () => {
    const admin = await signedInPage('admin');
    expect(await direction(admin)).toBe('rtl');
    await admin.getByTestId('nav-finance-chart').click();
    await admin.getByTestId('chart-table').waitFor();
    expect(await admin.getByTestId('chart-table').textContent()).toContain('منحة التعاون الوطني');
    await expectAccessible(admin, 'chart ar');

    await admin.getByTestId('nav-finance-daily-costs').click();
    await admin.getByTestId('daily-cost-edit-elderly-' + String(new Date().getFullYear())).click();
    await admin.getByTestId('daily-cost-field-amount').fill('1,5');
    await admin.getByTestId('daily-cost-save').click();
    await admin.getByTestId('form-error').waitFor();
    await expectAccessible(admin, 'daily cost refused ar');
    await admin.getByTestId('daily-cost-field-amount').fill('52.75');
    await admin.getByTestId('daily-cost-save').click();
    await admin.getByTestId('daily-cost-save').waitFor({ state: 'detached' });
    await expect.poll(() => admin.getByTestId('daily-costs-table').textContent()).toMatch(/52[.,]75/);
  });
});
