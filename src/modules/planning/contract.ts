/** API contract of the annual action plans of the delegations (PRODUCT.md §2.8). */
import { z } from 'zod';
import { PageQuery, Uuid, pageOf, text } from '../../platform/contract/common.ts';
import { ApprovalLevel, Submission, SubmissionState } from '../../platform/approvals/contract.ts';

/** The plan's sections, each returned and locked on its own by the approval workflow. */
export const planSections = ['diagnosis', 'objectives', 'activities'] as const;
export type PlanSection = (typeof planSections)[number];

/** An exact decimal amount as text (NUMERIC in the database, never a float). */
export const Amount = z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/);

export const Objective = z.strictObject({ title: text(300), indicator: text(300), baseline: Amount, target: Amount });
export type Objective = z.infer<typeof Objective>;

export const Activity = z.strictObject({ title: text(300), quarter: z.number().int().min(1).max(4), budgetMad: Amount });
export type Activity = z.infer<typeof Activity>;

export const CreatePlanBody = z.strictObject({ delegationId: Uuid, year: z.number().int().min(2020).max(2100) });
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;

export const DiagnosisBody = z.strictObject({ diagnosis: z.string().trim().max(20000) });
export type DiagnosisBody = z.infer<typeof DiagnosisBody>;
export const ObjectivesBody = z.strictObject({ items: z.array(Objective).max(100) });
export type ObjectivesBody = z.infer<typeof ObjectivesBody>;
export const ActivitiesBody = z.strictObject({ items: z.array(Activity).max(200) });
export type ActivitiesBody = z.infer<typeof ActivitiesBody>;

export const PlanSummary = z.object({
  id: Uuid,
  year: z.number().int(),
  delegationId: Uuid,
  delegationNameAr: z.string(),
  delegationNameFr: z.string(),
  regionId: Uuid,
  submissionId: Uuid,
  state: SubmissionState,
  level: ApprovalLevel,
  totalBudgetMad: z.string(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const Plan = PlanSummary.extend({
  diagnosis: z.string(),
  objectives: z.array(Objective.extend({ id: Uuid })),
  activities: z.array(Activity.extend({ id: Uuid })),
  submission: Submission,
});
export type Plan = z.infer<typeof Plan>;

export const PlanListQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2020).max(2100).optional(),
  state: SubmissionState.optional(),
});
export const PlanPage = pageOf(PlanSummary);
