/**
 * The worker: pg-boss hands us a job id; we run the job's handler as its creator in one
 * transaction, with progress and state written in short transactions of their own.
 * Queued jobs live in PostgreSQL, so they survive a restart and run after it; a job interrupted by
 * a crash is retried once by pg-boss after it expires (handlers are all-or-nothing, so it restarts
 * cleanly from the beginning).
 */
import PgBoss from 'pg-boss';
import { CompiledQuery } from 'kysely';
import type { ServerContext, Tx } from '../../../server/context.ts';
import { toCurrentUser, type BeginRequestRow } from '../../../server/context.ts';
import { queryBuilderOn } from '../../../server/db/pool.ts';
import { notify } from '../../notifications/index.ts';
import { JOB_QUEUE, QUEUE_SCHEMA } from '../queue.ts';
import { JobCancelled, jobHandler, type JobOutcome, type RowError } from './kinds.ts';

export interface JobRunner {
  /** Puts a job in the queue inside the caller's transaction: queued if and only if the request commits. */
  enqueue(tx: Tx, jobId: string): Promise<void>;
  /** Wakes the worker at once (after the enqueuing transaction committed). */
  wake(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface JobData {
  jobId: string;
}

const runners = new WeakMap<ServerContext, JobRunner>();

/** One runner per server context, created on first use. */
export function jobRunner(ctx: ServerContext): JobRunner {
  let runner = runners.get(ctx);
  if (!runner) {
    runner = createRunner(ctx);
    runners.set(ctx, runner);
  }
  return runner;
}

function createRunner(ctx: ServerContext): JobRunner {
  const pool = ctx.db.pool;
  const boss = new PgBoss({
    schema: QUEUE_SCHEMA,
    db: { executeSql: async (text: string, values: unknown[]) => pool.query(text, values) },
    migrate: false,
    schedule: false,
    supervise: ctx.config.jobsWorker,
  });
  boss.on('error', (error) => console.error('[raaya] job queue:', error.message));
  let workerId: string | undefined;
  let started = false;

  return {
    async enqueue(tx, jobId) {
      const db = { executeSql: async (text: string, values: unknown[]) => tx.executeQuery(CompiledQuery.raw(text, values)) };
      await boss.send(JOB_QUEUE, { jobId } satisfies JobData, { db } as PgBoss.SendOptions);
    },
    wake() {
      if (workerId) boss.notifyWorker(workerId);
    },
    async start() {
      if (started) return;
      started = true;
      await boss.start();
      if (ctx.config.jobsWorker) {
        workerId = await boss.work<JobData>(JOB_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
          if (job) await runJob(ctx, job.data.jobId);
        });
      }
    },
    async stop() {
      if (!started) return;
      started = false;
      workerId = undefined;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
    },
  };
}

/**
 * Records the end of a job and, in the same short transaction, tells its creator (success or
 * failure; a cancellation is the creator's own act) with a link to the job's page.
 */
async function finish(ctx: ServerContext, jobId: string, state: 'succeeded' | 'failed' | 'cancelled', outcome: { result?: Record<string, unknown>; file?: { path: string; name: string; type: string }; errorKey?: string; errors?: RowError[] }): Promise<void> {
  const client = await ctx.db.pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ created_by: string; kind: string }>('SELECT * FROM jobs.finish($1, $2, $3, $4, $5, $6, $7, $8)', [
      jobId,
      state,
      outcome.result ? JSON.stringify(outcome.result) : null,
      outcome.file?.path ?? null,
      outcome.file?.name ?? null,
      outcome.file?.type ?? null,
      outcome.errorKey ?? null,
      JSON.stringify(outcome.errors ?? []),
    ]);
    const job = rows[0];
    if (job && state !== 'cancelled') {
      await notify(queryBuilderOn(client), {
        userIds: [job.created_by],
        kind: 'job',
        messageKey: `jobs:notify.${job.kind.replace(/\./g, '_')}.${state}`,
        link: `/jobs/${jobId}`,
        dedupeKey: `job:${jobId}`,
      });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Runs one job to its end; never throws for the job's own failures (they are the job's state). */
export async function runJob(ctx: ServerContext, jobId: string): Promise<void> {
  const pool = ctx.db.pool;
  const marked = await pool.query<{ mark_running: string | null }>('SELECT jobs.mark_running($1)', [jobId]);
  if (marked.rows[0]?.mark_running !== 'running') return; // cancelled while queued, or already finished
  const client = await pool.connect();
  let broken = false;
  let outcome: JobOutcome | 'cancelled';
  try {
    await client.query('BEGIN');
    // First the creator's settings, then the job as the creator sees it (row-level security).
    const begun = (await client.query<BeginRequestRow>('SELECT * FROM access.begin_job($1)', [jobId])).rows[0];
    const job = begun && (await client.query<{ kind: string; params: Record<string, unknown> }>('SELECT kind, params FROM jobs.jobs WHERE id = $1', [jobId])).rows[0];
    const row = begun && job ? { ...begun, ...job } : undefined;
    const handler = row ? jobHandler(row.kind) : undefined;
    if (!row) outcome = { ok: false, errorKey: 'jobs.errors.creator_inactive' };
    else if (!handler) outcome = { ok: false, errorKey: 'jobs.errors.unknown_kind' };
    else {
      outcome = await handler({
        jobId,
        tx: queryBuilderOn(client),
        user: toCurrentUser(row),
        params: row.params,
        dataDir: ctx.config.dataDir,
        progress: async (done, total) => {
          const r = await pool.query<{ report_progress: boolean | null }>('SELECT jobs.report_progress($1, $2, $3)', [jobId, done, total]);
          if (r.rows[0]?.report_progress) throw new JobCancelled();
        },
      });
    }
    if (outcome.ok) await client.query('COMMIT');
    else await client.query('ROLLBACK');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    if (error instanceof JobCancelled) outcome = 'cancelled';
    else {
      console.error(`[raaya] job ${jobId} failed:`, error);
      outcome = { ok: false, errorKey: 'jobs.errors.internal' };
    }
  } finally {
    client.release(broken);
  }
  if (outcome === 'cancelled') await finish(ctx, jobId, 'cancelled', {});
  else if (outcome.ok) await finish(ctx, jobId, 'succeeded', outcome);
  else await finish(ctx, jobId, 'failed', outcome);
}
