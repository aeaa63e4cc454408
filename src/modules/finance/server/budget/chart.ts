/**
 * The national chart of budget lines and the minimum daily cost references: read by everyone in
 * finance, written by the reference administrator (row-level security lets only the system
 * administrator write; the permission check answers 403 first). A line is never deleted (budgets
 * and entries refer to it): it is retired with its last year.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../../server/errors.ts';
import type { ChartLine, CreateLineBody, DailyCost, DailyCostBody, LegalCategory, UpdateLineBody } from './contract.ts';
import { findChart } from './queries.ts';

const lineRow = (b: UpdateLineBody) => ({
  name_ar: b.nameAr,
  name_fr: b.nameFr,
  pca_account: b.pcaAccount,
  is_grant: b.isGrant,
  is_food: b.isFood,
  allowed_categories: b.allowedCategories,
  position: b.position,
  valid_from: b.validFrom,
  valid_to: b.validTo,
});

async function lineOf(tx: Tx, code: string): Promise<ChartLine> {
  const line = (await findChart(tx)).find((l) => l.code === code);
  if (!line) throw notFound();
  return line;
}

export async function createLine(tx: Tx, body: CreateLineBody): Promise<ChartLine> {
  const taken = await tx.selectFrom('finance.budget_lines').select('code').where('code', '=', body.code).executeTakeFirst();
  if (taken) throw new AppError(409, 'finance.errors.line_exists');
  if (body.parentCode) {
    const parent = await tx.selectFrom('finance.budget_lines').select('code').where('code', '=', body.parentCode).executeTakeFirst();
    if (!parent) throw invalidFields({ path: 'parentCode', key: 'finance.budget.fields.parent_unknown' });
  }
  // The database checks that a sub-line shares its heading's kind and section (finance.errors.line_parent).
  await tx.insertInto('finance.budget_lines').values({ code: body.code, kind: body.kind, section: body.section, parent_code: body.parentCode, ...lineRow(body) }).execute();
  return lineOf(tx, body.code);
}

export async function updateLine(tx: Tx, code: string, body: UpdateLineBody): Promise<ChartLine> {
  const current = await lineOf(tx, code);
  if (body.isGrant && current.kind !== 'revenue') throw invalidFields({ path: 'isGrant', key: 'finance.budget.fields.grant_is_revenue' });
  if (body.isFood && current.kind !== 'expenditure') throw invalidFields({ path: 'isFood', key: 'finance.budget.fields.food_is_expenditure' });
  await tx.updateTable('finance.budget_lines').set(lineRow(body)).where('code', '=', code).execute();
  return lineOf(tx, code);
}

export async function findDailyCosts(tx: Tx, year?: number): Promise<DailyCost[]> {
  let query = tx
    .selectFrom('finance.daily_cost_references')
    .select(['legal_category', 'year'])
    .select(sql<string>`amount_mad::text`.as('amount'))
    .orderBy('year', 'desc')
    .orderBy('legal_category');
  if (year) query = query.where('year', '=', year);
  const rows = await query.execute();
  return rows.map((r) => ({ legalCategory: r.legal_category as LegalCategory, year: r.year, amountMad: r.amount }));
}

/** Sets the minimum daily cost of a category for a year (creates or replaces it). */
export async function putDailyCost(tx: Tx, category: LegalCategory, year: number, body: DailyCostBody): Promise<DailyCost> {
  await tx
    .insertInto('finance.daily_cost_references')
    .values({ legal_category: category, year, amount_mad: body.amountMad })
    .onConflict((oc) => oc.columns(['legal_category', 'year']).doUpdateSet({ amount_mad: body.amountMad }))
    .execute();
  return (await findDailyCosts(tx, year)).find((r) => r.legalCategory === category)!;
}

export async function deleteDailyCost(tx: Tx, category: LegalCategory, year: number): Promise<void> {
  const removed = await tx.deleteFrom('finance.daily_cost_references').where('legal_category', '=', category).where('year', '=', year).executeTakeFirst();
  if (removed.numDeletedRows === 0n) throw notFound();
}
