/**
 * Opens Raaya's database: the embedded server when DATABASE_URL is absent, otherwise the given
 * PostgreSQL. Applies migrations and reference data as the tables' owner, and returns the URL the
 * application connects with: the raaya_app role, which owns nothing and cannot bypass RLS.
 */
import type { Config } from '../config.ts';
import { loadTerritory } from '../../modules/territory/index.ts';
import { installJobQueue } from '../../platform/jobs/queue.ts';
import { startEmbeddedDatabase } from './embedded.ts';
import { enableAppRole, migrate } from './migrate.ts';

export interface OpenDatabase {
  ownerUrl: string;
  appUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

export async function openDatabase(config: Config, log: (m: string) => void): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const ownerUrl = config.databaseUrl;
    let appUrl = config.databaseAppUrl;
    if (!appUrl) {
      if (!config.appDbPassword) throw new Error('Set DATABASE_APP_URL, or RAAYA_APP_DB_PASSWORD so that Raaya can give the raaya_app role its login.');
      appUrl = withCredentials(ownerUrl, 'raaya_app', config.appDbPassword);
    }
    await prepareDatabase(ownerUrl, log, config.databaseAppUrl ? undefined : config.appDbPassword);
    return { ownerUrl, appUrl, embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPgPort, log);
  await prepareDatabase(embedded.ownerUrl, log, embedded.appPassword);
  return {
    ownerUrl: embedded.ownerUrl,
    appUrl: withCredentials(embedded.ownerUrl, 'raaya_app', embedded.appPassword),
    embedded: true,
    stop: embedded.stop,
  };
}

/** Migrations, then reference data, then the application role's login when Raaya manages it. */
export async function prepareDatabase(ownerUrl: string, log: (m: string) => void, appPassword?: string): Promise<void> {
  await migrate(ownerUrl, [loadTerritory], log);
  await installJobQueue(ownerUrl, log);
  if (appPassword) await enableAppRole(ownerUrl, appPassword);
}
