/**
 * A convention in a real browser, on the demo data: the Agadir delegate drafts it in Arabic (terms,
 * funding refused while the amounts miss the total, then saved; a signatory), submits it; the
 * Souss-Massa coordinator approves it; the delegate signs it; the central analyst reads it in
 * French. No serious accessibility violation on the list, the editor or the signed page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;

async function act(page: Page, action: string): Promise<void> {
  await page.getByTestId(`approval-action-${action}`).click();
  await page.getByTestId('approval-confirm').click();
  await page.getByTestId('approval-confirm').waitFor({ state: 'detached' });
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('convention screens', () => {
  it('draft, refuse amounts that miss the total, submit, approve, sign, read in French', async () => {
    const delegate = await signedInPage('agadir');
    await delegate.getByTestId('nav-conventions').click();
    await delegate.getByTestId('convention-create').waitFor();
    await expectAccessible(delegate, 'conventions list ar');

    await delegate.getByTestId('convention-create').click();
    await delegate.getByTestId('convention-create-association').fill('Taliba Agadir');
    await delegate.getByRole('option', { name: 'جمعية دار الطالبة أكادير' }).click();
    await delegate.getByTestId('convention-terms-objectAr').fill('دعم تسيير دار الطالبة');
    await delegate.getByTestId('convention-terms-objectFr').fill('Appui au fonctionnement de la Dar Taliba');
    await delegate.getByTestId('convention-terms-startsOn').fill('2026-01-01');
    await delegate.getByTestId('convention-terms-endsOn').fill('2026-12-31');
    await delegate.getByTestId('convention-terms-totalMad').fill('120000');
    await delegate.getByTestId('convention-institution-0').check();
    await delegate.getByTestId('convention-create-submit').click();
    await delegate.getByTestId('convention-section-funding').waitFor();
    const reference = (await delegate.locator('h1').textContent())!.match(/CONV-\d{4}-\d{6}/)![0];

    // Funding: Entraide Nationale alone, first 119,999.99 (refused, in Arabic), then the total.
    await delegate.getByTestId('convention-add-partner').click();
    await choose(delegate, 'convention-partner-0-kind', 'التعاون الوطني');
    await delegate.getByTestId('convention-partner-0-nameAr').fill('التعاون الوطني');
    await delegate.getByTestId('convention-partner-0-nameFr').fill('Entraide Nationale');
    await delegate.getByTestId('convention-partner-0-amount-0-amountMad').fill('119999.99');
    await delegate.getByTestId('convention-save-funding').click();
    await expect.poll(() => delegate.getByTestId('convention-section-funding').textContent()).toContain('يجب أن يتساويا');
    expect(await delegate.getByTestId('convention-saved-funding').count()).toBe(0);
    await delegate.getByTestId('convention-partner-0-amount-0-amountMad').fill('120000');
    await delegate.getByTestId('convention-save-funding').click();
    await delegate.getByTestId('convention-saved-funding').waitFor();

    await delegate.getByTestId('convention-add-signatory').click();
    await delegate.getByTestId('convention-signatory-0-fullName').fill('فاطمة الزهراء بنعلي');
    await delegate.getByTestId('convention-signatory-0-title').fill('المندوبة الإقليمية');
    await choose(delegate, 'convention-signatory-0-party', 'التعاون الوطني');
    await delegate.getByTestId('convention-save-signatories').click();
    await delegate.getByTestId('convention-saved-signatories').waitFor();
    await expectAccessible(delegate, 'convention editor ar');
    await act(delegate, 'submit');
    await expect.poll(() => delegate.getByTestId('approval-state').textContent()).toBe('مُرسل');
    expect(await delegate.getByTestId('convention-save-funding').count()).toBe(0);
    const url = delegate.url();

    // The coordinator approves; the convention becomes approved.
    const coordinator = await signedInPage('souss-massa');
    await coordinator.goto(url);
    await coordinator.getByTestId('approval-panel').waitFor();
    await act(coordinator, 'approve');
    await expect.poll(() => coordinator.getByTestId('convention-status').textContent()).toBe('مصادق عليها');

    // The delegate signs it.
    await delegate.reload();
    await delegate.getByTestId('convention-sign-submit').click();
    await expect.poll(() => delegate.getByTestId('convention-status').textContent()).toBe('موقعة');
    await delegate.getByTestId('convention-amendment-open').waitFor();
    await expectAccessible(delegate, 'signed convention ar');

    // The central analyst reads it in French, left to right, and finds it in the list.
    const central = await signedInPage('central');
    await central.goto(url);
    await expect.poll(() => central.getByTestId('convention-status').textContent()).toBe('Signée');
    expect(await central.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await central.getByTestId('convention-section-funding').textContent()).toContain('Entraide Nationale');
    expect(await central.getByTestId('convention-sign-submit').count()).toBe(0);
    await expectAccessible(central, 'signed convention fr');
    await central.getByTestId('nav-conventions').click();
    await expect.poll(() => central.getByTestId('conventions-table').textContent()).toContain(reference);
    for (const p of [delegate, coordinator, central]) await p.context().close();
  }, 180_000);
});
