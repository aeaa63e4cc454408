/**
 * Justification of a tranche and an audit mission in a real browser, on the demo association of
 * Aït Melloul: the association's officer (Arabic, RTL) presents a ledger payment and submits; the
 * Inezgane delegate (French, LTR) partly accepts it with a reason, the remainder shown; then opens
 * an unannounced mission and records a critical finding. No serious accessibility violation.
 */
import { describe, expect, it } from 'vitest';
import { useStaffApp } from './staff-app.ts';
import { createConvention, createPaidTranche, createPayment } from '../src/modules/subsidies/server/audits/testing.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;
/** Amounts are compared on their digits: the grouping and decimal signs are the browser's locale data. */
const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

describe('justification and audit screens', () => {
  it('from the association\'s justification to the delegation\'s review, then a mission with a critical finding', async () => {
    const [officer] = await app.server.owner<{ association_id: string }>(`SELECT association_id FROM access.users WHERE username = 'inezgane-association'`);
    const institutions = await app.server.owner<{ id: string }>('SELECT id FROM registry.institutions WHERE association_id = $1 ORDER BY name_fr LIMIT 1', [officer!.association_id]);
    const fixture = await createConvention(app.server, { existing: { associationId: officer!.association_id, institutionIds: institutions.map((i) => i.id) } });
    const tranche = await createPaidTranche(app.server, fixture.conventionId, { amountMad: '80000.00', paidMad: '80000.00' });
    // Dated today: the demo's books close every month but the last two.
    const entry = await createPayment(app.server, fixture.institutionIds[0]!, '30000.50', new Date().toISOString().slice(0, 10));
    await app.server.owner(`UPDATE access.users SET language = 'fr' WHERE username = 'inezgane'`);

    // The association, in Arabic.
    const association = await signedInPage('inezgane-association');
    expect(await association.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await association.getByTestId('nav-justifications').click();
    await association.getByTestId(`justify-start-${tranche}`).click();
    await association.getByTestId('justification-state').waitFor();
    await expect.poll(() => association.getByTestId('justification-state').textContent()).toBe('مسودة');
    await association.getByTestId(`justification-entry-${entry}`).click();
    await expect.poll(async () => digits(await association.getByTestId('justification-lines').textContent())).toContain('3000050');
    await expectAccessible(association, 'justification draft ar');
    await association.getByTestId('justification-submit').click();
    await expect.poll(() => association.getByTestId('justification-state').textContent()).toBe('مُرسَل');

    // The delegate, in French: the review queue, a partial acceptance needs a reason.
    const delegate = await signedInPage('inezgane');
    expect(await delegate.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await delegate.getByTestId('nav-justifications').click();
    const [convention] = await app.server.owner<{ reference: string }>('SELECT reference FROM subsidies.conventions WHERE id = $1', [fixture.conventionId]);
    await delegate.getByTestId('justifications-table').getByRole('link', { name: convention!.reference }).first().click();
    await delegate.getByTestId('justification-review-save').waitFor();
    await delegate.getByText('Partiellement justifiée').click();
    await delegate.getByTestId('justification-review-amount').fill('25000');
    await delegate.getByTestId('justification-review-save').click();
    await expect.poll(() => delegate.getByText('Indiquez le motif (au moins 5 caractères).').count()).toBeGreaterThan(0);
    await delegate.getByTestId('justification-review-reason').fill('Une facture manque pour 5 000,50 DH.');
    await delegate.getByTestId('justification-review-save').click();
    await expect.poll(() => delegate.getByTestId('justification-state').textContent()).toBe('Partiellement justifiée');
    // Remainder 80,000.00 − 25,000.00 carried over: 55,000.00.
    await expect.poll(async () => digits(await delegate.getByTestId('justification-figures').textContent())).toContain('5500000');
    await expectAccessible(delegate, 'reviewed justification fr');

    // An unannounced mission on the association, started, with a critical finding.
    await delegate.getByTestId('nav-audits').click();
    await delegate.getByTestId('mission-create').click();
    await delegate.getByTestId('mission-association').click();
    await delegate.getByRole('option').first().waitFor();
    const [name] = await app.server.owner<{ name_fr: string }>('SELECT name_fr FROM registry.associations WHERE id = $1', [officer!.association_id]);
    await delegate.getByTestId('mission-association').fill(name!.name_fr);
    await delegate.getByRole('option', { name: name!.name_fr }).click();
    await delegate.getByTestId('mission-kind').click();
    await delegate.getByRole('option', { name: 'Inopinée' }).click();
    await delegate.getByTestId('mission-starts').fill('2026-03-02');
    await delegate.getByTestId('mission-ends').fill('2026-03-04');
    await delegate.getByTestId('mission-team-name-0').fill('Samira Idrissi');
    await delegate.getByTestId('mission-team-role-0').fill('Inspectrice');
    await expectAccessible(delegate, 'new mission fr');
    await delegate.getByTestId('mission-save').click();
    await expect.poll(() => delegate.getByTestId('mission-status').textContent()).toBe('Programmée');
    await delegate.getByTestId('mission-advance').click();
    await expect.poll(() => delegate.getByTestId('mission-status').textContent()).toBe('En cours');
    await delegate.getByTestId('finding-severity').click();
    await delegate.getByRole('option', { name: 'Critique' }).click();
    await delegate.getByTestId('finding-amount').fill('12500.75');
    await delegate.getByTestId('finding-description').fill('Achats réglés en espèces sans facture');
    await delegate.getByTestId('finding-add').click();
    await expect.poll(async () => digits(await delegate.getByText(/En cause/).textContent())).toBe('1250075');
    await expect.poll(() => delegate.getByText('Critiques ouvertes : 1').count()).toBeGreaterThan(0);
    await expectAccessible(delegate, 'mission with a finding fr');
  }, 180_000);
});
