/**
 * API contract of the associations (founders of institutions) and their board members. The same
 * schemas validate requests on the server and the forms on the web (zodResolver).
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../../../platform/contract/common.ts';
import { AssociationStatus, BoardRole, LegalForm } from './enums.ts';
import { Rib } from './values.ts';

/** Empty form fields arrive as '' (or null): treat them as absent. */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalDate = z.preprocess(blankToNull, z.iso.date().nullable());
const optionalRib = z.preprocess(blankToNull, Rib.nullable());

/**
 * A Moroccan phone number in its usual written forms (06 12 34 56 78, 0612-345678, +212 6…,
 * 00212 6…, 212 6…), stored E.164 (+212612345678). Other countries' E.164 numbers pass as they are.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()/]/g, '');
  let digits: string;
  if (/^\+[1-9][0-9]{7,14}$/.test(compact)) digits = compact;
  else if (/^00[1-9][0-9]{7,14}$/.test(compact)) digits = `+${compact.slice(2)}`;
  else if (/^0[5-8][0-9]{8}$/.test(compact)) digits = `+212${compact.slice(1)}`;
  else if (/^212[5-8][0-9]{8}$/.test(compact)) digits = `+${compact}`;
  else return null;
  if (digits.startsWith('+212') && !/^\+212[5-8][0-9]{8}$/.test(digits)) return null;
  return digits;
}

export const MoroccanPhone = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const phone = normalisePhone(v);
    if (phone) return phone;
    ctx.addIssue({ code: 'custom', message: 'registry.associations.validation.phone_format' });
    return z.NEVER;
  });
const optionalPhone = z.preprocess(blankToNull, MoroccanPhone.nullable());

/** CNIE (Moroccan national identity card): one or two letters then up to six digits, stored upper case. */
export const Cnie = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{1,2}[0-9]{1,6}$/, 'registry.associations.validation.cnie_format'));
const optionalCnie = z.preprocess(blankToNull, Cnie.nullable());

const optionalEmail = z.preprocess(blankToNull, z.email().max(200).nullable());

// ---------------------------------------------------------------------------------------------
// List

export const associationSorts = ['name', '-name', 'nameAr', '-nameAr'] as const;
export const AssociationSort = z.enum(associationSorts);
export type AssociationSort = z.infer<typeof AssociationSort>;

/** Query-string booleans arrive as text. */
const QueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const AssociationListQuery = PageQuery.extend({
  /** Name search in Arabic or Latin letters (folded like the names: accents, hamza, case). */
  q: z.string().trim().max(100).optional(),
  region: Uuid.optional(),
  delegation: Uuid.optional(),
  province: Uuid.optional(),
  legalForm: LegalForm.optional(),
  status: AssociationStatus.optional(),
  publicUtility: QueryBoolean.optional(),
  /** The board's renewal date has passed (or, false, it has not or is unknown). */
  boardExpired: QueryBoolean.optional(),
  sort: AssociationSort.default('name'),
});
export type AssociationListQuery = z.infer<typeof AssociationListQuery>;
/** The list's filters without paging (the export takes the same). */
export const AssociationFilters = AssociationListQuery.omit({ after: true, limit: true });
export type AssociationFilters = z.infer<typeof AssociationFilters>;

export const AssociationListItem = z.object({
  id: Uuid,
  nameAr: z.string(),
  nameFr: z.string(),
  legalForm: LegalForm,
  status: AssociationStatus,
  publicUtility: z.boolean(),
  receiptNumber: z.string().nullable(),
  boardRenewalDate: z.string().nullable(),
  communeId: Uuid,
  communeNameAr: z.string(),
  communeNameFr: z.string(),
  provinceId: Uuid,
  regionId: Uuid,
  delegationId: Uuid.nullable(),
  institutionCount: z.number().int(),
});
export type AssociationListItem = z.infer<typeof AssociationListItem>;
export const AssociationPage = pageOf(AssociationListItem);
export type AssociationPage = z.infer<typeof AssociationPage>;

// ---------------------------------------------------------------------------------------------
// Board members

export const BoardMember = z.object({
  id: Uuid,
  associationId: Uuid,
  fullNameAr: z.string().nullable(),
  fullNameFr: z.string().nullable(),
  role: BoardRole,
  cnie: z.string().nullable(),
  phone: z.string().nullable(),
  mandateStart: z.string(),
  mandateEnd: z.string(),
});
export type BoardMember = z.infer<typeof BoardMember>;

