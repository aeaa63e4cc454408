/**
 * Regenerates src/server/db/schema.generated.ts (the Kysely types) from a freshly migrated
 * database, so query types always come from the real schema: `npm run db:types`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../db/embedded.ts';
import { prepareDatabase } from '../db/database.ts';

const dir = await mkdtemp(path.join(os.tmpdir(), 'raaya-types-'));
const db = await startEmbeddedDatabase(dir, 54_400 + Math.floor(Math.random() * 500), console.error);
try {
  await prepareDatabase(db.ownerUrl, () => undefined);
  execFileSync(
    'npx',
    ['kysely-codegen', '--dialect', 'postgres', '--url', db.ownerUrl, '--out-file', 'src/server/db/schema.generated.ts',
      // Every schema of ours; access.sessions is reachable only through definer functions, and
      // the job queue's schema belongs to pg-boss.
      '--exclude-pattern', '{access.sessions,pgboss.*,public.raaya_migrations}'],
    { stdio: 'inherit' },
  );
} finally {
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}
