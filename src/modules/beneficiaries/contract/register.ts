/**
 * The institution's legal beneficiary register (law 65-15 art. 28; decree 2.19.693 art. 11),
 * admissions, exits and transfers, and occupancy: the schemas the routes and the screens share.
 */
import { z } from 'zod';
import { optionalText, pageOf, text, Uuid } from '../../../platform/contract/common.ts';
import { CentreType, LegalCategory, SexServed } from '../../registry/contract/enums.ts';
import { BirthDatePrecision, ExitReason, FamilyStatus, HealthStatus, Relation, Sex, SocialSituation } from './enums.ts';

const isoDate = z.iso.date();
/** "2026-2027": the second year follows the first. */
export const SchoolYear = z
  .string()
  .regex(/^[0-9]{4}-[0-9]{4}$/, 'beneficiaries.register.validation.school_year_form')
  .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, 'beneficiaries.register.validation.school_year_form');

export const registerStatuses = ['all', 'open', 'exited'] as const;
export const RegisterStatus = z.enum(registerStatuses);

export const RegisterQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2200).optional(),
  status: RegisterStatus.default('all'),
  q: z.string().trim().max(80).optional(),
  after: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RegisterQuery = z.infer<typeof RegisterQuery>;

/** Father, mother or legal representative as the register records them. */
export const RegisterRelative = z.object({
  relation: Relation,
  isLegalRepresentative: z.boolean(),
  fullNameAr: z.string().nullable(),
  fullNameLat: z.string().nullable(),
  cnie: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  profession: z.string().nullable(),
  socialSituation: SocialSituation.nullable(),
});
export type RegisterRelative = z.infer<typeof RegisterRelative>;

export const RegisterEntry = z.object({
  id: Uuid,
  registrationNumber: z.string(),
  registrationYear: z.number().int(),
  admissionDate: isoDate,
  exitDate: isoDate.nullable(),
  exitReason: ExitReason.nullable(),
  exitDestination: z.string().nullable(),
  schoolYear: z.string().nullable(),
  schoolName: z.string().nullable(),
  schoolLevel: z.string().nullable(),
  overCapacityJustification: z.string().nullable(),
  transferredFrom: Uuid.nullable(),
  caseId: Uuid.nullable(),
  person: z.object({
    id: Uuid,
    firstNameAr: z.string().nullable(),
    lastNameAr: z.string().nullable(),
    firstNameLat: z.string().nullable(),
    lastNameLat: z.string().nullable(),
    sex: Sex,
    birthDate: isoDate.nullable(),
    birthDatePrecision: BirthDatePrecision,
    birthPlace: z.string().nullable(),
    cnie: z.string().nullable(),
    familyStatus: FamilyStatus.nullable(),
  }),
  family: z.array(RegisterRelative),
  /** Latest health status; null when none is recorded or the caller's role may not see it. */
  healthStatus: HealthStatus.nullable(),
});
export type RegisterEntry = z.infer<typeof RegisterEntry>;

export const RegisterPage = pageOf(RegisterEntry).extend({
  /** Whether the caller's role reads health status (beneficiaries.sensitive). */
  healthVisible: z.boolean(),
});
export type RegisterPage = z.infer<typeof RegisterPage>;

export const RegisterPdfQuery = z.strictObject({
  lang: z.enum(['ar', 'fr']).default('ar'),
  year: z.coerce.number().int().min(2000).max(2200).optional(),
});

export const AdmissionBody = z.strictObject({
  personId: Uuid,
  caseId: Uuid.nullable().optional(),
  referralId: Uuid.nullable().optional(),
  admissionDate: isoDate,
  schoolYear: z.preprocess((v) => (v === '' ? null : v), SchoolYear.nullable()).optional(),
  schoolName: optionalText(200).optional(),
  schoolLevel: optionalText(80).optional(),
  overCapacityJustification: optionalText(1000).optional(),
});
export type AdmissionBody = z.infer<typeof AdmissionBody>;

export const AdmissionPatch = z.strictObject({
  admissionDate: isoDate.optional(),
  schoolYear: z.preprocess((v) => (v === '' ? null : v), SchoolYear.nullable()).optional(),
  schoolName: optionalText(200).optional(),
  schoolLevel: optionalText(80).optional(),
  overCapacityJustification: optionalText(1000).optional(),
  exitDestination: optionalText(300).optional(),
});
export type AdmissionPatch = z.infer<typeof AdmissionPatch>;

export const ExitBody = z.strictObject({
  exitDate: isoDate,
  exitReason: ExitReason,
  exitDestination: optionalText(300).optional(),
});
export type ExitBody = z.infer<typeof ExitBody>;

