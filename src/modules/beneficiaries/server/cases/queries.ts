/**
 * Reads of the pathway: the case list (keyset), the case file with its timeline (one indexed query
 * per kind of step, so opening a file costs the same at national scale), the caseload and the
 * referral lists. Row-level security does the scoping; a case out of scope is simply not found.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { invalidFields } from '../../../../server/errors.ts';
import type { PersonSummary } from '../../contract/common.ts';
import type { CaseFile, Caseload, CaseListQuery, CaseSummary, ReferralItem, ReferralListQuery, TimelineItem } from '../../contract/cases.ts';
import { logAccess } from '../access-log.ts';

/** A person's summary as JSON, from the alias `p`. */
export const personJson = (alias = 'p'): RawBuilder<PersonSummary> =>
  sql<PersonSummary>`json_build_object('id', ${sql.ref(`${alias}.id`)}, 'firstNameAr', ${sql.ref(`${alias}.first_name_ar`)}, 'lastNameAr', ${sql.ref(`${alias}.last_name_ar`)},
    'firstNameLat', ${sql.ref(`${alias}.first_name_lat`)}, 'lastNameLat', ${sql.ref(`${alias}.last_name_lat`)}, 'sex', ${sql.ref(`${alias}.sex`)},
    'birthDate', ${sql.ref(`${alias}.birth_date`)}::text, 'birthDatePrecision', ${sql.ref(`${alias}.birth_date_precision`)}, 'cnie', ${sql.ref(`${alias}.cnie`)},
    'delegationId', ${sql.ref(`${alias}.delegation_id`)})`;

const encodeCursor = (parts: string[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
function decodeCursor(cursor: string, size: number): string[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string')) return parts as string[];
  } catch {
    // falls through to the field error
  }
  throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface CaseRow {
  id: string;
  number: string;
  stage: CaseSummary['stage'];
  target_group: CaseSummary['targetGroup'];
  opened_on: string;
  closed_on: string | null;
  close_reason: string | null;
  handler_id: string | null;
  handler_name_ar: string | null;
  handler_name_fr: string | null;
  delegation_id: string;
  institution_id: string | null;
  person: PersonSummary;
}

const caseColumns = sql`c.id, c.number, c.stage, c.target_group, c.opened_on::text AS opened_on, c.closed_on::text AS closed_on, c.close_reason,
  c.handler_id, u.full_name_ar AS handler_name_ar, u.full_name_fr AS handler_name_fr, c.delegation_id, c.institution_id, ${personJson()} AS person`;

const toSummary = (r: CaseRow): CaseSummary => ({
  id: r.id,
  number: r.number,
  stage: r.stage,
  targetGroup: r.target_group,
  openedOn: r.opened_on,
  closedOn: r.closed_on,
  handlerId: r.handler_id,
  handlerNameAr: r.handler_name_ar,
  handlerNameFr: r.handler_name_fr,
  delegationId: r.delegation_id,
  institutionId: r.institution_id,
  person: r.person,
});

export async function listCases(tx: Tx, user: CurrentUser, q: CaseListQuery) {
  const where: RawBuilder<unknown>[] = [sql`TRUE`];
  if (q.stage) where.push(sql`c.stage = ${q.stage}`);
  if (q.handler) where.push(sql`c.handler_id = ${q.handler === 'me' ? user.id : q.handler}::uuid`);
  if (q.targetGroup) where.push(sql`c.target_group = ${q.targetGroup}`);
  if (q.personId) where.push(sql`c.person_id = ${q.personId}::uuid`);
  if (q.after) {
    const [opened, id] = decodeCursor(q.after, 2) as [string, string];
    if (!DAY.test(opened) || !UUID.test(id)) throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
    where.push(sql`(c.opened_on, c.id) < (${opened}::date, ${id}::uuid)`);
  }
  const { rows } = await sql<CaseRow>`SELECT ${caseColumns}
    FROM beneficiaries.cases c JOIN beneficiaries.persons p ON p.id = c.person_id LEFT JOIN access.users u ON u.id = c.handler_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY c.opened_on DESC, c.id DESC LIMIT ${q.limit + 1}`.execute(tx);
  const items = rows.slice(0, q.limit).map(toSummary);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.openedOn, last.id]) : null };
}

