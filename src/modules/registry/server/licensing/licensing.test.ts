/**
 * The licensing lifecycle through the API and, for the rules that must hold whatever writes,
 * through direct SQL as the application role: the state machine, refusals with reasons, the clock
 * that stops for a missing document and restarts from zero, days left and the warning, scope, the
 * queue and the PDFs read back.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInMorocco } from '../../../../platform/deadlines/index.ts';
import { multipart, samplePdf } from '../../../../platform/documents/samples.ts';
import { pdfPageRuns } from '../../../../platform/reports/testing/pdf-text.ts';
import { closeBrowser } from '../../../../platform/reports/index.ts';
import { signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import type { DueItem, Licensing, StepBody } from '../../contract/licensing.ts';
import { createInstitution } from '../../testing/factories.ts';

let server: TestServer;
let app: pg.Client;
let delegate: Session & { id: string };
const today = todayInMorocco();
const day = (n: number) => addDays(today, n);

beforeAll(async () => {
  server = await startTestServer();
  app = new pg.Client({ connectionString: server.appUrl });
  await app.connect();
  delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
});
afterAll(async () => {
  await closeBrowser();
  await app.end();
  await server.close();
});

const licensing = async (s: Session, id: string) => (await s.get(`/api/institutions/${id}/licensing`)).json() as Licensing;
const step = (s: Session, id: string, body: StepBody | Record<string, unknown>) => s.post(`/api/institutions/${id}/licensing/steps`, body);
async function ok(s: Session, id: string, body: StepBody): Promise<Licensing> {
  const response = await step(s, id, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Licensing;
}

/** Files, gets the opinion and sends the file: the institution waits for the ministry. */
async function sentInstitution(filedDaysAgo = 30): Promise<string> {
  const { id } = await createInstitution(server);
  await ok(delegate, id, { kind: 'application_filed', occurredOn: day(-filedDaysAgo) });
  await ok(delegate, id, { kind: 'committee_opinion', occurredOn: day(-filedDaysAgo + 1), opinion: 'favourable' });
  await ok(delegate, id, { kind: 'file_sent', occurredOn: day(-filedDaysAgo + 2) });
  return id;
}

async function authorisedInstitution(number: string): Promise<string> {
  const id = await sentInstitution();
  await ok(delegate, id, { kind: 'ministry_decision', occurredOn: day(-5), outcome: 'authorised', licenceNumber: number, licenceDate: day(-6) });
  return id;
}

/** Runs SQL in one transaction as the given account's context (the application role), then rolls back. */
async function asUser<T extends pg.QueryResultRow>(userId: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const [u] = await server.owner<{ role: string; scope_level: string; region_id: string | null; delegation_id: string | null }>(
    'SELECT role, scope_level, region_id, delegation_id FROM access.users WHERE id = $1', [userId]);
  await app.query('BEGIN');
  try {
    await app.query(
      `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true), set_config('app.scope_level', $3, true),
              set_config('app.region_id', coalesce($4, ''), true), set_config('app.delegation_id', coalesce($5, ''), true)`,
      [userId, u!.role, u!.scope_level, u!.region_id, u!.delegation_id]);
    return (await app.query<T>(sql, values)).rows;
  } finally {
    await app.query('ROLLBACK');
  }
}

