/**
 * The demo data as a second template database, loaded once per test run instead of once per file:
 * the browser test files all start from the demo, and seeding it (one transaction over every module,
 * argon2 for the accounts, the documents' files, the deadline sweep) was most of each file's setup.
 * The first file that asks builds it under a PostgreSQL advisory lock (files run in parallel forks);
 * the others wait for the lock and find it built. Each file still gets its own copy
 * (CREATE DATABASE … TEMPLATE raaya_demo) and its own copy of the demo's files.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { seedDemo } from '../demo.ts';

export const DEMO_TEMPLATE = 'raaya_demo';
/** The demo accounts' password in every copy of the demo template. */
export const DEMO_PASSWORD = 'raaya-demo-e2e';

// Any constant: the lock only serialises the builders of this one template.
const BUILD_LOCK = 7_262_001;
const BUILDING = `${DEMO_TEMPLATE}_building`;

/** The demo template's database name and the data directory holding its files, built on first call. */
export async function demoTemplate(): Promise<{ database: string; dataDir: string }> {
  const { ownerUrl, scratchDir } = inject('database');
  const dataDir = path.join(scratchDir, 'demo-data');
  const admin = new pg.Client({ connectionString: ownerUrl.replace(/\/raaya$/, '/postgres') });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK]);
    const built = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DEMO_TEMPLATE]);
    if (built.rowCount === 0) {
      // A build that failed earlier in this run leaves its half-seeded database and files: start over.
      await admin.query(`DROP DATABASE IF EXISTS ${BUILDING} WITH (FORCE)`);
      await rm(dataDir, { recursive: true, force: true });
      await mkdir(dataDir, { recursive: true });
      await admin.query(`CREATE DATABASE ${BUILDING} TEMPLATE raaya`);
      const buildingUrl = ownerUrl.replace(/\/raaya$/, `/${BUILDING}`);
      await seedDemo(buildingUrl, DEMO_PASSWORD, dataDir);
      await settle(buildingUrl);
      // The seed's connections are closed, but a backend may not have exited yet; a template needs none.
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [BUILDING]);
      // Renamed only once complete: its existence is the sign that the build finished.
      await admin.query(`ALTER DATABASE ${BUILDING} RENAME TO ${DEMO_TEMPLATE}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK]).catch(() => undefined);
    await admin.end();
  }
  return { database: DEMO_TEMPLATE, dataDir };
}

/**
 * Planner statistics and hint bits, as a seeded database gets them soon after the seed (autovacuum,
 * first reads); frozen once here, so that no copy has to set them again page by page.
 * A copy inherits the template's tables but not its activity counters, so autovacuum would never
 * analyse the copies: without this, every file's queries ran on plans made without statistics.
 */
async function settle(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (FREEZE, ANALYZE)');
  } finally {
    await client.end();
  }
}