async function findCaseRow(tx: Tx, id: string): Promise<CaseRow | undefined> {
  const { rows } = await sql<CaseRow>`SELECT ${caseColumns}
    FROM beneficiaries.cases c JOIN beneficiaries.persons p ON p.id = c.person_id LEFT JOIN access.users u ON u.id = c.handler_id
    WHERE c.id = ${id}::uuid`.execute(tx);
  return rows[0];
}

export async function findCaseSummary(tx: Tx, id: string): Promise<CaseSummary | undefined> {
  const row = await findCaseRow(tx, id);
  return row && toSummary(row);
}

/** The whole file; its reading is logged ('case_file') in the same transaction. */
export async function findCaseFile(tx: Tx, id: string): Promise<CaseFile | undefined> {
  // The case (under row-level security) and its timeline in one statement: one indexed query per
  // kind of step, each a JSON array, computed only when the case is found (one round trip).
  const kinds = [requestsSql, diagnosesSql, referralsSql, admissionsSql, plansSql, notesSql, followUpsSql];
  const { rows: [row] } = await sql<CaseRow & { steps: TimelineItem[][] }>`SELECT ${caseColumns}, json_build_array(${sql.join(
    kinds.map((kind) => sql`coalesce((SELECT json_agg(k) FROM (${kind(id)}) k), '[]'::json)`))}) AS steps
    FROM beneficiaries.cases c JOIN beneficiaries.persons p ON p.id = c.person_id LEFT JOIN access.users u ON u.id = c.handler_id
    WHERE c.id = ${id}::uuid`.execute(tx);
  if (!row) return undefined;
  const timeline: TimelineItem[] = row.steps.flat();
  // Days sort before the instants of the same day; a stable order inside each kind.
  timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  await logAccess(tx, [row.person.id], 'case_file', id);
  return { ...toSummary(row), closeReason: row.close_reason, timeline };
}

const iso = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const requestsSql = (caseId: string) => sql`SELECT 'request' AS kind, r.id, ${iso('r.received_at')} AS at, r.number, r.status, r.urgency, r.summary, r.needs
    FROM beneficiaries.requests r WHERE r.case_id = ${caseId}::uuid ORDER BY r.received_at`;

const diagnosesSql = (caseId: string) => sql`SELECT 'diagnosis' AS kind, r.id, ${iso('r.created_at')} AS at, f.title_ar AS "formTitleAr", f.title_fr AS "formTitleFr",
      v.version, r.status, r.total_score AS "totalScore", r.max_score AS "maxScore"
    FROM forms.responses r JOIN forms.forms f ON f.id = r.form_id JOIN forms.form_versions v ON v.id = r.version_id
    WHERE r.subject_type = 'case' AND r.subject_id = ${caseId}::uuid ORDER BY r.created_at`;

/** Institution names of referrals and admissions: the registry's rows may lie outside the reader's scope. */
const institutionJson = (alias: string) =>
  sql`CASE WHEN ${sql.ref(`${alias}.institution_id`)} IS NULL THEN NULL ELSE json_build_object('id', ${sql.ref(`${alias}.institution_id`)},
    'nameAr', coalesce(n.name_ar, ''), 'nameFr', coalesce(n.name_fr, '')) END`;

const referralsSql = (caseId: string) => sql`SELECT 'referral' AS kind, r.id, r.proposed_on::text AS at, ${institutionJson('r')} AS institution,
      r.outside_service AS "outsideService", r.service, r.state, r.decline_reason AS "declineReason", r.note,
      r.decided_on::text AS "decidedOn", r.completed_on::text AS "completedOn"
    FROM beneficiaries.referrals r LEFT JOIN LATERAL beneficiaries.institution_names(r.institution_id) n ON TRUE
    WHERE r.case_id = ${caseId}::uuid ORDER BY r.proposed_on, r.created_at`;

const admissionsSql = (caseId: string) => sql`SELECT 'admission' AS kind, a.id, a.admission_date::text AS at, ${institutionJson('a')} AS institution,
      a.registration_number AS "registrationNumber", a.exit_date::text AS "exitDate", a.exit_reason AS "exitReason", a.exit_destination AS "exitDestination"
    FROM beneficiaries.admissions a LEFT JOIN LATERAL beneficiaries.institution_names(a.institution_id) n ON TRUE
    WHERE a.case_id = ${caseId}::uuid ORDER BY a.admission_date`;

