/** An audit recommendation with a due date is a deadline until it is done or dropped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineSweep } from '../../../../platform/deadlines/index.ts';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createConvention } from './testing.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const notices = async (userId: string) =>
  server.owner<{ dedupe_key: string; link: string }>(
    `SELECT dedupe_key, link FROM notifications.notifications WHERE user_id = $1 AND kind = 'subsidies.audit_recommendation' ORDER BY dedupe_key`,
    [userId],
  );

describe('the audit recommendation deadline', () => {
  it('reminds the association and the delegation of open recommendations, not of closed ones', async () => {
    const fixture = await createConvention(server);
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const association = await signedIn(server, { role: 'association_officer', scope: { association: fixture.associationId } });
    const elsewhere = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const mission = (await delegate.post('/api/subsidies/audits', {
      associationId: fixture.associationId, kind: 'planned', startsOn: '2031-01-05', endsOn: '2031-01-07', team: [{ name: 'Samira Idrissi', role: 'Inspectrice' }],
    })).json();
    await delegate.patch(`/api/subsidies/audits/${mission.id}`, { status: 'in_progress' });
    const finding = (await delegate.post(`/api/subsidies/audits/${mission.id}/findings`, { severity: 'high', description: 'Caisse non tenue' })).json().findings[0];
    await delegate.post(`/api/subsidies/audits/findings/${finding.id}/recommendations`, { text: 'Tenir le livre de caisse', dueOn: '2031-03-31' });
    const both = (await delegate.post(`/api/subsidies/audits/findings/${finding.id}/recommendations`, { text: 'Former le trésorier', dueOn: '2031-03-31' })).json();
    const byText = (text: string) => both.findings[0].recommendations.find((r: { text: string }) => r.text === text) as { id: string };
    const open = byText('Tenir le livre de caisse');
    const second = byText('Former le trésorier');
    await delegate.patch(`/api/subsidies/audits/recommendations/${second.id}`, { status: 'dropped', followUp: 'Trésorier remplacé' });

    await runDeadlineSweep(server.db, '2031-03-20');

    const expected = [{ dedupe_key: `subsidies.audit_recommendation:${open.id}:2031-03-31:r14`, link: `/subsidies/audits/${mission.id}` }];
    expect(await notices(delegate.id)).toEqual(expected);
    expect(await notices(association.id)).toEqual(expected);
    expect(await notices(elsewhere.id)).toEqual([]);
  });
});
