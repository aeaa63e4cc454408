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
