/**
 * API contract of the finance reports (issue 9, decision 0032): budget against actual, income
 * structure, cost and food per beneficiary-day, the consolidations and the annual financial report.
 * Amounts are decimal strings summed by PostgreSQL (MadOut); shares and ratios are decimal strings too.
 * Only zod here: the web imports it.
 */
import { z } from 'zod';
import { Uuid } from '../../../../platform/contract/common.ts';
import { MadOut } from '../../../../platform/contract/money.ts';
import { Submission } from '../../../../platform/approvals/contract.ts';

export const Year = z.coerce.number().int().min(2000).max(2100);
export const YearQuery = z.strictObject({ year: Year });
export type YearQuery = z.infer<typeof YearQuery>;

/** A share or ratio as a decimal fraction ("0.2500"); null when the base is zero. */
const Ratio = z.string().nullable();

export const LineKind = z.enum(['revenue', 'expenditure']);
export const Section = z.enum(['operating', 'equipment', 'staff']);

export const BudgetLineRow = z.object({
  code: z.string(),
  kind: LineKind,
  section: Section.nullable(),
  parentCode: z.string().nullable(),
  nameAr: z.string(),
  nameFr: z.string(),
  budgetMad: MadOut,
  actualMad: MadOut,
  /** Twelve monthly actuals, January first. */
  months: z.array(MadOut).length(12),
  /** actual − budget. */
  varianceMad: MadOut,
  /** actual ÷ budget (null without a budget amount). */
  executionRate: Ratio,
});
export type BudgetLineRow = z.infer<typeof BudgetLineRow>;

/** A group of lines: revenue, or one of the three expenditure sections. */
export const SectionKey = z.enum(['revenue', 'operating', 'equipment', 'staff']);
export type SectionKey = z.infer<typeof SectionKey>;
export const SectionRow = z.object({
  key: SectionKey,
  budgetMad: MadOut,
  actualMad: MadOut,
  months: z.array(MadOut).length(12),
  varianceMad: MadOut,
  executionRate: Ratio,
});
export type SectionRow = z.infer<typeof SectionRow>;

export const BudgetVsActual = z.object({
  institutionId: Uuid,
  year: z.number().int(),
  /** The budget in force (finance.current_budget_id), null when the year has none. */
  budgetId: Uuid.nullable(),
  budgetApproved: z.boolean(),
  lines: z.array(BudgetLineRow),
  sections: z.array(SectionRow),
});
export type BudgetVsActual = z.infer<typeof BudgetVsActual>;

export const IncomeShare = z.object({ code: z.string(), nameAr: z.string(), nameFr: z.string(), amountMad: MadOut, share: Ratio });
export type IncomeShare = z.infer<typeof IncomeShare>;

export const MonthlyCost = z.object({ month: z.string(), occupancyDays: z.number().int(), expenditureMad: MadOut, costPerDayMad: MadOut.nullable() });

export const Indicators = z.object({
  institutionId: Uuid,
  year: z.number().int(),
  legalCategory: z.string().nullable(),
  revenueMad: MadOut,
  incomeStructure: z.array(IncomeShare),
  expenditureMad: MadOut,
  foodMad: MadOut,
  occupancyDays: z.number().int(),
  /** Expenditure ÷ beneficiary-days, null without occupancy. */
  costPerDayMad: MadOut.nullable(),
  foodPerDayMad: MadOut.nullable(),
  /** The category's minimum daily cost for the year (finance.daily_cost_references), if set. */
  minimumDailyMad: MadOut.nullable(),
  belowMinimum: z.boolean(),
  months: z.array(MonthlyCost).length(12),
});
export type Indicators = z.infer<typeof Indicators>;

export const ConsolidationQuery = z.strictObject({ year: Year, regionId: Uuid.optional(), delegationId: Uuid.optional() });
export type ConsolidationQuery = z.infer<typeof ConsolidationQuery>;

export const ConsolidationLevel = z.enum(['nation', 'region', 'delegation']);
export type ConsolidationLevel = z.infer<typeof ConsolidationLevel>;

export const ConsolidationRow = z.object({
  /** A region (nation level), a delegation (region level) or an institution (delegation level). */
  id: Uuid,
  nameAr: z.string(),
  nameFr: z.string(),
  budgetRevenueMad: MadOut,
  budgetExpenditureMad: MadOut,
  revenueMad: MadOut,
  expenditureMad: MadOut,
  operatingMad: MadOut,
  equipmentMad: MadOut,
  staffMad: MadOut,
  foodMad: MadOut,
  occupancyDays: z.number().int(),
  costPerDayMad: MadOut.nullable(),
  /** Institutions only: the category's minimum and whether the cost is below it. */
  legalCategory: z.string().nullable(),
  minimumDailyMad: MadOut.nullable(),
  belowMinimum: z.boolean().nullable(),
  /** Regions and delegations: how many of their institutions are below their category's minimum. */
  belowMinimumCount: z.number().int(),
  institutionCount: z.number().int(),
});
export type ConsolidationRow = z.infer<typeof ConsolidationRow>;

export const Consolidation = z.object({
  year: z.number().int(),
  level: ConsolidationLevel,
  regionId: Uuid.nullable(),
  delegationId: Uuid.nullable(),
  nameAr: z.string(),
  nameFr: z.string(),
  rows: z.array(ConsolidationRow),
  total: ConsolidationRow.omit({ id: true, nameAr: true, nameFr: true, legalCategory: true, minimumDailyMad: true, belowMinimum: true }),
});
export type Consolidation = z.infer<typeof Consolidation>;

export const ReportFileQuery = z.strictObject({ year: Year, lang: z.enum(['ar', 'fr']), format: z.enum(['pdf', 'xlsx']) });
export type ReportFileQuery = z.infer<typeof ReportFileQuery>;

export const FinancialReport = z.object({
  id: Uuid,
  institutionId: Uuid,
  year: z.number().int(),
  submissionId: Uuid,
  state: z.enum(['draft', 'submitted', 'approved', 'returned']),
  submission: Submission,
});
export type FinancialReport = z.infer<typeof FinancialReport>;
export const FinancialReportBody = z.strictObject({ year: z.number().int().min(2000).max(2100) });
