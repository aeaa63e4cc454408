import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, signedIn, startTestServer, type TestServer } from '../../../server/testing/harness.ts';

let server: TestServer;
let agadir: string;
let inezgane: string;
beforeAll(async () => {
  server = await startTestServer();
  agadir = await idOf(server, 'organisation.delegations', '09.001');
  inezgane = await idOf(server, 'organisation.delegations', '09.273');
});
afterAll(() => server.close());

type Session = Awaited<ReturnType<typeof signedIn>>;
let nextYear = 2030;

async function people(language: 'ar' | 'fr' = 'fr') {
  return {
    delegate: await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language }),
    coordinator: await signedIn(server, { role: 'regional_coordinator', scope: '09', language }),
    central: await signedIn(server, { role: 'central_analyst', language }),
  };
}

async function newPlan(delegate: Session, delegationId = agadir) {
  const created = await delegate.post('/api/planning/plans', { delegationId, year: nextYear++ });
  expect(created.statusCode).toBe(200);
  const plan = created.json();
  await delegate.patch(`/api/planning/plans/${plan.id}/diagnosis`, { diagnosis: 'Diagnostic de la province' });
  await delegate.patch(`/api/planning/plans/${plan.id}/objectives`, { items: [{ title: 'Accueil', indicator: 'Bénéficiaires', baseline: '100', target: '150' }] });
  const filled = await delegate.patch(`/api/planning/plans/${plan.id}/activities`, { items: [{ title: 'Réhabilitation', quarter: 2, budgetMad: '250000.50' }] });
  expect(filled.statusCode).toBe(200);
  return filled.json() as { id: string; submissionId: string; totalBudgetMad: string };
}

const act = (s: Session, submissionId: string, body: object) => s.post(`/api/approvals/submissions/${submissionId}/actions`, body);
const stepsOf = async (submissionId: string) => (await server.owner('SELECT action FROM approvals.steps WHERE submission_id = $1 ORDER BY id', [submissionId])).map((r) => r.action);

/** Runs SQL as the application role with a user's context set, as begin_request would. */
async function asApp(userId: string, scope: { level: string; region?: string; delegation?: string }, text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: server.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.user_id', $1, true), set_config('app.scope_level', $2, true), set_config('app.region_id', $3, true), set_config('app.delegation_id', $4, true)`,
      [userId, scope.level, scope.region ?? '', scope.delegation ?? ''],
    );
    return await client.query(text, values);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