const boardMemberFields = {
  fullNameAr: optionalText(160).optional(),
  fullNameFr: optionalText(160).optional(),
  role: BoardRole,
  cnie: optionalCnie.optional(),
  phone: optionalPhone.optional(),
  mandateStart: z.iso.date(),
  mandateEnd: z.iso.date(),
};

const boardMemberRules = <T extends z.ZodType<{ fullNameAr?: string | null; fullNameFr?: string | null; mandateStart?: string; mandateEnd?: string }>>(schema: T, creating: boolean) =>
  schema.superRefine((v, ctx) => {
    // On creation both absent is refused; on an edit, only both emptied (the database checks the rest).
    if ((v.fullNameAr ?? null) === null && (v.fullNameFr ?? null) === null && (creating || (v.fullNameAr === null && v.fullNameFr === null))) {
      ctx.addIssue({ code: 'custom', path: ['fullNameAr'], message: 'registry.associations.validation.board_member_named' });
    }
    if (v.mandateStart && v.mandateEnd && v.mandateEnd <= v.mandateStart) {
      ctx.addIssue({ code: 'custom', path: ['mandateEnd'], message: 'registry.associations.validation.mandate_order' });
    }
  });

export const BoardMemberBody = boardMemberRules(z.strictObject(boardMemberFields), true);
export type BoardMemberBody = z.output<typeof BoardMemberBody>;
export type BoardMemberBodyInput = z.input<typeof BoardMemberBody>;
export const UpdateBoardMemberBody = boardMemberRules(z.strictObject(boardMemberFields).partial(), false);
export type UpdateBoardMemberBody = z.output<typeof UpdateBoardMemberBody>;
export type UpdateBoardMemberBodyInput = z.input<typeof UpdateBoardMemberBody>;

// ---------------------------------------------------------------------------------------------
// Association

const associationFields = {
  legalForm: LegalForm,
  nameAr: text(250),
  nameFr: text(250),
  receiptNumber: optionalText(60).optional(),
  receiptDate: optionalDate.optional(),
  boardRenewalDate: optionalDate.optional(),
  publicUtility: z.boolean(),
  rib: optionalRib.optional(),
  bankName: optionalText(120).optional(),
  address: optionalText(300).optional(),
  communeId: Uuid,
  phone: optionalPhone.optional(),
  email: optionalEmail.optional(),
};

const receiptRule = <T extends z.ZodType<{ receiptNumber?: string | null; receiptDate?: string | null }>>(schema: T) =>
  schema.superRefine((v, ctx) => {
    // Given together or not at all (associations_receipt_complete in 0051), when the body names either.
    if (v.receiptNumber === undefined && v.receiptDate === undefined) return;
    if ((v.receiptNumber ?? null) === null && (v.receiptDate ?? null) !== null) {
      ctx.addIssue({ code: 'custom', path: ['receiptNumber'], message: 'registry.associations.validation.receipt_complete' });
    }
    if ((v.receiptNumber ?? null) !== null && (v.receiptDate ?? null) === null) {
      ctx.addIssue({ code: 'custom', path: ['receiptDate'], message: 'registry.associations.validation.receipt_complete' });
    }
  });

export const CreateAssociationBody = receiptRule(
  z.strictObject({ ...associationFields, publicUtility: z.boolean().default(false), status: AssociationStatus.optional() }),
);
export type CreateAssociationBody = z.output<typeof CreateAssociationBody>;
export type CreateAssociationBodyInput = z.input<typeof CreateAssociationBody>;
export const UpdateAssociationBody = receiptRule(z.strictObject({ ...associationFields, status: AssociationStatus }).partial());
export type UpdateAssociationBody = z.output<typeof UpdateAssociationBody>;
export type UpdateAssociationBodyInput = z.input<typeof UpdateAssociationBody>;

export const AssociationInstitution = z.object({
  id: Uuid,
  nameAr: z.string(),
  nameFr: z.string(),
  legalCategory: z.string().nullable(),
  centreType: z.string().nullable(),
  status: z.string(),
  capacityTotal: z.number().int(),
  communeNameAr: z.string(),
  communeNameFr: z.string(),
});
export type AssociationInstitution = z.infer<typeof AssociationInstitution>;

export const Association = AssociationListItem.extend({
  receiptDate: z.string().nullable(),
  rib: z.string().nullable(),
  bankName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  provinceNameAr: z.string(),
  provinceNameFr: z.string(),
  delegationNameAr: z.string().nullable(),
  delegationNameFr: z.string().nullable(),
  boardMembers: z.array(BoardMember),
  institutions: z.array(AssociationInstitution),
  documentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Association = z.infer<typeof Association>;
