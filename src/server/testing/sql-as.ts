/**
 * Direct SQL as the application role under one account's context (the settings every request's
 * transaction sets), for tests of rules that live in the database. Each call runs in its own
 * transaction and rolls back, so nothing a test does this way persists.
 */
import pg from 'pg';
import type { TestServer } from './harness.ts';

export interface SqlAs {
  query<T extends pg.QueryResultRow = Record<string, unknown>>(userId: string, sql: string, values?: unknown[]): Promise<T[]>;
  end(): Promise<void>;
}

export async function sqlAs(server: TestServer): Promise<SqlAs> {
  const client = new pg.Client({ connectionString: server.appUrl });
  await client.connect();
  return {
    async query<T extends pg.QueryResultRow>(userId: string, sql: string, values: unknown[] = []) {
      const [u] = await server.owner<{ role: string; scope_level: string; region_id: string | null; delegation_id: string | null; association_id: string | null; institution_id: string | null }>(
        'SELECT role, scope_level, region_id, delegation_id, association_id, institution_id FROM access.users WHERE id = $1', [userId]);
      await client.query('BEGIN');
      try {
        await client.query(
          `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true), set_config('app.scope_level', $3, true),
                  set_config('app.region_id', coalesce($4, ''), true), set_config('app.delegation_id', coalesce($5, ''), true),
                  set_config('app.association_id', coalesce($6, ''), true), set_config('app.institution_id', coalesce($7, ''), true)`,
          [userId, u!.role, u!.scope_level, u!.region_id, u!.delegation_id, u!.association_id, u!.institution_id]);
        return (await client.query<T>(sql, values)).rows;
      } finally {
        await client.query('ROLLBACK');
      }
    },
    end: () => client.end(),
  };
}
