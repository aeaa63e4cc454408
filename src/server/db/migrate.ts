/**
 * Applies the versioned SQL migrations of every module in one global order (by their number),
 * each in its own transaction, under an advisory lock so two servers starting together do not
 * race. A changed migration that was already applied is refused (checksum).
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCK_KEY = 7_236_101; // arbitrary, constant: "raaya migrations"

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export async function listMigrations(): Promise<Migration[]> {
  const migrations: Migration[] = [];
  const entries = await readdir(srcDir, { recursive: true });
  const files = entries.filter((rel) => /(^|\/)db\/migrations\/[^/]+\.sql$/.test(rel.split(path.sep).join('/')));
  for (const rel of files) {
    const file = path.join(srcDir, rel);
    const base = path.basename(file, '.sql');
    const match = /^(\d{4})_([a-z0-9_]+)$/.exec(base);
    if (!match) throw new Error(`Migration file name must be NNNN_name.sql: ${rel}`);
    const sql = await readFile(file, 'utf8');
    migrations.push({ version: Number(match[1]), name: match[2]!, file: rel, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`Two migrations share number ${migrations[i]!.version}: ${migrations[i - 1]!.file}, ${migrations[i]!.file}`);
    }
  }
  return migrations;
}

export type PostMigrationStep = (client: pg.ClientBase) => Promise<void>;

/** Runs pending migrations, then the given idempotent steps (reference data), all under the lock. */
export async function migrate(
  ownerUrl: string,
  steps: PostMigrationStep[] = [],
  log: (m: string) => void = () => undefined,
  migrations?: Migration[],
): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS public.raaya_migrations (
      version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map<number, string>(
      (await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM public.raaya_migrations')).rows.map((r) => [r.version, r.checksum]),
    );
    let count = 0;
    for (const m of migrations ?? (await listMigrations())) {
      const known = applied.get(m.version);
      if (known !== undefined) {
        if (known !== m.checksum) throw new Error(`Migration ${m.file} changed after it was applied`);
        continue;
      }
      await inTransaction(client, async () => {
        await client.query(m.sql);
        await client.query('INSERT INTO public.raaya_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      });
      log(`migration ${m.file} applied`);
      count++;
    }
    for (const step of steps) await inTransaction(client, () => step(client));
    return count;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function inTransaction(client: pg.ClientBase, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Gives the application role its login and password (needs CREATEROLE or ownership of the role). */
export async function enableAppRole(ownerUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const literal = (await client.query<{ q: string }>('SELECT quote_literal($1) AS q', [password])).rows[0]!.q;
    await client.query(`ALTER ROLE raaya_app WITH LOGIN PASSWORD ${literal}`);
  } finally {
    await client.end();
  }
}
