/**
 * API contract of the directory's staff side (decision 0025): which institutions of a delegation
 * are public, which of their fields, their opening hours, and the places they have. The same
 * schemas validate the routes and the web forms; the database (0110) checks the same bounds.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf } from '../../platform/contract/common.ts';
import { CentreType, InstitutionStatus, LegalCategory } from '../registry/contract/enums.ts';

/** Optional fields of a public page; names, category and services always show once published. */
export const publicFields = ['address', 'phone', 'email', 'hours', 'capacity', 'availability', 'position', 'licence'] as const;
export const PublicField = z.enum(publicFields);
export type PublicField = z.infer<typeof PublicField>;
/** What a new publication shows until someone chooses (the column default of 0110). */
export const defaultPublicFields: readonly PublicField[] = ['address', 'phone', 'hours', 'capacity', 'position', 'licence'];

export const availabilities = ['available', 'limited', 'full'] as const;
export const Availability = z.enum(availabilities);
export type Availability = z.infer<typeof Availability>;

/** Statuses under which a published institution appears (directory.is_operating in 0110). */
export const operatingStatuses = ['pending', 'authorised', 'closing'] as const satisfies readonly z.infer<typeof InstitutionStatus>[];
export const isOperating = (status: string): boolean => (operatingStatuses as readonly string[]).includes(status);

const HOURS_MAX = 200;
const PLACES_MAX = 10000;

/**
 * The settings to write. A field left out keeps its value, so that the list's publish switch
 * sends `{ published }` alone; the page's form sends them all.
 */
export const PublicationBody = z
  .strictObject({
    published: z.boolean(),
    publicFields: z
      .array(PublicField)
      .max(publicFields.length)
      .refine((list) => new Set(list).size === list.length, 'directory.validation.field_twice')
      .optional(),
    openingHoursAr: optionalText(HOURS_MAX).optional(),
    openingHoursFr: optionalText(HOURS_MAX).optional(),
  })
  // A request that chooses to show the hours says them, in both languages: otherwise the public
  // page would show an empty line.
  .superRefine((b, ctx) => {
    if (!b.publicFields?.includes('hours')) return;
    if (!b.openingHoursAr) ctx.addIssue({ code: 'custom', message: 'directory.validation.hours_required', path: ['openingHoursAr'] });
    if (!b.openingHoursFr) ctx.addIssue({ code: 'custom', message: 'directory.validation.hours_required', path: ['openingHoursFr'] });
  });
export type PublicationBody = z.infer<typeof PublicationBody>;

/** Place availability: null clears it. A number of places needs a state, and a full house has none. */
export const AvailabilityBody = z
  .strictObject({
    availability: Availability.nullable(),
    placesAvailable: z.preprocess((v) => (v === '' ? null : v), z.number().int().min(0).max(PLACES_MAX).nullable()).optional(),
  })
  .superRefine((b, ctx) => {
    const places = b.placesAvailable ?? null;
    if (places !== null && b.availability === null) ctx.addIssue({ code: 'custom', message: 'directory.validation.places_need_availability', path: ['placesAvailable'] });
    if (places !== null && places > 0 && b.availability === 'full') ctx.addIssue({ code: 'custom', message: 'directory.validation.full_has_no_places', path: ['placesAvailable'] });
  });
export type AvailabilityBody = z.infer<typeof AvailabilityBody>;

/** One institution's public settings, and what it needs to be understood (names, status). */
export const Publication = z.object({
  institutionId: Uuid,
  nameAr: z.string(),
  nameFr: z.string(),
  status: InstitutionStatus,
  /** Published and operating: the public page exists. */
  visible: z.boolean(),
  published: z.boolean(),
  publicFields: z.array(PublicField),
  openingHoursAr: z.string().nullable(),
  openingHoursFr: z.string().nullable(),
  availability: Availability.nullable(),
  placesAvailable: z.number().int().nullable(),
  availabilityUpdatedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  capacityTotal: z.number().int(),
  /** Null until the settings are first saved (the defaults are shown). */
  updatedAt: z.string().nullable(),
});
export type Publication = z.infer<typeof Publication>;

export const yesNo = ['yes', 'no'] as const;

/** Filters of the staff list and its export. */
export const PublicationFilters = z.strictObject({
  /** Name search in Arabic or Latin letters (folded like the registry's names). */
  q: z.string().trim().max(100).optional(),
  published: z.enum(yesNo).optional(),
  category: LegalCategory.optional(),
  centreType: CentreType.optional(),
  /** A state, or 'unknown' for institutions that have not said. */
  availability: z.enum([...availabilities, 'unknown']).optional(),
  province: Uuid.optional(),
  commune: Uuid.optional(),
});
export type PublicationFilters = z.infer<typeof PublicationFilters>;

export const PublicationListQuery = PublicationFilters.extend(PageQuery.shape);
export type PublicationListQuery = z.infer<typeof PublicationListQuery>;
export const PublicationExportQuery = PublicationFilters.extend({ lang: z.enum(['ar', 'fr']).optional() });
export type PublicationExportQuery = z.infer<typeof PublicationExportQuery>;

export const PublicationListItem = Publication.omit({ openingHoursAr: true, openingHoursFr: true }).extend({
  legalCategory: LegalCategory.nullable(),
  centreType: CentreType.nullable(),
  communeNameAr: z.string(),
  communeNameFr: z.string(),
  provinceNameAr: z.string(),
  provinceNameFr: z.string(),
});
export type PublicationListItem = z.infer<typeof PublicationListItem>;
export const PublicationPage = pageOf(PublicationListItem);

/** The record-history kind of a publication (GET /api/history/publication/<institution id>). */
export const publicationHistoryType = 'publication';