describe('the licensing state machine', () => {
  it('goes from filing to authorisation in order, dated and signed, and refuses every step out of order', async () => {
    const { id } = await createInstitution(server);
    const empty = await licensing(delegate, id);
    expect(empty).toMatchObject({ status: 'pending', stage: null, allowed: ['application_filed'], steps: [], clock: null });

    // Nothing but a filing may come first.
    for (const body of [
      { kind: 'committee_opinion', occurredOn: day(-50), opinion: 'favourable' },
      { kind: 'file_sent', occurredOn: day(-50) },
      { kind: 'ministry_decision', occurredOn: day(-50), outcome: 'authorised', licenceNumber: 'X1', licenceDate: day(-50) },
      { kind: 'suspended', occurredOn: day(-50), reasons: 'Hygiène' },
      { kind: 'closure_notified', occurredOn: day(-50) },
    ] as StepBody[]) {
      const refused = await step(delegate, id, body);
      expect(refused.statusCode, body.kind).toBe(409);
      expect(refused.json().errors).toEqual([{ path: 'kind', message: "Cette étape ne peut pas suivre l'état actuel de l'autorisation." }]);
    }

    const filed = await ok(delegate, id, { kind: 'application_filed', occurredOn: day(-50) });
    expect(filed).toMatchObject({ stage: 'filed', status: 'pending', founderKind: 'private_law', allowed: ['committee_opinion', 'document_requested'] });
    expect(filed.clock).toMatchObject({ kind: 'committee_opinion', startedOn: day(-50), days: 30, dueOn: day(-20), daysLeft: -20, warning: true, stoppedOn: null });
    // The checklist of an association's application: its founder items, the institution's and the director's.
    expect(filed.checklist.map((c) => c.item)).toContain('statutes');
    expect(filed.checklist.map((c) => c.item)).not.toContain('founder_cnie');
    expect(filed.checklist.map((c) => c.item)).toContain('director_criminal_record');

    expect((await step(delegate, id, { kind: 'file_sent', occurredOn: day(-45) })).statusCode).toBe(409);
    expect((await step(delegate, id, { kind: 'application_filed', occurredOn: day(-45) })).statusCode).toBe(409);
    await ok(delegate, id, { kind: 'committee_opinion', occurredOn: day(-45), opinion: 'favourable_with_changes' });
    expect((await step(delegate, id, { kind: 'ministry_decision', occurredOn: day(-44), outcome: 'authorised', licenceNumber: 'X1', licenceDate: day(-44) })).statusCode).toBe(409);
    const sent = await ok(delegate, id, { kind: 'file_sent', occurredOn: day(-40) });
    expect(sent.clock).toMatchObject({ kind: 'ministry_decision', days: 60, dueOn: day(20), daysLeft: 20, warning: false });

    // Dates: not before the previous step, not in the future.
    const early = await step(delegate, id, { kind: 'ministry_decision', occurredOn: day(-41), outcome: 'authorised', licenceNumber: 'X1', licenceDate: day(-41) });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([{ path: 'occurredOn', message: 'Une étape ne peut pas être datée avant la précédente.' }]);
    const future = await step(delegate, id, { kind: 'ministry_decision', occurredOn: day(3), outcome: 'authorised', licenceNumber: 'X1', licenceDate: day(1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('occurredOn');

    // A refusal without reasons is refused at the edge; nothing is written.
    const unreasoned = await step(delegate, id, { kind: 'ministry_refusal', occurredOn: day(-2) });
    expect(unreasoned.statusCode).toBe(400);
    expect(unreasoned.json().errors[0].path).toBe('reasons');
    expect((await licensing(delegate, id)).steps).toHaveLength(3);

    const authorised = await ok(delegate, id, { kind: 'ministry_decision', occurredOn: day(-2), outcome: 'authorised', licenceNumber: 'AUT-0914', licenceDate: day(-3) });
    expect(authorised).toMatchObject({ stage: 'authorised', status: 'authorised', licenceNumber: 'AUT-0914', licenceDate: day(-3), clock: null });
    expect(authorised.steps.map((s) => [s.seq, s.kind, s.occurredOn])).toEqual([
      [1, 'application_filed', day(-50)],
      [2, 'committee_opinion', day(-45)],
      [3, 'file_sent', day(-40)],
      [4, 'ministry_decision', day(-2)],
    ]);
    expect(authorised.steps.every((s) => s.createdBy?.id === delegate.id && s.createdBy.fullNameFr === 'Utilisateur de test')).toBe(true);
    const [row] = await server.owner<{ status: string; licence_number: string }>('SELECT status, licence_number FROM registry.institutions WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'authorised', licence_number: 'AUT-0914' });

    // After authorisation: no second filing; sanctions then suspension and reinstatement.
    expect((await step(delegate, id, { kind: 'application_filed', occurredOn: day(0) })).statusCode).toBe(409);
    expect((await step(delegate, id, { kind: 'reinstated', occurredOn: day(0) })).statusCode).toBe(409);
    await ok(delegate, id, { kind: 'warning', occurredOn: day(-1), reasons: 'Registre des bénéficiaires non tenu', regulariseBy: day(30) });
    expect((await ok(delegate, id, { kind: 'suspended', occurredOn: day(-1), reasons: 'Registre toujours absent' })).status).toBe('suspended');
    expect((await ok(delegate, id, { kind: 'reinstated', occurredOn: day(0) })).status).toBe('authorised');

    // Closure: 6 months' notice; closing before its end is refused.
    const closing = await ok(delegate, id, { kind: 'closure_notified', occurredOn: day(0) });
    expect(closing).toMatchObject({ stage: 'closing', status: 'closing' });
    expect(closing.clock).toMatchObject({ kind: 'closure_notice', startedOn: today, warning: false });
    expect(closing.clock!.daysLeft).toBeGreaterThanOrEqual(181);
    const tooSoon = await step(delegate, id, { kind: 'closed', occurredOn: day(0) });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().errors[0].path).toBe('occurredOn');
  });

  it('answers in the user\'s language, and refuses a licence number given twice', async () => {
    const arabic = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'ar' });
    const { id } = await createInstitution(server);
    const refused = await step(arabic, id, { kind: 'file_sent', occurredOn: today });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toEqual([{ path: 'kind', message: 'لا يمكن أن تلي هذه المرحلة الوضعية الحالية للترخيص.' }]);

    await authorisedInstitution('AUT-TWICE-1');
    const second = await sentInstitution();
    const twice = await step(delegate, second, { kind: 'ministry_decision', occurredOn: day(-1), outcome: 'authorised', licenceNumber: 'AUT-TWICE-1', licenceDate: day(-1) });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].path).toBe('licenceNumber');
    expect((await licensing(delegate, second)).stage).toBe('sent');
  });

  it('records a refusal with its reasons, and a new application after it', async () => {
    const id = await sentInstitution();
    const refused = await ok(delegate, id, { kind: 'ministry_refusal', occurredOn: day(-1), reasons: 'Locaux non conformes au cahier des charges' });
    expect(refused).toMatchObject({ stage: 'refused', status: 'refused', licenceNumber: null, allowed: ['application_filed'] });
    expect(refused.steps.at(-1)).toMatchObject({ kind: 'ministry_decision', outcome: 'refused', reasons: 'Locaux non conformes au cahier des charges' });
    const again = await ok(delegate, id, { kind: 'application_filed', occurredOn: day(0) });
    expect(again).toMatchObject({ stage: 'filed', status: 'pending' });
    expect(again.applicationId).toBe(again.steps.at(-1)!.id);

    // The institution's history tab shows the steps and the status they wrote.
    const history = (await delegate.get(`/api/history/institution/${id}?limit=100`)).json() as { items: { tableName: string; action: string }[] };
    expect(history.items.filter((e) => e.tableName === 'registry.licensing_steps')).toHaveLength(5);
    expect(history.items.filter((e) => e.tableName === 'registry.institutions' && e.action === 'update').length).toBeGreaterThanOrEqual(2);
  });

  it('holds in the database for the application role: order, reasons, append-only history, licence columns', async () => {
    const { id } = await createInstitution(server);
    const out = asUser(delegate.id, `INSERT INTO registry.licensing_steps (institution_id, kind, occurred_on, opinion) VALUES ($1, 'committee_opinion', $2, 'favourable')`, [id, today]);
    await expect(out).rejects.toMatchObject({ code: '23514', constraint: 'licensing_step_out_of_order' });

    const sent = await sentInstitution();
    const unreasoned = asUser(delegate.id, `INSERT INTO registry.licensing_steps (institution_id, kind, occurred_on, outcome) VALUES ($1, 'ministry_decision', $2, 'refused')`, [sent, today]);
    await expect(unreasoned).rejects.toMatchObject({ constraint: 'licensing_refusal_needs_reasons' });
    const blank = asUser(delegate.id, `INSERT INTO registry.licensing_steps (institution_id, kind, occurred_on, outcome, reasons) VALUES ($1, 'ministry_decision', $2, 'refused', '   ')`, [sent, today]);
    await expect(blank).rejects.toMatchObject({ constraint: 'licensing_refusal_needs_reasons' });
    const noNumber = asUser(delegate.id, `INSERT INTO registry.licensing_steps (institution_id, kind, occurred_on, outcome) VALUES ($1, 'ministry_decision', $2, 'authorised')`, [sent, today]);
    await expect(noNumber).rejects.toMatchObject({ constraint: 'licensing_authorisation_needs_licence' });

    // Only the state machine writes the status and the licence; history is never rewritten.
    await expect(asUser(delegate.id, `UPDATE registry.institutions SET status = 'authorised' WHERE id = $1`, [sent])).rejects.toMatchObject({ code: '42501' });
    await expect(asUser(delegate.id, `UPDATE registry.institutions SET licence_number = 'FAKE', licence_date = $2 WHERE id = $1`, [sent, today])).rejects.toMatchObject({ code: '42501' });
    await expect(asUser(delegate.id, `UPDATE registry.licensing_steps SET occurred_on = occurred_on - 1 WHERE institution_id = $1`, [sent])).rejects.toMatchObject({ code: '42501' });
    await expect(asUser(delegate.id, `DELETE FROM registry.licensing_steps WHERE institution_id = $1`, [sent])).rejects.toMatchObject({ code: '42501' });
    await expect(server.owner(`DELETE FROM registry.licensing_steps WHERE institution_id = $1`, [sent])).rejects.toMatchObject({ constraint: 'licensing_steps_append_only' });

    // A delegation cannot record a step on another delegation's institution, even in SQL.
    const inezgane = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const foreign = asUser(inezgane.id, `INSERT INTO registry.licensing_steps (institution_id, kind, occurred_on, outcome, licence_number, licence_date) VALUES ($1, 'ministry_decision', $2, 'authorised', 'X', $2)`, [sent, today]);
    await expect(foreign).rejects.toMatchObject({ code: '42501' });
    const [row] = await server.owner<{ status: string }>('SELECT status FROM registry.institutions WHERE id = $1', [sent]);
    expect(row!.status).toBe('pending');

    // Every step is audited.
    const audited = await server.owner<{ n: string }>(`SELECT count(*) AS n FROM audit.log WHERE table_name = 'registry.licensing_steps' AND after->>'institution_id' = $1 AND action = 'insert'`, [sent]);
    expect(Number(audited[0]!.n)).toBe(3);
  });
});

