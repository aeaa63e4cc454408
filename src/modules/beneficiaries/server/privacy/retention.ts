/**
 * Retention (law 09-08 art. 3: kept no longer than necessary). A rule per record type says how many
 * years a file is kept after it ends (case closed, exit from the institution, request closed
 * without a case file). Files past their period are listed for review, under the caller's
 * row-level security, until someone decides: keep until a later date (the list shows it again
 * then), or hand the file to the archives' elimination procedure.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import type { RetentionDueItem, RetentionDueQuery, RetentionRecordType, RetentionReviewBody } from '../../contract/privacy.ts';

const TODAY = sql`(now() AT TIME ZONE 'Africa/Casablanca')::date`;

/** One branch per record type: the record, its reference, its person, when it ended. */
const branches: Record<RetentionRecordType, RawBuilder<unknown>> = {
  case_file: sql`SELECT 'case_file'::text AS record_type, c.id AS record_id, c.number AS reference, c.person_id, c.closed_on AS ended_on,
      (c.closed_on + make_interval(years => r.years))::date AS due_on
    FROM beneficiaries.cases c JOIN beneficiaries.retention_rules r ON r.record_type = 'case_file'
    WHERE c.closed_on IS NOT NULL AND c.closed_on <= ${TODAY} - make_interval(years => r.years)`,
  admission: sql`SELECT 'admission'::text, a.id, a.registration_number, a.person_id, a.exit_date,
      (a.exit_date + make_interval(years => r.years))::date
    FROM beneficiaries.admissions a JOIN beneficiaries.retention_rules r ON r.record_type = 'admission'
    WHERE a.exit_date IS NOT NULL AND a.exit_date <= ${TODAY} - make_interval(years => r.years)`,
  request: sql`SELECT 'request'::text, q.id, q.number, q.person_id, (q.updated_at AT TIME ZONE 'Africa/Casablanca')::date,
      ((q.updated_at AT TIME ZONE 'Africa/Casablanca')::date + make_interval(years => r.years))::date
    FROM beneficiaries.requests q JOIN beneficiaries.retention_rules r ON r.record_type = 'request'
    WHERE q.status IN ('closed', 'rejected') AND q.case_id IS NULL
      AND q.updated_at <= (${TODAY} - make_interval(years => r.years)) AT TIME ZONE 'Africa/Casablanca'`,
};

interface DueRow {
  record_type: RetentionRecordType;
  record_id: string;
  reference: string;
  person_id: string | null;
  ended_on: string;
  due_on: string;
  kept_until: string | null;
  first_name_ar: string | null;
  last_name_ar: string | null;
  first_name_lat: string | null;
  last_name_lat: string | null;
}

const encode = (dueOn: string, id: string) => Buffer.from(`${dueOn}|${id}`).toString('base64url');
function decode(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  const [dueOn, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  return dueOn && id && /^\d{4}-\d{2}-\d{2}$/.test(dueOn) && /^[0-9a-f-]{36}$/.test(id) ? [dueOn, id] : null;
}
const join = (parts: (string | null)[]) => parts.filter(Boolean).join(' ') || null;

export async function findRetentionDue(tx: Tx, query: RetentionDueQuery): Promise<{ items: RetentionDueItem[]; nextCursor: string | null }> {
  const types = query.recordType ? [query.recordType] : (Object.keys(branches) as RetentionRecordType[]);
  const union = sql.join(types.map((t) => branches[t]), sql` UNION ALL `);
  const after = decode(query.after);
  const rows = (
    await sql<DueRow>`
      SELECT d.*, lr.keep_until AS kept_until, p.first_name_ar, p.last_name_ar, p.first_name_lat, p.last_name_lat
      FROM (${union}) AS d (record_type, record_id, reference, person_id, ended_on, due_on)
      LEFT JOIN LATERAL (
        SELECT v.decision, v.keep_until FROM beneficiaries.retention_reviews v
        WHERE v.record_type = d.record_type AND v.record_id = d.record_id ORDER BY v.reviewed_at DESC LIMIT 1
      ) lr ON true
      LEFT JOIN beneficiaries.persons p ON p.id = d.person_id
      WHERE (lr.decision IS NULL OR (lr.decision = 'keep' AND lr.keep_until <= ${TODAY}))
        ${after ? sql`AND (d.due_on, d.record_id) > (${after[0]}::date, ${after[1]}::uuid)` : sql``}
      ORDER BY d.due_on, d.record_id
      LIMIT ${query.limit + 1}`.execute(tx)
  ).rows;
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      recordType: r.record_type,
      recordId: r.record_id,
      reference: r.reference,
      personId: r.person_id,
      personNameAr: join([r.first_name_ar, r.last_name_ar]),
      personNameLat: join([r.first_name_lat, r.last_name_lat]),
      endedOn: r.ended_on,
      dueOn: r.due_on,
      keptUntil: r.kept_until,
    })),
    nextCursor: rows.length > query.limit && last ? encode(last.due_on, last.record_id) : null,
  };
}

const tableOf: Record<RetentionRecordType, 'beneficiaries.cases' | 'beneficiaries.admissions' | 'beneficiaries.requests'> = {
  case_file: 'beneficiaries.cases',
  admission: 'beneficiaries.admissions',
  request: 'beneficiaries.requests',
};

export async function reviewRetention(tx: Tx, body: RetentionReviewBody) {
  // A record out of the caller's scope is not found (its policy hides it), as everywhere.
  const record = await tx.selectFrom(tableOf[body.recordType]).select('id').where('id', '=', body.recordId).executeTakeFirst();
  if (!record) throw notFound();
  const row = await tx
    .insertInto('beneficiaries.retention_reviews')
    .values({ record_type: body.recordType, record_id: body.recordId, decision: body.decision, keep_until: body.keepUntil ?? null, reason: body.reason })
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    recordType: row.record_type as RetentionRecordType,
    recordId: row.record_id,
    decision: row.decision as 'keep' | 'eliminate',
    keepUntil: row.keep_until as unknown as string | null,
    reason: row.reason,
    reviewedAt: row.reviewed_at.toISOString(),
  };
}

export async function listRetentionRules(tx: Tx) {
  const rows = await tx.selectFrom('beneficiaries.retention_rules').selectAll().orderBy('record_type').execute();
  return rows.map((r) => ({
    recordType: r.record_type as RetentionRecordType,
    startsFrom: r.starts_from as 'case_closed' | 'exit' | 'request_closed',
    years: r.years,
    basisAr: r.basis_ar,
    basisFr: r.basis_fr,
  }));
}
