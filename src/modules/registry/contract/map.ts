/**
 * The map of institutions: points (institutions with a position) and aggregates per region and
 * per province, keyed by ISO 3166-2 code (the ids of the `morocco-map` TopoJSON shapes).
 */
import { z } from 'zod';
import { Uuid } from '../../../platform/contract/common.ts';
import { Area, CareMode, CentreType, InstitutionStatus, LegalCategory } from './enums.ts';

/** The list's filters that make sense on a map (no search, sort or paging). */
export const MapFilters = z.strictObject({
  region: Uuid.optional(),
  province: Uuid.optional(),
  delegation: Uuid.optional(),
  category: LegalCategory.optional(),
  centreType: CentreType.optional(),
  status: InstitutionStatus.optional(),
  area: Area.optional(),
  mode: CareMode.optional(),
});
export type MapFilters = z.infer<typeof MapFilters>;

/** The points answer never grows past this: the map clusters them, nobody reads 5,000 markers. */
export const MAX_MAP_POINTS = 5000;

export const MapPoint = z.object({
  id: Uuid,
  nameAr: z.string(),
  nameFr: z.string(),
  lat: z.number(),
  lon: z.number(),
  category: LegalCategory.nullable(),
  centreType: CentreType.nullable(),
  capacity: z.number().int(),
});
export type MapPoint = z.infer<typeof MapPoint>;

export const MapPoints = z.object({
  items: z.array(MapPoint),
  /** More institutions matched than were sent (MAX_MAP_POINTS). */
  truncated: z.boolean(),
  /** Institutions that matched but have no position (not on the map). */
  withoutPosition: z.number().int(),
});
export type MapPoints = z.infer<typeof MapPoints>;

export const MapArea = z.object({
  id: Uuid,
  /** HCP code ('09', '09.001'). */
  code: z.string(),
  /** ISO 3166-2 code ('MA-09', 'MA-AGD'); null when the reference data has none. */
  iso: z.string().nullable(),
  nameAr: z.string(),
  nameFr: z.string(),
  /** The region of a province (its ISO code), null for a region. */
  regionIso: z.string().nullable(),
  regionId: Uuid,
  count: z.number().int(),
  capacity: z.number().int(),
});
export type MapArea = z.infer<typeof MapArea>;

export const MapAreas = z.object({ items: z.array(MapArea) });
export type MapAreas = z.infer<typeof MapAreas>;
