/**
 * National duplicate detection (issue 6 item 3): what `POST /api/persons/match` takes and returns,
 * and the 409 answer of a person creation that has likely duplicates (`code: 'possible_duplicates'`).
 */
import { z } from 'zod';
import { Uuid } from '../../../platform/contract/common.ts';
import { PersonSummary } from './common.ts';
import { Sex } from './enums.ts';

const name = z.string().trim().max(80).nullish();

export const MatchInput = z.strictObject({
  firstNameAr: name,
  lastNameAr: name,
  firstNameLat: name,
  lastNameLat: name,
  sex: Sex.nullish(),
  birthDate: z.iso.date().nullish(),
  birthPlace: z.string().trim().max(120).nullish(),
  cnie: z.string().trim().max(12).nullish(),
  idcs: z.string().trim().max(12).nullish(),
  phone: z.string().trim().max(20).nullish(),
  fatherName: z.string().trim().max(160).nullish(),
  motherName: z.string().trim().max(160).nullish(),
  /** A person's own record is not its duplicate ("on demand" checks of an existing person). */
  excludePersonId: Uuid.nullish(),
});
export type MatchInput = z.infer<typeof MatchInput>;

export const matchReasons = ['cnie', 'idcs', 'phone', 'name_ar', 'name_lat', 'name_cross_script', 'birth_date', 'birth_year', 'birth_place', 'parents', 'sex_differs'] as const;
export const MatchReason = z.enum(matchReasons);

/**
 * One candidate. Inside the caller's scope it carries the person; outside it carries no personal
 * data: only its id (to ask for access or transfer), its score and which delegation holds it.
 */
export const MatchCandidate = z.object({
  personId: Uuid,
  score: z.number().min(0).max(1),
  reasons: z.array(MatchReason),
  inScope: z.boolean(),
  person: PersonSummary.nullable(),
  holder: z.object({ delegationId: Uuid, nameAr: z.string(), nameFr: z.string() }),
});
export type MatchCandidate = z.infer<typeof MatchCandidate>;

export const MatchResult = z.object({ threshold: z.number(), candidates: z.array(MatchCandidate) });
export type MatchResult = z.infer<typeof MatchResult>;

const reason = z.string().trim().min(3, 'beneficiaries.matching.validation.reason_required').max(1000);
const note = z.string().trim().max(1000).nullish();
const cursor = z.string().max(200).optional();
const limit = z.coerce.number().int().min(1).max(100).default(50);

/** A merge proposal: keep one record, fold the other into it (reviewed by another merge holder). */
export const MergeBody = z.strictObject({ keptId: Uuid, mergedId: Uuid, reason });
export type MergeBody = z.infer<typeof MergeBody>;
export const MergeStatus = z.enum(['proposed', 'approved', 'rejected', 'reverted']);
export const ReviewBody = z.strictObject({ note });

/** What a merge moves to the kept person, per kind of row (the tables of review_merge, 0083 and 0143). */
export const MergeMovedKind = z.enum(['cases', 'requests', 'referrals', 'admissions', 'relatives', 'follow_ups', 'transfers', 'consents',
  'retention_reviews', 'health_records', 'disabilities', 'protection_records']);
export type MergeMovedKind = z.infer<typeof MergeMovedKind>;
/** Health, disability and violence rows: counted only for the roles that may read them. */
export const sensitiveMergeKinds: readonly MergeMovedKind[] = ['health_records', 'disabilities', 'protection_records'];
/** The kept person's fields a merge may fill when empty, named as in the person form. */
export const MergeFilledField = z.enum(['firstNameAr', 'lastNameAr', 'firstNameLat', 'lastNameLat', 'birthDate', 'birthPlace', 'cnie', 'idcs',
  'phone', 'address', 'commune', 'familyStatus', 'schoolingLevel', 'household']);
export type MergeFilledField = z.infer<typeof MergeFilledField>;

export const Merge = z.object({
  id: Uuid,
  status: MergeStatus,
  reason: z.string(),
  reviewNote: z.string().nullable(),
  kept: PersonSummary.nullable(),
  merged: PersonSummary.nullable(),
  keptId: Uuid,
  mergedId: Uuid,
  /** How many rows moved at approval, per kind (sensitive kinds only for the roles that read them). */
  moved: z.partialRecord(MergeMovedKind, z.number()).nullable(),
  /** The kept person's fields filled from the merged one at approval (put back by a revert). */
  filled: z.array(MergeFilledField).nullable(),
  proposedBy: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  /** The current user proposed it, so may not review it. */
  mine: z.boolean(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type Merge = z.infer<typeof Merge>;
export const MergeListQuery = z.strictObject({ status: MergeStatus.optional(), after: cursor, limit });
export const MergePage = z.object({ items: z.array(Merge), nextCursor: z.string().nullable() });

/** Access to, or transfer of, a person held by another delegation. */
export const AccessRequestKind = z.enum(['access', 'transfer']);
export const AccessRequestStatus = z.enum(['pending', 'granted', 'refused']);
export const AccessRequestBody = z.strictObject({ kind: AccessRequestKind, reason });
export const AccessRequest = z.object({
  id: Uuid,
  personId: Uuid,
  kind: AccessRequestKind,
  status: AccessRequestStatus,
  reason: z.string(),
  decisionNote: z.string().nullable(),
  /** The person when the caller may see it (always for the holder; for the asker once granted). */
  person: PersonSummary.nullable(),
  requester: z.object({ delegationId: Uuid, nameAr: z.string(), nameFr: z.string() }),
  holder: z.object({ delegationId: Uuid, nameAr: z.string(), nameFr: z.string() }),
  requestedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** The caller's scope holds the person: it may decide. */
  incoming: z.boolean(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AccessRequest = z.infer<typeof AccessRequest>;
export const AccessRequestListQuery = z.strictObject({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: AccessRequestStatus.optional(),
  after: cursor,
  limit,
});
export type AccessRequestListQuery = z.infer<typeof AccessRequestListQuery>;
export const AccessRequestPage = z.object({ items: z.array(AccessRequest), nextCursor: z.string().nullable() });
export const DecisionBody = z.strictObject({ note });
