/**
 * The Jisr pathway of a case file (issue 6 item 4): case list and file with its timeline,
 * diagnoses (platform forms about subject 'case'), referrals, accompaniment plans (approval
 * workflow 'case_plan'), follow-up notes, post-exit follow-ups, and one's caseload.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../../../platform/contract/common.ts';
import { ServiceType, TargetGroup } from '../../registry/contract/enums.ts';
import { PersonSummary } from './common.ts';
import { CaseStage, ExitReason, ReferralState, RequestStatus, Urgency } from './enums.ts';

const isoDate = z.iso.date();

/** Stages a user may set by hand; 'admitted' and 'exited' come from the register, 'closed' from closing. */
export const manualCaseStages = ['reception', 'diagnosis', 'orientation', 'accompaniment', 'post_exit'] as const;
export const ManualCaseStage = z.enum(manualCaseStages);

export const noteKinds = ['note', 'visit', 'phone_call', 'meeting', 'family_contact'] as const;
export const NoteKind = z.enum(noteKinds);

export const planStatuses = ['draft', 'active', 'completed', 'abandoned'] as const;
export const PlanStatus = z.enum(planStatuses);

export const planActionStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const PlanActionStatus = z.enum(planActionStatuses);

export const followUpOutcomes = ['stable', 'improved', 'deteriorated', 'back_in_care', 'unreachable', 'deceased', 'other'] as const;
export const FollowUpOutcome = z.enum(followUpOutcomes);

/** The approval submission's state of a plan (none before its first submission is opened). */
export const PlanApproval = z.object({ submissionId: Uuid, state: z.enum(['draft', 'submitted', 'approved', 'returned']) }).nullable();

