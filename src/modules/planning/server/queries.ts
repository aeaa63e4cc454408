/** SQL of the planning module: plans with their submission state, in one query each (no N+1). */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';
import type { ApprovalLevel } from '../../../platform/approvals/index.ts';
import type { PlanSummary } from '../contract.ts';
import { delegationActionPlan } from '../approval.ts';

export interface PlanFilter {
  ids?: string[];
  year?: number;
  state?: string;
  after?: { year: number; id: string };
  limit?: number;
}

export async function findPlans(tx: Tx, f: PlanFilter): Promise<(PlanSummary & { diagnosis: string })[]> {
  let query = tx
    .selectFrom('planning.plans as p')
    .innerJoin('approvals.submissions as s', (j) => j.onRef('s.subject_id', '=', 'p.id').on('s.subject_type', '=', delegationActionPlan.key))
    .innerJoin('organisation.delegations as d', 'd.id', 'p.delegation_id')
    .select(['p.id', 'p.year', 'p.delegation_id', 'p.region_id', 'p.diagnosis', 'd.name_ar', 'd.name_fr', 's.id as submission_id', 's.state', 's.chain', 's.level_index'])
    .select(sql<string>`to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('updated_at'))
    .select(sql<string>`(SELECT coalesce(sum(a.budget_mad), 0)::text FROM planning.activities a WHERE a.plan_id = p.id)`.as('total_budget'))
    .orderBy('p.year', 'desc')
    .orderBy('p.id');
  if (f.ids) query = query.where('p.id', 'in', f.ids);
  if (f.year) query = query.where('p.year', '=', f.year);
  if (f.state) query = query.where('s.state', '=', f.state);
  if (f.after) query = query.where(sql<boolean>`(p.year < ${f.after.year} OR (p.year = ${f.after.year} AND p.id > ${f.after.id}::uuid))`);
  if (f.limit) query = query.limit(f.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    delegationId: r.delegation_id,
    delegationNameAr: r.name_ar,
    delegationNameFr: r.name_fr,
    regionId: r.region_id!,
    submissionId: r.submission_id,
    state: r.state as PlanSummary['state'],
    level: (r.chain as ApprovalLevel[])[r.level_index]!,
    totalBudgetMad: r.total_budget,
    updatedAt: r.updated_at,
    diagnosis: r.diagnosis,
  }));
}

export async function findLines(tx: Tx, planId: string) {
  // One connection per request: the two reads run one after the other.
  const objectives = await tx.selectFrom('planning.objectives').select(['id', 'title', 'indicator', 'baseline', 'target']).where('plan_id', '=', planId).orderBy('position').execute();
  const activities = await tx.selectFrom('planning.activities').select(['id', 'title', 'quarter', 'budget_mad']).where('plan_id', '=', planId).orderBy('position').execute();
  return {
    objectives: objectives.map((o) => ({ id: o.id, title: o.title, indicator: o.indicator, baseline: String(o.baseline), target: String(o.target) })),
    activities: activities.map((a) => ({ id: a.id, title: a.title, quarter: a.quarter, budgetMad: String(a.budget_mad) })),
  };
}
