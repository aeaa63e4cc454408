/**
 * The approval workflow in a real browser, on the demo plans: the inbox badge in the navigation,
 * the return of one section (only it becomes editable), resubmission, validation and approval,
 * and no serious accessibility violation in Arabic or in French.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;
const badge = (page: Page) => page.getByTestId('nav-inbox-badge');
const direction = (page: Page) => page.evaluate(() => document.documentElement.dir);

async function act(page: Page, action: string, options: { comment?: string; sections?: string[] } = {}): Promise<void> {
  await page.getByTestId(`approval-action-${action}`).click();
  for (const s of options.sections ?? []) await page.getByTestId(`approval-return-${s}`).check();
  if (options.comment) await page.getByTestId('approval-comment').fill(options.comment);
  await page.getByTestId('approval-confirm').click();
  await page.getByTestId('approval-confirm').waitFor({ state: 'detached' });
}

async function openFromInbox(page: Page, year: string): Promise<void> {
  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('inbox-table').getByRole('link', { name: new RegExp(year) }).click();
  await page.getByTestId('approval-panel').waitFor();
}

describe('approval workflow screens', () => {
  it('return a section, correct it, resubmit, validate and approve; the badge follows', async () => {
    // The Souss-Massa coordinator has the Inezgane 2027 plan waiting.
    const coordinator = await signedInPage('souss-massa');
    expect(await direction(coordinator)).toBe('rtl');
    await expect.poll(() => badge(coordinator).textContent()).toBe('1');
    await openFromInbox(coordinator, '2027');
    await expectAccessible(coordinator, 'plan under review ar');
    // A return needs a section and a comment: the dialog says so before anything is sent.
    await coordinator.getByTestId('approval-action-return').click();
    await expectAccessible(coordinator, 'return dialog ar');
    await coordinator.getByTestId('approval-confirm').click();
    await expect.poll(() => coordinator.getByText('التعليق إلزامي لإرجاع الوثيقة.').count()).toBeGreaterThan(0);
    await coordinator.keyboard.press('Escape');
    await act(coordinator, 'return', { sections: ['objectives'], comment: 'المرجو تدقيق القيم المستهدفة.' });
    await expect.poll(() => coordinator.getByTestId('approval-state').textContent()).toBe('مُعاد للتصحيح');
    await expect.poll(() => badge(coordinator).count()).toBe(0);

    // The Inezgane delegate sees both returned plans; only the objectives of 2027 are editable.
    const delegate = await signedInPage('inezgane');
    await expect.poll(() => badge(delegate).textContent()).toBe('2');
    await openFromInbox(delegate, '2027');
    expect(await delegate.getByTestId('plan-diagnosis-input').count()).toBe(0);
    expect(await delegate.getByTestId('plan-section-save-activities').count()).toBe(0);
    await delegate.getByTestId('plan-objectives-0-target').fill('175');
    await delegate.getByTestId('plan-section-save-objectives').click();
    await delegate.getByTestId('plan-saved').waitFor();
    await expect.poll(() => delegate.getByTestId('approval-history').textContent()).toContain('المرجو تدقيق القيم المستهدفة.');
    await act(delegate, 'submit');
    await expect.poll(() => delegate.getByTestId('approval-state').textContent()).toBe('مُرسل');
    expect(await delegate.getByTestId('plan-section-save-objectives').count()).toBe(0);
    await expect.poll(() => badge(delegate).textContent()).toBe('1');

    // Back at the region: validate.
    await coordinator.reload();
    await expect.poll(() => badge(coordinator).textContent()).toBe('1');
    await openFromInbox(coordinator, '2027');
    await act(coordinator, 'validate');
    await expect.poll(() => badge(coordinator).count()).toBe(0);

    // The central analyst works in French: approves, and the plan is locked.
    const central = await signedInPage('central');
    expect(await direction(central)).toBe('ltr');
    await expect.poll(() => badge(central).textContent()).toBe('1');
    await central.getByTestId('nav-inbox').click();
    await central.getByTestId('inbox-table').waitFor();
    await expectAccessible(central, 'inbox fr');
    await openFromInbox(central, '2027');
    await expectAccessible(central, 'plan under review fr');
    await act(central, 'approve', { comment: 'Plan approuvé.' });
    await expect.poll(() => central.getByTestId('approval-state').textContent()).toBe('Approuvé');
    await expect.poll(() => badge(central).count()).toBe(0);
    expect(await central.getByTestId('approval-history').textContent()).toContain('Validé');
    await central.getByTestId('nav-plans').click();
    await central.getByTestId('plans-table').waitFor();
    await expectAccessible(central, 'plans fr');

    await delegate.reload();
    await delegate.getByTestId('approval-panel').waitFor();
    await expect.poll(() => delegate.getByTestId('approval-state').textContent()).toBe('مصادق عليه');
    expect(await delegate.getByTestId('plan-section-save-objectives').count()).toBe(0);
    await expectAccessible(delegate, 'approved plan ar');
    const [row] = await app.server.owner<{ state: string }>(`SELECT s.state FROM approvals.submissions s JOIN planning.plans p ON p.id = s.subject_id JOIN organisation.delegations d ON d.id = p.delegation_id WHERE d.code = '09.273' AND p.year = 2027`);
    expect(row!.state).toBe('approved');
    for (const p of [coordinator, delegate, central]) await p.context().close();
  }, 120_000);

  it('the delegate creates a new plan, fills a section and sees it in the list', async () => {
    const page = await signedInPage('agadir');
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plans-table').waitFor();
    await expectAccessible(page, 'plans ar');
    await page.getByTestId('plan-create').click();
    await page.getByTestId('plan-create-year').fill('2029');
    await page.getByTestId('plan-create-submit').click();
    await page.getByTestId('plan-diagnosis-input').fill('تشخيص أولي');
    await page.getByTestId('plan-section-save-diagnosis').click();
    await page.getByTestId('plan-saved').waitFor();
    await page.getByTestId('plan-add-activities').click();
    await page.getByTestId('plan-activities-0-title').fill('نشاط');
    await page.getByTestId('plan-activities-0-budgetMad').fill('12,5');
    await page.getByTestId('plan-section-save-activities').click();
    // A malformed amount is refused in the form, in Arabic.
    await expect.poll(() => page.getByTestId('plan-section-activities').getByText('الصيغة غير صحيحة', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByTestId('plan-activities-0-budgetMad').fill('12.50');
    await page.getByTestId('plan-section-save-activities').click();
    await page.getByTestId('plan-section-activities').getByTestId('plan-saved').waitFor();
    await expectAccessible(page, 'plan editor ar');
    await page.getByTestId('nav-plans').click();
    await expect.poll(() => page.getByTestId('plans-table').textContent()).toContain('2029');
    await expect.poll(() => page.getByTestId('plans-table').textContent()).toContain(new Intl.NumberFormat('ar-MA', { numberingSystem: 'latn', minimumFractionDigits: 2 }).format(12.5));
    await page.context().close();
  }, 120_000);
});
