/**
 * The annual financial report of an institution (for the chartered accountant and the founder):
 * revenue and expenditure by line against the budget in force, section totals, the bank and cash
 * balances at 31 December, and the year's grants and donations. One table printed by the
 * platform's reports in Arabic or French, as PDF or Excel. Its submission is a
 * finance.financial_reports row with an institution_financial_report approval.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import { findSubmission, openSubmission } from '../../../../platform/approvals/index.ts';
import { entitledAt } from '../../../../platform/approvals/chain.ts';
import { notEntitled } from '../../../../platform/approvals/server/service.ts';
import { renderPdf, renderXlsx, type ReportLang, type ReportValue, type TableReport } from '../../../../platform/reports/index.ts';
import { institutionFinancialReport } from '../../approval.ts';
import ar from '../../i18n/reports/ar.json' with { type: 'json' };
import fr from '../../i18n/reports/fr.json' with { type: 'json' };
import { budgetVsActual } from './budget-vs-actual.ts';
import type { FinancialReport, SectionKey } from './contract.ts';

const catalogs = { ar: ar.reports, fr: fr.reports };
type Row = Record<string, ReportValue>;

interface Identity {
  name_ar: string;
  name_fr: string;
  region_id: string;
  delegation_id: string | null;
  association_id: string;
  delegation_ar: string | null;
  delegation_fr: string | null;
}

async function identityOf(tx: Tx, institutionId: string): Promise<Identity> {
  const { rows } = await sql<Identity>`
    SELECT i.name_ar, i.name_fr, i.region_id, i.delegation_id, i.association_id, d.name_ar AS delegation_ar, d.name_fr AS delegation_fr
    FROM registry.institutions i LEFT JOIN organisation.delegations d ON d.id = i.delegation_id
    WHERE i.id = ${institutionId}::uuid`.execute(tx);
  if (!rows[0]) throw notFound();
  return rows[0];
}

/** Balance of each account at the year's end: opening balance plus receipts less payments. */
async function balances(tx: Tx, institutionId: string, year: number): Promise<{ kind: 'bank' | 'cash'; balance: string }[]> {
  const { rows } = await sql<{ kind: 'bank' | 'cash'; balance: string }>`
    SELECT a.kind, (a.opening_balance_mad + coalesce((
      SELECT sum(CASE e.direction WHEN 'receipt' THEN e.amount_mad ELSE -e.amount_mad END)
      FROM finance.entries e WHERE e.account_id = a.id AND e.entry_date >= a.opening_date AND e.entry_date <= make_date(${year}::int, 12, 31)), 0.00))::text AS balance
    FROM finance.accounts a WHERE a.institution_id = ${institutionId}::uuid AND a.opening_date <= make_date(${year}::int, 12, 31)
    ORDER BY a.kind`.execute(tx);
  return rows;
}

interface GrantRow {
  entry_date: string;
  counterparty: string;
  donor_type: string | null;
  name_ar: string;
  name_fr: string;
  amount_mad: string;
}

async function grants(tx: Tx, institutionId: string, year: number): Promise<GrantRow[]> {
  const { rows } = await sql<GrantRow>`
    SELECT to_char(e.entry_date, 'YYYY-MM-DD') AS entry_date, e.counterparty, e.donor_type, l.name_ar, l.name_fr, e.amount_mad::text AS amount_mad
    FROM finance.entries e JOIN finance.budget_lines l ON l.code = e.line_code AND l.is_grant
    WHERE e.institution_id = ${institutionId}::uuid AND e.entry_date >= make_date(${year}::int, 1, 1) AND e.entry_date <= make_date(${year}::int, 12, 31)
    ORDER BY e.entry_date, e.id`.execute(tx);
  return rows;
}

