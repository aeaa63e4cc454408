/** API contract of the territory module: regions, prefectures/provinces and the Entraide Nationale units. */
import { z } from 'zod';
import { PageQuery, Uuid, pageOf, text } from '../../platform/contract/common.ts';

const Named = { id: Uuid, nameAr: z.string(), nameFr: z.string() };

export const Region = z.object({
  ...Named,
  code: z.string(),
  isoCode: z.string(),
  seatFr: z.string().nullable(),
  provinceCount: z.number().int(),
  delegationCount: z.number().int(),
});
export type Region = z.infer<typeof Region>;

export const ProvinceKind = z.enum(['prefecture', 'province']);
export const Province = z.object({
  ...Named,
  code: z.string(),
  isoCode: z.string().nullable(),
  kind: ProvinceKind,
  regionId: Uuid,
  delegationId: Uuid.nullable(),
});
export type Province = z.infer<typeof Province>;

export const Delegation = z.object({
  ...Named,
  code: z.string(),
  regionId: Uuid,
  regionNameAr: z.string(),
  regionNameFr: z.string(),
  provinces: z.array(z.object(Named)),
  updatedAt: z.string(),
});
export type Delegation = z.infer<typeof Delegation>;

export const RegionDetail = Region.extend({
  coordinationNameAr: z.string(),
  coordinationNameFr: z.string(),
  provinces: z.array(Province),
  delegations: z.array(Delegation),
});
export type RegionDetail = z.infer<typeof RegionDetail>;

export const DelegationListQuery = PageQuery.extend({
  region: Uuid.optional(),
  q: z.string().trim().max(100).optional(),
});
export const DelegationPage = pageOf(Delegation);

export const UpdateDelegationBody = z
  .strictObject({ nameAr: text(160), nameFr: text(160), provinceIds: z.array(Uuid).min(1).max(20) })
  .partial();
export type UpdateDelegationBody = z.infer<typeof UpdateDelegationBody>;

/** Communes (migration 0050): kept by the delegations covering their province. */
export const CommuneKind = z.enum(['urban', 'rural']);
export const Commune = z.object({
  ...Named,
  code: z.string().nullable(),
  kind: CommuneKind,
  provinceId: Uuid,
  regionId: Uuid,
  delegationId: Uuid.nullable(),
});
export type Commune = z.infer<typeof Commune>;
export const CommuneListQuery = PageQuery.extend({
  province: Uuid.optional(),
  region: Uuid.optional(),
  q: z.string().trim().max(100).optional(),
});
export const CommunePage = pageOf(Commune);
export const CreateCommuneBody = z.strictObject({
  provinceId: Uuid,
  kind: CommuneKind,
  nameAr: text(160),
  nameFr: text(160),
  code: z.preprocess((v) => (v === '' ? null : v), z.string().regex(/^[0-9]{2}\.[0-9]{3}\.[0-9]{2}\.[0-9]{2}$/).nullable()).optional(),
});
export type CreateCommuneBody = z.infer<typeof CreateCommuneBody>;
