/** The two December deadlines of the annual budget know which budgets have passed their founder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineSweep } from '../../../../platform/deadlines/index.ts';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const notices = async (userId: string, kind: string) =>
  (await server.owner<{ dedupe_key: string; link: string }>(`SELECT dedupe_key, link FROM notifications.notifications WHERE user_id = $1 AND kind = $2 ORDER BY dedupe_key`, [userId, kind]));

async function authorised() {
  const inst = await createInstitution(server, { province: '09.273' });
  await server.owner(`UPDATE registry.institutions SET status = 'authorised' WHERE id = $1`, [inst.id]);
  return { ...inst, director: await signedIn(server, { role: 'institution_director', scope: { institution: inst.id } }) };
}

describe('the budget deadlines (15 and 31 December)', () => {
  it('remind institutions whose next budget is missing or still before its founder, not those already sent', async () => {
    const sent = await authorised();
    const draft = await authorised();
    const missing = await authorised();
    const founder = await signedIn(server, { role: 'association_officer', scope: { association: sent.associationId } });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });

    const balanced = { kinds: ['revenue', 'expenditure'], items: [{ lineCode: 'rev_en_subsidy', amountMad: '100' }, { lineCode: 'op_food', amountMad: '100' }] };
    const budget = (await sent.director.post('/api/finance/budgets', { institutionId: sent.id, year: 2034 })).json();
    await sent.director.request({ method: 'PUT', url: `/api/finance/budgets/${budget.id}/amounts`, payload: balanced });
    await sent.director.post(`/api/approvals/submissions/${budget.submissionId}/actions`, { action: 'submit', level: 0 });
    expect((await founder.post(`/api/approvals/submissions/${budget.submissionId}/actions`, { action: 'validate', level: 1 })).statusCode).toBe(200);
    const drafted = (await draft.director.post('/api/finance/budgets', { institutionId: draft.id, year: 2034 })).json();

    // The 2034 budget: founder's approval due 15 December 2033, sending due 31 December 2033.
    await runDeadlineSweep(server.db, '2033-12-10');
    expect(await notices(sent.director.id, 'finance.budget_founder_approval')).toEqual([]);
    expect(await notices(draft.director.id, 'finance.budget_founder_approval')).toEqual([
      { dedupe_key: `finance.budget_founder_approval:${draft.id}:2033-12-15:r7`, link: `/finance/budgets/${drafted.id}` },
    ]);
    expect(await notices(missing.director.id, 'finance.budget_founder_approval')).toEqual([
      { dedupe_key: `finance.budget_founder_approval:${missing.id}:2033-12-15:r7`, link: '/finance/budgets' },
    ]);

    await runDeadlineSweep(server.db, '2034-01-02');
    // (The first sweep also raised the 2033 budgets, due 31 December 2032: not this test's year.)
    const late = (await notices(delegate.id, 'finance.budget_sent')).map((n) => n.dedupe_key).filter((k) => k.includes(':2033-12-31:'));
    expect(late).toContain(`finance.budget_sent:${draft.id}:2033-12-31:overdue`);
    expect(late).toContain(`finance.budget_sent:${missing.id}:2033-12-31:overdue`);
    expect(late.filter((k) => k.includes(sent.id))).toEqual([]);
  });
});
