/**
 * API contract of persons (issue 6 item 1): the national person record, its family and legal
 * guardian, households, and the search in either script. The database (0080, 0085) checks the same.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../../../platform/contract/common.ts';
import { PersonSummary } from './common.ts';
import { BirthDatePrecision, FamilyStatus, Relation, SchoolingLevel, Sex, SocialSituation } from './enums.ts';

const v = (key: string) => `beneficiaries.persons.validation.${key}`;

/** Empty form fields are absent. */
const blank = (x: unknown) => (typeof x === 'string' && x.trim() === '' ? null : x);
const optionalName = (max: number) => optionalText(max).optional();
export const Cnie = z.preprocess(
  (x) => (typeof x === 'string' ? (x.replace(/\s/g, '').toUpperCase() || null) : x),
  z.string().regex(/^[A-Z]{1,2}[0-9]{1,7}$/, v('cnie')).nullable(),
);
export const Idcs = z.preprocess(blank, z.string().trim().regex(/^[0-9]{10}$/, v('idcs')).nullable());
/** E.164; a Moroccan number typed locally (06…, 07…, 05…) is accepted and written +212…. */
export const Phone = z.preprocess(
  (x) => {
    if (typeof x !== 'string') return x;
    const digits = x.replace(/[\s.-]/g, '');
    if (digits === '') return null;
    if (/^0[5-7][0-9]{8}$/.test(digits)) return `+212${digits.slice(1)}`;
    if (/^00[1-9]/.test(digits)) return `+${digits.slice(2)}`;
    return digits;
  },
  z.string().regex(/^\+[1-9][0-9]{7,14}$/, v('phone')).nullable(),
);
const optionalDate = z.preprocess(blank, z.iso.date().nullable());

const personFields = {
  firstNameAr: optionalName(80),
  lastNameAr: optionalName(80),
  firstNameLat: optionalName(80),
  lastNameLat: optionalName(80),
  sex: Sex,
  birthDate: optionalDate.optional(),
  birthDatePrecision: BirthDatePrecision.default('exact'),
  birthPlace: optionalName(120),
  cnie: Cnie.optional(),
  idcs: Idcs.optional(),
  phone: Phone.optional(),
  address: optionalName(300),
  communeId: Uuid.nullable().optional(),
  familyStatus: FamilyStatus.nullable().optional(),
  schoolingLevel: SchoolingLevel.nullable().optional(),
  householdId: Uuid.nullable().optional(),
};

const named = (p: { firstNameAr?: string | null; lastNameAr?: string | null; firstNameLat?: string | null; lastNameLat?: string | null }) =>
  Boolean(p.firstNameAr || p.lastNameAr || p.firstNameLat || p.lastNameLat);
/** A birth known by its year only is written as 1 January of that year (0080). */
const yearForm = (p: { birthDate?: string | null; birthDatePrecision?: string }) =>
  p.birthDatePrecision !== 'year' || (p.birthDate != null && p.birthDate.slice(5) === '01-01');

export const PersonBody = z
  .strictObject({
    ...personFields,
    /** Holder for users above a delegation (region, nation); others hold in their own scope. */
    delegationId: Uuid.nullable().optional(),
  })
  .refine(named, { path: ['firstNameAr'], message: v('name_required') })
  .refine(yearForm, { path: ['birthDate'], message: v('birth_year_form') });
export type PersonBody = z.infer<typeof PersonBody>;

export const CreatePersonBody = z
  .strictObject({
    ...personFields,
    delegationId: Uuid.nullable().optional(),
    /** The user saw the likely duplicates (409 possible_duplicates) and creates anyway. */
    acknowledgeDuplicates: z.boolean().default(false),
  })
  .refine(named, { path: ['firstNameAr'], message: v('name_required') })
  .refine(yearForm, { path: ['birthDate'], message: v('birth_year_form') });
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

export const UpdatePersonBody = z
  .strictObject({ ...personFields, sex: Sex.optional(), birthDatePrecision: BirthDatePrecision.optional() })
  .partial();
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

