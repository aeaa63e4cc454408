import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../server/demo.ts';
import { DEMO_PASSWORD as PASSWORD } from '../../../server/testing/demo-template.ts';
import { login, startTestServer, type TestServer } from '../../../server/testing/harness.ts';

let server: TestServer;
beforeAll(async () => {
  // A copy of the demo as seedDemo left it (demo-template.ts), then seeded again: the plans must not double.
  server = await startTestServer({}, { demo: true });
  await seedDemo(server.ownerUrl, PASSWORD, server.config.dataDir);
}, 120_000); // as long as the browser tests' setup: the first file to ask seeds the demo template
afterAll(() => server.close());

describe('demo action plans', () => {
  it('are seeded once, in each state of the workflow, waiting in the right inboxes', async () => {
    const central = await login(server, 'central', PASSWORD);
    const plans = (await central.get('/api/planning/plans')).json().items;
    expect(plans.map((p: { delegationNameFr: string; year: number; state: string }) => `${p.year} ${p.state}`).sort()).toEqual([
      '2026 returned',
      '2027 approved',
      '2027 submitted',
      '2028 draft',
    ]);
    const count = async (username: string) => (await (await login(server, username, PASSWORD)).get('/api/approvals/inbox/count')).json().count;
    expect(await count('souss-massa')).toBe(1);
    expect(await count('inezgane')).toBe(1);
    expect(await count('agadir')).toBe(0);
    expect(await count('central')).toBe(0);
    expect(await count('fes-meknes')).toBe(0);
    const approved = plans.find((p: { state: string }) => p.state === 'approved');
    const agadir = await login(server, 'agadir', PASSWORD);
    expect((await agadir.patch(`/api/planning/plans/${approved.id}/diagnosis`, { diagnosis: 'x' })).statusCode).toBe(409);
    const detail = (await agadir.get(`/api/planning/plans/${approved.id}`)).json();
    expect(detail.submission.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'validate', 'approve']);
    expect(detail.totalBudgetMad).toBe('515000.50');
  });
});
