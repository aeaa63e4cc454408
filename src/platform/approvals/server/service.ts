/**
 * The approval workflow's service: opens a subject's submission, applies actions under a row
 * lock (so two reviewers acting at once cannot both move it), and reads a submission with its
 * history. Refusals write nothing: the request's transaction rolls back on any error.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../server/errors.ts';
import { actingLevel, allowedActions, entitledAt, levelsFor, nextPosition, type ScopeKeys, type SubmissionPosition } from '../chain.ts';
import type { ActionBody, Submission } from '../contract.ts';
import { documentType, type ApprovalAction, type ApprovalLevel, type DocumentType, type SectionState, type SubmissionState } from '../document-types.ts';
import { emitTransition } from './transitions.ts';

export const notEntitled = () => new AppError(403, 'approvals.errors.not_entitled');
export const outOfOrder = () => new AppError(409, 'approvals.errors.out_of_order');

export interface OpenSubmission {
  type: string;
  subjectId: string;
  labelAr: string;
  labelFr: string;
  link: string;
  scope: ScopeKeys;
}

const keysOf = (s: ScopeKeys) => ({ region_id: s.regionId, delegation_id: s.delegationId, association_id: s.associationId, institution_id: s.institutionId });

function typeOf(key: string): DocumentType {
  const type = documentType(key);
  if (!type) throw new Error(`unknown document type ${key}`);
  return type;
}

/** Opens the (draft) submission of a new subject, with its chain and its sections all open. */
export async function openSubmission(tx: Tx, o: OpenSubmission): Promise<string> {
  const type = typeOf(o.type);
  const { id } = await tx
    .insertInto('approvals.submissions')
    .values({ subject_type: type.key, subject_id: o.subjectId, chain: type.chain.map((l) => l.level), label_ar: o.labelAr, label_fr: o.labelFr, link: o.link, ...keysOf(o.scope) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('approvals.section_states')
    .values(type.sections.map((key) => ({ submission_id: id, section_key: key, ...keysOf(o.scope) })))
    .execute();
  return id;
}

const iso = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function baseQuery(tx: Tx) {
  return tx
    .selectFrom('approvals.submissions as s')
    .select(['s.id', 's.subject_type', 's.subject_id', 's.state', 's.chain', 's.level_index', 's.label_ar', 's.label_fr', 's.link', 's.region_id', 's.delegation_id', 's.association_id', 's.institution_id'])
    .select(iso('s.waiting_since').as('waiting_since'));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const scopeOf = (r: Row): ScopeKeys => ({ regionId: r.region_id, delegationId: r.delegation_id, associationId: r.association_id, institutionId: r.institution_id });
const positionOf = (r: Row): SubmissionPosition => ({ state: r.state as SubmissionState, levelIndex: r.level_index, chain: r.chain as ApprovalLevel[] });

/** A submission as its reader sees it, with what they may do; undefined when out of scope. */
export async function findSubmission(tx: Tx, user: CurrentUser, where: { id: string } | { type: string; subjectId: string }): Promise<Submission | undefined> {
  let query = baseQuery(tx)
    .select(
      sql<{ key: string; state: SectionState }[]>`coalesce((SELECT json_agg(json_build_object('key', ss.section_key, 'state', ss.state) ORDER BY ss.section_key)
        FROM approvals.section_states ss WHERE ss.submission_id = s.id), '[]'::json)`.as('sections'),
    )
    .select(
      sql<Submission['history']>`coalesce((SELECT json_agg(json_build_object('id', st.id::text, 'action', st.action, 'level', st.level, 'levelIndex', st.level_index,
          'actorId', st.actor_id, 'actorNameAr', st.actor_name_ar, 'actorNameFr', st.actor_name_fr, 'actorRole', st.actor_role,
          'at', to_char(st.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'comment', st.comment, 'sections', st.sections) ORDER BY st.id)
        FROM approvals.steps st WHERE st.submission_id = s.id), '[]'::json)`.as('history'),
    );
  query = 'id' in where ? query.where('s.id', '=', where.id) : query.where('s.subject_type', '=', where.type).where('s.subject_id', '=', where.subjectId);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const type = typeOf(row.subject_type);
  const position = positionOf(row);
  const authorMayEdit = (row.state === 'draft' || row.state === 'returned') && entitledAt(type, position.chain, 0, user, scopeOf(row));
  return {
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    state: position.state,
    chain: position.chain.slice(),
    levelIndex: row.level_index,
    labelAr: row.label_ar,
    labelFr: row.label_fr,
    link: row.link,
    waitingSince: row.waiting_since,
    sections: row.sections,
    history: row.history,
    can: {
      edit: authorMayEdit ? row.sections.filter((s) => s.state === 'open' || s.state === 'returned').map((s) => s.key) : [],
      actions: allowedActions(type, position, user, scopeOf(row)),
    },
  };
}

/**
 * Applies one action. Refused with 403 when the user may act at no level of this chain for this
 * subject, 409 when the action is out of order (wrong state, stale level, or not their level now),
 * 400 when a return names no section or one that is not under review.
 */
export async function act(tx: Tx, user: CurrentUser, id: string, body: ActionBody): Promise<Submission> {
  // The row lock serialises concurrent actions on one submission; the second one sees the new state.
  const row = await baseQuery(tx).where('s.id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound();
  const type = typeOf(row.subject_type);
  const position = positionOf(row);
  const scope = scopeOf(row);
  const action = body.action as ApprovalAction;
  if (!position.chain.some((_, i) => entitledAt(type, position.chain, i, user, scope))) throw notEntitled();
  const next = nextPosition(position, action);
  const level = actingLevel(position, action);
  if (!next || body.level !== level || !entitledAt(type, position.chain, level, user, scope)) throw outOfOrder();

  const sections = [...new Set(body.sections ?? [])];
  if (action === 'return') {
    const underReview = await tx.selectFrom('approvals.section_states').select('section_key').where('submission_id', '=', id).where('state', '=', 'submitted').execute();
    const allowed = new Set(underReview.map((s) => s.section_key));
    if (sections.some((s) => !allowed.has(s))) throw invalidFields({ path: 'sections', key: 'approvals.fields.section_not_under_review' });
  }

  const sectionUpdate = tx.updateTable('approvals.section_states').where('submission_id', '=', id);
  if (action === 'submit') await sectionUpdate.set({ state: 'submitted' }).where('state', 'in', ['open', 'returned']).execute();
  if (action === 'approve') await sectionUpdate.set({ state: 'approved' }).execute();
  if (action === 'return') await sectionUpdate.set({ state: 'returned' }).where('section_key', 'in', sections).execute();

  const moved = await tx
    .updateTable('approvals.submissions')
    .set({ state: next.state, level_index: next.levelIndex, waiting_since: sql`now()` })
    .where('id', '=', id)
    .where('state', '=', position.state)
    .where('level_index', '=', position.levelIndex)
    .executeTakeFirst();
  if (moved.numUpdatedRows !== 1n) throw outOfOrder();

  const step = await tx
    .insertInto('approvals.steps')
    .values({
      submission_id: id,
      action,
      level: position.chain[level]!,
      level_index: level,
      actor_id: user.id,
      actor_role: user.role,
      actor_name_ar: user.fullNameAr,
      actor_name_fr: user.fullNameFr,
      comment: body.comment ?? null,
      sections: action === 'return' ? sections : [],
      ...keysOf(scope),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  await emitTransition(tx, { submissionId: id, stepId: String(step.id), type, action, actorId: user.id, from: position, to: { ...position, ...next }, scope, labelAr: row.label_ar, labelFr: row.label_fr, link: row.link });
  return (await findSubmission(tx, user, { id }))!;
}

/** The where clause of "waiting for me": each (type, level) this user's role and scope level may act at. */
function waitingForUser(user: CurrentUser, type: string | undefined) {
  return (types: DocumentType[]) =>
    types
      .filter((t) => !type || t.key === type)
      .flatMap((t) => levelsFor(t, user).map((i) => ({ type: t.key, levelIndex: i, state: (i === 0 ? 'returned' : 'submitted') as SubmissionState })));
}

export interface InboxFilter {
  type?: string;
  after?: string;
  limit: number;
}

export async function inbox(tx: Tx, user: CurrentUser, types: DocumentType[], f: InboxFilter) {
  const slots = waitingForUser(user, f.type)(types);
  if (slots.length === 0) return { items: [], nextCursor: null };
  let query = baseQuery(tx)
    .where((eb) => eb.or(slots.map((s) => eb.and([eb('s.subject_type', '=', s.type), eb('s.state', '=', s.state), eb('s.level_index', '=', s.levelIndex)]))))
    .orderBy('s.waiting_since', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.limit + 1);
  if (f.after) {
    const [at, id] = f.after.split('|');
    if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
    query = query.where(sql<boolean>`(s.waiting_since, s.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query.execute();
  const items = rows.slice(0, f.limit).map((r) => ({
    id: r.id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    state: r.state as SubmissionState,
    level: (r.chain as ApprovalLevel[])[r.level_index]!,
    levelIndex: r.level_index,
    labelAr: r.label_ar,
    labelFr: r.label_fr,
    link: r.link,
    waitingSince: r.waiting_since,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? `${last.waitingSince}|${last.id}` : null };
}

export async function inboxCount(tx: Tx, user: CurrentUser, types: DocumentType[]): Promise<number> {
  const slots = waitingForUser(user, undefined)(types);
  if (slots.length === 0) return 0;
  const row = await tx
    .selectFrom('approvals.submissions as s')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => eb.or(slots.map((s) => eb.and([eb('s.subject_type', '=', s.type), eb('s.state', '=', s.state), eb('s.level_index', '=', s.levelIndex)]))))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