describe('the clock of the current step', () => {
  it('stops when a document is asked for and restarts from zero, the full delay again, when the file is complete', async () => {
    const { id } = await createInstitution(server);
    const filed = await ok(delegate, id, { kind: 'application_filed', occurredOn: day(-25) });
    expect(filed.clock).toMatchObject({ daysLeft: 5, warning: true, dueOn: day(5) });

    const notInChecklist = await delegate.post(`/api/institutions/${id}/licensing/request-document`, { occurredOn: day(-20), item: 'founding_decision' });
    expect(notInChecklist.statusCode).toBe(400);
    const stopped = await delegate.post(`/api/institutions/${id}/licensing/request-document`, { occurredOn: day(-20), item: 'statutes' });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect((stopped.json() as Licensing).clock).toMatchObject({ stoppedOn: day(-20), requestedItem: 'statutes', dueOn: null, daysLeft: null, warning: false });
    expect((stopped.json() as Licensing).allowed).toEqual(['file_completed']);

    // While it waits, nothing else goes on; completing needs the document attached.
    const blocked = await step(delegate, id, { kind: 'committee_opinion', occurredOn: day(-10), opinion: 'favourable' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().errors[0].message).toMatch(/document manquant/);
    const incomplete = await delegate.post(`/api/institutions/${id}/licensing/file-complete`, { occurredOn: day(-3) });
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().errors).toEqual([{ path: 'item', message: "Le document demandé n'est pas encore joint au dossier." }]);

    const upload = await delegate.request({
      method: 'POST',
      url: '/api/documents',
      ...multipart({ ownerType: 'licence_application', ownerId: stopped.json().applicationId, category: 'statutes', title: 'Statuts' }, { name: 'statuts.pdf', data: samplePdf('Statuts') }),
    });
    expect(upload.statusCode, upload.body).toBe(201);

    const restarted = await delegate.post(`/api/institutions/${id}/licensing/file-complete`, { occurredOn: day(-3) });
    expect(restarted.statusCode, restarted.body).toBe(200);
    const state = restarted.json() as Licensing;
    expect(state.clock).toMatchObject({ kind: 'committee_opinion', startedOn: day(-3), days: 30, stoppedOn: null, dueOn: day(27), daysLeft: 27, warning: false });
    expect(state.checklist.find((c) => c.item === 'statutes')?.document).toMatchObject({ title: 'Statuts' });
    expect(state.checklist.find((c) => c.item === 'managers_list')?.document).toBeNull();
    expect(state.steps.map((s) => s.kind)).toEqual(['application_filed', 'document_requested', 'file_completed']);
  });
});