const plansSql = (caseId: string, planId?: string) => sql`SELECT 'plan' AS kind, p.id, p.starts_on::text AS at, p.title, p.goals, p.responsible_name AS "responsibleName",
      p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.status,
      (SELECT json_build_object('submissionId', s.id, 'state', s.state) FROM approvals.submissions s WHERE s.subject_type = 'case_plan' AND s.subject_id = p.id) AS approval,
      coalesce((SELECT json_agg(json_build_object('id', a.id, 'position', a.position, 'description', a.description, 'responsible', a.responsible,
        'dueOn', a.due_on::text, 'status', a.status) ORDER BY a.position) FROM beneficiaries.case_plan_actions a WHERE a.plan_id = p.id), '[]'::json) AS actions
    FROM beneficiaries.case_plans p WHERE p.case_id = ${caseId}::uuid ${planId ? sql`AND p.id = ${planId}::uuid` : sql``} ORDER BY p.starts_on, p.created_at`;

export async function plansOf(tx: Tx, caseId: string, planId?: string): Promise<Extract<TimelineItem, { kind: 'plan' }>[]> {
  const { rows } = await sql<Extract<TimelineItem, { kind: 'plan' }>>`${plansSql(caseId, planId)}`.execute(tx);
  return rows;
}

const notesSql = (caseId: string) => sql`SELECT 'note' AS kind, n.id, n.noted_on::text AS at, n.kind AS "noteKind", n.body,
      n.author_name_ar AS "authorNameAr", n.author_name_fr AS "authorNameFr"
    FROM beneficiaries.case_notes n WHERE n.case_id = ${caseId}::uuid ORDER BY n.noted_on, n.created_at`;

const followUpsSql = (caseId: string) => sql`SELECT 'follow_up' AS kind, f.id, f.due_on::text AS at, f.months, f.exit_date::text AS "exitDate",
      f.due_on::text AS "dueOn", f.done_on::text AS "doneOn", f.outcome, f.note
    FROM beneficiaries.follow_ups f WHERE f.case_id = ${caseId}::uuid ORDER BY f.due_on`;

/** My open cases, my assigned requests and the follow-ups of my cases due within 30 days (or late). */
export async function caseload(tx: Tx, user: CurrentUser): Promise<Caseload> {
  const cases = await sql<CaseRow>`SELECT ${caseColumns}
    FROM beneficiaries.cases c JOIN beneficiaries.persons p ON p.id = c.person_id LEFT JOIN access.users u ON u.id = c.handler_id
    WHERE c.handler_id = ${user.id}::uuid AND c.stage <> 'closed' ORDER BY c.opened_on DESC, c.id DESC LIMIT 200`.execute(tx);
  const requests = await sql<Caseload['requests'][number]>`SELECT r.id, r.number, r.status, r.urgency, ${iso('r.received_at')} AS "receivedAt", r.summary,
      r.requester_name AS "requesterName", CASE WHEN p.id IS NULL THEN NULL ELSE ${personJson()} END AS person
    FROM beneficiaries.requests r LEFT JOIN beneficiaries.persons p ON p.id = r.person_id
    WHERE r.assigned_to = ${user.id}::uuid AND r.status IN ('assigned', 'in_progress') ORDER BY r.received_at DESC, r.id DESC LIMIT 200`.execute(tx);
  const followUps = await sql<Caseload['followUps'][number]>`SELECT f.id, f.case_id AS "caseId", c.number AS "caseNumber", f.months, f.due_on::text AS "dueOn", ${personJson()} AS person
    FROM beneficiaries.cases c JOIN beneficiaries.follow_ups f ON f.case_id = c.id JOIN beneficiaries.persons p ON p.id = f.person_id
    WHERE c.handler_id = ${user.id}::uuid AND f.done_on IS NULL AND f.due_on <= (now() AT TIME ZONE 'Africa/Casablanca')::date + 30
    ORDER BY f.due_on, f.id LIMIT 200`.execute(tx);
  return { cases: cases.rows.map(toSummary), requests: requests.rows, followUps: followUps.rows };
}

interface ReferralRow extends Omit<ReferralItem, 'can'> {
  from_delegation_id: string;
  receiving_delegation_id: string;
  institution_id: string | null;
}

