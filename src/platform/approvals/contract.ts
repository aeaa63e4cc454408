/** API contract of the approval workflow: actions, the submission with its history, the inbox. */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf } from '../contract/common.ts';
import { approvalActions, approvalLevels, sectionStates, submissionStates } from './document-types.ts';

export const ApprovalAction = z.enum(approvalActions);
export const ApprovalLevel = z.enum(approvalLevels);
export const SubmissionState = z.enum(submissionStates);
export const SectionState = z.enum(sectionStates);
const SectionKey = z.string().regex(/^[a-z][a-z0-9_]{0,60}$/);

export const ActionBody = z
  .strictObject({
    action: ApprovalAction,
    /** The level index the actor sees the submission at: a stale screen is refused, not applied. */
    level: z.number().int().min(0).max(5),
    comment: optionalText(4000).optional(),
    sections: z.array(SectionKey).max(20).default([]),
  })
  .superRefine((body, ctx) => {
    if (body.action !== 'return') return;
    if (!body.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'approvals.fields.comment_required' });
    if (body.sections.length === 0) ctx.addIssue({ code: 'custom', path: ['sections'], message: 'approvals.fields.sections_required' });
  });
export type ActionBody = z.output<typeof ActionBody>;
export type ActionInput = z.input<typeof ActionBody>;

export const Step = z.object({
  id: z.string(),
  action: ApprovalAction,
  level: ApprovalLevel,
  levelIndex: z.number().int(),
  actorId: Uuid,
  actorNameAr: z.string(),
  actorNameFr: z.string(),
  actorRole: z.string(),
  at: z.string(),
  comment: z.string().nullable(),
  sections: z.array(z.string()),
});
export type Step = z.infer<typeof Step>;

export const Submission = z.object({
  id: Uuid,
  subjectType: z.string(),
  subjectId: Uuid,
  state: SubmissionState,
  chain: z.array(ApprovalLevel),
  levelIndex: z.number().int(),
  labelAr: z.string(),
  labelFr: z.string(),
  link: z.string(),
  waitingSince: z.string(),
  sections: z.array(z.object({ key: z.string(), state: SectionState })),
  history: z.array(Step),
  /** What the signed-in user may do now: sections they may edit, actions they may take. */
  can: z.object({ edit: z.array(z.string()), actions: z.array(ApprovalAction) }),
});
export type Submission = z.infer<typeof Submission>;

export const InboxItem = z.object({
  id: Uuid,
  subjectType: z.string(),
  subjectId: Uuid,
  state: SubmissionState,
  level: ApprovalLevel,
  levelIndex: z.number().int(),
  labelAr: z.string(),
  labelFr: z.string(),
  link: z.string(),
  waitingSince: z.string(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxQuery = PageQuery.extend({ type: z.string().regex(/^[a-z][a-z0-9_]{1,60}$/).optional() });
export const InboxPage = pageOf(InboxItem);
export const InboxCount = z.object({ count: z.number().int() });
