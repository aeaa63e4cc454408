/**
 * API contract of the budget part (issue 9): the national chart of budget lines, the minimum daily
 * cost references, and the annual budgets with their versions. Zod only, so the web client
 * validates its forms with the same schemas.
 */
import { z } from 'zod';
import { PageQuery, Uuid, pageOf, text } from '../../../../platform/contract/common.ts';
import { Mad, MadOut, PositiveMad } from '../../../../platform/contract/money.ts';
import { ApprovalLevel, Submission, SubmissionState } from '../../../../platform/approvals/contract.ts';

export const lineKinds = ['revenue', 'expenditure'] as const;
export const LineKind = z.enum(lineKinds);
export type LineKind = z.infer<typeof LineKind>;
export const budgetSectionKeys = ['operating', 'equipment', 'staff'] as const;
export const BudgetSection = z.enum(budgetSectionKeys);
export type BudgetSection = z.infer<typeof BudgetSection>;
export const legalCategories = ['kafala_children', 'child_protection', 'schooled_children', 'disability', 'homeless_beggars',
  'women_multipurpose', 'elderly', 'mobile_social_emergency'] as const;
export const LegalCategory = z.enum(legalCategories);
export type LegalCategory = z.infer<typeof LegalCategory>;

const Year = z.coerce.number().int().min(2000).max(2100);
const LineCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,40}$/, 'finance.budget.fields.line_code');
const PcaAccount = z.string().trim().regex(/^[0-9]{2,8}$/, 'finance.budget.fields.pca_account').nullable();

export const ChartLine = z.object({
  code: z.string(),
  kind: LineKind,
  section: BudgetSection.nullable(),
  parentCode: z.string().nullable(),
  nameAr: z.string(),
  nameFr: z.string(),
  pcaAccount: z.string().nullable(),
  isGrant: z.boolean(),
  isFood: z.boolean(),
  allowedCategories: z.array(LegalCategory).nullable(),
  position: z.number().int(),
  validFrom: z.number().int(),
  validTo: z.number().int().nullable(),
  /** Carries amounts (not a heading, in the chart in the asked year). */
  postable: z.boolean(),
});
export type ChartLine = z.infer<typeof ChartLine>;
export const ChartQuery = z.strictObject({ year: Year.optional() });
export const Chart = z.object({ year: z.number().int().nullable(), items: z.array(ChartLine) });
export type Chart = z.infer<typeof Chart>;

const LineFields = {
  nameAr: text(200),
  nameFr: text(200),
  pcaAccount: PcaAccount,
  isGrant: z.boolean().default(false),
  isFood: z.boolean().default(false),
  allowedCategories: z.array(LegalCategory).min(1).max(8).nullable().default(null),
  position: z.number().int().min(0).max(100000).default(0),
  validFrom: z.number().int().min(2000).max(2100).default(2020),
  validTo: z.number().int().min(2000).max(2100).nullable().default(null),
};
const lineRules = <T extends { kind?: LineKind; isGrant?: boolean; isFood?: boolean; validFrom?: number; validTo?: number | null }>(
  line: T,
  ctx: z.RefinementCtx,
) => {
  if (line.isGrant && line.kind === 'expenditure') ctx.addIssue({ code: 'custom', path: ['isGrant'], message: 'finance.budget.fields.grant_is_revenue' });
  if (line.isFood && line.kind === 'revenue') ctx.addIssue({ code: 'custom', path: ['isFood'], message: 'finance.budget.fields.food_is_expenditure' });
  if (line.validTo != null && line.validFrom != null && line.validTo < line.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'finance.budget.fields.valid_to' });
};
export const CreateLineBody = z
  .strictObject({ code: LineCode, kind: LineKind, section: BudgetSection.nullable().default(null), parentCode: LineCode.nullable().default(null), ...LineFields })
  .superRefine((line, ctx) => {
    lineRules(line, ctx);
    if ((line.kind === 'expenditure') !== (line.section !== null)) ctx.addIssue({ code: 'custom', path: ['section'], message: 'finance.budget.fields.section_for_expenditure' });
  });
export type CreateLineBody = z.output<typeof CreateLineBody>;
export type CreateLineInput = z.input<typeof CreateLineBody>;
export const UpdateLineBody = z.strictObject(LineFields).superRefine(lineRules);
export type UpdateLineBody = z.output<typeof UpdateLineBody>;

export const DailyCost = z.object({ legalCategory: LegalCategory, year: z.number().int(), amountMad: MadOut });
export type DailyCost = z.infer<typeof DailyCost>;
export const DailyCostQuery = z.strictObject({ year: Year.optional() });
export const DailyCosts = z.object({ items: z.array(DailyCost) });
export const DailyCostParams = z.strictObject({ category: LegalCategory, year: Year });
export const DailyCostBody = z.strictObject({ amountMad: PositiveMad });
export type DailyCostBody = z.infer<typeof DailyCostBody>;

export const BudgetSummary = z.object({
  id: Uuid,
  institutionId: Uuid,
  institutionNameAr: z.string(),
  institutionNameFr: z.string(),
  regionId: Uuid,
  delegationId: Uuid,
  associationId: Uuid,
  year: z.number().int(),
  version: z.number().int(),
  revisesId: Uuid.nullable(),
  submissionId: Uuid,
  state: SubmissionState,
  level: ApprovalLevel,
  revenueMad: MadOut,
  expenditureMad: MadOut,
  updatedAt: z.string(),
});
export type BudgetSummary = z.infer<typeof BudgetSummary>;

export const BudgetAmount = z.object({ lineCode: z.string(), kind: LineKind, amountMad: MadOut, note: z.string() });
export type BudgetAmount = z.infer<typeof BudgetAmount>;
export const SectionTotal = z.object({ section: BudgetSection, amountMad: MadOut });

export const Budget = BudgetSummary.extend({
  legalCategory: LegalCategory.nullable(),
  note: z.string(),
  amounts: z.array(BudgetAmount),
  sectionTotals: z.array(SectionTotal),
  /** Revenue minus expenditure: zero when the budget balances. */
  balanceMad: MadOut,
  versions: z.array(z.object({ id: Uuid, version: z.number().int(), state: SubmissionState })),
  /** The chart lines of the budget's year that this institution may use. */
  lines: z.array(ChartLine),
  submission: Submission,
  /** The user may start a revision (the latest version is approved and they draft budgets). */
  canRevise: z.boolean(),
});
export type Budget = z.infer<typeof Budget>;

export const BudgetListQuery = PageQuery.extend({
  year: Year.optional(),
  institutionId: Uuid.optional(),
  state: SubmissionState.optional(),
});
export const BudgetPage = pageOf(BudgetSummary);
export const CreateBudgetBody = z.strictObject({ institutionId: Uuid, year: z.number().int().min(2020).max(2100) });
export type CreateBudgetBody = z.infer<typeof CreateBudgetBody>;

export const AmountItem = z.strictObject({ lineCode: LineCode, amountMad: Mad, note: z.string().trim().max(1000).default('') });
/** The amounts of the sections (revenue, expenditure) the user edits: each given kind is replaced whole. */
export const AmountsBody = z.strictObject({ kinds: z.array(LineKind).min(1).max(2), items: z.array(AmountItem).max(200) });
export type AmountsBody = z.output<typeof AmountsBody>;
export type AmountsInput = z.input<typeof AmountsBody>;
export const RevisionBody = z.strictObject({ note: z.string().trim().max(4000).default('') });
