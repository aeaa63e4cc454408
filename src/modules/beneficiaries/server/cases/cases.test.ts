/**
 * The Jisr pathway through the API: the case file and its timeline (read logged), diagnoses on the
 * platform's forms, referrals and who may act on them, the scope (a sibling delegation gets 404),
 * notes, closing, and the caseload. Plans and follow-ups have their own files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';
import { createCase, createPerson, createRequest } from '../../testing/factories.ts';
import type { CaseFile, DiagnosisForm, ReferralItem } from '../../contract/cases.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function offers(institutionId: string, ...services: string[]) {
  for (const service of services) {
    await server.owner(`INSERT INTO registry.institution_services (institution_id, service, permanence, extent) VALUES ($1, $2, 'permanent', 'full')`, [institutionId, service]);
  }
}

const schooledAnswers = { sc_distance: 'high', sc_no_transport: true, sc_dropout_risk: true, scl_housing: 'moderate', scl_income: 'high', scl_isolation: false };

describe('the case file', () => {
  it('shows the timeline in date order and logs each reading', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const person = await createPerson(server);
    const kase = await createCase(server, { personId: person.id, handlerId: worker.id });
    await server.owner(`UPDATE beneficiaries.requests SET case_id = $1, received_at = now() - interval '3 days' WHERE id = $2`, [kase.id, (await createRequest(server, { personId: person.id })).id]);
    const note = await worker.post(`/api/cases/${kase.id}/notes`, { kind: 'visit', notedOn: '2026-01-05', body: 'Visite au domicile familial' });
    expect(note.statusCode).toBe(201);
    const res = await worker.get(`/api/cases/${kase.id}`);
    expect(res.statusCode).toBe(200);
    const file = res.json<CaseFile>();
    expect(file.number).toBe(kase.number);
    expect(file.handlerId).toBe(worker.id);
    expect(file.timeline.map((t) => t.kind)).toEqual(['note', 'request']);
    const logged = await server.owner<{ n: string }>(`SELECT count(*) AS n FROM beneficiaries.access_log WHERE case_id = $1 AND user_id = $2 AND action = 'case_file'`, [kase.id, worker.id]);
    // The note's answer (the whole file) and the reading: two readings.
    expect(Number(logged[0]!.n)).toBe(2);
  });

  it('is not found from a sibling delegation, for reads and writes', async () => {
    const person = await createPerson(server, { delegation: '09.001' });
    const kase = await createCase(server, { personId: person.id });
    const inezgane = await signedIn(server, { role: 'social_worker', scope: '09.273' });
    expect((await inezgane.get(`/api/cases/${kase.id}`)).statusCode).toBe(404);
    expect((await inezgane.patch(`/api/cases/${kase.id}`, { stage: 'diagnosis' })).statusCode).toBe(404);
    expect((await inezgane.post(`/api/cases/${kase.id}/notes`, { body: 'x' })).statusCode).toBe(404);
    expect((await inezgane.post(`/api/cases/${kase.id}/referrals`, { outsideService: 'Hôpital', service: 'primary_health_care' })).statusCode).toBe(404);
    expect((await inezgane.get(`/api/cases?personId=${person.id}`)).json<{ items: unknown[] }>().items).toHaveLength(0);
    const rows = await server.owner(`SELECT 1 FROM beneficiaries.case_notes WHERE case_id = $1 UNION ALL SELECT 1 FROM beneficiaries.referrals WHERE case_id = $1`, [kase.id]);
    expect(rows).toHaveLength(0);
  });

  it('lists cases with filters and keyset pages', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const person = await createPerson(server);
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push((await createCase(server, { personId: person.id, handlerId: worker.id, stage: 'orientation' })).id);
    const first = (await worker.get('/api/cases?handler=me&stage=orientation&limit=2')).json<{ items: { id: string }[]; nextCursor: string }>();
    expect(first.items).toHaveLength(2);
    const second = (await worker.get(`/api/cases?handler=me&stage=orientation&limit=2&after=${first.nextCursor}`)).json<{ items: { id: string }[]; nextCursor: null }>();
    expect([...first.items, ...second.items].map((c) => c.id).sort()).toEqual(ids.sort());
    expect(second.nextCursor).toBeNull();
    expect((await worker.get('/api/cases?after=garbage')).statusCode).toBe(400);
  });

  it('changes handler and target group, refuses a handler who does not handle cases, and closes with a reason', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const accountant = await createUser(server, { role: 'inspector', scope: '09.001' });
    const kase = await createCase(server, { personId: (await createPerson(server)).id });
    const bad = await worker.patch(`/api/cases/${kase.id}`, { handlerId: accountant.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('handlerId');
    const ok = await worker.patch(`/api/cases/${kase.id}`, { handlerId: worker.id, targetGroup: 'women_in_difficulty' });
    expect(ok.json<CaseFile>()).toMatchObject({ handlerId: worker.id, targetGroup: 'women_in_difficulty' });
    const closed = await worker.patch(`/api/cases/${kase.id}`, { closeReason: 'Situation stabilisée' });
    expect(closed.json<CaseFile>()).toMatchObject({ stage: 'closed', closeReason: 'Situation stabilisée' });
    expect((await worker.post(`/api/cases/${kase.id}/notes`, { body: 'après clôture' })).statusCode).toBe(409);
    expect((await worker.patch(`/api/cases/${kase.id}`, { stage: 'diagnosis' })).statusCode).toBe(409);
  });

  it('refuses a note dated in the future, in the user language', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001', language: 'fr' });
    const kase = await createCase(server, { personId: (await createPerson(server)).id });
    const res = await worker.post(`/api/cases/${kase.id}/notes`, { notedOn: '2999-01-01', body: 'futur' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string; message: string }[] }>().errors[0]).toMatchObject({ path: 'notedOn', message: expect.stringMatching(/futur/) });
  });
});

describe('diagnosis', () => {
  it('offers the forms of the case target group, stores the scored answers and moves the case to diagnosis', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const kase = await createCase(server, { personId: (await createPerson(server)).id, targetGroup: 'schooled_children' });
    const forms = (await worker.get(`/api/cases/${kase.id}/diagnosis-forms`)).json<{ items: DiagnosisForm[] }>().items;
    expect(forms.map((f) => f.code)).toEqual(['needs-schooled']);
    const bad = await worker.post(`/api/cases/${kase.id}/diagnoses`, { versionId: forms[0]!.versionId, answers: { sc_distance: 'high' } });
    expect(bad.statusCode).toBe(400);
    expect(await server.owner(`SELECT 1 FROM forms.responses WHERE subject_id = $1`, [kase.id])).toHaveLength(0);
    const res = await worker.post(`/api/cases/${kase.id}/diagnoses`, { versionId: forms[0]!.versionId, answers: schooledAnswers });
    expect(res.statusCode).toBe(201);
    const file = res.json<CaseFile>();
    expect(file.stage).toBe('diagnosis');
    const diagnosis = file.timeline.find((t) => t.kind === 'diagnosis');
    // sc_distance high 2×3 + no transport 2×2 + dropout 2×3 + housing 1×2 + income 2×2 + isolation 0.
    expect(diagnosis).toMatchObject({ status: 'submitted', totalScore: 22, maxScore: 9 + 4 + 6 + 6 + 6 + 2 });
  });

  it('has a published diagnosis form for every target group', async () => {
    const rows = await server.owner<{ g: string }>(`SELECT DISTINCT unnest(f.target_groups) AS g FROM forms.forms f
      JOIN forms.form_versions v ON v.form_id = f.id AND v.status = 'published' WHERE f.purpose = 'diagnosis'`);
    expect(rows.map((r) => r.g).sort()).toEqual(
      ['abandoned_children', 'children', 'elderly', 'families', 'homeless', 'persons_with_disabilities', 'schooled_children', 'women', 'women_in_difficulty', 'youth'].sort(),
    );
  });

  it('refuses a form that is not a diagnosis', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const kase = await createCase(server, { personId: (await createPerson(server)).id });
    const [form] = await server.owner<{ id: string }>(`INSERT INTO forms.forms (code, purpose, title_ar, title_fr) VALUES ('survey-x', 'survey', 'س', 'S') RETURNING id`);
    const [version] = await server.owner<{ id: string }>(
      `INSERT INTO forms.form_versions (form_id, version, status, definition, published_at) VALUES ($1, 1, 'published', '{"sections":[]}', now()) RETURNING id`,
      [form!.id],
    );
    const res = await worker.post(`/api/cases/${kase.id}/diagnoses`, { versionId: version!.id, answers: {} });
    expect(res.statusCode).toBe(400);
  });
});

describe('referrals', () => {
  it('refuses a service the institution does not offer, then goes proposed → accepted → completed by the receiving side', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001', language: 'fr' });
    const institution = await createInstitution(server, { province: '09.273', legalCategory: 'schooled_children', centreType: 'student_home', sexServed: 'girls' });
    await offers(institution.id, 'accommodation', 'feeding');
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: institution.id } });
    const kase = await createCase(server, { personId: (await createPerson(server)).id });

    const refused = await worker.post(`/api/cases/${kase.id}/referrals`, { institutionId: institution.id, service: 'rehabilitation' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ errors: { path: string; message: string }[] }>().errors[0]).toMatchObject({ path: 'service', message: expect.stringMatching(/n'offre pas/) });
    expect(await server.owner(`SELECT 1 FROM beneficiaries.referrals WHERE case_id = $1`, [kase.id])).toHaveLength(0);

    const created = await worker.post(`/api/cases/${kase.id}/referrals`, { institutionId: institution.id, service: 'accommodation', note: 'Élève de 1re année collège' });
    expect(created.statusCode).toBe(201);
    const referral = created.json<ReferralItem>();
    expect(referral).toMatchObject({ state: 'proposed', can: ['cancel'], caseNumber: kase.number });
    expect((await worker.get(`/api/cases/${kase.id}`)).json<CaseFile>().stage).toBe('orientation');

    // The sender may not decide for the institution; the institution sees it in its incoming list.
    expect((await worker.post(`/api/referrals/${referral.id}/accept`, {})).statusCode).toBe(403);
    const incoming = (await director.get('/api/referrals?direction=incoming&state=proposed')).json<{ items: ReferralItem[] }>().items;
    expect(incoming.map((r) => r.id)).toEqual([referral.id]);
    expect(incoming[0]).toMatchObject({ can: ['accept', 'decline'], caseNumber: null, person: { id: referral.person.id } });
    expect((await director.post(`/api/referrals/${referral.id}/complete`, {})).statusCode).toBe(409);
    const accepted = await director.post(`/api/referrals/${referral.id}/accept`, {});
    expect(accepted.json<ReferralItem>()).toMatchObject({ state: 'accepted', can: ['complete'] });
    expect((await director.post(`/api/referrals/${referral.id}/complete`, {})).json<ReferralItem>().state).toBe('completed');
    expect((await worker.post(`/api/referrals/${referral.id}/cancel`, {})).statusCode).toBe(409);
    expect((await worker.get('/api/referrals?direction=outgoing')).json<{ items: ReferralItem[] }>().items.some((r) => r.id === referral.id)).toBe(true);
  });

  it('needs a reason to decline, and a sibling delegation sees nothing', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const institution = await createInstitution(server, { province: '09.001' });
    await offers(institution.id, 'accommodation');
    const kase = await createCase(server, { personId: (await createPerson(server)).id });
    const referral = (await worker.post(`/api/cases/${kase.id}/referrals`, { institutionId: institution.id, service: 'accommodation' })).json<ReferralItem>();
    // The delegation of the institution decides for an institution without its own account.
    expect(referral.can).toEqual(['accept', 'decline', 'cancel']);
    expect((await worker.post(`/api/referrals/${referral.id}/decline`, {})).statusCode).toBe(400);
    const inezgane = await signedIn(server, { role: 'social_worker', scope: '09.273' });
    expect((await inezgane.post(`/api/referrals/${referral.id}/decline`, { reason: 'complet' })).statusCode).toBe(404);
    expect((await inezgane.get('/api/referrals?direction=incoming')).json<{ items: ReferralItem[] }>().items.some((r) => r.id === referral.id)).toBe(false);
    const declined = await worker.post(`/api/referrals/${referral.id}/decline`, { reason: 'Plus de place cette année' });
    expect(declined.json<ReferralItem>()).toMatchObject({ state: 'declined', declineReason: 'Plus de place cette année' });
  });

  it('takes an outside service instead of an institution, not both', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const institution = await createInstitution(server, { province: '09.001' });
    const kase = await createCase(server, { personId: (await createPerson(server)).id });
    expect((await worker.post(`/api/cases/${kase.id}/referrals`, { institutionId: institution.id, outsideService: 'Hôpital', service: 'primary_health_care' })).statusCode).toBe(400);
    const res = await worker.post(`/api/cases/${kase.id}/referrals`, { outsideService: 'Hôpital Hassan II', service: 'primary_health_care' });
    expect(res.json<ReferralItem>()).toMatchObject({ institution: null, outsideService: 'Hôpital Hassan II' });
  });
});

describe('caseload', () => {
  it('lists my open cases and my assigned requests, not those of others', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const other = await createUser(server, { role: 'social_worker', scope: '09.001' });
    const person = await createPerson(server);
    const mine = await createCase(server, { personId: person.id, handlerId: worker.id });
    await createCase(server, { personId: person.id, handlerId: other.id });
    const request = await createRequest(server, { personId: person.id });
    await server.owner(`UPDATE beneficiaries.requests SET status = 'assigned', assigned_to = $1 WHERE id = $2`, [worker.id, request.id]);
    const load = (await worker.get('/api/caseload')).json<{ cases: { id: string }[]; requests: { id: string }[] }>();
    expect(load.cases.map((c) => c.id)).toEqual([mine.id]);
    expect(load.requests.map((r) => r.id)).toEqual([request.id]);
    const analyst = await signedIn(server, { role: 'central_analyst', scope: 'nation' });
    expect((await analyst.get('/api/caseload')).statusCode).toBe(403);
    expect((await analyst.get(`/api/cases/${mine.id}`)).statusCode).toBe(403);
  });
});
