/**
 * Follow-ups after an exit: the database schedules them at 3, 6 and 12 months when an exit is
 * recorded (not for a transfer or a death), the deadline service raises them, and recording one
 * moves the case to its post-exit stage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';
import { createAdmission, createCase, createPerson } from '../../testing/factories.ts';
import type { CaseFile } from '../../contract/cases.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function exited(exitDate: string, exitReason = 'family_reintegration') {
  const institution = await createInstitution(server, { province: '09.001' });
  const person = await createPerson(server);
  const kase = await createCase(server, { personId: person.id, institutionId: institution.id, stage: 'admitted' });
  const admission = await createAdmission(server, { institutionId: institution.id, personId: person.id, caseId: kase.id, admissionDate: '2025-01-10' });
  await server.owner(`UPDATE beneficiaries.admissions SET exit_date = $2, exit_reason = $3 WHERE id = $1`, [admission.id, exitDate, exitReason]);
  await server.owner(`UPDATE beneficiaries.cases SET stage = 'exited' WHERE id = $1`, [kase.id]);
  return { kase, admission, institution };
}

const followUps = (admissionId: string) =>
  server.owner<{ id: string; months: number; due_on: string }>(`SELECT id, months, due_on::text FROM beneficiaries.follow_ups WHERE admission_id = $1 ORDER BY months`, [admissionId]);

describe('follow-ups after exit', () => {
  it('are scheduled at 3, 6 and 12 months, follow a corrected exit and vanish when it is undone', async () => {
    const { admission } = await exited('2025-11-30');
    expect((await followUps(admission.id)).map((f) => [f.months, f.due_on])).toEqual([[3, '2026-02-28'], [6, '2026-05-30'], [12, '2026-11-30']]);
    await server.owner(`UPDATE beneficiaries.admissions SET exit_date = '2025-12-15' WHERE id = $1`, [admission.id]);
    expect((await followUps(admission.id)).map((f) => f.due_on)).toEqual(['2026-03-15', '2026-06-15', '2026-12-15']);
    await server.owner(`UPDATE beneficiaries.admissions SET exit_date = NULL, exit_reason = NULL WHERE id = $1`, [admission.id]);
    expect(await followUps(admission.id)).toHaveLength(0);
  });

  it('are not scheduled after a transfer or a death', async () => {
    expect(await followUps((await exited('2025-11-30', 'transfer')).admission.id)).toHaveLength(0);
    expect(await followUps((await exited('2025-11-30', 'death')).admission.id)).toHaveLength(0);
  });

  it('are raised by the deadline service, recorded from the case file, and move the case to post-exit', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001', language: 'fr' });
    const exitDate = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
    const { kase, admission } = await exited(exitDate);
    const [three] = await followUps(admission.id);

    const deadlines = (await worker.get('/api/deadlines?kind=beneficiaries.follow_up&horizon=366&limit=200')).json<{ items: { subjectId: string; state: string; params: { number: string } }[] }>().items;
    const mine = deadlines.filter((d) => d.params.number === kase.number);
    expect(mine).toHaveLength(3);
    expect(mine.find((d) => d.subjectId === three!.id)!.state).toBe('overdue');

    const file = (await worker.get(`/api/cases/${kase.id}`)).json<CaseFile>();
    expect(file.timeline.filter((t) => t.kind === 'follow_up')).toHaveLength(3);

    const before = await worker.post(`/api/follow-ups/${three!.id}`, { doneOn: '2020-01-01', outcome: 'stable' });
    expect(before.statusCode).toBe(400);
    expect(before.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('doneOn');
    const today = new Date().toISOString().slice(0, 10);
    const done = await worker.post(`/api/follow-ups/${three!.id}`, { doneOn: today, outcome: 'improved', note: 'Scolarisée au lycée, famille présente' });
    expect(done.statusCode).toBe(200);
    expect((await worker.get(`/api/cases/${kase.id}`)).json<CaseFile>().stage).toBe('post_exit');
    const after = (await worker.get('/api/deadlines?kind=beneficiaries.follow_up&horizon=366&limit=200')).json<{ items: { subjectId: string }[] }>().items;
    expect(after.some((d) => d.subjectId === three!.id)).toBe(false);

    const inezgane = await signedIn(server, { role: 'social_worker', scope: '09.273' });
    const [, six] = await followUps(admission.id);
    expect((await inezgane.post(`/api/follow-ups/${six!.id}`, { doneOn: today, outcome: 'stable' })).statusCode).toBe(404);
  });
});