/** The report's table, in one language. */
export async function annualReportTable(tx: Tx, institutionId: string, year: number, lang: ReportLang): Promise<TableReport> {
  const who = await identityOf(tx, institutionId);
  const figures = await budgetVsActual(tx, institutionId, year);
  const t = catalogs[lang];
  const pick = (a: string, f: string) => (lang === 'ar' ? a : f);
  const rows: Row[] = [];
  const sectionKeys: SectionKey[] = ['revenue', 'operating', 'equipment', 'staff'];
  for (const key of sectionKeys) {
    const heading = t.sections[key];
    for (const line of figures.lines.filter((l) => (l.kind === 'revenue' ? 'revenue' : l.section) === key)) {
      rows.push({ kind: heading, code: line.code, line: pick(line.nameAr, line.nameFr), budget: line.budgetMad, actual: line.actualMad, variance: line.varianceMad });
    }
    const s = figures.sections.find((x) => x.key === key)!;
    rows.push({ kind: heading, code: null, line: `${t.total} - ${heading}`, budget: s.budgetMad, actual: s.actualMad, variance: s.varianceMad });
  }
  for (const b of await balances(tx, institutionId, year)) {
    rows.push({ kind: t.report.balances, code: null, line: b.kind === 'bank' ? t.report.bankBalance : t.report.cashBalance, budget: null, actual: b.balance, variance: null });
  }
  const given = await grants(tx, institutionId, year);
  if (given.length === 0) rows.push({ kind: t.report.grants, code: null, line: t.report.noGrants, budget: null, actual: null, variance: null });
  for (const g of given) {
    const donorType = g.donor_type ? ` (${t.report.donorTypes[g.donor_type as keyof typeof t.report.donorTypes]})` : '';
    rows.push({ kind: t.report.grants, code: g.entry_date, line: `${g.counterparty}${donorType} - ${pick(g.name_ar, g.name_fr)}`, budget: null, actual: g.amount_mad, variance: null });
  }
  const header = (key: 'kind' | 'code' | 'line' | 'budget' | 'actual' | 'variance') => {
    const labels = { kind: 'section', code: 'code', line: 'line', budget: 'budget', actual: 'actual', variance: 'variance' } as const;
    return { headerAr: ar.reports[labels[key]], headerFr: fr.reports[labels[key]] };
  };
  return {
    titleAr: `${ar.reports.report.title} ${year} - ${who.name_ar}`,
    titleFr: `${fr.reports.report.title} ${year} - ${who.name_fr}`,
    levelNameAr: who.delegation_ar ?? who.name_ar,
    levelNameFr: who.delegation_fr ?? who.name_fr,
    orientation: 'landscape',
    columns: [
      { key: 'kind', ...header('kind'), type: 'text' },
      { key: 'code', ...header('code'), type: 'text' },
      { key: 'line', ...header('line'), type: 'text' },
      { key: 'budget', ...header('budget'), type: 'money' },
      { key: 'actual', ...header('actual'), type: 'money' },
      { key: 'variance', ...header('variance'), type: 'money' },
    ],
    rows,
  };
}

export async function annualReportFile(tx: Tx, institutionId: string, year: number, lang: ReportLang, format: 'pdf' | 'xlsx'): Promise<Buffer> {
  const report = await annualReportTable(tx, institutionId, year, lang);
  return format === 'pdf' ? renderPdf(report, lang) : renderXlsx(report, lang);
}

async function reportRow(tx: Tx, institutionId: string, year: number): Promise<{ id: string } | undefined> {
  const { rows } = await sql<{ id: string }>`SELECT id FROM finance.financial_reports WHERE institution_id = ${institutionId}::uuid AND year = ${year}::int`.execute(tx);
  return rows[0];
}

/** The year's report submission, or null when it has not been prepared. */
export async function findFinancialReport(tx: Tx, user: CurrentUser, institutionId: string, year: number): Promise<FinancialReport | null> {
  await identityOf(tx, institutionId);
  const row = await reportRow(tx, institutionId, year);
  if (!row) return null;
  const submission = await findSubmission(tx, user, { type: institutionFinancialReport.key, subjectId: row.id });
  if (!submission) throw notFound();
  return { id: row.id, institutionId, year, submissionId: submission.id, state: submission.state, submission };
}

/**
 * Prepares the year's report for submission (the draft submission of the institution's author
 * level). Idempotent: a second call returns the same report. Submitting, approving and returning
 * are the approvals API's actions on submissionId.
 */
export async function prepareFinancialReport(tx: Tx, user: CurrentUser, institutionId: string, year: number): Promise<FinancialReport> {
  const who = await identityOf(tx, institutionId);
  const scope = { regionId: who.region_id, delegationId: who.delegation_id, associationId: who.association_id, institutionId };
  const existing = await findFinancialReport(tx, user, institutionId, year);
  if (existing) return existing;
  if (!entitledAt(institutionFinancialReport, institutionFinancialReport.chain.map((l) => l.level), 0, user, scope)) throw notEntitled();
  const { rows } = await sql<{ id: string }>`
    INSERT INTO finance.financial_reports (institution_id, year, created_by) VALUES (${institutionId}::uuid, ${year}::int, ${user.id}::uuid)
    RETURNING id`.execute(tx);
  const id = rows[0]!.id;
  await openSubmission(tx, {
    type: institutionFinancialReport.key,
    subjectId: id,
    labelAr: `${ar.reports.report.title} ${year} - ${who.name_ar}`.slice(0, 200),
    labelFr: `${fr.reports.report.title} ${year} - ${who.name_fr}`.slice(0, 200),
    link: `/finance/institutions/${institutionId}/reports/${year}`,
    scope,
  });
  return (await findFinancialReport(tx, user, institutionId, year))!;
}
