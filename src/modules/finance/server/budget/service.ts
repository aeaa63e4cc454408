/**
 * Annual budgets: creation by the director or the accountant (with the draft submission), the
 * amounts of the sections open to them, "start from last year's actuals" and revisions of an
 * approved budget as a new version. The database refuses what the rules forbid whoever asks
 * (approvals.guard on approved sections, lines outside the year's chart, versions out of order);
 * the service checks first so the usual refusals come with the user's own message.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../../server/errors.ts';
import { findSubmission, openSubmission } from '../../../../platform/approvals/index.ts';
import { entitledAt } from '../../../../platform/approvals/chain.ts';
import { notEntitled } from '../../../../platform/approvals/server/service.ts';
import { centimesToMad, madToCentimes } from '../../../../platform/contract/money.ts';
import { institutionBudget } from '../../approval.ts';
import type { AmountsBody, Budget, BudgetSection, CreateBudgetBody, LineKind } from './contract.ts';
import { findAmounts, findBudgets, findChart, findVersions } from './queries.ts';

const locked = () => new AppError(409, 'approvals.errors.locked');
const authorChain = institutionBudget.chain.map((l) => l.level);
const scopeOfBudget = (b: { regionId: string | null; delegationId: string | null; associationId: string | null; institutionId: string }) => ({
  regionId: b.regionId,
  delegationId: b.delegationId,
  associationId: b.associationId,
  institutionId: b.institutionId,
});

export async function getBudget(tx: Tx, user: CurrentUser, id: string): Promise<Budget> {
  const [budget] = await findBudgets(tx, { ids: [id] });
  if (!budget) throw notFound();
  const amounts = await findAmounts(tx, id);
  const versions = await findVersions(tx, budget.institutionId, budget.year);
  const lines = await findChart(tx, budget.year, budget.legalCategory);
  const submission = (await findSubmission(tx, user, { id: budget.submissionId }))!;
  const bySection = new Map<BudgetSection, bigint>();
  for (const a of amounts) {
    if (a.section) bySection.set(a.section as BudgetSection, (bySection.get(a.section as BudgetSection) ?? 0n) + madToCentimes(a.amount));
  }
  const latest = versions[versions.length - 1]!;
  return {
    ...budget,
    amounts: amounts.map((a) => ({ lineCode: a.line_code, kind: a.kind as LineKind, amountMad: a.amount, note: a.note })),
    sectionTotals: (['operating', 'equipment', 'staff'] as const).map((section) => ({ section, amountMad: centimesToMad(bySection.get(section) ?? 0n) })),
    balanceMad: centimesToMad(madToCentimes(budget.revenueMad) - madToCentimes(budget.expenditureMad)),
    versions: versions.map((v) => ({ id: v.id, version: v.version, state: v.state as Budget['state'] })),
    lines,
    submission,
    canRevise: latest.id === id && budget.state === 'approved' && entitledAt(institutionBudget, authorChain, 0, user, scopeOfBudget(budget)),
  };
}

async function open(tx: Tx, budgetId: string, year: number, version: number, scope: ReturnType<typeof scopeOfBudget>, name: { ar: string; fr: string }) {
  const suffix = version > 1 ? { ar: ` (مراجعة ${version})`, fr: ` (révision ${version})` } : { ar: '', fr: '' };
  await openSubmission(tx, {
    type: institutionBudget.key,
    subjectId: budgetId,
    labelAr: `ميزانية ${year} - ${name.ar}${suffix.ar}`.slice(0, 200),
    labelFr: `Budget ${year} - ${name.fr}${suffix.fr}`.slice(0, 200),
    link: `/finance/budgets/${budgetId}`,
    scope,
  });
}

export async function createBudget(tx: Tx, user: CurrentUser, body: CreateBudgetBody): Promise<Budget> {
  const institution = await tx
    .selectFrom('registry.institutions')
    .select(['id', 'region_id', 'delegation_id', 'association_id', 'name_ar', 'name_fr'])
    .where('id', '=', body.institutionId)
    .executeTakeFirst();
  if (!institution) throw invalidFields({ path: 'institutionId', key: 'validation.invalid_value' });
  const scope = { regionId: institution.region_id, delegationId: institution.delegation_id, associationId: institution.association_id, institutionId: institution.id };
  if (!entitledAt(institutionBudget, authorChain, 0, user, scope)) throw notEntitled();
  // The database refuses a second version 1 (finance.errors.budget_exists) under a lock.
  const { id } = await tx.insertInto('finance.budgets').values({ institution_id: institution.id, year: body.year, created_by: user.id }).returning('id').executeTakeFirstOrThrow();
  await open(tx, id, body.year, 1, scope, { ar: institution.name_ar, fr: institution.name_fr });
  return getBudget(tx, user, id);
}

/** The budget, after checking the user drafts it and every given section is open to them now. */
async function editable(tx: Tx, user: CurrentUser, id: string, kinds: readonly LineKind[]): Promise<Budget> {
  const budget = await getBudget(tx, user, id);
  if (!entitledAt(institutionBudget, budget.submission.chain, 0, user, scopeOfBudget(budget))) throw notEntitled();
  if (kinds.some((k) => !budget.submission.can.edit.includes(k))) throw locked();
  return budget;
}

