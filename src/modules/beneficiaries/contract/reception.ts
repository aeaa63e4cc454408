/**
 * API contract of reception (issue 6 item 2): the intake of a request at a desk (with an existing
 * or a new person, through the duplicate gate), the queues of delegations and institutions,
 * assignment, opening a case file, closing. Issue 7's public requests land in the same queues.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf } from '../../../platform/contract/common.ts';
import { PersonSummary } from './common.ts';
import { ServiceType as ServiceNeed, TargetGroup as TargetGroupNeed } from '../../registry/contract/enums.ts';
import { CaseStage, Channel, ReceptionPoint, RequestStatus, RequesterRelation, Urgency } from './enums.ts';
import { CreatePersonBody, Phone } from './persons.ts';

const v = (key: string) => `beneficiaries.reception.validation.${key}`;

/** What the desk writes about the request (channel, who came, needs, urgency, listening). */
export const RequestFields = z.strictObject({
  channel: Channel.exclude(['public_request']).default('walk_in'),
  receptionPoint: ReceptionPoint.exclude(['public_site']).default('delegation_desk'),
  requesterRelation: RequesterRelation.default('self'),
  requesterName: optionalText(160).optional(),
  requesterPhone: Phone.optional(),
  needs: z.array(TargetGroupNeed).max(10).default([]),
  services: z.array(ServiceNeed).max(15).default([]),
  summary: optionalText(1000).optional(),
  urgency: Urgency.default('normal'),
  listeningNotes: optionalText(10000).optional(),
  communeId: Uuid.nullable().optional(),
  consentGiven: z.boolean().default(false),
  /** An institution's own desk (the institution queue); else the delegation's queue. */
  institutionId: Uuid.nullable().optional(),
});
export type RequestFields = z.infer<typeof RequestFields>;

/** One intake: an existing person OR a new one (through the duplicate gate), plus the request. */
export const IntakeBody = z
  .strictObject({
    personId: Uuid.nullable().optional(),
    person: CreatePersonBody.nullable().optional(),
    request: RequestFields,
  })
  .refine((b) => !(b.personId && b.person), { path: ['personId'], message: v('person_or_new') });
export type IntakeBody = z.infer<typeof IntakeBody>;

export const IntakeResult = z.object({ requestId: Uuid, number: z.string(), personId: Uuid.nullable() });
export type IntakeResult = z.infer<typeof IntakeResult>;

export const queues = ['delegation', 'institution'] as const;
export const RequestListQuery = z
  .strictObject({
    queue: z.enum(queues).optional(),
    status: RequestStatus.optional(),
    /** Only open requests (review, new, assigned, in progress): the default of the queue page. */
    open: z.enum(['true', 'false']).transform((x) => x === 'true').optional(),
    assignedTo: z.union([z.literal('me'), Uuid]).optional(),
    urgency: Urgency.optional(),
    institution: Uuid.optional(),
    person: Uuid.optional(),
  })
  .extend(PageQuery.shape);
export type RequestListQuery = z.infer<typeof RequestListQuery>;

const UserRef = z.object({ id: Uuid, fullNameAr: z.string(), fullNameFr: z.string() });

export const RequestListItem = z.object({
  id: Uuid,
  number: z.string(),
  status: RequestStatus,
  urgency: Urgency,
  channel: Channel,
  receptionPoint: ReceptionPoint,
  receivedAt: z.string(),
  requesterName: z.string().nullable(),
  needs: z.array(TargetGroupNeed),
  summary: z.string().nullable(),
  person: PersonSummary.nullable(),
  assignee: UserRef.nullable(),
  caseId: Uuid.nullable(),
  institutionId: Uuid.nullable(),
  institutionNameAr: z.string().nullable(),
  institutionNameFr: z.string().nullable(),
  delegationId: Uuid,
});
export type RequestListItem = z.infer<typeof RequestListItem>;
export const RequestPage = pageOf(RequestListItem);

export const ReceptionRequest = RequestListItem.extend({
  requesterRelation: RequesterRelation,
  requesterPhone: z.string().nullable(),
  services: z.array(ServiceNeed),
  listeningNotes: z.string().nullable(),
  communeId: Uuid.nullable(),
  consentGiven: z.boolean(),
  closedReason: z.string().nullable(),
  caseNumber: z.string().nullable(),
  caseStage: CaseStage.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReceptionRequest = z.infer<typeof ReceptionRequest>;

export const UpdateRequestBody = z
  .strictObject({
    personId: Uuid.nullable(),
    requesterRelation: RequesterRelation,
    requesterName: optionalText(160),
    requesterPhone: Phone,
    needs: z.array(TargetGroupNeed).max(10),
    services: z.array(ServiceNeed).max(15),
    summary: optionalText(1000),
    urgency: Urgency,
    listeningNotes: optionalText(10000),
    communeId: Uuid.nullable(),
    consentGiven: z.boolean(),
    /** A handler takes it up ('in_progress'), or a review lets a public request into the queue ('new'). */
    status: z.enum(['new', 'in_progress']),
  })
  .partial();
export type UpdateRequestBody = z.infer<typeof UpdateRequestBody>;

export const AssignBody = z.strictObject({ userId: Uuid });
export const CloseBody = z.strictObject({ reason: z.string().trim().min(1, v('closed_reason')).max(500), rejected: z.boolean().default(false) });
export const OpenCaseBody = z.strictObject({ targetGroup: TargetGroupNeed.nullable().optional() }).default({});
export const OpenCaseResult = z.object({ caseId: Uuid, number: z.string() });

export const AssignableUser = UserRef.extend({ role: z.string() });
export const AssignableUsers = z.array(AssignableUser);

/** Who may ask on the public site: every relation but 'authority', which only a desk records. */
export const publicRequesterRelations = ['self', 'family', 'neighbour', 'association', 'other'] as const satisfies readonly (typeof RequesterRelation.options)[number][];
export const PublicRequesterRelation = z.enum(publicRequesterRelations);

/** Issue 7: what the public site sends (through submitPublicRequest). */
export const PublicRequestInput = z.strictObject({
  requesterRelation: PublicRequesterRelation.default('self'),
  requesterName: z.string().trim().min(1).max(160),
  requesterPhone: Phone.refine((x) => x !== null, v('phone_required')),
  communeId: Uuid,
  needs: z.array(TargetGroupNeed).max(10).default([]),
  services: z.array(ServiceNeed).max(15).default([]),
  summary: z.string().trim().min(1).max(1000),
  consentGiven: z.literal(true, v('consent')),
  /** The site's own verdict (honeypot, timing, rate): such requests wait in 'review'. */
  flaggedAutomated: z.boolean().default(false),
});
export type PublicRequestInput = z.input<typeof PublicRequestInput>;
