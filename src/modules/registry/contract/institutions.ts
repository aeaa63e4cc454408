/**
 * API contract of the institutions (law 65-15 social protection establishments and Entraide
 * Nationale centres): the list with its filters and keyset paging, the full record, its writes and
 * its sub-resources (rooms, services, committee). The database (0051, 0065) checks the same rules.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../../../platform/contract/common.ts';
import {
  Area,
  CareMode,
  CentreType,
  CommitteeSeat,
  FeeMode,
  InstitutionStatus,
  LegalCategory,
  RoomKind,
  ServiceExtent,
  ServicePermanence,
  ServiceType,
  SexServed,
  TargetGroup,
  payingCategories,
} from './enums.ts';
import { moroccoBounds } from './values.ts';

/** `updated`: the most recently changed first. */
export const institutionSorts = ['name', '-name', 'capacity', '-capacity', 'updated'] as const;
export const InstitutionSort = z.enum(institutionSorts);
export type InstitutionSort = z.infer<typeof InstitutionSort>;

/** Filters shared by the list, its Excel export (and the map, which reuses them). */
export const InstitutionFilters = z.strictObject({
  /** Name search in Arabic or Latin letters (folded like the names: accents, hamza forms, case). */
  q: z.string().trim().max(100).optional(),
  region: Uuid.optional(),
  province: Uuid.optional(),
  delegation: Uuid.optional(),
  association: Uuid.optional(),
  commune: Uuid.optional(),
  category: LegalCategory.optional(),
  centreType: CentreType.optional(),
  status: InstitutionStatus.optional(),
  area: Area.optional(),
  mode: CareMode.optional(),
  sexServed: SexServed.optional(),
  service: ServiceType.optional(),
  capacityMin: z.coerce.number().int().min(0).max(10000).optional(),
  capacityMax: z.coerce.number().int().min(0).max(10000).optional(),
  sort: InstitutionSort.default('name'),
});
export type InstitutionFilters = z.infer<typeof InstitutionFilters>;

export const InstitutionListQuery = InstitutionFilters.extend(PageQuery.shape);
export type InstitutionListQuery = z.infer<typeof InstitutionListQuery>;

export const InstitutionExportQuery = InstitutionFilters.extend({ lang: z.enum(['ar', 'fr']).optional() });
export type InstitutionExportQuery = z.infer<typeof InstitutionExportQuery>;

const Named = { nameAr: z.string(), nameFr: z.string() };

export const InstitutionListItem = z.object({
  id: Uuid,
  ...Named,
  legalCategory: LegalCategory.nullable(),
  centreType: CentreType.nullable(),
  status: InstitutionStatus,
  area: Area,
  mode: CareMode,
  sexServed: SexServed,
  capacityMale: z.number().int(),
  capacityFemale: z.number().int(),
  capacityTotal: z.number().int(),
  licenceNumber: z.string().nullable(),
  licenceDate: z.string().nullable(),
  associationId: Uuid,
  associationNameAr: z.string(),
  associationNameFr: z.string(),
  communeId: Uuid,
  communeNameAr: z.string(),
  communeNameFr: z.string(),
  provinceNameAr: z.string(),
  provinceNameFr: z.string(),
  regionNameAr: z.string(),
  regionNameFr: z.string(),
  delegationId: Uuid.nullable(),
  updatedAt: z.string(),
});
export type InstitutionListItem = z.infer<typeof InstitutionListItem>;
export const InstitutionPage = pageOf(InstitutionListItem);

export const Room = z.object({
  id: Uuid,
  name: z.string(),
  kind: RoomKind,
  sex: SexServed,
  areaM2: z.string().nullable(),
  places: z.number().int(),
});
export type Room = z.infer<typeof Room>;

export const RoomBody = z.strictObject({
  name: text(120),
  kind: RoomKind,
  sex: SexServed,
  /** Square metres as a decimal string or number ("24.50"). */
  areaM2: z.preprocess((v) => (v === '' ? null : v), z.coerce.number().positive().max(100000).nullable().optional()),
  places: z.coerce.number().int().refine((v) => v >= 0, 'registry.institutions.capacity_negative').refine((v) => v <= 500, 'registry.institutions.capacity_too_big'),
});
export type RoomBody = z.infer<typeof RoomBody>;

export const InstitutionService = z.object({ service: ServiceType, permanence: ServicePermanence, extent: ServiceExtent });
export type InstitutionService = z.infer<typeof InstitutionService>;

/** The whole set of services at once (replaces the previous set); each service at most once. */
export const ServicesBody = z.strictObject({
  services: z
    .array(InstitutionService)
    .max(15)
    .refine((list) => new Set(list.map((s) => s.service)).size === list.length, 'registry.institutions.service_twice'),
});
export type ServicesBody = z.infer<typeof ServicesBody>;

export const CommitteeMember = z.object({
  id: Uuid,
  seat: CommitteeSeat,
  fullName: z.string(),
  since: z.string(),
  until: z.string().nullable(),
});
export type CommitteeMember = z.infer<typeof CommitteeMember>;

export const CommitteeMemberBody = z
  .strictObject({
    seat: CommitteeSeat,
    fullName: text(160),
    since: z.iso.date(),
    until: z.preprocess((v) => (v === '' ? null : v), z.iso.date().nullable().optional()),
  })
  .refine((m) => !m.until || m.until > m.since, { message: 'registry.institutions.period_order', path: ['until'] });
export type CommitteeMemberBody = z.infer<typeof CommitteeMemberBody>;