export const PersonFilters = z.strictObject({
  /** Names in Arabic or Latin letters (each word a part of a name), or a CNIE, IDCS or phone. */
  q: z.string().trim().max(100).optional(),
  sex: Sex.optional(),
  birthYear: z.coerce.number().int().min(1900).max(2200).optional(),
  commune: Uuid.optional(),
  household: Uuid.optional(),
  institution: Uuid.optional(),
  delegation: Uuid.optional(),
});
export type PersonFilters = z.infer<typeof PersonFilters>;

export const PersonListQuery = PersonFilters.extend(PageQuery.shape);
export type PersonListQuery = z.infer<typeof PersonListQuery>;

export const PersonListItem = PersonSummary.extend({
  phone: z.string().nullable(),
  idcs: z.string().nullable(),
  institutionId: Uuid.nullable(),
  delegationNameAr: z.string(),
  delegationNameFr: z.string(),
});
export type PersonListItem = z.infer<typeof PersonListItem>;
export const PersonPage = pageOf(PersonListItem);
export type PersonPage = z.infer<typeof PersonPage>;

export const RelativeBody = z
  .strictObject({
    relation: Relation,
    isLegalRepresentative: z.boolean().default(false),
    fullNameAr: optionalName(160),
    fullNameLat: optionalName(160),
    cnie: Cnie.optional(),
    phone: Phone.optional(),
    address: optionalName(300),
    profession: optionalName(120),
    socialSituation: SocialSituation.nullable().optional(),
    alive: z.boolean().default(true),
  })
  .refine((r) => Boolean(r.fullNameAr || r.fullNameLat), { path: ['fullNameAr'], message: v('relative_name_required') });
export type RelativeBody = z.infer<typeof RelativeBody>;

export const Relative = z.object({
  id: Uuid,
  personId: Uuid,
  relation: Relation,
  isLegalRepresentative: z.boolean(),
  fullNameAr: z.string().nullable(),
  fullNameLat: z.string().nullable(),
  cnie: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  profession: z.string().nullable(),
  socialSituation: SocialSituation.nullable(),
  alive: z.boolean(),
});
export type Relative = z.infer<typeof Relative>;

export const HouseholdBody = z.strictObject({
  label: text(160),
  address: optionalName(300),
  communeId: Uuid.nullable().optional(),
  rsuRegistered: z.boolean().default(false),
});
export type HouseholdBody = z.infer<typeof HouseholdBody>;

export const Household = z.object({
  id: Uuid,
  label: z.string(),
  address: z.string().nullable(),
  communeId: Uuid.nullable(),
  rsuRegistered: z.boolean(),
  delegationId: Uuid,
  members: z.array(PersonSummary),
});
export type Household = z.infer<typeof Household>;

export const HouseholdListQuery = z.strictObject({ q: z.string().trim().max(100).optional() }).extend(PageQuery.shape);
export const HouseholdListItem = Household.omit({ members: true }).extend({ memberCount: z.number().int() });
export const HouseholdPage = pageOf(HouseholdListItem);

/** The whole record: identity, family, household; other parts add their sections on the page. */
export const Person = PersonSummary.extend({
  birthPlace: z.string().nullable(),
  idcs: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  communeId: Uuid.nullable(),
  communeNameAr: z.string().nullable(),
  communeNameFr: z.string().nullable(),
  familyStatus: FamilyStatus.nullable(),
  schoolingLevel: SchoolingLevel.nullable(),
  householdId: Uuid.nullable(),
  household: z.object({ id: Uuid, label: z.string() }).nullable(),
  mergedInto: Uuid.nullable(),
  institutionId: Uuid.nullable(),
  institutionNameAr: z.string().nullable(),
  institutionNameFr: z.string().nullable(),
  delegationNameAr: z.string(),
  delegationNameFr: z.string(),
  relatives: z.array(Relative),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof Person>;
