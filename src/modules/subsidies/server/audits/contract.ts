/**
 * API contract of the justification of tranches and of audit missions (issue 8 §4–§5, decision
 * 0028). Shared by the server routes and the screens. Money is a decimal string both ways.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../../../../platform/contract/common.ts';
import { Mad, MadOut } from '../../../../platform/contract/money.ts';

// PositiveMad of contract/money.ts runs its refinement on a malformed amount too and throws (a 500
// for "12.345"); this one decides on the text alone, after the format check.
const PositiveMad = Mad.refine((v) => /[1-9]/.test(v), { message: 'validation.amount_positive' });

const IsoDate = z.iso.date();

export const justificationStates = ['draft', 'submitted', 'justified', 'partly_justified', 'rejected'] as const;
export const JustificationState = z.enum(justificationStates);
export type JustificationState = z.infer<typeof JustificationState>;
export const reviewDecisions = ['justified', 'partly_justified', 'rejected'] as const;

/** What a tranche owes in justification: paid, justified, the rest, and what earlier tranches left. */
export const TrancheToJustify = z.object({
  trancheId: Uuid,
  conventionId: Uuid,
  conventionReference: z.string(),
  associationId: Uuid,
  associationNameAr: z.string(),
  associationNameFr: z.string(),
  year: z.number().int(),
  position: z.number().int(),
  amountMad: MadOut,
  paidMad: MadOut,
  justifiedMad: MadOut,
  /** paid − justified on this tranche. */
  remainderMad: MadOut,
  /** The unjustified remainders of the convention's earlier tranches, carried over. */
  carriedOverMad: MadOut,
  openJustificationId: Uuid.nullable(),
});
export type TrancheToJustify = z.infer<typeof TrancheToJustify>;
export const TranchesToJustifyQuery = PageQuery.extend({ outstanding: z.enum(['true', 'false']).optional() });
export const TranchesToJustifyPage = pageOf(TrancheToJustify);

export const JustificationLine = z.object({
  id: Uuid,
  institutionId: Uuid,
  institutionNameAr: z.string(),
  institutionNameFr: z.string(),
  financeEntryId: Uuid.nullable(),
  entryReference: z.string().nullable(),
  documentId: Uuid.nullable(),
  documentTitle: z.string().nullable(),
  spentOn: z.string(),
  description: z.string(),
  amountMad: MadOut,
});
export type JustificationLine = z.infer<typeof JustificationLine>;

export const JustificationSummary = z.object({
  id: Uuid,
  trancheId: Uuid,
  conventionId: Uuid,
  conventionReference: z.string(),
  associationNameAr: z.string(),
  associationNameFr: z.string(),
  year: z.number().int(),
  position: z.number().int(),
  state: JustificationState,
  submittedOn: z.string(),
  presentedMad: MadOut,
  acceptedMad: MadOut.nullable(),
  createdAt: z.string(),
});
export type JustificationSummary = z.infer<typeof JustificationSummary>;

export const Justification = JustificationSummary.extend({
  reviewReason: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  tranche: TrancheToJustify,
  lines: z.array(JustificationLine),
  /** The institutions the convention covers (where lines may come from). */
  institutions: z.array(z.object({ id: Uuid, nameAr: z.string(), nameFr: z.string() })),
  can: z.object({ edit: z.boolean(), review: z.boolean() }),
});
export type Justification = z.infer<typeof Justification>;

export const JustificationListQuery = PageQuery.extend({ state: JustificationState.optional(), trancheId: Uuid.optional() });
export const JustificationPage = pageOf(JustificationSummary);

export const CreateJustificationBody = z.strictObject({ trancheId: Uuid });
export type CreateJustificationBody = z.infer<typeof CreateJustificationBody>;

/** A line: a ledger payment (its date and amount by default) or an uploaded statement (all given). */
export const AddLineBody = z
  .strictObject({
    institutionId: Uuid,
    financeEntryId: Uuid.optional(),
    documentId: Uuid.optional(),
    spentOn: IsoDate.optional(),
    description: optionalText(500).optional(),
    amountMad: PositiveMad.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.financeEntryId && !v.documentId) ctx.addIssue({ code: 'custom', path: ['financeEntryId'], message: 'subsidies.validation.evidence_required' });
    if (!v.financeEntryId) {
      if (!v.spentOn) ctx.addIssue({ code: 'custom', path: ['spentOn'], message: 'validation.required' });
      if (!v.amountMad) ctx.addIssue({ code: 'custom', path: ['amountMad'], message: 'validation.required' });
      if (!v.description) ctx.addIssue({ code: 'custom', path: ['description'], message: 'validation.required' });
    }
  });
export type AddLineBody = z.infer<typeof AddLineBody>;