/** Art. 25: at most this many sitting members per seat. */
export const committeeSeatLimits: Partial<Record<z.infer<typeof CommitteeSeat>, number>> = {
  founder_chair: 1,
  staff_representative: 2,
  beneficiary_representative: 2,
  family_representative: 2,
};

const capacity = z.coerce.number().int().refine((v) => v >= 0, 'registry.institutions.capacity_negative').refine((v) => v <= 5000, 'registry.institutions.capacity_too_big');
const nullableDate = z.preprocess((v) => (v === '' ? null : v), z.iso.date().nullable().optional());
const inRange = (min: number, max: number) => (v: number | null | undefined) => v === null || v === undefined || (v >= min && v <= max);
const latitude = z.preprocess(
  (v) => (v === '' ? null : v),
  z.coerce.number().nullable().optional().refine(inRange(moroccoBounds.minLatitude, moroccoBounds.maxLatitude), 'registry.institutions.outside_morocco'),
);
const longitude = z.preprocess(
  (v) => (v === '' ? null : v),
  z.coerce.number().nullable().optional().refine(inRange(moroccoBounds.minLongitude, moroccoBounds.maxLongitude), 'registry.institutions.outside_morocco'),
);

/** Every field of an institution that its editors write (status and licence belong to licensing). */
const institutionFields = {
  associationId: Uuid,
  nameAr: text(250),
  nameFr: text(250),
  legalCategory: LegalCategory.nullable().optional(),
  centreType: CentreType.nullable().optional(),
  communeId: Uuid,
  addressAr: optionalText(300).optional(),
  addressFr: optionalText(300).optional(),
  latitude,
  longitude,
  area: Area,
  mode: CareMode,
  sexServed: SexServed,
  capacityMale: capacity.default(0),
  capacityFemale: capacity.default(0),
  targetGroups: z.array(TargetGroup).max(10).default([]),
  feeMode: FeeMode.default('free'),
  directorNameAr: optionalText(160).optional(),
  directorNameFr: optionalText(160).optional(),
  directorAppointedOn: nullableDate,
  directorEndorsedOn: nullableDate,
  phone: z.preprocess((v) => (v === '' ? null : v), z.string().trim().regex(/^\+[1-9][0-9]{7,14}$/, 'phone_format').nullable().optional()),
  email: z.preprocess((v) => (v === '' ? null : v), z.email().max(200).nullable().optional()),
  openedOn: nullableDate,
};

type Fields = {
  legalCategory?: string | null;
  centreType?: string | null;
  feeMode?: string;
  sexServed?: string;
  capacityMale?: number;
  capacityFemale?: number;
  latitude?: number | null;
  longitude?: number | null;
};

/** The cross-field rules, said at the edge with the same words as the database's constraints. */
function checkRules(v: Fields, ctx: z.RefinementCtx, whole: boolean): void {
  if (whole && !v.legalCategory && !v.centreType) ctx.addIssue({ code: 'custom', message: 'registry.institutions.kind_required', path: ['legalCategory'] });
  if (v.feeMode === 'paid' && v.legalCategory !== undefined && !(payingCategories as readonly (string | null)[]).includes(v.legalCategory)) {
    ctx.addIssue({ code: 'custom', message: 'registry.institutions.paid_not_allowed', path: ['feeMode'] });
  }
  if (v.sexServed === 'boys' && (v.capacityFemale ?? 0) > 0) ctx.addIssue({ code: 'custom', message: 'registry.institutions.capacity_sex_mismatch', path: ['capacityFemale'] });
  if (v.sexServed === 'girls' && (v.capacityMale ?? 0) > 0) ctx.addIssue({ code: 'custom', message: 'registry.institutions.capacity_sex_mismatch', path: ['capacityMale'] });
  if (v.latitude !== undefined && v.longitude !== undefined && (v.latitude === null) !== (v.longitude === null)) {
    ctx.addIssue({ code: 'custom', message: 'registry.institutions.position_incomplete', path: [v.latitude === null ? 'latitude' : 'longitude'] });
  }
}

export const CreateInstitutionBody = z.strictObject(institutionFields).superRefine((v, ctx) => checkRules(v, ctx, true));
export type CreateInstitutionBody = z.infer<typeof CreateInstitutionBody>;
export type CreateInstitutionInput = z.input<typeof CreateInstitutionBody>;

/** A partial change; the rules that span fields are checked again on the merged row (and by the DB). */
export const UpdateInstitutionBody = z
  .strictObject({
    ...institutionFields,
    capacityMale: capacity.optional(),
    capacityFemale: capacity.optional(),
    targetGroups: z.array(TargetGroup).max(10).optional(),
    feeMode: FeeMode.optional(),
  })
  .partial()
  .superRefine((v, ctx) => checkRules(v, ctx, false));
export type UpdateInstitutionBody = z.infer<typeof UpdateInstitutionBody>;

export const Institution = InstitutionListItem.extend({
  addressAr: z.string().nullable(),
  addressFr: z.string().nullable(),
  latitude: z.string().nullable(),
  longitude: z.string().nullable(),
  provinceId: Uuid,
  regionId: Uuid,
  delegationNameAr: z.string().nullable(),
  delegationNameFr: z.string().nullable(),
  targetGroups: z.array(TargetGroup),
  feeMode: FeeMode,
  directorNameAr: z.string().nullable(),
  directorNameFr: z.string().nullable(),
  directorAppointedOn: z.string().nullable(),
  directorEndorsedOn: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openedOn: z.string().nullable(),
  createdAt: z.string(),
  rooms: z.array(Room),
  services: z.array(InstitutionService),
  committee: z.array(CommitteeMember),
});
export type Institution = z.infer<typeof Institution>;
