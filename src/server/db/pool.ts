/**
 * The application's connection pool (raaya_app role). A request holds one connection for its
 * whole transaction; queries are built with Kysely bound to that connection (see context.ts).
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.generated.ts';

// Calendar dates stay 'YYYY-MM-DD' strings and bigints and numerics stay strings: no time-zone
// shift and no float ever touches an amount.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => v);

export interface Database {
  pool: pg.Pool;
  destroy(): Promise<void>;
}

export function createDatabase(url: string, size: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: size, application_name: 'raaya' });
  // An idle connection closed by the server (restart, shutdown) is dropped from the pool by pg;
  // without a listener its 'error' event would bring the whole process down.
  pool.on('error', (error) => console.error('[raaya] idle database connection lost:', error.message));
  return { pool, destroy: () => pool.end() };
}

/** A query builder that runs every query on the given, already checked-out connection. */
export function queryBuilderOn(client: pg.PoolClient): Kysely<DB> {
  const pinned = { query: client.query.bind(client), release: () => undefined };
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: { connect: async () => pinned as unknown as pg.PoolClient, end: async () => undefined } }),
  });
}
