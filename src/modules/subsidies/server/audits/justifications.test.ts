import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { multipart, samplePdf } from '../../../../platform/documents/samples.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';
import { createConvention, createPaidTranche, createPayment, type ConventionFixture } from './testing.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Session = Awaited<ReturnType<typeof signedIn>>;

const count = async (table: string, where: string, values: unknown[]) =>
  Number((await server.owner<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, values))[0]!.n);
const linesOf = (justificationId: string) => count('subsidies.justification_lines', 'justification_id = $1', [justificationId]);
const stateOf = async (justificationId: string) => (await server.owner<{ state: string }>('SELECT state FROM subsidies.justifications WHERE id = $1', [justificationId]))[0]!.state;
const figures = async (trancheId: string) =>
  (await server.owner<{ paid: string; justified: string }>('SELECT subsidies.paid_mad($1)::numeric(14, 2)::text AS paid, subsidies.justified_mad($1)::numeric(14, 2)::text AS justified', [trancheId]))[0]!;

async function people(fixture: ConventionFixture, language: 'ar' | 'fr' = 'fr') {
  return {
    association: await signedIn(server, { role: 'association_officer', scope: { association: fixture.associationId }, language }),
    delegate: await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language }),
  };
}

async function draft(association: Session, trancheId: string) {
  const created = await association.post('/api/subsidies/justifications', { trancheId });
  expect(created.statusCode, created.body).toBe(200);
  return created.json() as { id: string; state: string; can: { edit: boolean; review: boolean } };
}

