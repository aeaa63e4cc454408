import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/context.ts';
import { idOf, signedIn, startTestServer, type Session, type TestServer } from '../../server/testing/harness.ts';
import { notify, usersCovering } from './index.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Runs work as the signed-in user, through the application role and its policies. */
const as = <T>(session: Session, work: Parameters<typeof inTransaction<T>>[3]) => inTransaction(server.db, session.cookie, 120, work);

describe('notifications', () => {
  it('a user notifies others; each sees only their own, counts and marks them read; a dedupe key notifies once', async () => {
    const actor = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const alice = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const bob = await signedIn(server, { role: 'regional_coordinator', scope: '03' });
    for (let i = 0; i < 2; i++) {
      await as(actor, (tx) =>
        notify(tx, { userIds: [alice.id, bob.id, alice.id], kind: 'test.ping', messageKey: 'web:app.name', params: { n: 3, name: 'x' }, link: '/territory/regions', dedupeKey: 'ping-1' }),
      );
    }
    await as(actor, (tx) => notify(tx, { userIds: [alice.id], kind: 'test.other', messageKey: 'web:app.tagline' }));

    expect((await alice.get('/api/notifications/unread-count')).json()).toEqual({ count: 2 });
    expect((await bob.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
    expect((await actor.get('/api/notifications/unread-count')).json()).toEqual({ count: 0 });
    const mine = (await alice.get('/api/notifications')).json();
    expect(mine.items.map((n: { kind: string }) => n.kind)).toEqual(['test.other', 'test.ping']);
    expect(mine.items[1]).toMatchObject({ messageKey: 'web:app.name', params: { n: 3, name: 'x' }, link: '/territory/regions', readAt: null });

    // Bob's notification is invisible to Alice: marking it read answers 404 and changes nothing.
    const bobs = (await bob.get('/api/notifications')).json().items[0];
    expect((await alice.post(`/api/notifications/${bobs.id}/read`)).statusCode).toBe(404);
    expect((await bob.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 });
    // And no query of Alice's, even one without the user filter, reaches it.
    const seen = await as(alice, (tx) => tx.selectFrom('notifications.notifications').select('user_id').execute());
    expect(new Set(seen.map((r) => r.user_id))).toEqual(new Set([alice.id]));

    expect((await alice.post(`/api/notifications/${mine.items[1].id}/read`)).json()).toEqual({ updated: 1 });
    expect((await alice.get('/api/notifications?unread=true')).json().items.map((n: { kind: string }) => n.kind)).toEqual(['test.other']);
    expect((await alice.post('/api/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await alice.get('/api/notifications/unread-count')).json()).toEqual({ count: 0 });
  });

  it('pages by keyset, newest first', async () => {
    const actor = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const reader = await signedIn(server, { role: 'inspector', scope: '09.001' });
    for (let i = 0; i < 5; i++) await as(actor, (tx) => notify(tx, { userIds: [reader.id], kind: 'test.page', messageKey: 'web:app.name', params: { i } }));
    const first = (await reader.get('/api/notifications?limit=3')).json();
    const second = (await reader.get(`/api/notifications?limit=3&after=${encodeURIComponent(first.nextCursor)}`)).json();
    expect([...first.items, ...second.items].map((n: { params: { i: number } }) => n.params.i)).toEqual([4, 3, 2, 1, 0]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a malformed message key or link in the database', async () => {
    const actor = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    await expect(as(actor, (tx) => notify(tx, { userIds: [actor.id], kind: 'x', messageKey: 'no namespace' }))).rejects.toThrow(/check/);
    await expect(as(actor, (tx) => notify(tx, { userIds: [actor.id], kind: 'x', messageKey: 'web:app.name', link: 'https://evil.example' }))).rejects.toThrow(/check/);
  });

  it('finds the users whose scope covers a record, across scopes', async () => {
    const actor = await signedIn(server, { role: 'social_worker', scope: '09.273' });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const elsewhere = await signedIn(server, { role: 'regional_coordinator', scope: '03' });
    const national = await signedIn(server, { role: 'system_admin' });
    const keys = { regionId: await idOf(server, 'territory.regions', '09'), delegationId: await idOf(server, 'organisation.delegations', '09.001') };
    const managers = await as(actor, (tx) => usersCovering(tx, keys, { permissions: ['users.manage'] }));
    expect(managers).toEqual(expect.arrayContaining([delegate.id, coordinator.id, national.id]));
    expect(managers).not.toContain(elsewhere.id);
    expect(managers).not.toContain(actor.id);
    const delegates = await as(actor, (tx) => usersCovering(tx, keys, { roles: ['provincial_delegate'] }));
    expect(delegates).toContain(delegate.id);
    expect(delegates).not.toContain(coordinator.id);
  });
});
