/**
 * The job queue: pg-boss 10 (the last major that runs on Node 20) in its own schema `pgboss`.
 *
 * Install and upgrade run as the tables' owner, where the migration runner runs (installJobQueue),
 * and create our one queue there too: creating a queue creates a table, so the application role
 * never needs CREATE. The application role then gets exactly what pg-boss's runtime statements use:
 * USAGE on the schema, SELECT/INSERT/UPDATE/DELETE on its tables and EXECUTE on its functions.
 * The server starts pg-boss with migrate: false on its own pool (raaya_app): it only checks the
 * schema version there.
 */
import PgBoss from 'pg-boss';

export const QUEUE_SCHEMA = 'pgboss';
export const JOB_QUEUE = 'raaya-jobs';

/** Queue policy: one retry after a crash or expiry (every job handler is all-or-nothing, so rerunning is safe). */
export const queueOptions = { name: JOB_QUEUE, retryLimit: 1, retryDelay: 5, expireInSeconds: 30 * 60, retentionMinutes: 7 * 24 * 60 } as const;

export async function installJobQueue(ownerUrl: string, log: (m: string) => void = () => undefined): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: QUEUE_SCHEMA, max: 1, migrate: true, supervise: false, schedule: false, application_name: 'raaya-migrate' });
  boss.on('error', (error) => log(`job queue install: ${error.message}`));
  await boss.start();
  try {
    if (!(await boss.getQueue(JOB_QUEUE))) await boss.createQueue(JOB_QUEUE, queueOptions);
    const db = boss.getDb();
    await db.executeSql(
      `GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO raaya_app;
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO raaya_app;
       GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${QUEUE_SCHEMA} TO raaya_app`,
      [],
    );
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
