/** Loads every module's demo data in one transaction, as the tables' owner. */
import pg from 'pg';
import path from 'node:path';
import { seedDemoAccounts } from '../modules/access/index.ts';
import { seedDemoJobs } from '../platform/jobs/demo.ts';
import type { ServerContext } from './context.ts';
import { seedDemoPlans } from '../modules/planning/index.ts';
import { seedDemoDocuments } from '../platform/documents/index.ts';
import { runDeadlineSweep, todayInMorocco } from '../platform/deadlines/index.ts';
import { loadConfig } from './config.ts';
import { createDatabase } from './db/pool.ts';
import { seedDemoForms } from '../platform/forms/index.ts';
import { seedDemoLicensing, seedDemoRegistry } from '../modules/registry/index.ts';
import { seedDemoBeneficiaries } from '../modules/beneficiaries/index.ts';
import { seedDemoDirectory } from '../modules/directory/index.ts';
import { seedDemoBooks } from '../modules/finance/index.ts';
import { seedDemoSubsidies } from '../modules/subsidies/index.ts';

export async function seedDemo(ownerUrl: string, password: string, dataDir: string = loadConfig().dataDir): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await seedDemoAccounts(client, password);
    await seedDemoRegistry(client);
    await seedDemoPlans(client);
    await seedDemoDocuments(client, path.join(dataDir, 'files'));
    await seedDemoForms(client);
    // After the registry's demo institutions (seedDemoRegistry): their licensing stages.
    await seedDemoLicensing(client);
    // After the registry (institutions) and the accounts (handlers): persons, requests, case files.
    await seedDemoBeneficiaries(client);
    // After licensing (which sets the statuses): the operating institutions go public.
    await seedDemoDirectory(client);
    // After the registry (institutions) and the accounts (directors): accounts, budgets and a year of books.
    await seedDemoBooks(client);
    // After the registry (associations with their RIBs, institutions) and the accounts; after the finance demo once it exists.
    await seedDemoSubsidies(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
  // The day's deadline sweep, so the demo users find their reminders and overdue notices.
  const db = createDatabase(ownerUrl, 1);
  try {
    await runDeadlineSweep(db, todayInMorocco());
  } finally {
    await db.destroy();
  }
}

/** Demo data goes in on first start of the embedded database only: when no account exists. */
export async function isEmpty(ownerUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM access.users LIMIT 1')).rowCount === 0;
  } finally {
    await client.end();
  }
}

/** Demo data that needs the running application (jobs run as their creator, files generated). */
export async function seedDemoAfterStart(ctx: ServerContext, ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await seedDemoJobs(ctx, client);
  } finally {
    await client.end();
  }
}
