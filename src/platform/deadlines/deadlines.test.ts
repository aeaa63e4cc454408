import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, signedIn, startTestServer, type Session, type TestServer } from '../../server/testing/harness.ts';
import { multipart, samplePdf } from '../documents/samples.ts';
import { addDays, runDeadlineSweep, todayInMorocco } from './index.ts';

let server: TestServer;
let agadir: string;
let inezgane: string;
beforeAll(async () => {
  server = await startTestServer();
  agadir = await idOf(server, 'organisation.delegations', '09.001');
  inezgane = await idOf(server, 'organisation.delegations', '09.273');
});
afterAll(() => server.close());

const uploadExpiring = async (s: Session, ownerId: string, title: string, expiresOn: string) => {
  const r = await s.request({ method: 'POST', url: '/api/documents', ...multipart({ ownerType: 'delegation', ownerId, category: 'insurance', title, expiresOn }, { name: `${title}.pdf`, data: samplePdf(title) }) });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
};
const notificationsOf = async (userId: string) =>
  server.owner<{ kind: string; message_key: string; params: Record<string, unknown>; dedupe_key: string; link: string }>(
    'SELECT kind, message_key, params, dedupe_key, link FROM notifications.notifications WHERE user_id = $1 ORDER BY dedupe_key',
    [userId],
  );

describe('deadline sweep', () => {
  it('raises reminders and overdue notices for expiring documents and the action plan, once however often it runs', async () => {
    const T = '2030-06-01';
    const agadirDelegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const inezganeDelegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const soon = await uploadExpiring(agadirDelegate, agadir, 'Assurance', addDays(T, 20));
    const verySoon = await uploadExpiring(agadirDelegate, agadir, 'Certificat', addDays(T, 5));
    const expired = await uploadExpiring(agadirDelegate, agadir, 'Bail', addDays(T, -3));
    await uploadExpiring(agadirDelegate, agadir, 'Lointain', addDays(T, 100));
    await uploadExpiring(inezganeDelegate, inezgane, 'Assurance Inezgane', addDays(T, 6));

    await runDeadlineSweep(server.db, T);
    const first = await notificationsOf(agadirDelegate.id);
    const documentNotices = first.filter((n) => n.kind === 'documents.expiry');
    expect(documentNotices.map((n) => n.dedupe_key).sort()).toEqual(
      [
        `documents.expiry:${soon.id}:${addDays(T, 20)}:r30`,
        `documents.expiry:${verySoon.id}:${addDays(T, 5)}:r7`,
        `documents.expiry:${expired.id}:${addDays(T, -3)}:overdue`,
      ].sort(),
    );
    const expiredNotice = documentNotices.find((n) => n.dedupe_key.endsWith(':overdue'))!;
    expect(expiredNotice).toMatchObject({ message_key: 'documents:notifications.expired', params: { title: 'Bail', date: addDays(T, -3), days: 3 }, link: `/territory/delegations/${agadir}` });
    // On 1 June the action plan due last 15 December is overdue: notified to the delegate.
    expect(first.filter((n) => n.kind === 'planning.action_plan').map((n) => n.dedupe_key)).toEqual([`planning.action_plan:${agadir}:2029-12-15:overdue`]);
    // Each delegate hears of their own delegation only; a social worker is not in the audience.
    expect((await notificationsOf(inezganeDelegate.id)).filter((n) => n.kind === 'documents.expiry')).toHaveLength(1);
    expect(await notificationsOf(worker.id)).toEqual([]);

    // Idempotent: the same day again, nothing new.
    await runDeadlineSweep(server.db, T);
    expect(await notificationsOf(agadirDelegate.id)).toEqual(first);
    // Two days later the 20-day document is still in its 30-day reminder: nothing new either;
    // a week later it reaches the 7-day one.
    await runDeadlineSweep(server.db, addDays(T, 2));
    // (the 5-day one, now 3 days away, is still in its 7-day reminder).
    expect(await notificationsOf(agadirDelegate.id)).toEqual(first);
    await runDeadlineSweep(server.db, addDays(T, 14));
    const later = (await notificationsOf(agadirDelegate.id)).map((n) => n.dedupe_key);
    // 14 days on: the 20-day one reaches its 7-day reminder, the 5-day one has expired.
    expect(later).toEqual(
      expect.arrayContaining([`documents.expiry:${soon.id}:${addDays(T, 20)}:r7`, `documents.expiry:${verySoon.id}:${addDays(T, 5)}:overdue`]),
    );
    expect(later).toHaveLength(first.length + 2);
    const [sweeps] = await server.owner<{ n: string }>('SELECT count(*) AS n FROM deadlines.sweeps WHERE finished_at IS NOT NULL');
    expect(Number(sweeps!.n)).toBe(3);
  });
});

describe('due and overdue page', () => {
  it('lists the deadlines of the scope, filtered by kind and state, paged by keyset across kinds', async () => {
    const today = todayInMorocco();
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const other = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    await uploadExpiring(delegate, agadir, 'Expiré hier', addDays(today, -1));
    await uploadExpiring(delegate, agadir, 'Dans dix jours', addDays(today, 10));
    await uploadExpiring(delegate, agadir, 'Dans un an', addDays(today, 365));

    const overdue = (await delegate.get('/api/deadlines?kind=documents.expiry&state=overdue')).json().items;
    expect(overdue.map((d: { params: { title: string } }) => d.params.title)).toContain('Expiré hier');
    expect(overdue.every((d: { state: string; daysLeft: number }) => d.state === 'overdue' && d.daysLeft < 0)).toBe(true);
    const upcoming = (await delegate.get('/api/deadlines?kind=documents.expiry&state=upcoming')).json().items;
    expect(upcoming.map((d: { params: { title: string } }) => d.params.title)).toEqual(['Dans dix jours']);
    expect(upcoming[0]).toMatchObject({ dueOn: addDays(today, 10), daysLeft: 10, link: `/territory/delegations/${agadir}`, labelKey: 'documents:deadline.kind' });
    // Another delegation sees none of these.
    const others = (await other.get('/api/deadlines?kind=documents.expiry')).json().items;
    expect(others.some((d: { params: { title: string } }) => ['Expiré hier', 'Dans dix jours'].includes(d.params.title))).toBe(false);

    // Keyset paging one by one gives the same list as one page, in (due, kind, id) order.
    const all = (await delegate.get('/api/deadlines?horizon=366&limit=200')).json();
    expect(all.items.some((d: { kind: string }) => d.kind === 'planning.action_plan')).toBe(true);
    const paged: unknown[] = [];
    let after: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = (await delegate.get(`/api/deadlines?horizon=366&limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`)).json();
      paged.push(...page.items);
      after = page.nextCursor;
    } while (after && paged.length < 50);
    expect(paged).toEqual(all.items);
    const kinds = (await delegate.get('/api/deadlines/kinds')).json().items.map((k: { kind: string }) => k.kind);
    expect(kinds).toEqual(expect.arrayContaining(['documents.expiry', 'planning.action_plan']));
    expect((await delegate.get('/api/deadlines?state=late')).statusCode).toBe(400);
  });
});
