/** SQL of the budget part: the chart, budgets with their submission and totals, in one query each (no N+1). */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { ApprovalLevel } from '../../../../platform/approvals/index.ts';
import { institutionBudget } from '../../approval.ts';
import type { BudgetSummary, ChartLine, LegalCategory } from './contract.ts';

/**
 * The chart; with a year, only the lines in force that year (with whether they carry amounts), and
 * with a category, only the lines that category may use.
 */
export async function findChart(tx: Tx, year?: number, category?: string | null): Promise<ChartLine[]> {
  let query = tx
    .selectFrom('finance.budget_lines as l')
    .selectAll('l')
    .select(year ? sql<boolean>`finance.line_is_postable(l.code, ${year}::int)`.as('postable') : sql<boolean>`NOT EXISTS (SELECT 1 FROM finance.budget_lines c WHERE c.parent_code = l.code)`.as('postable'))
    .orderBy('l.position')
    .orderBy('l.code');
  if (year) query = query.where('l.valid_from', '<=', year).where(sql<boolean>`(l.valid_to IS NULL OR l.valid_to >= ${year}::int)`);
  if (category !== undefined) query = query.where(sql<boolean>`(l.allowed_categories IS NULL OR ${category}::text = ANY (l.allowed_categories))`);
  const rows = await query.execute();
  return rows.map((l) => ({
    code: l.code,
    kind: l.kind as ChartLine['kind'],
    section: l.section as ChartLine['section'],
    parentCode: l.parent_code,
    nameAr: l.name_ar,
    nameFr: l.name_fr,
    pcaAccount: l.pca_account,
    isGrant: l.is_grant,
    isFood: l.is_food,
    allowedCategories: l.allowed_categories as LegalCategory[] | null,
    position: l.position,
    validFrom: l.valid_from,
    validTo: l.valid_to,
    postable: l.postable,
  }));
}

export interface BudgetFilter {
  ids?: string[];
  year?: number;
  institutionId?: string;
  state?: string;
  after?: { year: number; name: string; version: number; id: string };
  limit?: number;
}

/** Budgets newest year first, then by institution name and version (keyset on that order). */
export async function findBudgets(tx: Tx, f: BudgetFilter): Promise<(BudgetSummary & { note: string; legalCategory: LegalCategory | null })[]> {
  let query = tx
    .selectFrom('finance.budgets as b')
    .innerJoin('approvals.submissions as s', (j) => j.onRef('s.subject_id', '=', 'b.id').on('s.subject_type', '=', institutionBudget.key))
    .innerJoin('registry.institutions as i', 'i.id', 'b.institution_id')
    .select(['b.id', 'b.institution_id', 'b.year', 'b.version', 'b.revises_id', 'b.note', 'b.region_id', 'b.delegation_id', 'b.association_id',
      'i.name_ar', 'i.name_fr', 'i.legal_category', 's.id as submission_id', 's.state', 's.chain', 's.level_index'])
    .select(sql<string>`(SELECT t.revenue_mad::text FROM finance.budget_totals(b.id) t)`.as('revenue'))
    .select(sql<string>`(SELECT t.expenditure_mad::text FROM finance.budget_totals(b.id) t)`.as('expenditure'))
    .select(sql<string>`to_char(b.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('updated_at'))
    .orderBy('b.year', 'desc')
    .orderBy('i.name_fr')
    .orderBy('b.version', 'desc')
    .orderBy('b.id');
  if (f.ids) query = query.where('b.id', 'in', f.ids);
  if (f.year) query = query.where('b.year', '=', f.year);
  if (f.institutionId) query = query.where('b.institution_id', '=', f.institutionId);
  if (f.state) query = query.where('s.state', '=', f.state);
  if (f.after) {
    const a = f.after;
    query = query.where(sql<boolean>`(b.year < ${a.year} OR (b.year = ${a.year} AND (i.name_fr > ${a.name} OR (i.name_fr = ${a.name} AND (b.version < ${a.version} OR (b.version = ${a.version} AND b.id > ${a.id}::uuid))))))`);
  }
  if (f.limit) query = query.limit(f.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    institutionId: r.institution_id,
    institutionNameAr: r.name_ar,
    institutionNameFr: r.name_fr,
    year: r.year,
    version: r.version,
    revisesId: r.revises_id,
    submissionId: r.submission_id,
    state: r.state as BudgetSummary['state'],
    level: (r.chain as ApprovalLevel[])[r.level_index]!,
    revenueMad: r.revenue,
    expenditureMad: r.expenditure,
    updatedAt: r.updated_at,
    note: r.note,
    legalCategory: r.legal_category as LegalCategory | null,
    regionId: r.region_id!,
    delegationId: r.delegation_id!,
    associationId: r.association_id!,
  }));
}

export async function findAmounts(tx: Tx, budgetId: string) {
  const rows = await tx
    .selectFrom('finance.budget_amounts as a')
    .innerJoin('finance.budget_lines as l', 'l.code', 'a.line_code')
    .select(['a.line_code', 'a.kind', 'a.note', 'l.section'])
    .select(sql<string>`a.amount_mad::text`.as('amount'))
    .where('a.budget_id', '=', budgetId)
    .orderBy('l.position')
    .orderBy('a.line_code')
    .execute();
  return rows;
}

/** Every version of an institution's budget for a year, with its approval state. */
export async function findVersions(tx: Tx, institutionId: string, year: number) {
  return tx
    .selectFrom('finance.budgets as b')
    .innerJoin('approvals.submissions as s', (j) => j.onRef('s.subject_id', '=', 'b.id').on('s.subject_type', '=', institutionBudget.key))
    .select(['b.id', 'b.version', 's.state'])
    .where('b.institution_id', '=', institutionId)
    .where('b.year', '=', year)
    .orderBy('b.version')
    .execute();
}
