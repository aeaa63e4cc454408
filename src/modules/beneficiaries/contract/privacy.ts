/**
 * Data protection of beneficiaries (law 09-08; issue 6 item 6): the legal basis of the processing
 * for each person, the sensitive data (health, disability, violence and court orders), the
 * person's access log, the export of everything held on a person, and the retention review.
 * Vocabularies mirror migrations 0080 and 0100.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../../../platform/contract/common.ts';
import { DisabilityDegree, DisabilityKind, HealthStatus, PerpetratorRelation, ProtectionKind } from './enums.ts';

const isoDate = z.iso.date();
const optionalDate = z.preprocess((v) => (v === '' ? null : v), isoDate.nullable());

/** Art. 4: consent, or one of the exceptions that make processing lawful without it. */
export const legalBases = ['consent', 'legal_obligation', 'vital_interest', 'public_interest', 'contract'] as const;
export const LegalBasis = z.enum(legalBases);
export type LegalBasis = z.infer<typeof LegalBasis>;

export const consentPurposes = ['social_care', 'legal_register', 'sensitive_data', 'third_party_sharing', 'statistics', 'other'] as const;
export const ConsentPurpose = z.enum(consentPurposes);

/** Who consented: the person, the legal representative (minor, adult under guardianship), the ministry. */
export const consentGivers = ['self', 'legal_representative', 'ministry'] as const;
export const ConsentGiver = z.enum(consentGivers);

