/**
 * API contract of the tranches part (issue 8 §2–3): tranches per convention and year, their
 * release conditions, release (or override), disbursements, delays, and the "due this month" list.
 * Money travels as exact decimal strings; delays are whole days.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../../../platform/contract/common.ts';
import { Mad, MadOut, madToCentimes } from '../../../platform/contract/money.ts';
import { Rib } from '../../registry/contract/values.ts';

/**
 * An amount above zero. The shared PositiveMad (money.ts) runs its refinement on a malformed value
 * too and throws there ("12.345" answered 500): this one leaves a malformed value to Mad's format
 * message.
 */
const PositiveAmount = Mad.refine((v) => !/^\d{1,12}(\.\d{1,2})?$/.test(v) || madToCentimes(v) > 0n, { message: 'validation.amount_positive' });

export const trancheStatuses = ['planned', 'released', 'paid', 'cancelled'] as const;
export const TrancheStatus = z.enum(trancheStatuses);
export type TrancheStatus = z.infer<typeof TrancheStatus>;

export const conditionCodes = ['previous_tranche_justified', 'activity_report_received', 'financial_report_received',
  'no_open_critical_finding', 'budget_approved', 'board_mandate_valid'] as const;
const ConditionCode = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/);

const Person = z.object({ nameAr: z.string(), nameFr: z.string() }).nullable();

export const TrancheCondition = z.object({
  code: z.string(),
  nameAr: z.string(),
  nameFr: z.string(),
  evaluation: z.enum(['auto', 'manual']),
  blocking: z.boolean(),
  /** What the data says; null when Raaya holds nothing to decide from (then a hand confirmation counts). */
  autoMet: z.boolean().nullable(),
  confirmed: z.boolean().nullable(),
  confirmedBy: Person,
  confirmedAt: z.string().nullable(),
  note: z.string().nullable(),
  met: z.boolean(),
});
export type TrancheCondition = z.infer<typeof TrancheCondition>;

export const Disbursement = z.object({
  id: Uuid,
  paymentOrder: z.string(),
  paymentReference: z.string(),
  paidOn: z.string(),
  amountMad: MadOut,
  rib: z.string(),
});
export type Disbursement = z.infer<typeof Disbursement>;

export const Tranche = z.object({
  id: Uuid,
  conventionId: Uuid,
  year: z.number().int(),
  position: z.number().int(),
  plannedOn: z.string(),
  amountMad: MadOut,
  status: TrancheStatus,
  conditionsMetOn: z.string().nullable(),
  releasedOn: z.string().nullable(),
  releasedBy: Person,
  overrideReason: z.string().nullable(),
  overriddenBy: Person,
  paidOn: z.string().nullable(),
  paidMad: MadOut,
  remainingMad: MadOut,
  justifiedMad: MadOut,
  /** Days from the planned date to the payment that completed the tranche (negative: early). */
  delayPlannedDays: z.number().int().nullable(),
  /** Days from the day every blocking condition was met to that payment. */
  delayConditionsDays: z.number().int().nullable(),
  /** Not fully paid and its date passed: days since. */
  overdueDays: z.number().int().nullable(),
  late: z.boolean(),
  blocked: z.boolean(),
  conditions: z.array(TrancheCondition),
  disbursements: z.array(Disbursement),
});
export type Tranche = z.infer<typeof Tranche>;

export const ConventionYear = z.object({ year: z.number().int(), entraideMad: MadOut, plannedMad: MadOut });

export const ConventionTranches = z.object({
  conventionId: Uuid,
  reference: z.string(),
  conventionStatus: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  associationNameAr: z.string(),
  associationNameFr: z.string(),
  /** The RIB the registry holds for the association: the only one a payment may go to. */
  associationRib: z.string().nullable(),
  years: z.array(ConventionYear),
  tranches: z.array(Tranche),
});
export type ConventionTranches = z.infer<typeof ConventionTranches>;

export const PlanTrancheBody = z.strictObject({
  plannedOn: z.iso.date(),
  amountMad: PositiveAmount,
  /** The conditions to attach; all active ones with their default blocking when absent. */
  conditions: z.array(z.strictObject({ code: ConditionCode, blocking: z.boolean() })).max(20).optional(),
});
export type PlanTrancheBody = z.infer<typeof PlanTrancheBody>;

export const RescheduleTrancheBody = z.strictObject({ plannedOn: z.iso.date(), amountMad: PositiveAmount });
export type RescheduleTrancheBody = z.infer<typeof RescheduleTrancheBody>;

export const ConfirmConditionBody = z.strictObject({ confirmed: z.boolean().nullable(), note: optionalText(1000).optional() });
export type ConfirmConditionBody = z.infer<typeof ConfirmConditionBody>;

export const ReleaseTrancheBody = z.strictObject({
  /** Required (10 characters or more) when a blocking condition is unmet: an override. */
  overrideReason: optionalText(2000).optional(),
});
export type ReleaseTrancheBody = z.infer<typeof ReleaseTrancheBody>;

export const DisburseBody = z.strictObject({
  paymentOrder: text(60),
  paymentReference: text(60),
  paidOn: z.iso.date(),
  amountMad: PositiveAmount,
  rib: Rib,
});
export type DisburseBody = z.infer<typeof DisburseBody>;

export const DueQuery = PageQuery.extend({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  delegationId: Uuid.optional(),
});

/** A tranche as the lists across conventions show it ("due this month", the late tranches): where it belongs and what was planned. */
export const TrancheListRow = z.object({
  id: Uuid,
  conventionId: Uuid,
  reference: z.string(),
  associationNameAr: z.string(),
  associationNameFr: z.string(),
  delegationNameAr: z.string().nullable(),
  delegationNameFr: z.string().nullable(),
  year: z.number().int(),
  position: z.number().int(),
  plannedOn: z.string(),
  amountMad: MadOut,
});

export const DueTranche = TrancheListRow.extend({
  remainingMad: MadOut,
  status: TrancheStatus,
  blocked: z.boolean(),
  overdueDays: z.number().int().nullable(),
});
export type DueTranche = z.infer<typeof DueTranche>;

export const DuePage = pageOf(DueTranche).extend({
  month: z.string(),
  /** Over the whole list, not only this page: how many and how much is still owed. */
  count: z.number().int(),
  remainingMad: MadOut,
});
export type DuePage = z.infer<typeof DuePage>;
