/**
 * API contract of the licensing lifecycle (law 65-15 arts. 9-17, 30-40; decision 0010): one
 * schema per step kind, the timeline, the checklist of the application file and the queue.
 * The database (0055) holds the state machine; these schemas only shape and bound the input.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../../../platform/contract/common.ts';
import { InstitutionStatus } from './enums.ts';

export const licensingStages = ['filed', 'opinion_given', 'sent', 'authorised', 'refused', 'suspended',
  'withdrawn_temporarily', 'withdrawn_permanently', 'closing', 'closed'] as const;
export const LicensingStage = z.enum(licensingStages);
export type LicensingStage = z.infer<typeof LicensingStage>;

export const stepKinds = ['application_filed', 'document_requested', 'file_completed', 'committee_opinion', 'file_sent',
  'ministry_decision', 'change_detected', 'change_declared', 'change_decided', 'warning', 'reprimand', 'suspended',
  'withdrawn_temporarily', 'withdrawn_permanently', 'reinstated', 'closure_notified', 'closed'] as const;
export const StepKind = z.enum(stepKinds);
export type StepKind = z.infer<typeof StepKind>;

export const committeeOpinions = ['favourable', 'favourable_with_changes', 'unfavourable'] as const;
export const CommitteeOpinion = z.enum(committeeOpinions);
export const changeSubjects = ['director', 'capacity', 'staffing', 'hygiene_safety', 'premises', 'services', 'founder', 'other'] as const;
export const ChangeSubject = z.enum(changeSubjects);
/** Changes to norms need prior approval (art. 17). */
export const normsSubjects: readonly (typeof changeSubjects)[number][] = ['capacity', 'staffing', 'hygiene_safety'];
export const clockKinds = ['committee_opinion', 'ministry_decision', 'closure_notice'] as const;
export const ClockKind = z.enum(clockKinds);
export const founderKinds = ['natural_person', 'private_law', 'public_law'] as const;
export const FounderKind = z.enum(founderKinds);

/** The items of the application file (decree 2.19.693 art. 2); the database lists which apply to whom. */
export const checklistItems = ['founder_cnie', 'founder_assets_statement', 'statutes', 'financial_statement',
  'deliberation_minutes', 'constitutive_documents', 'managers_list', 'representative_id', 'activity_report',
  'action_programme', 'assets_statements', 'founding_decision', 'financial_means_note', 'public_activity_report',
  'public_action_programme', 'state_convention', 'technical_sheet', 'feasibility_study', 'premises_title',
  'building_plans', 'conformity_certificate', 'specifications_compliance', 'internal_rules_draft', 'director_cv',
  'director_photos', 'director_cnie', 'director_criminal_record', 'director_diploma', 'director_experience'] as const;
export const ChecklistItem = z.enum(checklistItems);
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** The documents owner type of an application: its file's documents, one category per checklist item. */
export const LICENCE_APPLICATION_OWNER = 'licence_application';

const Day = z.iso.date();
const Reasons = text(4000);
const Note = optionalText(4000).optional();

/** One schema per step kind that people record (change_detected is noted by the database itself). */
export const StepBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('application_filed'), occurredOn: Day, note: Note }),
  z.strictObject({ kind: z.literal('committee_opinion'), occurredOn: Day, opinion: CommitteeOpinion, note: Note }),
  z.strictObject({ kind: z.literal('file_sent'), occurredOn: Day, note: Note }),
  z.strictObject({
    kind: z.literal('ministry_decision'),
    occurredOn: Day,
    outcome: z.literal('authorised'),
    licenceNumber: text(60),
    licenceDate: Day,
    note: Note,
  }),
  // A refusal states its reasons (art. 14); the database refuses one without them as well.
  z.strictObject({ kind: z.literal('ministry_refusal'), occurredOn: Day, reasons: Reasons, note: Note }),
  z.strictObject({ kind: z.literal('change_declared'), occurredOn: Day, changeOn: Day, changeSubject: ChangeSubject, changeId: Uuid.optional(), note: Note }),
  z.strictObject({ kind: z.literal('change_decided'), occurredOn: Day, changeId: Uuid, outcome: z.enum(['approved', 'refused']), reasons: optionalText(4000).optional(), note: Note }),
  z.strictObject({ kind: z.enum(['warning', 'reprimand']), occurredOn: Day, reasons: Reasons, regulariseBy: Day.optional(), note: Note }),
  z.strictObject({ kind: z.enum(['suspended', 'withdrawn_temporarily', 'withdrawn_permanently']), occurredOn: Day, reasons: Reasons, note: Note }),
  z.strictObject({ kind: z.enum(['reinstated', 'closure_notified', 'closed']), occurredOn: Day, note: Note }),
]);
export type StepBody = z.infer<typeof StepBody>;
/** The kinds a form can record (a refusal is the ministry decision with outcome refused). */
export type FormKind = StepBody['kind'];

export const RequestDocumentBody = z.strictObject({ occurredOn: Day, item: ChecklistItem.optional(), note: Note });
export type RequestDocumentBody = z.infer<typeof RequestDocumentBody>;
export const CompleteFileBody = z.strictObject({ occurredOn: Day, note: Note });
export type CompleteFileBody = z.infer<typeof CompleteFileBody>;

