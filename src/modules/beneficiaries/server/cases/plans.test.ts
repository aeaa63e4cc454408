/**
 * Accompaniment plans through the platform's approval workflow: drafted and submitted by the
 * institution that holds the case, approved by the provincial delegation, locked by the database
 * once submitted (only the status of an approved plan moves).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';
import { createCase, createPerson } from '../../testing/factories.ts';
import type { CaseFile, TimelinePlan } from '../../contract/cases.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const planOf = (file: CaseFile) => file.timeline.find((t): t is TimelinePlan & { kind: 'plan' } => t.kind === 'plan')!;
const body = {
  title: 'Projet 2026-2027',
  goals: ['Réussir la 1re année du collège', 'Renouer avec la famille'],
  responsibleName: 'Mme Amal Bennani',
  startsOn: '2026-09-20',
  endsOn: '2027-06-30',
  actions: [{ description: 'Soutien scolaire en mathématiques', responsible: 'Éducatrice', dueOn: '2026-12-31' }],
};

describe('accompaniment plans', () => {
  it('go from the institution through the delegation approval, then stay locked', async () => {
    const institution = await createInstitution(server, { province: '09.001', sexServed: 'girls' });
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: institution.id } });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const kase = await createCase(server, { personId: (await createPerson(server)).id, institutionId: institution.id, stage: 'admitted' });

    const created = await director.post(`/api/cases/${kase.id}/plans`, body);
    expect(created.statusCode).toBe(201);
    let plan = planOf(created.json<CaseFile>());
    expect(plan).toMatchObject({ status: 'draft', goals: body.goals, approval: { state: 'draft' }, actions: [{ position: 1, status: 'planned' }] });

    const edited = await director.patch(`/api/plans/${plan.id}`, { actions: [...body.actions, { description: 'Visite de la famille à Tata' }] });
    expect(planOf(edited.json<CaseFile>()).actions).toHaveLength(2);
    // Not approved: the status stays draft.
    expect((await director.patch(`/api/plans/${plan.id}`, { status: 'active' })).statusCode).toBe(409);

    const submitted = await director.post(`/api/plans/${plan.id}/submit`, {});
    expect(submitted.statusCode).toBe(200);
    plan = planOf(submitted.json<CaseFile>());
    expect(plan.approval).toMatchObject({ state: 'submitted' });
    expect((await director.patch(`/api/plans/${plan.id}`, { title: 'Autre titre' })).statusCode).toBe(409);
    // The lock is the database's, whoever writes.
    await expect(server.owner(`UPDATE beneficiaries.case_plan_actions SET status = 'done' WHERE plan_id = $1`, [plan.id])).rejects.toMatchObject({ code: 'RA409' });

    const inbox = (await delegate.get('/api/approvals/inbox')).json<{ items: { id: string; subjectId: string }[] }>().items;
    const waiting = inbox.find((s) => s.subjectId === plan.id)!;
    expect(waiting).toBeDefined();
    const approved = await delegate.post(`/api/approvals/submissions/${waiting.id}/actions`, { action: 'approve', level: 1 });
    expect(approved.statusCode).toBe(200);

    const file = (await director.get(`/api/cases/${kase.id}`)).json<CaseFile>();
    expect(file.stage).toBe('accompaniment');
    expect(planOf(file)).toMatchObject({ status: 'active', approval: { state: 'approved' } });
    expect((await director.patch(`/api/plans/${plan.id}`, { goals: ['autre'] })).statusCode).toBe(409);
    await expect(server.owner(`UPDATE beneficiaries.case_plans SET title = 'x' WHERE id = $1`, [plan.id])).rejects.toMatchObject({ code: 'RA409' });
    await expect(server.owner(`DELETE FROM beneficiaries.case_plans WHERE id = $1`, [plan.id])).rejects.toMatchObject({ code: 'RA409' });
    const completed = await director.patch(`/api/plans/${plan.id}`, { status: 'completed' });
    expect(planOf(completed.json<CaseFile>()).status).toBe('completed');
  });

  it('need a case an institution holds, and a delegation social worker may not submit for the institution', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const atDesk = await createCase(server, { personId: (await createPerson(server)).id });
    const refused = await worker.post(`/api/cases/${atDesk.id}/plans`, body);
    expect(refused.statusCode).toBe(409);
    const institution = await createInstitution(server, { province: '09.001' });
    const held = await createCase(server, { personId: (await createPerson(server)).id, institutionId: institution.id });
    const plan = planOf((await worker.post(`/api/cases/${held.id}/plans`, body)).json<CaseFile>());
    expect((await worker.post(`/api/plans/${plan.id}/submit`, {})).statusCode).toBe(403);
    const inezgane = await signedIn(server, { role: 'social_worker', scope: '09.273' });
    expect((await inezgane.patch(`/api/plans/${plan.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await inezgane.post(`/api/plans/${plan.id}/submit`, {})).statusCode).toBe(404);
  });

  it('refuses an end before the start', async () => {
    const institution = await createInstitution(server, { province: '09.001' });
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: institution.id } });
    const kase = await createCase(server, { personId: (await createPerson(server)).id, institutionId: institution.id });
    const res = await director.post(`/api/cases/${kase.id}/plans`, { ...body, endsOn: '2026-01-01' });
    expect(res.statusCode).toBe(400);
    expect(await server.owner(`SELECT 1 FROM beneficiaries.case_plans WHERE case_id = $1`, [kase.id])).toHaveLength(0);
  });
});
