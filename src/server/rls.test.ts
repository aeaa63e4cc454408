/**
 * Scope is enforced by PostgreSQL itself: these tests talk to the database as the application
 * role, with no API in between, and see only what the policies allow.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, type TestServer } from './testing/harness.ts';

let server: TestServer;
let app: pg.Client;
beforeAll(async () => {
  server = await startTestServer();
  app = new pg.Client({ connectionString: server.appUrl });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await server.close();
});

/** Opens a transaction as the given account (the way every request does) and runs one query. */
async function asUser<T extends pg.QueryResultRow>(userId: string | null, query: string): Promise<T[]> {
  await app.query('BEGIN');
  try {
    if (userId) {
      // The same context the request transaction sets, without a session: set by the owner's rules.
      const [u] = await server.owner<{ role: string; scope_level: string; region_id: string | null; delegation_id: string | null }>(
        'SELECT role, scope_level, region_id, delegation_id FROM access.users WHERE id = $1', [userId]);
      await app.query(
        `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true), set_config('app.scope_level', $3, true),
                set_config('app.region_id', coalesce($4, ''), true), set_config('app.delegation_id', coalesce($5, ''), true)`,
        [userId, u!.role, u!.scope_level, u!.region_id, u!.delegation_id]);
    }
    return (await app.query<T>(query)).rows;
  } finally {
    await app.query('ROLLBACK');
  }
}

describe('the application database role', () => {
  it('owns no table, is not superuser and cannot bypass row-level security', async () => {
    const [role] = (await app.query<{ rolsuper: boolean; rolbypassrls: boolean; current_user: string }>(
      'SELECT rolsuper, rolbypassrls, current_user FROM pg_roles WHERE rolname = current_user')).rows;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, current_user: 'raaya_app' });
    const owned = await server.owner(`SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'raaya_app'`);
    expect(owned).toEqual([]);
  });

  // pgboss is the job queue library's schema: its rows carry only our job ids (the jobs themselves,
  // with their scope, are in jobs.jobs under RLS), see docs/decisions/0009.
  it('every table of Raaya has row-level security enabled', async () => {
    const tables = await server.owner<{ name: string; rls: boolean }>(
      `SELECT n.nspname || '.' || c.relname AS name, c.relrowsecurity AS rls FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'public', 'pgboss')`);
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
  });

  it('cannot read password hashes nor sessions', async () => {
    await expect(app.query('SELECT password_hash FROM access.users LIMIT 1')).rejects.toThrow(/permission denied/);
    await expect(app.query('SELECT * FROM access.sessions LIMIT 1')).rejects.toThrow(/permission denied/);
  });
});

describe('raw SQL as the application role returns only in-scope rows', () => {
  it('without a user context, no scoped row is visible', async () => {
    await createUser(server, { role: 'social_worker', scope: '09.001' });
    expect(await asUser(null, 'SELECT id FROM access.users')).toEqual([]);
    expect(await asUser(null, 'SELECT seq FROM audit.log')).toEqual([]);
  });

  it('a delegation sees its rows only, a region all its delegations, the nation everything', async () => {
    const agadirUser = await createUser(server, { role: 'provincial_delegate', scope: '09.001' });
    const inezganeUser = await createUser(server, { role: 'provincial_delegate', scope: '09.273' });
    const regionUser = await createUser(server, { role: 'regional_coordinator', scope: '09' });
    const fesUser = await createUser(server, { role: 'regional_coordinator', scope: '03' });
    const nationUser = await createUser(server, { role: 'system_admin' });
    const query = 'SELECT u.id, d.code AS delegation, r.code AS region FROM access.users u LEFT JOIN organisation.delegations d ON d.id = u.delegation_id LEFT JOIN territory.regions r ON r.id = u.region_id';

    const seenByAgadir = await asUser<{ id: string; delegation: string }>(agadirUser.id, query);
    expect(seenByAgadir.length).toBeGreaterThan(0);
    expect(new Set(seenByAgadir.map((r) => r.delegation))).toEqual(new Set(['09.001']));

    const seenByRegion = await asUser<{ id: string; region: string }>(regionUser.id, query);
    expect(new Set(seenByRegion.map((r) => r.region))).toEqual(new Set(['09']));
    expect(seenByRegion.map((r) => r.id)).toEqual(expect.arrayContaining([agadirUser.id, inezganeUser.id, regionUser.id]));
    expect(seenByRegion.map((r) => r.id)).not.toContain(fesUser.id);

    const seenByNation = await asUser<{ id: string }>(nationUser.id, query);
    const all = await server.owner('SELECT id FROM access.users');
    expect(seenByNation).toHaveLength(all.length);
  });

  it('an update or delete of an out-of-scope row touches nothing', async () => {
    const agadirUser = await createUser(server, { role: 'provincial_delegate', scope: '09.001' });
    const sibling = await createUser(server, { role: 'social_worker', scope: '09.273' });
    expect(await asUser(agadirUser.id, `UPDATE access.users SET full_name_fr = 'hacked' WHERE id = '${sibling.id}' RETURNING id`)).toEqual([]);
    expect(await asUser(agadirUser.id, `DELETE FROM access.users WHERE id = '${sibling.id}' RETURNING id`)).toEqual([]);
    await expect(asUser(agadirUser.id, `UPDATE access.users SET delegation_id = (SELECT id FROM organisation.delegations WHERE code = '09.273') WHERE id = '${agadirUser.id}'`))
      .rejects.toThrow(/row-level security/);
  });

  it('the audit log cannot be changed by the application, and not even by its owner', async () => {
    await expect(app.query('DELETE FROM audit.log')).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE audit.log SET event = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`INSERT INTO audit.log (seq, table_name, action, prev_hash, hash) VALUES (999999, 'x', 'event', '', '')`)).rejects.toThrow(/permission denied/);
    await expect(server.owner(`UPDATE audit.log SET event = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });
});