describe('the approval chain of an annual action plan', () => {
  it('goes delegation → region → central, with the full history, and locks the approved plan', async () => {
    const { delegate, coordinator, central } = await people();
    const plan = await newPlan(delegate);
    expect(plan.totalBudgetMad).toBe('250000.50');

    const submitted = await act(delegate, plan.submissionId, { action: 'submit', level: 0 });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', levelIndex: 1, can: { edit: [], actions: [] } });

    // The next level's reviewer is notified, in the same transaction as the action.
    const noticesOf = async (userId: string) =>
      (await server.owner<{ kind: string; message_key: string; link: string }>('SELECT kind, message_key, link FROM notifications.notifications WHERE user_id = $1 ORDER BY created_at', [userId])).map((n) => `${n.kind} ${n.link}`);
    expect(await noticesOf(coordinator.id)).toEqual([`approval.submit /planning/plans/${plan.id}`]);
    expect(await noticesOf(central.id)).toEqual([]);
    const seen = (await coordinator.get(`/api/approvals/submissions/${plan.submissionId}`)).json();
    expect(seen.can.actions).toEqual(['validate', 'return']);
    const validated = await act(coordinator, plan.submissionId, { action: 'validate', level: 1, comment: 'Conforme' });
    expect(validated.json()).toMatchObject({ state: 'submitted', levelIndex: 2 });

    expect(await noticesOf(central.id)).toEqual([`approval.validate /planning/plans/${plan.id}`]);
    const approved = await act(central, plan.submissionId, { action: 'approve', level: 2 });
    expect(approved.statusCode).toBe(200);
    expect(await noticesOf(delegate.id)).toEqual([`approval.approve /planning/plans/${plan.id}`]);
    const body = approved.json();
    expect(body.state).toBe('approved');
    expect(body.sections.every((s: { state: string }) => s.state === 'approved')).toBe(true);
    expect(body.history.map((h: { action: string; level: string }) => `${h.action}@${h.level}`)).toEqual(['submit@delegation', 'validate@region', 'approve@central']);
    expect(body.history[1]).toMatchObject({ actorId: coordinator.id, comment: 'Conforme', actorRole: 'regional_coordinator' });

    // Approved data is read-only through the API…
    const edit = await delegate.patch(`/api/planning/plans/${plan.id}/diagnosis`, { diagnosis: 'Changé' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('locked');
    // …and in the database, whoever writes: a direct UPDATE as the application role is refused.
    const scope = { level: 'delegation', region: await idOf(server, 'territory.regions', '09'), delegation: agadir };
    await expect(asApp(delegate.id, scope, 'UPDATE planning.plans SET diagnosis = $2 WHERE id = $1', [plan.id, 'x'])).rejects.toMatchObject({ code: 'RA409' });
    await expect(asApp(delegate.id, scope, 'DELETE FROM planning.activities WHERE plan_id = $1', [plan.id])).rejects.toMatchObject({ code: 'RA409' });
    await expect(asApp(delegate.id, scope, `INSERT INTO planning.objectives (plan_id, position, title, indicator, baseline, target) VALUES ($1, 9, 't', 'i', 1, 2)`, [plan.id])).rejects.toMatchObject({ code: 'RA409' });
    // The workflow itself cannot be rewound by hand either.
    await expect(asApp(delegate.id, scope, `UPDATE approvals.submissions SET state = 'returned', level_index = 0 WHERE id = $1`, [plan.submissionId])).rejects.toMatchObject({ code: 'RA409' });
    await expect(asApp(delegate.id, scope, `UPDATE approvals.section_states SET state = 'returned' WHERE submission_id = $1`, [plan.submissionId])).rejects.toMatchObject({ code: 'RA409' });
    const [row] = await server.owner<{ diagnosis: string }>('SELECT diagnosis FROM planning.plans WHERE id = $1', [plan.id]);
    expect(row!.diagnosis).toBe('Diagnostic de la province');
  });

  it('returns only some sections: only those become editable, and resubmission goes through the chain again', async () => {
    const { delegate, coordinator, central } = await people();
    const plan = await newPlan(delegate);
    await act(delegate, plan.submissionId, { action: 'submit', level: 0 });
    const noComment = await act(coordinator, plan.submissionId, { action: 'return', level: 1, sections: ['activities'] });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().errors[0]).toMatchObject({ path: 'comment', message: 'Un commentaire est obligatoire pour renvoyer un document.' });

    const returned = await act(coordinator, plan.submissionId, { action: 'return', level: 1, sections: ['activities'], comment: 'Détaillez le budget' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().sections).toEqual([
      { key: 'activities', state: 'returned' },
      { key: 'diagnosis', state: 'submitted' },
      { key: 'objectives', state: 'submitted' },
    ]);
    const [notice] = await server.owner<{ kind: string; params: { labelFr: string } }>('SELECT kind, params FROM notifications.notifications WHERE user_id = $1', [delegate.id]);
    expect(notice).toMatchObject({ kind: 'approval.return', params: { labelFr: expect.stringContaining("Plan d'action annuel") } });
    const mine = (await delegate.get(`/api/planning/plans/${plan.id}`)).json();
    expect(mine.submission.can).toEqual({ edit: ['activities'], actions: ['submit'] });
    expect((await delegate.patch(`/api/planning/plans/${plan.id}/objectives`, { items: [] })).statusCode).toBe(409);
    expect((await delegate.patch(`/api/planning/plans/${plan.id}/activities`, { items: [{ title: 'Détail', quarter: 3, budgetMad: '1000' }] })).statusCode).toBe(200);

    // The database agrees: a non-returned section refuses a direct write by the application role.
    const scope = { level: 'delegation', region: await idOf(server, 'territory.regions', '09'), delegation: agadir };
    await expect(asApp(delegate.id, scope, 'DELETE FROM planning.objectives WHERE plan_id = $1', [plan.id])).rejects.toMatchObject({ code: 'RA409' });
    await expect(asApp(delegate.id, scope, 'UPDATE planning.plans SET diagnosis = $2 WHERE id = $1', [plan.id, 'x'])).rejects.toMatchObject({ code: 'RA409' });
    const ok = await asApp(delegate.id, scope, 'DELETE FROM planning.activities WHERE plan_id = $1', [plan.id]);
    expect(ok.rowCount).toBe(1);

    expect((await act(delegate, plan.submissionId, { action: 'submit', level: 0 })).json()).toMatchObject({ state: 'submitted', levelIndex: 1 });
    await act(coordinator, plan.submissionId, { action: 'validate', level: 1 });
    const done = (await act(central, plan.submissionId, { action: 'approve', level: 2 })).json();
    expect(done.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'return', 'submit', 'validate', 'approve']);
    expect(done.history[1]).toMatchObject({ sections: ['activities'], comment: 'Détaillez le budget' });
  });

  it('refuses an action out of order or by someone not entitled, in the user language, writing nothing', async () => {
    const { delegate, coordinator, central } = await people('ar');
    const plan = await newPlan(delegate);
    const early = await act(central, plan.submissionId, { action: 'approve', level: 2 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'out_of_order', title: 'إجراء خارج التسلسل' });
    await act(delegate, plan.submissionId, { action: 'submit', level: 0 });
    // The central level may not act before the region; a stale level is refused as well.
    expect((await act(central, plan.submissionId, { action: 'approve', level: 2 })).statusCode).toBe(409);
    expect((await act(coordinator, plan.submissionId, { action: 'validate', level: 2 })).statusCode).toBe(409);
    expect((await act(delegate, plan.submissionId, { action: 'submit', level: 0 })).statusCode).toBe(409);
    // Someone of the scope with no level in the chain: 403.
    const inspector = await signedIn(server, { role: 'inspector', scope: '09.001' });
    const refused = await act(inspector, plan.submissionId, { action: 'validate', level: 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('not_entitled');
    // Another region's coordinator does not even see it: 404.
    const other = await signedIn(server, { role: 'regional_coordinator', scope: '03' });
    expect((await act(other, plan.submissionId, { action: 'validate', level: 1 })).statusCode).toBe(404);
    expect((await other.get(`/api/planning/plans/${plan.id}`)).statusCode).toBe(404);
    // Returning a section that is not under review is a field error.
    const unknown = await act(coordinator, plan.submissionId, { action: 'return', level: 1, sections: ['budget'], comment: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(await stepsOf(plan.submissionId)).toEqual(['submit']);
    const [state] = await server.owner('SELECT state, level_index FROM approvals.submissions WHERE id = $1', [plan.submissionId]);
    expect(state).toEqual({ state: 'submitted', level_index: 1 });
  });

  it('serialises concurrent actions: of two reviewers acting at once, one wins', async () => {
    const { delegate, coordinator } = await people();
    const plan = await newPlan(delegate);
    await act(delegate, plan.submissionId, { action: 'submit', level: 0 });
    const second = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const results = await Promise.all([
      act(coordinator, plan.submissionId, { action: 'validate', level: 1 }),
      act(second, plan.submissionId, { action: 'return', level: 1, sections: ['diagnosis'], comment: 'À revoir' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await stepsOf(plan.submissionId)).toHaveLength(2);
  });

  it('only the delegation of the plan drafts it; bad input answers 400 and writes nothing', async () => {
    const { coordinator } = await people();
    expect((await coordinator.post('/api/planning/plans', { delegationId: agadir, year: 2040 })).statusCode).toBe(403);
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    expect((await delegate.post('/api/planning/plans', { delegationId: inezgane, year: 2040 })).statusCode).toBe(403);
    const plan = await newPlan(delegate);
    const bad = await delegate.patch(`/api/planning/plans/${plan.id}/activities`, { items: [{ title: 'x', quarter: 5, budgetMad: '1.5e3' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['items.0.budgetMad', 'items.0.quarter']);
    const duplicate = await delegate.post('/api/planning/plans', { delegationId: agadir, year: nextYear - 1 });
    expect(duplicate.statusCode).toBe(409);
  });
});

describe('the inbox', () => {
  it('lists what waits for each user inside their scope, with counts, paged and filtered by type', async () => {
    const fresh = await startTestServer();
    try {
      const mk = (spec: Parameters<typeof signedIn>[1]) => signedIn(fresh, spec);
      const agadirDelegate = await mk({ role: 'provincial_delegate', scope: '09.001' });
      const inezganeDelegate = await mk({ role: 'provincial_delegate', scope: '09.273' });
      const souss = await mk({ role: 'regional_coordinator', scope: '09' });
      const fes = await mk({ role: 'regional_coordinator', scope: '03' });
      const central = await mk({ role: 'central_analyst' });
      const ag = await idOf(fresh, 'organisation.delegations', '09.001');
      const inz = await idOf(fresh, 'organisation.delegations', '09.273');
      const plans: { id: string; submissionId: string }[] = [];
      for (const [s, d, y] of [[agadirDelegate, ag, 2031], [agadirDelegate, ag, 2032], [inezganeDelegate, inz, 2031]] as const) {
        plans.push((await s.post('/api/planning/plans', { delegationId: d, year: y })).json());
      }
      const post = (s: Session, i: number, body: object) => s.post(`/api/approvals/submissions/${plans[i]!.submissionId}/actions`, body);
      await post(agadirDelegate, 0, { action: 'submit', level: 0 });
      await post(agadirDelegate, 1, { action: 'submit', level: 0 });
      await post(inezganeDelegate, 2, { action: 'submit', level: 0 });
      await post(souss, 0, { action: 'validate', level: 1 });
      await post(souss, 2, { action: 'return', level: 1, sections: ['objectives'], comment: 'Cibles manquantes' });

      const count = async (s: Session) => (await s.get('/api/approvals/inbox/count')).json().count;
      expect(await count(souss)).toBe(1);
      expect(await count(central)).toBe(1);
      expect(await count(inezganeDelegate)).toBe(1);
      expect(await count(agadirDelegate)).toBe(0);
      expect(await count(fes)).toBe(0);

      const inbox = (await inezganeDelegate.get('/api/approvals/inbox')).json();
      expect(inbox.items).toHaveLength(1);
      expect(inbox.items[0]).toMatchObject({ subjectId: plans[2]!.id, state: 'returned', level: 'delegation', link: `/planning/plans/${plans[2]!.id}` });
      const centralInbox = (await central.get('/api/approvals/inbox?type=delegation_action_plan')).json();
      expect(centralInbox.items.map((i: { subjectId: string }) => i.subjectId)).toEqual([plans[0]!.id]);
      expect((await central.get('/api/approvals/inbox?type=other_type')).json().items).toEqual([]);

      // Keyset paging: two pages of one.
      await post(inezganeDelegate, 2, { action: 'submit', level: 0 });
      const page1 = (await souss.get('/api/approvals/inbox?limit=1')).json();
      expect(page1.items).toHaveLength(1);
      const page2 = (await souss.get(`/api/approvals/inbox?limit=1&after=${encodeURIComponent(page1.nextCursor)}`)).json();
      expect(page2.items).toHaveLength(1);
      expect(page2.nextCursor).toBeNull();
      expect(new Set([page1.items[0].subjectId, page2.items[0].subjectId])).toEqual(new Set([plans[1]!.id, plans[2]!.id]));

      // Plans list: filters by state and year, keyset paging.
      const submitted = (await central.get('/api/planning/plans?state=submitted&year=2031')).json();
      expect(submitted.items.map((p: { id: string }) => p.id).sort()).toEqual([plans[0]!.id, plans[2]!.id].sort());
      const first = (await central.get('/api/planning/plans?limit=2')).json();
      const rest = (await central.get(`/api/planning/plans?limit=2&after=${encodeURIComponent(first.nextCursor)}`)).json();
      expect([...first.items, ...rest.items].map((p: { id: string }) => p.id).sort()).toEqual(plans.map((p) => p.id).sort());
      expect((await fes.get('/api/planning/plans')).json().items).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