describe('justification of a tranche', () => {
  it('goes from the association\'s lines (ledger payment and uploaded statement) to a partial review, the rest carried over to the next tranche', async () => {
    const fixture = await createConvention(server, { institutions: 2 });
    const first = await createPaidTranche(server, fixture.conventionId, { position: 1, amountMad: '100000.00', paidMad: '60000.00' });
    const second = await createPaidTranche(server, fixture.conventionId, { position: 2, amountMad: '100000.00', paidMad: '100000.00' });
    const food = await createPayment(server, fixture.institutionIds[0]!, '35000.40');
    const { association, delegate } = await people(fixture);

    // What the association has to justify, the earlier tranche's remainder carried over to the later one.
    const toJustify = (await association.get('/api/subsidies/justifications/tranches')).json().items as { trancheId: string; remainderMad: string; carriedOverMad: string }[];
    expect(toJustify.find((t) => t.trancheId === first)).toMatchObject({ remainderMad: '60000.00', carriedOverMad: '0.00' });
    expect(toJustify.find((t) => t.trancheId === second)).toMatchObject({ remainderMad: '100000.00', carriedOverMad: '60000.00' });

    const j = await draft(association, first);
    expect(j).toMatchObject({ state: 'draft', can: { edit: true, review: false } });
    const candidates = (await association.get(`/api/subsidies/justifications/${j.id}/entries`)).json().items as { id: string }[];
    expect(candidates.map((c) => c.id)).toEqual([food]);

    // A ledger payment: its date, amount and wording by default.
    const withEntry = await association.post(`/api/subsidies/justifications/${j.id}/lines`, { institutionId: fixture.institutionIds[0], financeEntryId: food });
    expect(withEntry.statusCode, withEntry.body).toBe(200);
    expect(withEntry.json().lines).toMatchObject([{ financeEntryId: food, amountMad: '35000.40', spentOn: '2025-04-15', description: 'Achat de denrées' }]);
    // It is no longer offered.
    expect((await association.get(`/api/subsidies/justifications/${j.id}/entries`)).json().items).toEqual([]);

    // An uploaded statement of the second institution.
    const uploaded = await association.request({
      method: 'POST',
      url: '/api/documents',
      ...multipart({ ownerType: 'subsidy_justification', ownerId: j.id, category: 'spending_statement', title: 'Relevé des salaires' }, { name: 'releve.pdf', data: samplePdf('releve') }),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const documentId = uploaded.json().id as string;
    const withStatement = await association.post(`/api/subsidies/justifications/${j.id}/lines`, {
      institutionId: fixture.institutionIds[1], documentId, spentOn: '2025-05-31', description: 'Salaires de mai', amountMad: '20000',
    });
    expect(withStatement.statusCode, withStatement.body).toBe(200);
    expect(withStatement.json().lines).toHaveLength(2);
    expect(withStatement.json().presentedMad).toBe('55000.40');

    const submitted = await association.post(`/api/subsidies/justifications/${j.id}/submit`);
    expect(submitted.json()).toMatchObject({ state: 'submitted', can: { edit: false } });
    // The delegation sees it in its queue and may review it.
    const queue = (await delegate.get('/api/subsidies/justifications?state=submitted')).json().items as { id: string }[];
    expect(queue.map((x) => x.id)).toContain(j.id);
    expect((await delegate.get(`/api/subsidies/justifications/${j.id}`)).json().can).toEqual({ edit: false, review: true });

    const reviewed = await delegate.post(`/api/subsidies/justifications/${j.id}/review`, { decision: 'partly_justified', acceptedMad: '50000.40', reason: 'Facture de denrées incomplète' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ state: 'partly_justified', acceptedMad: '50000.40', reviewReason: 'Facture de denrées incomplète' });
    expect(reviewed.json().tranche).toMatchObject({ paidMad: '60000.00', justifiedMad: '50000.40', remainderMad: '9999.60' });
    expect(await figures(first)).toEqual({ paid: '60000.00', justified: '50000.40' });

    // The remainder is carried over: shown on the next tranche, and still open on this one.
    const after = (await association.get('/api/subsidies/justifications/tranches')).json().items as { trancheId: string; remainderMad: string; carriedOverMad: string }[];
    expect(after.find((t) => t.trancheId === second)?.carriedOverMad).toBe('9999.60');
    expect(after.find((t) => t.trancheId === first)?.remainderMad).toBe('9999.60');
    const again = await draft(association, first);
    expect(again.state).toBe('draft');

    // Every write is in the audit log.
    expect(await count('audit.log', "table_name = 'subsidies.justifications' AND record_id = $1", [j.id])).toBeGreaterThanOrEqual(3);
    expect(await count('audit.log', "table_name = 'subsidies.justification_lines'", [])).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad lines, empty submissions and impossible reviews with a clear message, writing nothing', async () => {
    const fixture = await createConvention(server);
    const other = await createConvention(server);
    const tranche = await createPaidTranche(server, fixture.conventionId, { amountMad: '10000.00', paidMad: '10000.00' });
    const ours = await createPayment(server, fixture.institutionIds[0]!, '12000.00');
    const theirs = await createPayment(server, other.institutionIds[0]!, '500.00');
    const receipt = await createPayment(server, fixture.institutionIds[0]!, '300.00', '2025-04-20', 'receipt');
    const { association, delegate } = await people(fixture, 'ar');
    const j = await draft(association, tranche);
    const addLine = (body: object) => association.post(`/api/subsidies/justifications/${j.id}/lines`, body);

    const empty = await association.post(`/api/subsidies/justifications/${j.id}/submit`);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().detail ?? empty.json().title).toContain('أضف سطرا');
    expect(await stateOf(j.id)).toBe('draft');

    // Another association's payment is out of the user's scope; an institution of the same association not covered by the convention is refused.
    const foreign = await addLine({ institutionId: other.institutionIds[0], financeEntryId: theirs });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors.map((e: { path: string }) => e.path)).toEqual(['financeEntryId']);
    const uncovered = await createInstitution(server, { associationId: fixture.associationId });
    const notCovered = await addLine({ institutionId: uncovered.id, financeEntryId: await createPayment(server, uncovered.id, '700.00') });
    expect(notCovered.json()).toMatchObject({ status: 409, code: 'line_institution_not_covered' });
    const receiptLine = await addLine({ institutionId: fixture.institutionIds[0], financeEntryId: receipt });
    expect(receiptLine.statusCode).toBe(409);
    expect(receiptLine.json()).toMatchObject({ code: 'line_entry_not_payment' });
    const over = await addLine({ institutionId: fixture.institutionIds[0], financeEntryId: ours, amountMad: '12000.01' });
    expect(over.json()).toMatchObject({ status: 409, code: 'line_over_entry' });
    const noEvidence = await addLine({ institutionId: fixture.institutionIds[0], spentOn: '2025-04-01', description: 'Sans pièce', amountMad: '10' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().errors.map((e: { path: string }) => e.path)).toEqual(['financeEntryId']);
    const badAmount = await addLine({ institutionId: fixture.institutionIds[0], financeEntryId: ours, amountMad: '12.345' });
    expect(badAmount.statusCode).toBe(400);
    expect(await linesOf(j.id)).toBe(0);

    // Presented more than was paid: "justified" would accept more than the tranche's 10,000.00.
    expect((await addLine({ institutionId: fixture.institutionIds[0], financeEntryId: ours })).statusCode).toBe(200);
    // A second justification of the same tranche while this one is open.
    const twice = await association.post('/api/subsidies/justifications', { trancheId: tranche });
    expect(twice.json()).toMatchObject({ status: 409, errors: [{ path: 'trancheId' }] });
    expect(await count('subsidies.justifications', 'tranche_id = $1', [tranche])).toBe(1);
    // The same payment in a second justification (another convention of the same association would be the real case).
    expect((await association.post(`/api/subsidies/justifications/${j.id}/submit`)).statusCode).toBe(200);
    const lateLine = await addLine({ institutionId: fixture.institutionIds[0], financeEntryId: ours });
    expect(lateLine.json()).toMatchObject({ status: 409, code: 'justification_not_draft' });

    const review = (body: object) => delegate.post(`/api/subsidies/justifications/${j.id}/review`, body);
    const overPaid = await review({ decision: 'justified' });
    expect(overPaid.json()).toMatchObject({ status: 409, code: 'accepted_over_paid' });
    const notPartial = await review({ decision: 'partly_justified', acceptedMad: '12000.00', reason: 'Tout est là' });
    expect(notPartial.json()).toMatchObject({ status: 409, code: 'accepted_partial_range' });
    const noReason = await review({ decision: 'rejected' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    expect(await stateOf(j.id)).toBe('submitted');
    expect(await figures(tranche)).toEqual({ paid: '10000.00', justified: '0.00' });

    // Rejected: nothing justified, and the payment may be presented again in a new justification.
    const rejected = await review({ decision: 'rejected', reason: 'Dépense hors objet de la convention' });
    expect(rejected.json()).toMatchObject({ state: 'rejected', acceptedMad: '0.00' });
    const next = await draft(association, tranche);
    expect((await association.post(`/api/subsidies/justifications/${next.id}/lines`, { institutionId: fixture.institutionIds[0], financeEntryId: ours, amountMad: '10000' })).statusCode).toBe(200);
    await association.post(`/api/subsidies/justifications/${next.id}/submit`);
    expect((await delegate.post(`/api/subsidies/justifications/${next.id}/review`, { decision: 'justified' })).json()).toMatchObject({ state: 'justified', acceptedMad: '10000.00' });
    // Fully justified: a new draft is refused.
    const full = await association.post('/api/subsidies/justifications', { trancheId: tranche });
    expect(full.json()).toMatchObject({ status: 409, code: 'justification_complete' });
  });

  it('refuses a tranche with nothing paid, and a statement that belongs to another record', async () => {
    const fixture = await createConvention(server);
    const unpaid = await createPaidTranche(server, fixture.conventionId, { paidMad: '0' });
    const paid = await createPaidTranche(server, fixture.conventionId, { position: 2 });
    const { association } = await people(fixture);
    const refused = await association.post('/api/subsidies/justifications', { trancheId: unpaid });
    expect(refused.json()).toMatchObject({ status: 409, code: 'justification_nothing_paid' });
    expect(await count('subsidies.justifications', 'tranche_id = $1', [unpaid])).toBe(0);

    const a = await draft(association, paid);
    // A document uploaded to a mission or another justification is not this justification's statement.
    const [foreign] = await server.owner<{ id: string }>(
      `INSERT INTO documents.documents (owner_type, owner_id, category, title, association_id) VALUES ('institution', $1, 'other', 'Autre', $2) RETURNING id`,
      [fixture.institutionIds[0], fixture.associationId],
    );
    const line = await association.post(`/api/subsidies/justifications/${a.id}/lines`, {
      institutionId: fixture.institutionIds[0], documentId: foreign!.id, spentOn: '2025-06-01', description: 'Relevé', amountMad: '100',
    });
    expect(line.json()).toMatchObject({ status: 409, code: 'line_document_foreign' });
    expect(await linesOf(a.id)).toBe(0);
  });

  it('lets only the association justify and only the delegation review, and hides other scopes (404)', async () => {
    const fixture = await createConvention(server);
    const tranche = await createPaidTranche(server, fixture.conventionId);
    const entry = await createPayment(server, fixture.institutionIds[0]!, '1000.00');
    const { association, delegate } = await people(fixture);
    const inspector = await signedIn(server, { role: 'inspector', scope: '09.001' });
    const elsewhere = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const strangers = await signedIn(server, { role: 'association_officer', scope: { association: (await createConvention(server)).associationId } });

    expect((await delegate.post('/api/subsidies/justifications', { trancheId: tranche })).statusCode).toBe(403);
    expect((await strangers.post('/api/subsidies/justifications', { trancheId: tranche })).statusCode).toBe(404);
    expect(await count('subsidies.justifications', 'tranche_id = $1', [tranche])).toBe(0);

    const j = await draft(association, tranche);
    expect((await strangers.post(`/api/subsidies/justifications/${j.id}/lines`, { institutionId: fixture.institutionIds[0], financeEntryId: entry })).statusCode).toBe(404);
    expect((await delegate.post(`/api/subsidies/justifications/${j.id}/lines`, { institutionId: fixture.institutionIds[0], financeEntryId: entry })).statusCode).toBe(403);
    await association.post(`/api/subsidies/justifications/${j.id}/lines`, { institutionId: fixture.institutionIds[0], financeEntryId: entry });
    await association.post(`/api/subsidies/justifications/${j.id}/submit`);

    expect((await association.post(`/api/subsidies/justifications/${j.id}/review`, { decision: 'justified' })).statusCode).toBe(403);
    expect((await inspector.post(`/api/subsidies/justifications/${j.id}/review`, { decision: 'justified' })).statusCode).toBe(403);
    expect((await elsewhere.get(`/api/subsidies/justifications/${j.id}`)).statusCode).toBe(404);
    expect((await elsewhere.post(`/api/subsidies/justifications/${j.id}/review`, { decision: 'justified' })).statusCode).toBe(404);
    expect((await strangers.get(`/api/subsidies/justifications/${j.id}`)).statusCode).toBe(404);
    expect((await elsewhere.get('/api/subsidies/justifications')).json().items.map((x: { id: string }) => x.id)).not.toContain(j.id);
    expect(await stateOf(j.id)).toBe('submitted');
    // The inspector reads it (audits need the evidence).
    expect((await inspector.get(`/api/subsidies/justifications/${j.id}`)).json().lines).toHaveLength(1);
  });

  it('lets the tables\' owner load reviewed history (demo data), whose review then stays final', async () => {
    const fixture = await createConvention(server);
    const tranche = await createPaidTranche(server, fixture.conventionId, { amountMad: '5000.00', paidMad: '5000.00' });
    const entry = await createPayment(server, fixture.institutionIds[0]!, '4000.00');
    const [j] = await server.owner<{ id: string }>(
      `INSERT INTO subsidies.justifications (tranche_id, submitted_on, state, accepted_mad, review_reason, reviewed_on) VALUES ($1, '2025-06-01', 'partly_justified', 3500, 'Une facture manque', '2025-06-15') RETURNING id`,
      [tranche],
    );
    await server.owner(`INSERT INTO subsidies.justification_lines (justification_id, institution_id, finance_entry_id, spent_on, description, amount_mad) VALUES ($1, $2, $3, '2025-04-15', 'Denrées', 4000)`, [j!.id, fixture.institutionIds[0], entry]);
    expect(await figures(tranche)).toEqual({ paid: '5000.00', justified: '3500.00' });
    // A review stays final, whoever writes.
    await expect(server.owner(`UPDATE subsidies.justifications SET accepted_mad = 4000 WHERE id = $1`, [j!.id])).rejects.toThrow(/review is final/);
  });
});