const referralSelect = sql`SELECT r.id, r.proposed_on::text AS at, r.proposed_on::text AS "proposedOn", ${institutionJson('r')} AS institution, r.outside_service AS "outsideService",
    r.service, r.state, r.decline_reason AS "declineReason", r.note, r.decided_on::text AS "decidedOn", r.completed_on::text AS "completedOn",
    r.case_id AS "caseId", c.number AS "caseNumber", ${personJson()} AS person,
    json_build_object('id', d.id, 'nameAr', d.name_ar, 'nameFr', d.name_fr) AS "fromDelegation",
    r.from_delegation_id, r.delegation_id AS receiving_delegation_id, r.institution_id
  FROM beneficiaries.referrals r
  JOIN beneficiaries.persons p ON p.id = r.person_id
  LEFT JOIN beneficiaries.cases c ON c.id = r.case_id
  JOIN organisation.delegations d ON d.id = r.from_delegation_id
  LEFT JOIN LATERAL beneficiaries.institution_names(r.institution_id) n ON TRUE`;

/** Who acts on a referral: the receiving side decides and completes, the sending side cancels. */
export function referralRights(user: CurrentUser, r: { state: string; institution_id: string | null; receiving_delegation_id: string; from_delegation_id: string }): ReferralItem['can'] {
  const sender = user.scope.level === 'delegation' && user.scope.delegationId === r.from_delegation_id;
  const receiver =
    r.institution_id === null
      ? sender
      : (user.scope.level === 'institution' && user.scope.institutionId === r.institution_id) ||
        (user.scope.level === 'delegation' && user.scope.delegationId === r.receiving_delegation_id);
  const can: ReferralItem['can'] = [];
  if (receiver && r.state === 'proposed') can.push('accept', 'decline');
  if (receiver && r.state === 'accepted') can.push('complete');
  if (sender && (r.state === 'proposed' || r.state === 'accepted')) can.push('cancel');
  return can;
}

const toReferral = (user: CurrentUser) => ({ from_delegation_id, receiving_delegation_id, institution_id, ...rest }: ReferralRow): ReferralItem => ({
  ...rest,
  can: referralRights(user, { state: rest.state, institution_id, receiving_delegation_id, from_delegation_id }),
});

export async function findReferral(tx: Tx, user: CurrentUser, id: string): Promise<ReferralItem | undefined> {
  const { rows } = await sql<ReferralRow>`${referralSelect} WHERE r.id = ${id}::uuid`.execute(tx);
  return rows[0] && toReferral(user)(rows[0]);
}

/**
 * Incoming: referrals received by the caller's institution (or the institutions of its delegation
 * or region); outgoing: those its delegation (or region) sent. Newest first.
 */
export async function listReferrals(tx: Tx, user: CurrentUser, q: ReferralListQuery) {
  const s = user.scope;
  const where: RawBuilder<unknown>[] = [];
  if (q.direction === 'incoming') {
    where.push(sql`r.institution_id IS NOT NULL`);
    if (s.level === 'institution') where.push(sql`r.institution_id = ${s.institutionId}::uuid`);
    else if (s.level === 'association') where.push(sql`r.association_id = ${s.associationId}::uuid`);
    else if (s.level === 'delegation') where.push(sql`r.delegation_id = ${s.delegationId}::uuid`);
    else if (s.level === 'region') where.push(sql`r.region_id = ${s.regionId}::uuid`);
  } else if (s.level === 'delegation') where.push(sql`r.from_delegation_id = ${s.delegationId}::uuid`);
  else if (s.level === 'region') where.push(sql`r.from_region_id = ${s.regionId}::uuid`);
  else if (s.level !== 'nation') where.push(sql`FALSE`);
  if (q.state) where.push(sql`r.state = ${q.state}`);
  if (q.after) {
    const [day, id] = decodeCursor(q.after, 2) as [string, string];
    if (!DAY.test(day) || !UUID.test(id)) throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
    where.push(sql`(r.proposed_on, r.id) < (${day}::date, ${id}::uuid)`);
  }
  if (where.length === 0) where.push(sql`TRUE`);
  const { rows } = await sql<ReferralRow>`${referralSelect} WHERE ${sql.join(where, sql` AND `)} ORDER BY r.proposed_on DESC, r.id DESC LIMIT ${q.limit + 1}`.execute(tx);
  const items = rows.slice(0, q.limit).map(toReferral(user));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.proposedOn, last.id]) : null };
}
