/** The 15 December deadline of the annual action plan knows which plans are already submitted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineSweep } from '../../../platform/deadlines/index.ts';
import { idOf, signedIn, startTestServer, type TestServer } from '../../../server/testing/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const planNotices = async (userId: string) =>
  (await server.owner<{ dedupe_key: string; params: { year: number }; link: string }>(
    `SELECT dedupe_key, params, link FROM notifications.notifications WHERE user_id = $1 AND kind = 'planning.action_plan'`,
    [userId],
  ));

describe('the annual action plan deadline', () => {
  it('reminds delegations whose plan is missing, draft or returned, not those who submitted it', async () => {
    const agadirDelegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const inezganeDelegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const inezgane = await idOf(server, 'organisation.delegations', '09.273');

    // The plan for 2032 is due on 15 December 2031. Agadir submits its plan; Inezgane only drafts one.
    const submitted = (await agadirDelegate.post('/api/planning/plans', { delegationId: agadir, year: 2032 })).json();
    const action = await agadirDelegate.post(`/api/approvals/submissions/${submitted.submissionId}/actions`, { action: 'submit', level: 0 });
    expect(action.statusCode).toBe(200);
    const draft = (await inezganeDelegate.post('/api/planning/plans', { delegationId: inezgane, year: 2032 })).json();

    await runDeadlineSweep(server.db, '2031-11-20');

    expect(await planNotices(agadirDelegate.id)).toEqual([]);
    expect(await planNotices(inezganeDelegate.id)).toEqual([
      { dedupe_key: `planning.action_plan:${inezgane}:2031-12-15:r30`, params: expect.objectContaining({ year: 2032 }), link: `/planning/plans/${draft.id}` },
    ]);
  });
});
