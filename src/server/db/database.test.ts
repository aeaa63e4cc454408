import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { listMigrations, migrate } from './migrate.ts';

/** An empty database in the test cluster, as an operator would hand Raaya one. */
async function emptyDatabase(): Promise<string> {
  const { ownerUrl } = inject('database');
  const name = `x_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: ownerUrl.replace(/\/raaya$/, '/postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return ownerUrl.replace(/\/raaya$/, `/${name}`);
}

async function scalar<T>(url: string, text: string): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Object.values((await client.query(text)).rows[0] as Record<string, T>)[0]!;
  } finally {
    await client.end();
  }
}

describe('external PostgreSQL (DATABASE_URL)', () => {
  it('migrates an empty database, loads reference data but no demo data, and connects as the application role', async () => {
    const url = await emptyDatabase();
    const { appPassword } = inject('database');
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, RAAYA_APP_DB_PASSWORD: appPassword });
    const database = await openDatabase(config, () => undefined);
    expect(database.embedded).toBe(false);
    expect(new URL(database.appUrl).username).toBe('raaya_app');
    expect(await scalar<string>(url, 'SELECT count(*) FROM public.raaya_migrations')).toBe(String((await listMigrations()).length));
    expect(await scalar<string>(url, 'SELECT count(*) FROM territory.provinces')).toBe('75');
    expect(await scalar<string>(url, 'SELECT count(*) FROM access.users')).toBe('0');
    expect(await scalar<string>(database.appUrl, 'SELECT current_user')).toBe('raaya_app');
    await database.stop();
  });

  it('refuses to start without a way to connect as the application role', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://owner:x@127.0.0.1:1/raaya' });
    await expect(openDatabase(config, () => undefined)).rejects.toThrow(/DATABASE_APP_URL/);
  });
});

describe('migrations', () => {
  it('two servers starting together apply each migration once', async () => {
    const url = await emptyDatabase();
    const applied = await Promise.all([migrate(url), migrate(url)]);
    const total = (await listMigrations()).length;
    expect(applied.sort()).toEqual([0, total]);
    expect(await scalar<string>(url, 'SELECT count(*) FROM public.raaya_migrations')).toBe(String(total));
  });

  it('a migration that fails leaves nothing of itself behind and is not recorded', async () => {
    const url = await emptyDatabase();
    const broken = { version: 9999, name: 'broken', file: 'broken.sql', checksum: 'x', sql: 'CREATE TABLE public.half_done (id int); SELECT 1/0;' };
    await expect(migrate(url, [], () => undefined, [...(await listMigrations()), broken])).rejects.toThrow(/division by zero/);
    expect(await scalar<string | null>(url, `SELECT to_regclass('public.half_done')::text`)).toBeNull();
    expect(await scalar<string>(url, 'SELECT count(*) FROM public.raaya_migrations WHERE version = 9999')).toBe('0');
    expect(await scalar<string>(url, 'SELECT count(*) FROM public.raaya_migrations')).toBe(String((await listMigrations()).length));
  });

  it('refuses a migration changed after it was applied', async () => {
    const url = await emptyDatabase();
    const real = await listMigrations();
    await migrate(url, [], () => undefined, real);
    const edited = real.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(url, [], () => undefined, edited)).rejects.toThrow(/changed after it was applied/);
  });
});