export const ReviewBody = z
  .strictObject({
    decision: z.enum(reviewDecisions),
    acceptedMad: Mad.optional(),
    reason: optionalText(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'partly_justified' && !v.acceptedMad) ctx.addIssue({ code: 'custom', path: ['acceptedMad'], message: 'validation.required' });
    if (v.decision !== 'justified' && (!v.reason || v.reason.length < 5)) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'subsidies.validation.reason_required' });
  });
export type ReviewBody = z.infer<typeof ReviewBody>;

/** A payment of a covered institution's ledger that may still be presented. */
export const CandidateEntry = z.object({
  id: Uuid,
  institutionId: Uuid,
  institutionNameAr: z.string(),
  institutionNameFr: z.string(),
  entryDate: z.string(),
  counterparty: z.string(),
  reference: z.string().nullable(),
  description: z.string(),
  amountMad: MadOut,
});
export type CandidateEntry = z.infer<typeof CandidateEntry>;
export const CandidateEntryQuery = PageQuery.extend({ institutionId: Uuid.optional() });
export const CandidateEntryPage = pageOf(CandidateEntry);

// Audit missions.
export const missionKinds = ['planned', 'unannounced'] as const;
export const missionStatuses = ['planned', 'in_progress', 'reported', 'closed'] as const;
export const severities = ['low', 'medium', 'high', 'critical'] as const;
export const recommendationStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;
export type MissionStatus = (typeof missionStatuses)[number];
export type RecommendationStatus = (typeof recommendationStatuses)[number];

export const TeamMember = z.strictObject({ name: text(160), role: text(160) });
export type TeamMember = z.infer<typeof TeamMember>;

export const CreateMissionBody = z
  .strictObject({
    associationId: Uuid,
    conventionId: Uuid.nullable().optional(),
    kind: z.enum(missionKinds),
    startsOn: IsoDate,
    endsOn: IsoDate,
    team: z.array(TeamMember).min(1).max(30),
    summary: optionalText(10000).optional(),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'subsidies.validation.ends_before_start' });
export type CreateMissionBody = z.infer<typeof CreateMissionBody>;

export const UpdateMissionBody = z.strictObject({
  status: z.enum(missionStatuses).optional(),
  summary: optionalText(10000).optional(),
  team: z.array(TeamMember).min(1).max(30).optional(),
});
export type UpdateMissionBody = z.infer<typeof UpdateMissionBody>;

export const CreateFindingBody = z.strictObject({
  severity: z.enum(severities),
  description: text(4000),
  amountInQuestionMad: Mad.nullable().optional(),
});
export type CreateFindingBody = z.infer<typeof CreateFindingBody>;

export const CreateRecommendationBody = z.strictObject({ text: text(2000), dueOn: IsoDate.nullable().optional() });
export type CreateRecommendationBody = z.infer<typeof CreateRecommendationBody>;

export const UpdateRecommendationBody = z.strictObject({
  status: z.enum(recommendationStatuses),
  followUp: optionalText(4000).optional(),
});
export type UpdateRecommendationBody = z.infer<typeof UpdateRecommendationBody>;

export const Recommendation = z.object({
  id: Uuid,
  text: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(recommendationStatuses),
  followUp: z.string().nullable(),
  closedOn: z.string().nullable(),
});
export const Finding = z.object({
  id: Uuid,
  severity: z.enum(severities),
  description: z.string(),
  amountInQuestionMad: MadOut.nullable(),
  status: z.enum(['open', 'closed']),
  closedOn: z.string().nullable(),
  recommendations: z.array(Recommendation),
});
export type Finding = z.infer<typeof Finding>;

export const MissionSummary = z.object({
  id: Uuid,
  associationId: Uuid,
  associationNameAr: z.string(),
  associationNameFr: z.string(),
  conventionId: Uuid.nullable(),
  conventionReference: z.string().nullable(),
  kind: z.enum(missionKinds),
  status: z.enum(missionStatuses),
  startsOn: z.string(),
  endsOn: z.string(),
  openFindings: z.number().int(),
  openCritical: z.number().int(),
});
export type MissionSummary = z.infer<typeof MissionSummary>;
export const Mission = MissionSummary.extend({
  team: z.array(TeamMember),
  summary: z.string().nullable(),
  findings: z.array(Finding),
  can: z.object({ manage: z.boolean(), followUp: z.boolean() }),
});
export type Mission = z.infer<typeof Mission>;
export const MissionListQuery = PageQuery.extend({ status: z.enum(missionStatuses).optional(), associationId: Uuid.optional() });
export const MissionPage = pageOf(MissionSummary);

/** Associations and their conventions a mission may be opened on (the form's choices). */
export const MissionTargetsQuery = z.strictObject({ q: z.string().trim().max(100).optional() });
export const MissionTargets = z.object({
  associations: z.array(z.object({ id: Uuid, nameAr: z.string(), nameFr: z.string(),
    conventions: z.array(z.object({ id: Uuid, reference: z.string() })) })),
});
