/**
 * Tranches in a real browser: the Agadir delegate plans a tranche on a signed convention and sees
 * it blocked by an open critical finding (the release is refused); the regional coordinator
 * overrides with a written reason, records the payment to the association's RIB and sees the
 * delay; the "due this month" page; a tranche cancelled and the convention closed, each after a
 * confirmation; accessible in Arabic (right to left) and in French.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInMorocco } from '../src/platform/deadlines/index.ts';
import { createConvention, createCriticalFinding, type TestConvention } from '../src/modules/subsidies/server/tranches/testing/factories.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { newPage, signIn, expectAccessible } = app;

const direction = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const today = todayInMorocco();
const year = Number(today.slice(0, 4));
const planned = addDays(today, -6);
let convention: TestConvention;

beforeAll(async () => {
  convention = await createConvention(app.server, {
    startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-12-31`, yearly: { [year - 1]: '90000.00', [year]: '90000.00', [year + 1]: '90000.00' },
  });
  await createCriticalFinding(app.server, convention.associationId);
});

describe('tranche screens', () => {
  it('plan, blocked release, override with a reason, payment and delay, in Arabic and French', async () => {
    const py = Number(planned.slice(0, 4));
    const delegate = await newPage();
    await signIn(delegate, 'agadir');
    await delegate.goto(`${app.server.baseUrl}/app/subsidies/conventions/${convention.id}/tranches`);
    await delegate.getByTestId('tranches-timeline').waitFor();
    expect(await direction(delegate)).toEqual({ lang: 'ar', dir: 'rtl' });

    await delegate.getByTestId('tranche-plan-open').click();
    await delegate.getByTestId('tranche-plan-date').fill(planned);
    await delegate.getByTestId('tranche-plan-amount').fill('30000');
    await delegate.getByTestId('tranche-plan-submit').click();
    await delegate.getByTestId(`tranche-blocked-${py}-1`).waitFor();
    await expect.poll(() => delegate.getByTestId('tranche-condition-no_open_critical_finding').textContent()).toContain('غير مستوفى');
    await expectAccessible(delegate, 'tranche timeline, blocked, ar');

    // The delegate may not override: the database refuses the release, the message says why.
    await delegate.getByTestId(`tranche-release-${py}-1`).click();
    await delegate.getByTestId('tranche-release-submit').click();
    await expect.poll(() => delegate.getByTestId('form-error').textContent()).toContain('شرط مانع غير مستوفى');
    await delegate.keyboard.press('Escape');
    await expect.poll(() => delegate.getByTestId(`tranche-status-${py}-1`).textContent()).toBe('مبرمج');

    // The regional coordinator overrides with a written reason, in French.
    const coordinator = await newPage();
    await signIn(coordinator, 'souss-massa');
    await coordinator.goto(`${app.server.baseUrl}/app/subsidies/conventions/${convention.id}/tranches`);
    await coordinator.getByTestId('language-fr').click();
    await expect.poll(() => direction(coordinator)).toEqual({ lang: 'fr', dir: 'ltr' });
    await coordinator.getByTestId(`tranche-release-${py}-1`).click();
    await coordinator.getByTestId('tranche-override-reason').fill('Constatation en cours de levée, les enfants doivent être nourris');
    await coordinator.getByTestId('tranche-release-submit').click();
    await expect.poll(() => coordinator.getByTestId(`tranche-status-${py}-1`).textContent()).toBe('Débloquée');
    await expect.poll(() => coordinator.getByTestId(`tranche-${py}-1`).textContent()).toContain('les enfants doivent être nourris');

    // Payment to the association's RIB (proposed), for what remains due.
    await coordinator.getByTestId(`tranche-pay-${py}-1`).click();
    expect(await coordinator.getByTestId('tranche-pay-rib').inputValue()).toBe(convention.rib);
    await coordinator.getByTestId('tranche-pay-order').fill('OP-2026-0042');
    await coordinator.getByTestId('tranche-pay-reference').fill('VIR-778812');
    await coordinator.getByTestId('tranche-pay-submit').click();
    await expect.poll(() => coordinator.getByTestId(`tranche-status-${py}-1`).textContent()).toBe('Payée');
    await expect.poll(() => coordinator.getByTestId(`tranche-delay-${py}-1`).textContent()).toContain('Délai date prévue → paiement : 6 jour(s)');
    await expectAccessible(coordinator, 'tranche timeline, paid, fr');
    expect(await coordinator.getByTestId('tranche-statement-fr').getAttribute('href')).toBe(`/api/subsidies/conventions/${convention.id}/tranches/statement.pdf?lang=fr`);

    // What is due this month: the page opens from the navigation, accessible.
    await coordinator.getByTestId('nav-subsidies-due').click();
    await coordinator.getByTestId('tranches-due-month').waitFor();
    await expectAccessible(coordinator, 'due this month, fr');
  }, 180_000);

  it('cancel a tranche, then close the convention, each after a confirmation, in Arabic', async () => {
    const settled = await createConvention(app.server, {
      startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-12-31`, yearly: { [year - 1]: '50000.00', [year]: '50000.00', [year + 1]: '50000.00' },
    });
    const delegate = await newPage();
    await signIn(delegate, 'agadir');
    await delegate.goto(`${app.server.baseUrl}/app/subsidies/conventions/${settled.id}`);
    await delegate.getByTestId('tranches-timeline').waitFor();
    await delegate.getByTestId('tranche-plan-open').click();
    await delegate.getByTestId('tranche-plan-date').fill(`${year}-10-01`);
    await delegate.getByTestId('tranche-plan-amount').fill('20000');
    await delegate.getByTestId('tranche-plan-submit').click();
    await delegate.getByTestId(`tranche-${year}-1`).waitFor();

    // Closing is refused while the tranche is planned: the dialog says why and nothing changes.
    await delegate.getByTestId('convention-close').click();
    await delegate.getByTestId('convention-end-confirm').click();
    await expect.poll(() => delegate.getByTestId('form-error').textContent()).toContain('ما تزال أشطر مبرمجة');
    await delegate.keyboard.press('Escape');

    await delegate.getByTestId(`tranche-cancel-${year}-1`).click();
    await delegate.getByTestId('tranche-cancel-confirm').waitFor();
    await expectAccessible(delegate, 'tranche cancel dialog, ar');
    await delegate.getByTestId('tranche-cancel-confirm').click();
    await expect.poll(() => delegate.getByTestId(`tranche-status-${year}-1`).textContent()).toBe('ملغى');

    await delegate.getByTestId('convention-close').click();
    await delegate.getByTestId('convention-end-reason').fill('انتهى البرنامج');
    await expectAccessible(delegate, 'convention close dialog, ar');
    await delegate.getByTestId('convention-end-confirm').click();
    await expect.poll(() => delegate.getByTestId('convention-status').textContent()).toBe('مختتمة');
    await expect.poll(() => delegate.getByTestId('convention-ended').textContent()).toContain('انتهى البرنامج');
    expect(await delegate.getByTestId('convention-cancel').count()).toBe(0);
    await expectAccessible(delegate, 'closed convention, ar');
  }, 120_000);
});