export const Step = z.object({
  id: Uuid,
  seq: z.number().int(),
  kind: StepKind,
  occurredOn: z.string(),
  stage: LicensingStage,
  opinion: CommitteeOpinion.nullable(),
  outcome: z.enum(['authorised', 'refused', 'approved']).nullable(),
  licenceNumber: z.string().nullable(),
  licenceDate: z.string().nullable(),
  reasons: z.string().nullable(),
  note: z.string().nullable(),
  requestedItem: z.string().nullable(),
  changeSubject: ChangeSubject.nullable(),
  changeOn: z.string().nullable(),
  changeId: Uuid.nullable(),
  needsApproval: z.boolean().nullable(),
  /** A change declared more than 8 days after it happened (art. 17; fined by art. 38). */
  declaredLate: z.boolean(),
  regulariseBy: z.string().nullable(),
  noticeEnd: z.string().nullable(),
  createdBy: z.object({ id: Uuid, fullNameAr: z.string(), fullNameFr: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Step = z.infer<typeof Step>;

export const ChecklistEntry = z.object({
  item: ChecklistItem,
  part: z.enum(['founder', 'institution', 'director']),
  required: z.boolean(),
  document: z.object({ id: Uuid, title: z.string(), createdAt: z.string(), createdBy: z.string().nullable() }).nullable(),
});
export type ChecklistEntry = z.infer<typeof ChecklistEntry>;

export const Clock = z.object({
  kind: ClockKind,
  startedOn: z.string(),
  days: z.number().int(),
  stoppedOn: z.string().nullable(),
  requestedItem: z.string().nullable(),
  dueOn: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  warning: z.boolean(),
});
export type Clock = z.infer<typeof Clock>;

export const OpenChange = z.object({ id: Uuid, changeSubject: ChangeSubject, changeOn: z.string(), dueOn: z.string(), daysLeft: z.number().int() });
export type OpenChange = z.infer<typeof OpenChange>;

export const Licensing = z.object({
  institutionId: Uuid,
  nameAr: z.string(),
  nameFr: z.string(),
  status: InstitutionStatus,
  stage: LicensingStage.nullable(),
  licenceNumber: z.string().nullable(),
  licenceDate: z.string().nullable(),
  applicationId: Uuid.nullable(),
  founderKind: FounderKind.nullable(),
  clock: Clock.nullable(),
  /** What the state machine allows next (the forms offer only these). */
  allowed: z.array(z.string()),
  /** Changes noted on the record and not yet declared (8 days). */
  openChanges: z.array(OpenChange),
  /** Declared changes to norms awaiting approval. */
  awaitingApproval: z.array(z.object({ id: Uuid, changeSubject: ChangeSubject, changeOn: z.string() })),
  steps: z.array(Step),
  checklist: z.array(ChecklistEntry),
});
export type Licensing = z.infer<typeof Licensing>;

export const DueQuery = PageQuery.extend({
  stage: LicensingStage.optional(),
  delegation: Uuid.optional(),
  /** Only clocks past their due day, or under 7 days left. */
  due: z.enum(['overdue', 'warning', 'stopped']).optional(),
});
export type DueQuery = z.infer<typeof DueQuery>;

export const DueItem = z.object({
  institutionId: Uuid,
  nameAr: z.string(),
  nameFr: z.string(),
  delegationId: Uuid.nullable(),
  stage: LicensingStage,
  clockKind: ClockKind.nullable(),
  dueOn: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  warning: z.boolean(),
  stopped: z.boolean(),
  lastStepOn: z.string(),
});
export type DueItem = z.infer<typeof DueItem>;
export const DuePage = pageOf(DueItem);

export const PdfQuery = z.strictObject({ lang: z.enum(['ar', 'fr']).default('ar') });

/** The actions a form may offer: the step kinds, plus the refusal and the two clock actions. */
export type LicensingAction = FormKind | 'document_requested' | 'file_completed';

/**
 * What may come next, mirroring the database's state machine (0055) so the screens offer only
 * allowed steps; the database stays the judge.
 */
export function allowedActions(stage: LicensingStage | null, stopped: boolean, awaitingApproval: boolean): LicensingAction[] {
  if (stopped) return ['file_completed'];
  const sanctions: LicensingAction[] = ['warning', 'reprimand'];
  switch (stage) {
    case null:
    case 'refused':
      return ['application_filed'];
    case 'filed':
      return ['committee_opinion', 'document_requested'];
    case 'opinion_given':
      return ['file_sent'];
    case 'sent':
      return ['ministry_decision', 'ministry_refusal', 'document_requested'];
    case 'authorised':
      return ['change_declared', ...(awaitingApproval ? (['change_decided'] as const) : []), ...sanctions, 'suspended', 'withdrawn_temporarily', 'withdrawn_permanently', 'closure_notified'];
    case 'suspended':
      return ['change_declared', ...(awaitingApproval ? (['change_decided'] as const) : []), ...sanctions, 'reinstated', 'withdrawn_temporarily', 'withdrawn_permanently', 'closure_notified'];
    case 'withdrawn_temporarily':
      return ['reinstated', 'withdrawn_permanently'];
    case 'closing':
      return ['closed', 'withdrawn_permanently'];
    case 'withdrawn_permanently':
    case 'closed':
      return [];
  }
}
