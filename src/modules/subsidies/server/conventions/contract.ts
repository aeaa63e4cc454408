/**
 * API contract of subsidy conventions (PRODUCT.md §2.3): drafting in two sections reviewed apart
 * ('terms': object, period, total, institutions; 'funding': partners with their yearly amounts,
 * obligations), signatories, signature, amendments, the list with its filters. The same schemas
 * validate requests on the server and the forms of the web client.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../../../../platform/contract/common.ts';
import { Mad, MadOut, PositiveMad, centimesToMad, madToCentimes } from '../../../../platform/contract/money.ts';
import { Submission } from '../../../../platform/approvals/contract.ts';

export const conventionStatuses = ['draft', 'approved', 'signed', 'closed', 'cancelled'] as const;
export const ConventionStatus = z.enum(conventionStatuses);
export type ConventionStatus = z.infer<typeof ConventionStatus>;

export const partnerKinds = ['entraide_nationale', 'indh', 'ministry', 'commune', 'province', 'region', 'donor', 'foreign_funder', 'association', 'other'] as const;
export const PartnerKind = z.enum(partnerKinds);
export type PartnerKind = z.infer<typeof PartnerKind>;

export const parties = ['entraide_nationale', 'association', 'partner'] as const;
export const Party = z.enum(parties);
export type Party = z.infer<typeof Party>;

/** Who signs for Entraide Nationale. Central conventions have no approval chain yet (decision 0026). */
export const ownerLevels = ['delegation', 'region'] as const;
export const OwnerLevel = z.enum(ownerLevels);

const IsoDate = z.iso.date();
const optionalDate = z.preprocess((v) => (v === '' ? null : v), IsoDate.nullable().optional());

/** The 'terms' section. */
export const TermsBody = z
  .strictObject({
    objectAr: text(2000),
    objectFr: text(2000),
    startsOn: IsoDate,
    endsOn: IsoDate,
    totalMad: PositiveMad,
    institutionIds: z.array(Uuid).min(1).max(100),
  })
  .superRefine((b, ctx) => {
    if (b.endsOn <= b.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'subsidies.fields.ends_before_start' });
    if (new Set(b.institutionIds).size !== b.institutionIds.length) ctx.addIssue({ code: 'custom', path: ['institutionIds'], message: 'subsidies.fields.duplicate' });
  });
export type TermsBody = z.infer<typeof TermsBody>;

export const CreateConventionBody = z.strictObject({
  ownerLevel: OwnerLevel,
  associationId: Uuid,
  terms: TermsBody,
});
export type CreateConventionBody = z.infer<typeof CreateConventionBody>;

export const YearAmount = z.strictObject({ year: z.number().int().min(2000).max(2100), amountMad: Mad });
export const PartnerInput = z.strictObject({
  kind: PartnerKind,
  nameAr: text(250),
  nameFr: text(250),
  sggDeclaredOn: optionalDate,
  sggReference: optionalText(100).optional(),
  amounts: z.array(YearAmount).max(11),
});
export type PartnerInput = z.infer<typeof PartnerInput>;

export const ObligationInput = z.strictObject({
  party: Party,
  /** For party 'partner': the index of the partner in `partners`. */
  partnerIndex: z.number().int().min(0).max(49).nullable().optional(),
  textAr: text(1000),
  textFr: text(1000),
});

/**
 * The 'funding' section. The amounts must add up to the convention's total, which belongs to the
 * 'terms' section: the server checks them against the stored total (and the database again at
 * submission); the form shows the running sum with fundingTotal().
 */
export const FundingBody = z
  .strictObject({
    partners: z.array(PartnerInput).min(1).max(50),
    obligations: z.array(ObligationInput).max(200),
  })
  .superRefine((b, ctx) => {
    if (!b.partners.some((p) => p.kind === 'entraide_nationale')) ctx.addIssue({ code: 'custom', path: ['partners'], message: 'subsidies.fields.en_partner_required' });
    const names = new Set<string>();
    b.partners.forEach((p, i) => {
      const key = `${p.kind}|${p.nameFr.trim().toLowerCase()}`;
      if (names.has(key)) ctx.addIssue({ code: 'custom', path: ['partners', i, 'nameFr'], message: 'subsidies.fields.duplicate' });
      names.add(key);
      const years = new Set<number>();
      p.amounts.forEach((a, j) => {
        if (years.has(a.year)) ctx.addIssue({ code: 'custom', path: ['partners', i, 'amounts', j, 'year'], message: 'subsidies.fields.duplicate' });
        years.add(a.year);
      });
      // Foreign funding is declared to the SGG (dahir 1958, art. 32 bis): date and reference go together.
      if (p.kind !== 'foreign_funder' && (p.sggDeclaredOn || p.sggReference)) ctx.addIssue({ code: 'custom', path: ['partners', i, 'sggReference'], message: 'subsidies.fields.sgg_only_foreign' });
    });
    b.obligations.forEach((o, i) => {
      const named = o.partnerIndex !== null && o.partnerIndex !== undefined;
      if ((o.party === 'partner') !== named || (named && o.partnerIndex! >= b.partners.length)) ctx.addIssue({ code: 'custom', path: ['obligations', i, 'partnerIndex'], message: 'subsidies.fields.partner_required' });
    });
  });
export type FundingBody = z.infer<typeof FundingBody>;
export type FundingInput = z.input<typeof FundingBody>;

