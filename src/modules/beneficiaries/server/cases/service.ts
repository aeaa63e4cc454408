/**
 * Writes of the pathway. Each works inside the request's transaction under the caller's RLS: a
 * case, referral, plan or follow-up outside the scope is not found (404) and nothing is written.
 * The database enforces the rules (services offered, referral states, plan lock, dates); these
 * functions add who may act and move the case's stage with the pathway.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, forbidden, invalidFields, notFound } from '../../../../server/errors.ts';
import { createResponse } from '../../../../platform/forms/server/service.ts';
import { act } from '../../../../platform/approvals/server/service.ts';
import { findSubmission, openSubmission } from '../../../../platform/approvals/index.ts';
import type { DiagnosisBody, FollowUpBody, NoteBody, PlanBody, ReferralBody, UpdateCaseBody, UpdatePlanBody } from '../../contract/cases.ts';
import { casePlanType } from './approval.ts';
import { findCaseSummary, findReferral, referralRights } from './queries.ts';

const conflict = (key: string) => new AppError(409, `beneficiaries.cases.errors.${key}`);
const today = sql<string>`(now() AT TIME ZONE 'Africa/Casablanca')::date`;

/** The case, visible and not closed (writes on a closed file are refused). */
async function openCase(tx: Tx, caseId: string) {
  const c = await tx
    .selectFrom('beneficiaries.cases')
    .select(['id', 'number', 'stage', 'target_group', 'region_id', 'delegation_id', 'association_id', 'institution_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c) throw notFound();
  if (c.stage === 'closed') throw conflict('case_closed');
  return c;
}

/** Moves the case forward to `stage` (never back, never out of 'closed'). */
export async function advanceCase(tx: Tx, caseId: string, stage: string): Promise<void> {
  await sql`UPDATE beneficiaries.cases SET stage = ${stage}
    WHERE id = ${caseId}::uuid AND stage <> 'closed' AND beneficiaries.stage_rank(stage) < beneficiaries.stage_rank(${stage})`.execute(tx);
}

const handlerRoles = ['social_worker', 'provincial_delegate', 'institution_director'];

export async function updateCase(tx: Tx, caseId: string, body: UpdateCaseBody): Promise<void> {
  await openCase(tx, caseId);
  if (body.handlerId) {
    // A handler is an active user of the caller's scope whose work is case files.
    const handler = await tx.selectFrom('access.users').select('id').where('id', '=', body.handlerId).where('status', '=', 'active').where('role', 'in', handlerRoles).executeTakeFirst();
    if (!handler) throw invalidFields({ path: 'handlerId', key: 'beneficiaries.cases.validation.handler' });
  }
  const set: Record<string, unknown> = {};
  if (body.handlerId !== undefined) set.handler_id = body.handlerId;
  if (body.targetGroup !== undefined) set.target_group = body.targetGroup;
  if (body.stage) set.stage = body.stage;
  if (body.closeReason) Object.assign(set, { stage: 'closed', close_reason: body.closeReason, closed_on: today });
  if (Object.keys(set).length === 0) return;
  await tx.updateTable('beneficiaries.cases').set(set).where('id', '=', caseId).execute();
}

/** The published needs-diagnosis forms that fit the case's target group (all of them when it has none). */
export async function diagnosisForms(tx: Tx, caseId: string) {
  const c = await tx.selectFrom('beneficiaries.cases').select(['target_group']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw notFound();
  const { rows } = await sql<{ formId: string; code: string; titleAr: string; titleFr: string; targetGroups: string[]; versionId: string; version: number }>`
    SELECT f.id AS "formId", f.code, f.title_ar AS "titleAr", f.title_fr AS "titleFr", f.target_groups AS "targetGroups", v.id AS "versionId", v.version
    FROM forms.forms f
    JOIN LATERAL (SELECT id, version FROM forms.form_versions WHERE form_id = f.id AND status = 'published' ORDER BY version DESC LIMIT 1) v ON TRUE
    WHERE f.purpose = 'diagnosis' ${c.target_group ? sql`AND (f.target_groups @> ARRAY[${c.target_group}]::text[] OR cardinality(f.target_groups) = 0)` : sql``}
    ORDER BY f.code`.execute(tx);
  return { items: rows as never };
}

/** A diagnosis is a response of a 'diagnosis' form about the case; scored by the forms engine. */
export async function addDiagnosis(tx: Tx, user: CurrentUser, caseId: string, body: DiagnosisBody): Promise<string> {
  await openCase(tx, caseId);
  const form = await sql<{ purpose: string }>`SELECT f.purpose FROM forms.form_versions v JOIN forms.forms f ON f.id = v.form_id WHERE v.id = ${body.versionId}::uuid`.execute(tx);
  if (form.rows[0]?.purpose !== 'diagnosis') throw invalidFields({ path: 'versionId', key: 'beneficiaries.cases.validation.not_a_diagnosis' });
  const response = await createResponse(tx, user, { versionId: body.versionId, subjectType: 'case', subjectId: caseId, answers: body.answers as never, submit: body.submit });
  await advanceCase(tx, caseId, 'diagnosis');
  return response.id;
}

export async function addReferral(tx: Tx, user: CurrentUser, caseId: string, body: ReferralBody): Promise<string> {
  await openCase(tx, caseId);
  const created = await tx
    .insertInto('beneficiaries.referrals')
    .values({
      case_id: caseId,
      // Filled from the case by the trigger; given so the NOT NULL holds before it runs.
      person_id: sql<string>`(SELECT person_id FROM beneficiaries.cases WHERE id = ${caseId}::uuid)`,
      institution_id: body.institutionId ?? null,
      outside_service: body.institutionId ? null : (body.outsideService ?? null),
      service: body.service,
      note: body.note ?? null,
      proposed_by: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

export type ReferralAction = 'accept' | 'decline' | 'complete' | 'cancel';
const nextState: Record<ReferralAction, string> = { accept: 'accepted', decline: 'declined', complete: 'completed', cancel: 'cancelled' };

/** Acts on a referral: 403 when the caller is on neither side that may, 409 when its state forbids it now. */
export async function actOnReferral(tx: Tx, user: CurrentUser, id: string, action: ReferralAction, reason?: string): Promise<void> {
  const row = await tx
    .selectFrom('beneficiaries.referrals')
    .select(['id', 'state', 'institution_id', 'delegation_id', 'from_delegation_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  const rights = { state: row.state, institution_id: row.institution_id, receiving_delegation_id: row.delegation_id!, from_delegation_id: row.from_delegation_id! };
  if (!referralRights(user, rights).includes(action)) {
    // Someone who may act on the referral in another state is out of order; anyone else is not entitled.
    const anyState = ['proposed', 'accepted'].some((state) => referralRights(user, { ...rights, state }).includes(action));
    throw anyState ? conflict('referral_state') : forbidden();
  }
  const set: Record<string, unknown> = { state: nextState[action] };
  if (action === 'accept' || action === 'decline') Object.assign(set, { decided_on: today, decided_by: user.id });
  if (action === 'decline') set.decline_reason = reason;
  if (action === 'complete') set.completed_on = today;
  await tx.updateTable('beneficiaries.referrals').set(set).where('id', '=', id).execute();
}

export { findReferral };

async function writeActions(tx: Tx, planId: string, actions: PlanBody['actions']): Promise<void> {
  await tx.deleteFrom('beneficiaries.case_plan_actions').where('plan_id', '=', planId).execute();
  if (actions.length === 0) return;
  await tx
    .insertInto('beneficiaries.case_plan_actions')
    .values(actions.map((a, i) => ({ plan_id: planId, position: i + 1, description: a.description, responsible: a.responsible ?? null, due_on: a.dueOn ?? null, status: a.status })))
    .execute();
}

/** A new plan (draft) with its approval submission opened: author level the institution, approval the delegation. */
export async function createPlan(tx: Tx, user: CurrentUser, caseId: string, body: PlanBody): Promise<string> {
  const c = await openCase(tx, caseId);
  if (!c.institution_id) throw conflict('plan_needs_institution');
  const plan = await tx
    .insertInto('beneficiaries.case_plans')
    .values({ case_id: caseId, title: body.title, goals: body.goals, responsible_name: body.responsibleName ?? null, starts_on: body.startsOn, ends_on: body.endsOn ?? null, created_by: user.id })
    .returning(['id', 'region_id', 'delegation_id', 'association_id', 'institution_id'])
    .executeTakeFirstOrThrow();
  await writeActions(tx, plan.id, body.actions);
  await openSubmission(tx, {
    type: casePlanType.key,
    subjectId: plan.id,
    labelAr: `مشروع المواكبة الفردي — ${c.number}`,
    labelFr: `Projet individuel d'accompagnement — ${c.number}`,
    link: `/beneficiaries/cases/${caseId}`,
    scope: { regionId: plan.region_id, delegationId: plan.delegation_id, associationId: plan.association_id, institutionId: plan.institution_id },
  });
  return plan.id;
}

/** The plan's case id, or 404. */
export async function planCase(tx: Tx, planId: string): Promise<string> {
  const p = await tx.selectFrom('beneficiaries.case_plans').select('case_id').where('id', '=', planId).executeTakeFirst();
  if (!p) throw notFound();
  return p.case_id;
}

/** Changes a draft or returned plan (the database refuses a submitted or approved one: 409). */
export async function updatePlan(tx: Tx, planId: string, body: UpdatePlanBody): Promise<string> {
  const caseId = await planCase(tx, planId);
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.goals !== undefined) set.goals = body.goals;
  if (body.responsibleName !== undefined) set.responsible_name = body.responsibleName;
  if (body.startsOn !== undefined) set.starts_on = body.startsOn;
  if (body.endsOn !== undefined) set.ends_on = body.endsOn;
  if (body.status !== undefined) set.status = body.status;
  if (Object.keys(set).length > 0) await tx.updateTable('beneficiaries.case_plans').set(set).where('id', '=', planId).execute();
  if (body.actions) await writeActions(tx, planId, body.actions);
  return caseId;
}

/** Submits the plan through the approval workflow (as its author level). */
export async function submitPlan(tx: Tx, user: CurrentUser, planId: string): Promise<string> {
  const caseId = await planCase(tx, planId);
  const submission = await findSubmission(tx, user, { type: casePlanType.key, subjectId: planId });
  if (!submission) throw notFound();
  await act(tx, user, submission.id, { action: 'submit', level: 0, sections: [] });
  return caseId;
}

export async function addNote(tx: Tx, user: CurrentUser, caseId: string, body: NoteBody): Promise<string> {
  await openCase(tx, caseId);
  const note = await tx
    .insertInto('beneficiaries.case_notes')
    .values({ case_id: caseId, kind: body.kind, noted_on: body.notedOn ?? today, body: body.body, author_id: user.id, author_name_ar: user.fullNameAr, author_name_fr: user.fullNameFr })
    .returning('id')
    .executeTakeFirstOrThrow();
  return note.id;
}

/** Records (or corrects) a follow-up after exit; the first one done moves the case to 'post_exit'. */
export async function recordFollowUp(tx: Tx, user: CurrentUser, id: string, body: FollowUpBody): Promise<string | null> {
  const updated = await tx
    .updateTable('beneficiaries.follow_ups')
    .set({ done_on: body.doneOn, outcome: body.outcome, note: body.note ?? null, done_by: user.id })
    .where('id', '=', id)
    .returning('case_id')
    .executeTakeFirst();
  if (!updated) throw notFound();
  return updated.case_id;
}

export { findCaseSummary };