export const CaseSummary = z.object({
  id: Uuid,
  number: z.string(),
  stage: CaseStage,
  targetGroup: TargetGroup.nullable(),
  openedOn: isoDate,
  closedOn: isoDate.nullable(),
  handlerId: Uuid.nullable(),
  handlerNameAr: z.string().nullable(),
  handlerNameFr: z.string().nullable(),
  delegationId: Uuid,
  institutionId: Uuid.nullable(),
  person: PersonSummary,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseListQuery = PageQuery.extend({
  stage: CaseStage.optional(),
  /** 'me': the caller's cases. */
  handler: z.union([z.literal('me'), Uuid]).optional(),
  targetGroup: TargetGroup.optional(),
  personId: Uuid.optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;
export const CasePage = pageOf(CaseSummary);

const named = { nameAr: z.string(), nameFr: z.string() };

export const TimelineRequest = z.object({
  kind: z.literal('request'),
  id: Uuid,
  at: z.string(),
  number: z.string(),
  status: RequestStatus,
  urgency: Urgency,
  summary: z.string().nullable(),
  needs: z.array(TargetGroup),
});
export const TimelineDiagnosis = z.object({
  kind: z.literal('diagnosis'),
  id: Uuid,
  at: z.string(),
  formTitleAr: z.string(),
  formTitleFr: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'submitted']),
  totalScore: z.number().int(),
  maxScore: z.number().int(),
});
export const TimelineReferral = z.object({
  kind: z.literal('referral'),
  id: Uuid,
  at: z.string(),
  institution: z.object({ id: Uuid, ...named }).nullable(),
  outsideService: z.string().nullable(),
  service: ServiceType,
  state: ReferralState,
  declineReason: z.string().nullable(),
  note: z.string().nullable(),
  decidedOn: isoDate.nullable(),
  completedOn: isoDate.nullable(),
});
export const TimelineAdmission = z.object({
  kind: z.literal('admission'),
  id: Uuid,
  at: z.string(),
  institution: z.object({ id: Uuid, ...named }),
  registrationNumber: z.string(),
  exitDate: isoDate.nullable(),
  exitReason: ExitReason.nullable(),
  exitDestination: z.string().nullable(),
});
export const PlanAction = z.object({
  id: Uuid,
  position: z.number().int(),
  description: z.string(),
  responsible: z.string().nullable(),
  dueOn: isoDate.nullable(),
  status: PlanActionStatus,
});
export type PlanAction = z.infer<typeof PlanAction>;
export const TimelinePlan = z.object({
  kind: z.literal('plan'),
  id: Uuid,
  at: z.string(),
  title: z.string(),
  goals: z.array(z.string()),
  responsibleName: z.string().nullable(),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  status: PlanStatus,
  approval: PlanApproval,
  actions: z.array(PlanAction),
});
export type TimelinePlan = z.infer<typeof TimelinePlan>;
export const TimelineNote = z.object({
  kind: z.literal('note'),
  id: Uuid,
  at: z.string(),
  noteKind: NoteKind,
  body: z.string(),
  authorNameAr: z.string().nullable(),
  authorNameFr: z.string().nullable(),
});
export const TimelineFollowUp = z.object({
  kind: z.literal('follow_up'),
  id: Uuid,
  at: z.string(),
  months: z.number().int(),
  exitDate: isoDate,
  dueOn: isoDate,
  doneOn: isoDate.nullable(),
  outcome: FollowUpOutcome.nullable(),
  note: z.string().nullable(),
});
export const TimelineItem = z.discriminatedUnion('kind', [TimelineRequest, TimelineDiagnosis, TimelineReferral, TimelineAdmission, TimelinePlan, TimelineNote, TimelineFollowUp]);
export type TimelineItem = z.infer<typeof TimelineItem>;

export const CaseFile = CaseSummary.extend({
  closeReason: z.string().nullable(),
  /** Every step of the pathway in date order (`at`: a day or an instant, ISO). */
  timeline: z.array(TimelineItem),
});
export type CaseFile = z.infer<typeof CaseFile>;

export const UpdateCaseBody = z
  .strictObject({
    handlerId: Uuid.nullable().optional(),
    targetGroup: TargetGroup.nullable().optional(),
    stage: ManualCaseStage.optional(),
    /** Closing the case: its reason (stage 'closed', closed today). */
    closeReason: text(500).optional(),
  })
  .refine((b) => !(b.stage && b.closeReason), { error: 'beneficiaries.cases.validation.stage_or_close', path: ['stage'] });
export type UpdateCaseBody = z.infer<typeof UpdateCaseBody>;

/** A needs-diagnosis form that fits a case (its target group), with its published version. */
export const DiagnosisForm = z.object({
  formId: Uuid,
  code: z.string(),
  titleAr: z.string(),
  titleFr: z.string(),
  targetGroups: z.array(TargetGroup),
  versionId: Uuid,
  version: z.number().int(),
});
export type DiagnosisForm = z.infer<typeof DiagnosisForm>;
export const DiagnosisFormList = z.object({ items: z.array(DiagnosisForm) });

export const DiagnosisBody = z.strictObject({
  versionId: Uuid,
  answers: z.record(z.string(), z.unknown()).default({}),
  /** false keeps a draft to finish later in the forms screens. */
  submit: z.boolean().default(true),
});
export type DiagnosisBody = z.infer<typeof DiagnosisBody>;
export const Created = z.object({ id: Uuid });

export const ReferralBody = z
  .strictObject({
    institutionId: Uuid.nullable().optional(),
    outsideService: optionalText(200).optional(),
    service: ServiceType,
    note: optionalText(2000).optional(),
  })
  .refine((b) => Boolean(b.institutionId) !== Boolean(b.outsideService), { error: 'beneficiaries.errors.referral_target', path: ['institutionId'] });
export type ReferralBody = z.infer<typeof ReferralBody>;

export const referralDirections = ['incoming', 'outgoing'] as const;
export const ReferralListQuery = PageQuery.extend({
  direction: z.enum(referralDirections).default('incoming'),
  state: ReferralState.optional(),
});
export type ReferralListQuery = z.infer<typeof ReferralListQuery>;

export const ReferralItem = TimelineReferral.omit({ kind: true }).extend({
  caseId: Uuid,
  /** Null when the reader does not see the case (the receiving institution sees the referral only). */
  caseNumber: z.string().nullable(),
  proposedOn: isoDate,
  person: PersonSummary,
  fromDelegation: z.object({ id: Uuid, ...named }),
  /** What the reader may do on it now. */
  can: z.array(z.enum(['accept', 'decline', 'complete', 'cancel'])),
});
export type ReferralItem = z.infer<typeof ReferralItem>;
export const ReferralPage = pageOf(ReferralItem);

export const DeclineBody = z.strictObject({ reason: text(1000) });
export const EmptyBody = z.strictObject({}).optional();

const goal = text(500);
export const PlanActionBody = z.strictObject({
  description: text(1000),
  responsible: optionalText(160).optional(),
  dueOn: isoDate.nullable().optional(),
  status: PlanActionStatus.default('planned'),
});
export const PlanBody = z
  .strictObject({
    title: text(200),
    goals: z.array(goal).max(20).default([]),
    responsibleName: optionalText(160).optional(),
    startsOn: isoDate,
    endsOn: isoDate.nullable().optional(),
    actions: z.array(PlanActionBody).max(50).default([]),
  })
  .refine((b) => !b.endsOn || b.endsOn >= b.startsOn, { error: 'beneficiaries.cases.validation.plan_dates', path: ['endsOn'] });
export type PlanBody = z.infer<typeof PlanBody>;

/** A draft or returned plan changes in full; an approved one only its status. */
export const UpdatePlanBody = z
  .strictObject({
    title: text(200).optional(),
    goals: z.array(goal).max(20).optional(),
    responsibleName: optionalText(160).optional(),
    startsOn: isoDate.optional(),
    endsOn: isoDate.nullable().optional(),
    actions: z.array(PlanActionBody).max(50).optional(),
    status: PlanStatus.optional(),
  })
  .refine((b) => !b.endsOn || !b.startsOn || b.endsOn >= b.startsOn, { error: 'beneficiaries.cases.validation.plan_dates', path: ['endsOn'] });
export type UpdatePlanBody = z.infer<typeof UpdatePlanBody>;

export const NoteBody = z.strictObject({
  kind: NoteKind.default('note'),
  notedOn: isoDate.optional(),
  body: text(10000),
});
export type NoteBody = z.infer<typeof NoteBody>;

export const FollowUpBody = z.strictObject({
  doneOn: isoDate,
  outcome: FollowUpOutcome,
  note: optionalText(4000).optional(),
});
export type FollowUpBody = z.infer<typeof FollowUpBody>;

export const CaseloadRequest = z.object({
  id: Uuid,
  number: z.string(),
  status: RequestStatus,
  urgency: Urgency,
  receivedAt: z.string(),
  summary: z.string().nullable(),
  requesterName: z.string().nullable(),
  person: PersonSummary.nullable(),
});
export const CaseloadFollowUp = z.object({ id: Uuid, caseId: Uuid.nullable(), caseNumber: z.string().nullable(), months: z.number().int(), dueOn: isoDate, person: PersonSummary });
export const Caseload = z.object({
  cases: z.array(CaseSummary),
  requests: z.array(CaseloadRequest),
  followUps: z.array(CaseloadFollowUp),
});
export type Caseload = z.infer<typeof Caseload>;