export async function replaceAmounts(tx: Tx, user: CurrentUser, id: string, body: AmountsBody): Promise<Budget> {
  const budget = await editable(tx, user, id, body.kinds);
  const lines = new Map(budget.lines.map((l) => [l.code, l]));
  const seen = new Set<string>();
  body.items.forEach((item, i) => {
    const line = lines.get(item.lineCode);
    if (!line || !line.postable) throw invalidFields({ path: `items.${i}.lineCode`, key: 'finance.budget.fields.line_not_in_chart' });
    if (!body.kinds.includes(line.kind)) throw invalidFields({ path: `items.${i}.lineCode`, key: 'validation.invalid_value' });
    if (seen.has(item.lineCode)) throw invalidFields({ path: `items.${i}.lineCode`, key: 'finance.budget.fields.line_twice' });
    seen.add(item.lineCode);
  });
  await tx.deleteFrom('finance.budget_amounts').where('budget_id', '=', id).where('kind', 'in', body.kinds).execute();
  // Zero lines are not stored: the budget lists what it plans.
  const rows = body.items.filter((item) => madToCentimes(item.amountMad) > 0n);
  if (rows.length) {
    // The kind is the line's, filled by the database (the application may not write it).
    const json = JSON.stringify(rows.map((r) => ({ line_code: r.lineCode, amount_mad: r.amountMad, note: r.note })));
    await sql`
      INSERT INTO finance.budget_amounts (budget_id, line_code, amount_mad, note)
      SELECT ${id}::uuid, r.line_code, r.amount_mad, r.note FROM jsonb_to_recordset(${json}::jsonb) AS r(line_code text, amount_mad numeric, note text)
      ORDER BY r.line_code`.execute(tx);
  }
  await touch(tx, budget);
  return getBudget(tx, user, id);
}

/** Moves the budget's "updated" time, when its own row is open (the guard locks it with the expenditure section). */
async function touch(tx: Tx, budget: Budget) {
  if (budget.submission.can.edit.includes('expenditure')) await tx.updateTable('finance.budgets').set({ note: budget.note }).where('id', '=', budget.id).execute();
}

/**
 * Replaces the amounts with what the institution actually received and spent the year before,
 * line by line (finance.monthly_totals, summed in SQL): only lines still in this year's chart and
 * allowed to the institution; a line whose reversals exceed its entries counts zero.
 */
export async function startFromActuals(tx: Tx, user: CurrentUser, id: string): Promise<Budget> {
  const budget = await editable(tx, user, id, ['revenue', 'expenditure']);
  await tx.deleteFrom('finance.budget_amounts').where('budget_id', '=', id).execute();
  await sql`
    INSERT INTO finance.budget_amounts (budget_id, line_code, amount_mad)
    SELECT ${id}::uuid, t.line_code, sum(t.amount_mad)
    FROM finance.monthly_totals t
    JOIN finance.budget_lines l ON l.code = t.line_code
    WHERE t.institution_id = ${budget.institutionId}::uuid
      AND t.month >= make_date(${budget.year - 1}::int, 1, 1) AND t.month < make_date(${budget.year}::int, 1, 1)
      AND finance.line_is_postable(t.line_code, ${budget.year}::int)
      AND (l.allowed_categories IS NULL OR ${budget.legalCategory}::text = ANY (l.allowed_categories))
    GROUP BY t.line_code
    HAVING sum(t.amount_mad) > 0
    ORDER BY t.line_code`.execute(tx);
  await touch(tx, budget);
  return getBudget(tx, user, id);
}

/** A revision: the next version of the approved budget, with its amounts copied, and its own approval. */
export async function reviseBudget(tx: Tx, user: CurrentUser, id: string, note: string): Promise<Budget> {
  const budget = await getBudget(tx, user, id);
  if (!budget.canRevise) {
    if (!entitledAt(institutionBudget, authorChain, 0, user, scopeOfBudget(budget))) throw notEntitled();
    throw new AppError(409, 'finance.errors.revision_needs_approved');
  }
  const created = await tx
    .insertInto('finance.budgets')
    .values({ institution_id: budget.institutionId, year: budget.year, version: budget.version + 1, revises_id: id, note, created_by: user.id })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO finance.budget_amounts (budget_id, line_code, amount_mad, note)
    SELECT ${created.id}::uuid, a.line_code, a.amount_mad, a.note FROM finance.budget_amounts a
    WHERE a.budget_id = ${id}::uuid AND finance.line_is_postable(a.line_code, ${budget.year}::int)
    ORDER BY a.line_code`.execute(tx);
  await open(tx, created.id, budget.year, created.version, scopeOfBudget(budget), { ar: budget.institutionNameAr, fr: budget.institutionNameFr });
  return getBudget(tx, user, created.id);
}

export function parseBudgetCursor(after: string | undefined) {
  if (!after) return undefined;
  try {
    const [year, name, version, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [number, string, number, string];
    if (typeof year === 'number' && typeof name === 'string' && typeof version === 'number' && /^[0-9a-f-]{36}$/.test(id)) return { year, name, version, id };
  } catch {
    // fall through to the refusal below
  }
  throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
}

export const budgetCursor = (b: { year: number; institutionNameFr: string; version: number; id: string }) =>
  Buffer.from(JSON.stringify([b.year, b.institutionNameFr, b.version, b.id]), 'utf8').toString('base64url');