describe('scope and permissions', () => {
  it('hides another delegation\'s licensing (404) and lets founders declare but not record', async () => {
    const id = await authorisedInstitution('AUT-SCOPE-1');
    const inezgane = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    expect((await inezgane.get(`/api/institutions/${id}/licensing`)).statusCode).toBe(404);
    expect((await step(inezgane, id, { kind: 'suspended', occurredOn: today, reasons: 'x' })).statusCode).toBe(404);
    expect((await inezgane.get(`/api/institutions/${id}/licence.pdf?lang=fr`)).statusCode).toBe(404);
    expect((await inezgane.get(`/api/institutions/${id}/extract.pdf?lang=ar`)).statusCode).toBe(404);
    const queue = (await inezgane.get('/api/licensing/due?limit=200')).json() as { items: DueItem[]; nextCursor: string | null };
    expect(queue.items.map((i) => i.institutionId)).not.toContain(id);

    const director = await signedIn(server, { role: 'institution_director', scope: { institution: id } });
    expect((await director.get(`/api/institutions/${id}/licensing`)).statusCode).toBe(200);
    expect((await step(director, id, { kind: 'suspended', occurredOn: today, reasons: 'x' })).statusCode).toBe(403);
    expect((await director.post(`/api/institutions/${id}/licensing/request-document`, { occurredOn: today, note: 'x' })).statusCode).toBe(403);
    const declared = await ok(director, id, { kind: 'change_declared', occurredOn: today, changeOn: day(-2), changeSubject: 'capacity' });
    expect(declared.steps.at(-1)).toMatchObject({ kind: 'change_declared', needsApproval: true, declaredLate: false });
    const late = await ok(director, id, { kind: 'change_declared', occurredOn: today, changeOn: day(-12), changeSubject: 'director' });
    expect(late.steps.at(-1)).toMatchObject({ needsApproval: false, declaredLate: true });
    expect(declared.awaitingApproval).toHaveLength(1);
    expect(declared.allowed).toContain('change_decided');
    // Changes to norms need approval: the delegation decides.
    expect((await step(director, id, { kind: 'change_decided', occurredOn: today, changeId: declared.awaitingApproval[0]!.id, outcome: 'approved' })).statusCode).toBe(403);
    const refusedChange = await step(delegate, id, { kind: 'change_decided', occurredOn: today, changeId: declared.awaitingApproval[0]!.id, outcome: 'refused' });
    expect(refusedChange.statusCode).toBe(400);
    expect(refusedChange.json().errors[0].path).toBe('reasons');
    const approved = await ok(delegate, id, { kind: 'change_decided', occurredOn: today, changeId: declared.awaitingApproval[0]!.id, outcome: 'approved' });
    expect(approved.awaitingApproval).toEqual([]);
    // The director's name is shown to whoever sees the step, even outside the director's own scope.
    expect(approved.steps.find((s) => s.kind === 'change_declared')?.createdBy?.id).toBe(director.id);
  });
});

