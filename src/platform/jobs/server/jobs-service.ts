/** Creating, listing, reading and cancelling jobs, as the signed-in user (row-level security: own jobs only). */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../server/context.ts';
import { notFound } from '../../../server/errors.ts';
import { translate } from '../../../server/i18n/messages.ts';
import type { Language } from '../../contract/common.ts';
import type { Job } from '../contract.ts';
import type { JobRunner } from './runner.ts';
import { importTarget } from '../../imports/target.ts';

export async function createJob(tx: Tx, runner: JobRunner, user: CurrentUser, kind: string, params: Record<string, unknown>): Promise<string> {
  const { id } = await tx
    .insertInto('jobs.jobs')
    .values({
      kind,
      params: JSON.stringify(params),
      created_by: user.id,
      region_id: user.scope.regionId,
      delegation_id: user.scope.delegationId,
      association_id: user.scope.associationId,
      institution_id: user.scope.institutionId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await runner.enqueue(tx, id);
  return id;
}

const columns = ['id', 'kind', 'state', 'cancel_requested', 'progress_done', 'progress_total', 'result_name', 'result_path', 'result', 'error_key', 'error_count', 'created_at', 'started_at', 'finished_at'] as const;

type JobRow = {
  id: string; kind: string; state: string; cancel_requested: boolean; progress_done: number; progress_total: number | null;
  result_name: string | null; result_path: string | null; result: unknown; error_key: string | null; error_count: number;
  created_at: Date; started_at: Date | null; finished_at: Date | null;
};

function toJob(r: JobRow, lang: Language): Job {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state as Job['state'],
    cancelRequested: r.cancel_requested,
    progressDone: r.progress_done,
    progressTotal: r.progress_total,
    resultName: r.result_name,
    hasFile: r.result_path !== null,
    result: (r.result as Record<string, unknown> | null) ?? null,
    error: r.error_key ? translate(lang, r.error_key) : null,
    errorCount: r.error_count,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

export async function findJob(tx: Tx, id: string, lang: Language): Promise<Job> {
  const row = await tx.selectFrom('jobs.jobs').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return toJob(row as JobRow, lang);
}

export async function jobFile(tx: Tx, id: string): Promise<{ path: string; name: string; type: string }> {
  const row = await tx.selectFrom('jobs.jobs').select(['result_path', 'result_name', 'result_type']).where('id', '=', id).executeTakeFirst();
  if (!row?.result_path) throw notFound();
  return { path: row.result_path, name: row.result_name ?? 'result', type: row.result_type ?? 'application/octet-stream' };
}

/** Newest first; the cursor is "<created_at ISO>|<id>". */
export async function listJobs(tx: Tx, user: CurrentUser, query: { after?: string | undefined; limit: number }, lang: Language) {
  let q = tx.selectFrom('jobs.jobs').select(columns).where('created_by', '=', user.id);
  if (query.after) {
    const [at, id] = query.after.split('|');
    if (at && id && /^[0-9a-f-]{36}$/.test(id) && !Number.isNaN(Date.parse(at))) {
      q = q.where(sql<boolean>`(created_at, id) < (${new Date(at)}, ${id}::uuid)`);
    }
  }
  const rows = (await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute()) as JobRow[];
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items: items.map((r) => toJob(r, lang)), nextCursor: more && last ? `${last.created_at.toISOString()}|${last.id}` : null };
}

export async function cancelJob(tx: Tx, id: string, lang: Language): Promise<Job> {
  await sql`SELECT jobs.request_cancel(${id}::uuid)`.execute(tx);
  return findJob(tx, id, lang);
}

/** A job's row errors after `after` (their sequence), translated into the user's language, with the column's label. */
export async function rowErrors(tx: Tx, user: CurrentUser, jobId: string, after: number, limit: number) {
  const job = await tx.selectFrom('jobs.jobs').select(['params']).where('id', '=', jobId).executeTakeFirst();
  if (!job) throw notFound();
  const uploadId = (job.params as { uploadId?: string }).uploadId;
  const upload = uploadId ? await tx.selectFrom('jobs.uploads').select('target').where('id', '=', uploadId).executeTakeFirst() : undefined;
  const fields = (upload && importTarget(upload.target)?.fields) || [];
  const rows = await tx
    .selectFrom('jobs.row_errors')
    .select(['seq', 'row_number', 'field', 'key', 'params', 'value'])
    .where('job_id', '=', jobId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const field = fields.find((f) => f.key === r.field);
    return {
      seq: r.seq,
      row: r.row_number,
      field: r.field,
      column: field ? (user.language === 'ar' ? field.labelAr : field.labelFr) : r.field,
      message: translate(user.language, r.key, (r.params as Record<string, unknown> | null) ?? {}),
      value: r.value,
    };
  });
}
