/**
 * Plans: creation (with their draft submission) and the editing of one section at a time. Only
 * the author level of the chain edits, and only sections that are open or returned; the database
 * trigger approvals.guard() refuses the rest whoever asks (409 approvals.errors.locked).
 */
import type { CurrentUser, Tx } from '../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../server/errors.ts';
import { findSubmission, openSubmission } from '../../../platform/approvals/index.ts';
import { entitledAt } from '../../../platform/approvals/chain.ts';
import { notEntitled } from '../../../platform/approvals/server/service.ts';
import { delegationActionPlan } from '../approval.ts';
import type { ActivitiesBody, CreatePlanBody, DiagnosisBody, ObjectivesBody, Plan, PlanSection } from '../contract.ts';
import { findLines, findPlans } from './queries.ts';

const locked = () => new AppError(409, 'approvals.errors.locked');
const authorChain = delegationActionPlan.chain.map((l) => l.level);

export async function getPlan(tx: Tx, user: CurrentUser, id: string): Promise<Plan> {
  const [plan] = await findPlans(tx, { ids: [id] });
  if (!plan) throw notFound();
  const lines = await findLines(tx, id);
  const submission = await findSubmission(tx, user, { id: plan.submissionId });
  return { ...plan, ...lines, submission: submission! };
}

export async function createPlan(tx: Tx, user: CurrentUser, body: CreatePlanBody): Promise<Plan> {
  const delegation = await tx.selectFrom('organisation.delegations').select(['id', 'region_id', 'name_ar', 'name_fr']).where('id', '=', body.delegationId).executeTakeFirst();
  if (!delegation) throw invalidFields({ path: 'delegationId', key: 'validation.invalid_value' });
  const scope = { regionId: delegation.region_id, delegationId: delegation.id, associationId: null, institutionId: null };
  if (!entitledAt(delegationActionPlan, authorChain, 0, user, scope)) throw notEntitled();
  const { id } = await tx.insertInto('planning.plans').values({ delegation_id: delegation.id, year: body.year, created_by: user.id }).returning('id').executeTakeFirstOrThrow();
  await openSubmission(tx, {
    type: delegationActionPlan.key,
    subjectId: id,
    labelAr: `خطة العمل السنوية ${body.year} - ${delegation.name_ar}`,
    labelFr: `Plan d'action annuel ${body.year} - ${delegation.name_fr}`,
    link: `/planning/plans/${id}`,
    scope,
  });
  return getPlan(tx, user, id);
}

/** The plan, after checking the user drafts it and the section is editable now. */
async function editable(tx: Tx, user: CurrentUser, id: string, section: PlanSection): Promise<Plan> {
  const plan = await getPlan(tx, user, id);
  const scope = { regionId: plan.regionId, delegationId: plan.delegationId, associationId: null, institutionId: null };
  if (!entitledAt(delegationActionPlan, plan.submission.chain, 0, user, scope)) throw notEntitled();
  if (!plan.submission.can.edit.includes(section)) throw locked();
  return plan;
}

export async function updateDiagnosis(tx: Tx, user: CurrentUser, id: string, body: DiagnosisBody): Promise<Plan> {
  await editable(tx, user, id, 'diagnosis');
  await tx.updateTable('planning.plans').set({ diagnosis: body.diagnosis }).where('id', '=', id).execute();
  return getPlan(tx, user, id);
}

export async function replaceObjectives(tx: Tx, user: CurrentUser, id: string, body: ObjectivesBody): Promise<Plan> {
  await editable(tx, user, id, 'objectives');
  await tx.deleteFrom('planning.objectives').where('plan_id', '=', id).execute();
  if (body.items.length) {
    await tx
      .insertInto('planning.objectives')
      .values(body.items.map((o, i) => ({ plan_id: id, position: i + 1, title: o.title, indicator: o.indicator, baseline: o.baseline, target: o.target })))
      .execute();
  }
  return getPlan(tx, user, id);
}

export async function replaceActivities(tx: Tx, user: CurrentUser, id: string, body: ActivitiesBody): Promise<Plan> {
  await editable(tx, user, id, 'activities');
  await tx.deleteFrom('planning.activities').where('plan_id', '=', id).execute();
  if (body.items.length) {
    await tx
      .insertInto('planning.activities')
      .values(body.items.map((a, i) => ({ plan_id: id, position: i + 1, title: a.title, quarter: a.quarter, budget_mad: a.budgetMad })))
      .execute();
  }
  return getPlan(tx, user, id);
}

export function parsePlanCursor(after: string | undefined): { year: number; id: string } | undefined {
  if (!after) return undefined;
  const match = /^(\d{4})\|([0-9a-f-]{36})$/.exec(after);
  if (!match) throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
  return { year: Number(match[1]), id: match[2]! };
}