/** The sum of the yearly amounts of every partner, exact (centimes). */
export function fundingTotal(partners: readonly { amounts: readonly { amountMad: string }[] }[]): string {
  let sum = 0n;
  for (const p of partners) for (const a of p.amounts) if (/^\d{1,12}(\.\d{1,2})?$/.test(a.amountMad.trim())) sum += madToCentimes(a.amountMad);
  return centimesToMad(sum);
}

export const SignatoryInput = z.strictObject({
  party: Party,
  /** For party 'partner': the id of one of the convention's partners. */
  partnerId: Uuid.nullable().optional(),
  fullName: text(160),
  title: text(160),
});
export const SignatoriesBody = z.strictObject({ items: z.array(SignatoryInput).min(1).max(30) });
export type SignatoriesBody = z.infer<typeof SignatoriesBody>;

export const SignBody = z.strictObject({
  signatures: z.array(z.strictObject({ signatoryId: Uuid, signedOn: IsoDate })).min(1).max(30),
});
export type SignBody = z.infer<typeof SignBody>;

export const AmendmentBody = z.strictObject({ reasonAr: text(2000), reasonFr: text(2000) });
export type AmendmentBody = z.infer<typeof AmendmentBody>;
export const SignAmendmentBody = z.strictObject({ signedOn: IsoDate });
/** Closing: an optional note. Cancelling (termination): the reason, required. */
export const CloseConventionBody = z.strictObject({ note: text(2000).optional() });
export type CloseConventionBody = z.infer<typeof CloseConventionBody>;
export const CancelConventionBody = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
export type CancelConventionBody = z.infer<typeof CancelConventionBody>;

export const Partner = z.object({
  id: Uuid,
  kind: PartnerKind,
  nameAr: z.string(),
  nameFr: z.string(),
  sggDeclaredOn: z.string().nullable(),
  sggReference: z.string().nullable(),
  amounts: z.array(z.object({ year: z.number().int(), amountMad: MadOut })),
});
export type Partner = z.infer<typeof Partner>;

export const ConventionSummary = z.object({
  id: Uuid,
  reference: z.string(),
  ownerLevel: z.enum(['delegation', 'region', 'central']),
  associationId: Uuid,
  associationNameAr: z.string(),
  associationNameFr: z.string(),
  objectAr: z.string(),
  objectFr: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  totalMad: MadOut,
  status: ConventionStatus,
  signedOn: z.string().nullable(),
  amendment: z.number().int(),
  partnerKinds: z.array(PartnerKind),
  lateTranches: z.number().int(),
});
export type ConventionSummary = z.infer<typeof ConventionSummary>;

export const Amendment = z.object({
  amendment: z.number().int(),
  reasonAr: z.string(),
  reasonFr: z.string(),
  previousTerms: z.record(z.string(), z.unknown()),
  signedOn: z.string().nullable(),
  createdAt: z.string(),
  submissionState: z.string(),
});

export const Convention = ConventionSummary.extend({
  regionId: Uuid.nullable(),
  delegationId: Uuid.nullable(),
  institutions: z.array(z.object({ id: Uuid, nameAr: z.string(), nameFr: z.string() })),
  partners: z.array(Partner),
  obligations: z.array(z.object({ id: Uuid, party: Party, partnerId: Uuid.nullable(), textAr: z.string(), textFr: z.string() })),
  signatories: z.array(z.object({ id: Uuid, party: Party, partnerId: Uuid.nullable(), fullName: z.string(), title: z.string(), signedOn: z.string().nullable() })),
  amendments: z.array(Amendment),
  /** Sum of the yearly amounts (equal to the total once the convention may be submitted). */
  fundedMad: MadOut,
  /**
   * The submission governing the terms now: the convention's own, or its latest amendment's. Null
   * for a draft written without one (imported data): the author's first save opens it.
   */
  submission: Submission.nullable(),
  /** The sections the user may edit now ('terms', 'funding'). */
  editable: z.array(z.string()),
  /** How a closed or cancelled convention ended: the day, the reason (required to cancel) and who. */
  ending: z.object({ on: z.string(), reason: z.string().nullable(), by: z.object({ nameAr: z.string(), nameFr: z.string() }).nullable() }).nullable(),
  can: z.object({ sign: z.boolean(), amend: z.boolean(), signAmendment: z.boolean(), editSignatories: z.boolean(), close: z.boolean(), cancel: z.boolean() }),
});
export type Convention = z.infer<typeof Convention>;

const optionalQueryDate = z.preprocess((v) => (v === '' ? undefined : v), IsoDate.optional());
export const ConventionFilters = z.strictObject({
  status: ConventionStatus.optional(),
  partnerKind: PartnerKind.optional(),
  /** Words of a partner's name, in Arabic or Latin letters (every word must occur). */
  partner: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(100).optional()),
  /** The period: conventions running at some point between from and to. */
  from: optionalQueryDate,
  to: optionalQueryDate,
  late: z.enum(['true', 'false']).optional(),
  associationId: Uuid.optional(),
});
export type ConventionFilters = z.infer<typeof ConventionFilters>;
export const ConventionListQuery = PageQuery.extend(ConventionFilters.shape);
export const ConventionExportQuery = ConventionFilters.extend({ lang: z.enum(['ar', 'fr']).optional() });
export const ConventionPage = pageOf(ConventionSummary);
export const PdfQuery = z.strictObject({ lang: z.enum(['ar', 'fr']).optional() });