export const Consent = z.object({
  id: Uuid,
  personId: Uuid,
  basis: LegalBasis,
  purpose: ConsentPurpose,
  purposeDetails: z.string().nullable(),
  givenBy: ConsentGiver.nullable(),
  givenByName: z.string().nullable(),
  givenOn: isoDate,
  withdrawnOn: isoDate.nullable(),
  withdrawalReason: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Consent = z.infer<typeof Consent>;
export const ConsentList = z.object({ items: z.array(Consent) });

export const ConsentBody = z
  .strictObject({
    basis: LegalBasis,
    purpose: ConsentPurpose,
    purposeDetails: optionalText(500).optional(),
    givenBy: ConsentGiver.nullable().optional(),
    givenByName: optionalText(160).optional(),
    givenOn: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.basis === 'consent' && !v.givenBy) ctx.addIssue({ code: 'custom', path: ['givenBy'], message: 'beneficiaries.privacy.validation.giver_required' });
    if (v.basis !== 'consent' && v.givenBy) ctx.addIssue({ code: 'custom', path: ['givenBy'], message: 'beneficiaries.privacy.validation.giver_only_for_consent' });
    if (v.givenBy === 'legal_representative' && !v.givenByName) ctx.addIssue({ code: 'custom', path: ['givenByName'], message: 'beneficiaries.privacy.validation.representative_named' });
    if (v.purpose === 'other' && !v.purposeDetails) ctx.addIssue({ code: 'custom', path: ['purposeDetails'], message: 'beneficiaries.privacy.validation.purpose_described' });
  });
export type ConsentBody = z.infer<typeof ConsentBody>;

export const WithdrawConsentBody = z.strictObject({ withdrawnOn: isoDate, reason: text(500) });
export type WithdrawConsentBody = z.infer<typeof WithdrawConsentBody>;

/** Sensitive data: the register's health status (decree 2.19.693 art. 11). */
export const HealthRecord = z.object({
  id: Uuid,
  personId: Uuid,
  admissionId: Uuid.nullable(),
  status: HealthStatus,
  details: z.string().nullable(),
  recordedOn: isoDate,
  updatedAt: z.string(),
});
export type HealthRecord = z.infer<typeof HealthRecord>;
export const HealthBody = z.strictObject({
  admissionId: Uuid.nullable().optional(),
  status: HealthStatus,
  details: optionalText(4000).optional(),
  recordedOn: isoDate.optional(),
});
export const HealthPatch = HealthBody.partial();

export const Disability = z.object({
  id: Uuid,
  personId: Uuid,
  kind: DisabilityKind,
  degree: DisabilityDegree.nullable(),
  cardNumber: z.string().nullable(),
  since: isoDate.nullable(),
  details: z.string().nullable(),
  updatedAt: z.string(),
});
export type Disability = z.infer<typeof Disability>;
export const DisabilityBody = z.strictObject({
  kind: DisabilityKind,
  degree: DisabilityDegree.nullable().optional(),
  cardNumber: optionalText(40).optional(),
  since: optionalDate.optional(),
  details: optionalText(4000).optional(),
});
export const DisabilityPatch = DisabilityBody.partial();

/** Violence suffered and court orders (placement, protection). */
export const ProtectionRecord = z.object({
  id: Uuid,
  personId: Uuid,
  caseId: Uuid.nullable(),
  kind: ProtectionKind,
  occurredOn: isoDate.nullable(),
  perpetratorRelation: PerpetratorRelation.nullable(),
  complaintFiled: z.boolean().nullable(),
  courtReference: z.string().nullable(),
  details: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProtectionRecord = z.infer<typeof ProtectionRecord>;
export const ProtectionBody = z.strictObject({
  caseId: Uuid.nullable().optional(),
  kind: ProtectionKind,
  occurredOn: optionalDate.optional(),
  perpetratorRelation: PerpetratorRelation.nullable().optional(),
  complaintFiled: z.boolean().nullable().optional(),
  courtReference: optionalText(120).optional(),
  details: optionalText(4000).optional(),
});
export const ProtectionPatch = ProtectionBody.partial();

export const sensitiveKinds = ['health', 'disabilities', 'protection'] as const;
export type SensitiveKind = (typeof sensitiveKinds)[number];

/** One read of a person's data (law 09-08 art. 24: a posteriori traceability). */
export const accessActions = ['case_file', 'person', 'register', 'sensitive', 'export'] as const;
export const AccessAction = z.enum(accessActions);
export const AccessLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: AccessAction,
  caseId: Uuid.nullable(),
  caseNumber: z.string().nullable(),
  user: z.object({ id: Uuid, username: z.string(), nameAr: z.string(), nameFr: z.string() }).nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;
export const AccessLogQuery = PageQuery.extend({ action: AccessAction.optional() });
export const AccessLogPage = pageOf(AccessLogEntry);

export const ExportQuery = z.strictObject({ lang: z.enum(['ar', 'fr']).default('ar') });

/** Retention: one rule per record type, counted from the end of the file. */
export const retentionRecordTypes = ['case_file', 'admission', 'request'] as const;
export const RetentionRecordType = z.enum(retentionRecordTypes);
export type RetentionRecordType = z.infer<typeof RetentionRecordType>;
export const RetentionRule = z.object({
  recordType: RetentionRecordType,
  startsFrom: z.enum(['case_closed', 'exit', 'request_closed']),
  years: z.number().int(),
  basisAr: z.string(),
  basisFr: z.string(),
});
export const RetentionRuleList = z.object({ items: z.array(RetentionRule) });

export const RetentionDueQuery = PageQuery.extend({ recordType: RetentionRecordType.optional() });
export type RetentionDueQuery = z.infer<typeof RetentionDueQuery>;
export const RetentionDueItem = z.object({
  recordType: RetentionRecordType,
  recordId: Uuid,
  /** Case number, registration number or request number. */
  reference: z.string(),
  personId: Uuid.nullable(),
  personNameAr: z.string().nullable(),
  personNameLat: z.string().nullable(),
  endedOn: isoDate,
  dueOn: isoDate,
  /** The last "keep" decision that has now lapsed, if any. */
  keptUntil: isoDate.nullable(),
});
export type RetentionDueItem = z.infer<typeof RetentionDueItem>;
export const RetentionDuePage = pageOf(RetentionDueItem);

export const retentionDecisions = ['keep', 'eliminate'] as const;
export const RetentionReviewBody = z
  .strictObject({
    recordType: RetentionRecordType,
    recordId: Uuid,
    decision: z.enum(retentionDecisions),
    keepUntil: optionalDate.optional(),
    reason: text(1000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'keep' && !v.keepUntil) ctx.addIssue({ code: 'custom', path: ['keepUntil'], message: 'beneficiaries.privacy.validation.keep_until_required' });
    if (v.decision === 'eliminate' && v.keepUntil) ctx.addIssue({ code: 'custom', path: ['keepUntil'], message: 'beneficiaries.privacy.validation.keep_until_only_for_keep' });
  });
export type RetentionReviewBody = z.infer<typeof RetentionReviewBody>;
export const RetentionReview = z.object({
  id: Uuid,
  recordType: RetentionRecordType,
  recordId: Uuid,
  decision: z.enum(retentionDecisions),
  keepUntil: isoDate.nullable(),
  reason: z.string(),
  reviewedAt: z.string(),
});
