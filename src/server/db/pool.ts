/** The application's connection pool (raaya_app role) and its typed query builder. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.generated.ts';

// Calendar dates stay 'YYYY-MM-DD' strings and bigints stay strings: no time-zone or float surprises.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => v);

export type Database = Kysely<DB>;

export function createDatabase(url: string, size: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: size, application_name: 'raaya' });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