export const transferConsentGivers = ['legal_representative', 'ministry'] as const;
export const TransferConsentGiver = z.enum(transferConsentGivers);

export const TransferBody = z
  .strictObject({
    toInstitutionId: Uuid,
    date: isoDate,
    reason: text(1000),
    consentBy: TransferConsentGiver.nullable().default(null),
    consentName: optionalText(160).optional(),
    consentDate: isoDate.nullable().optional(),
    overCapacityJustification: optionalText(1000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.consentBy && !b.consentName) ctx.addIssue({ code: 'custom', path: ['consentName'], message: 'beneficiaries.register.validation.consent_name' });
    if (b.consentBy && !b.consentDate) ctx.addIssue({ code: 'custom', path: ['consentDate'], message: 'beneficiaries.register.validation.consent_date' });
    if (!b.consentBy && (b.consentName || b.consentDate)) ctx.addIssue({ code: 'custom', path: ['consentBy'], message: 'beneficiaries.register.validation.consent_by' });
  });
export type TransferBody = z.infer<typeof TransferBody>;

export const Admission = z.object({
  id: Uuid,
  institutionId: Uuid,
  personId: Uuid,
  caseId: Uuid.nullable(),
  referralId: Uuid.nullable(),
  registrationNumber: z.string(),
  admissionDate: isoDate,
  exitDate: isoDate.nullable(),
  exitReason: ExitReason.nullable(),
  exitDestination: z.string().nullable(),
  schoolYear: z.string().nullable(),
  schoolName: z.string().nullable(),
  schoolLevel: z.string().nullable(),
  overCapacityJustification: z.string().nullable(),
  transferredFrom: Uuid.nullable(),
});
export type Admission = z.infer<typeof Admission>;

/** The receiving admission belongs to the other institution's register: only its id comes back. */
export const TransferResult = z.object({ id: Uuid, consentRequired: z.boolean(), fromAdmission: Admission, toAdmissionId: Uuid });
export type TransferResult = z.infer<typeof TransferResult>;

export const SchoolYearOccupancy = z.object({
  schoolYear: z.string(),
  admittedMale: z.number().int(),
  admittedFemale: z.number().int(),
  presentMale: z.number().int(),
  presentFemale: z.number().int(),
});

/** Counts only: any signed-in role that refers persons may read them for any institution. */
export const Occupancy = z.object({
  institutionId: Uuid,
  capacityMale: z.number().int(),
  capacityFemale: z.number().int(),
  occupiedMale: z.number().int(),
  occupiedFemale: z.number().int(),
  /** Free places by sex (never below zero; an admission over capacity was justified). */
  freeMale: z.number().int(),
  freeFemale: z.number().int(),
  /** Accepted referrals not yet admitted. */
  waiting: z.number().int(),
});
export type Occupancy = z.infer<typeof Occupancy>;

export const InstitutionOccupancy = Occupancy.extend({ schoolYears: z.array(SchoolYearOccupancy) });
export type InstitutionOccupancy = z.infer<typeof InstitutionOccupancy>;

export const OccupancyBoardQuery = z.strictObject({
  regionId: Uuid.optional(),
  delegationId: Uuid.optional(),
  legalCategory: LegalCategory.optional(),
  centreType: CentreType.optional(),
  after: z.string().max(1200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OccupancyBoardQuery = z.infer<typeof OccupancyBoardQuery>;

export const OccupancyBoardRow = Occupancy.extend({
  nameAr: z.string(),
  nameFr: z.string(),
  legalCategory: LegalCategory.nullable(),
  centreType: CentreType.nullable(),
  sexServed: SexServed,
  delegationNameAr: z.string().nullable(),
  delegationNameFr: z.string().nullable(),
});
export type OccupancyBoardRow = z.infer<typeof OccupancyBoardRow>;
export const OccupancyBoardPage = pageOf(OccupancyBoardRow);
export type OccupancyBoardPage = z.infer<typeof OccupancyBoardPage>;

export const WaitingListQuery = z.strictObject({
  after: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const WaitingEntry = z.object({
  referralId: Uuid,
  caseId: Uuid,
  caseNumber: z.string().nullable(),
  service: z.string(),
  proposedOn: isoDate,
  decidedOn: isoDate.nullable(),
  person: z.object({
    id: Uuid,
    firstNameAr: z.string().nullable(),
    lastNameAr: z.string().nullable(),
    firstNameLat: z.string().nullable(),
    lastNameLat: z.string().nullable(),
    sex: Sex,
    birthDate: isoDate.nullable(),
  }),
});
export type WaitingEntry = z.infer<typeof WaitingEntry>;
export const WaitingPage = pageOf(WaitingEntry);
export type WaitingPage = z.infer<typeof WaitingPage>;