describe('the queue of the delegation', () => {
  it('lists applications by due day with days left, filters and keyset pages', async () => {
    const a = await sentInstitution(58); // decision due in 4 days
    const b = await sentInstitution(30); // due in 32 days
    const { id: c } = await createInstitution(server);
    await ok(delegate, c, { kind: 'application_filed', occurredOn: day(-40) }); // opinion overdue by 10 days

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const url: string = `/api/licensing/due?limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const page = (await delegate.get(url)).json() as { items: DueItem[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.institutionId));
      after = page.nextCursor;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.indexOf(c)).toBeLessThan(seen.indexOf(a));
    expect(seen.indexOf(a)).toBeLessThan(seen.indexOf(b));

    const overdue = (await delegate.get('/api/licensing/due?due=overdue&limit=200')).json() as { items: DueItem[]; nextCursor: string | null };
    expect(overdue.items.find((i) => i.institutionId === c)).toMatchObject({ stage: 'filed', daysLeft: -10, warning: true, clockKind: 'committee_opinion' });
    expect(overdue.items.map((i) => i.institutionId)).not.toContain(a);
    const warning = (await delegate.get('/api/licensing/due?due=warning&stage=sent&limit=200')).json() as { items: DueItem[]; nextCursor: string | null };
    expect(warning.items.find((i) => i.institutionId === a)).toMatchObject({ daysLeft: 4, warning: true });
    expect(warning.items.map((i) => i.institutionId)).not.toContain(b);
  });
});

describe('PDFs', () => {
  it('prints the licence certificate and the registry extract in Arabic and French with the licence number and date', async () => {
    const id = await authorisedInstitution('AUT-PDF-0917');
    const [inst] = await server.owner<{ name_fr: string; name_ar: string }>('SELECT name_fr, name_ar FROM registry.institutions WHERE id = $1', [id]);
    for (const lang of ['ar', 'fr'] as const) {
      const licence = await delegate.get(`/api/institutions/${id}/licence.pdf?lang=${lang}`);
      expect(licence.statusCode).toBe(200);
      expect(licence.headers['content-type']).toBe('application/pdf');
      const runs = pdfPageRuns(licence.rawPayload).flat();
      expect(runs).toContain('AUT-PDF-0917');
      expect(runs).toContain(day(-6));
      expect(runs).toContain(lang === 'ar' ? 'الترخيص' : "d'autorisation");

      const extract = await delegate.get(`/api/institutions/${id}/extract.pdf?lang=${lang}`);
      expect(extract.statusCode).toBe(200);
      const text = pdfPageRuns(extract.rawPayload).flat();
      expect(text).toContain('AUT-PDF-0917');
      expect(text).toContain(day(-6));
      // The history: the filing date and the kind of each step, in the language asked for.
      expect(text).toContain(day(-30));
      expect(text).toContain(lang === 'ar' ? 'الطلب' : 'Demande');
      expect(text).toContain(lang === 'ar' ? 'الطالب' : 'Dar');
      expect(inst).toBeDefined();
    }
    const pending = await sentInstitution();
    expect((await delegate.get(`/api/institutions/${pending}/licence.pdf?lang=fr`)).statusCode).toBe(409);
    expect((await delegate.get(`/api/institutions/${pending}/extract.pdf?lang=fr`)).statusCode).toBe(200);
  });
});
