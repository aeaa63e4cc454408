import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, signedIn, startTestServer, type TestServer } from '../../server/testing/harness.ts';
import { verifyAuditChain } from './verify.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('audit log', () => {
  it('records who changed which record, before and after, in the same transaction as the change', async () => {
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const r = await coordinator.patch(`/api/organisation/delegations/${agadir}`, { nameFr: 'Délégation d’Agadir' });
    expect(r.statusCode).toBe(200);
    const [entry] = await server.owner<{ actor_id: string; action: string; before: { name_fr: string }; after: { name_fr: string } }>(
      `SELECT actor_id, action, before, after FROM audit.log WHERE table_name = 'organisation.delegations' AND record_id = $1 ORDER BY seq DESC LIMIT 1`, [agadir]);
    expect(entry).toMatchObject({ actor_id: coordinator.id, action: 'update' });
    expect(entry!.before.name_fr).toContain('Agadir Ida-Outanane');
    expect(entry!.after.name_fr).toBe('Délégation d’Agadir');
  });

  it('a failed write leaves neither the change nor an audit entry', async () => {
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const [before] = await server.owner<{ seq: string }>('SELECT seq::text FROM audit.chain_head');
    const otherRegionProvince = await idOf(server, 'territory.provinces', '03.131');
    const agadirProvince = await idOf(server, 'territory.provinces', '09.001');
    const r = await coordinator.patch(`/api/organisation/delegations/${agadir}`, { nameFr: 'Never saved', provinceIds: [agadirProvince, otherRegionProvince] });
    expect(r.statusCode).toBe(400);
    const [after] = await server.owner<{ seq: string }>('SELECT seq::text FROM audit.chain_head');
    expect(after!.seq).toBe(before!.seq);
    const [row] = await server.owner<{ name_fr: string }>('SELECT name_fr FROM organisation.delegations WHERE id = $1', [agadir]);
    expect(row!.name_fr).not.toBe('Never saved');
  });

  it('the chain verifies, and tampering with an entry or cutting the end is detected', async () => {
    const admin = await signedIn(server, { role: 'system_admin' });
    await admin.patch('/api/me', { language: 'fr' });
    const intact = await verifyAuditChain(server.ownerUrl);
    expect(intact).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(intact.entries).toBeGreaterThan(100);

    // A database administrator edits history behind the triggers' back.
    await server.owner('ALTER TABLE audit.log DISABLE TRIGGER audit_log_append_only');
    await server.owner(`UPDATE audit.log SET after = jsonb_set(after, '{language}', '"ar"') WHERE seq = (SELECT max(seq) FROM audit.log WHERE action = 'update')`);
    const tampered = await verifyAuditChain(server.ownerUrl);
    expect(tampered.ok).toBe(false);
    expect(tampered.reason).toBe('entry content changed');

    await server.owner(`UPDATE audit.log SET after = jsonb_set(after, '{language}', '"fr"') WHERE seq = (SELECT max(seq) FROM audit.log WHERE action = 'update')`);
    expect((await verifyAuditChain(server.ownerUrl)).ok).toBe(true);
    await server.owner('DELETE FROM audit.log WHERE seq = (SELECT max(seq) FROM audit.log)');
    const truncated = await verifyAuditChain(server.ownerUrl);
    expect(truncated.ok).toBe(false);
    expect(truncated.reason).toBe('chain head does not match the last entry');
    await server.owner('ALTER TABLE audit.log ENABLE TRIGGER audit_log_append_only');
  });
});

describe('audit screen API', () => {
  it('shows a delegation administrator only entries of its scope, filtered and paged', async () => {
    const agadirAdmin = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const inezganeAdmin = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    await agadirAdmin.patch('/api/me', { language: 'fr' });
    await inezganeAdmin.patch('/api/me', { language: 'fr' });
    const mine = (await agadirAdmin.get('/api/audit?limit=200')).json();
    const records = mine.items.map((e: { recordId: string }) => e.recordId);
    expect(records).toContain(agadirAdmin.id);
    expect(records).not.toContain(inezganeAdmin.id);

    const byUser = (await agadirAdmin.get(`/api/audit?user=${agadirAdmin.id}&table=access.users&limit=1`)).json();
    expect(byUser.items).toHaveLength(1);
    expect(byUser.items[0]).toMatchObject({ actorId: agadirAdmin.id, actorUsername: agadirAdmin.username, tableName: 'access.users' });
    expect(byUser.nextCursor).not.toBeNull();
    const next = (await agadirAdmin.get(`/api/audit?user=${agadirAdmin.id}&limit=1&after=${byUser.nextCursor}`)).json();
    expect(Number(next.items[0].seq)).toBeLessThan(Number(byUser.items[0].seq));

    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Africa/Casablanca' });
    expect((await agadirAdmin.get(`/api/audit?from=${today}&to=${today}&record=${agadirAdmin.id}`)).json().items.length).toBeGreaterThan(0);
    expect((await agadirAdmin.get(`/api/audit?to=2020-01-01&record=${agadirAdmin.id}`)).json().items).toEqual([]);
    expect((await agadirAdmin.get('/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('needs audit.read', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    expect((await worker.get('/api/audit')).statusCode).toBe(403);
  });
});
