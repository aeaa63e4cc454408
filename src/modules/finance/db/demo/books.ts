/**
 * Demo books (issue 9): for every social welfare institution of the two demo delegations, the bank
 * account (with a RIB) and the cash box, an approved budget for last year and this year on the
 * national chart's lines, and the entries of last year and of this year up to today: receipts and
 * payments in bank, cash and in kind, grants reported to the ministry (a few late, the latest not yet),
 * a mistaken payment reversed, every month closed except the last two. Some institutions overspend
 * their food and utilities budget; some spend about 60% of their category's minimum daily cost
 * (assuming occupancy near 85% of capacity). The director's institution (agadir-director) also has
 * a bank statement for last month, partly reconciled. Runs as the tables' owner, after the registry.
 * Needs the national chart (migration 0123): without it, nothing is written. Idempotent: nothing is
 * done when an account exists already.
 */
import type pg from 'pg';
import { seededRandom } from '../../../registry/db/demo/random.ts';
import { ribKey } from '../../../registry/contract/values.ts';
import { centimesToMad } from '../../../../platform/contract/money.ts';
import { addDays, todayInMorocco } from '../../../../platform/deadlines/index.ts';
import { institutionBudget } from '../../approval.ts';
import { budgetOf, expenditureShares, monthEntries, revenueShares, type DemoEntry, type Profile } from './books-plan.ts';

const DEMO_DELEGATIONS = ['09.001', '09.273'];
/** Assumed occupancy for the demo's spending (the reports divide by the real occupancy). */
const OCCUPANCY = 0.85;
const profileMultiplier: Record<Profile, number> = { normal: 1.35, over: 1.35, low: 0.6 };

interface DemoInstitution {
  id: string;
  name_ar: string;
  name_fr: string;
  legal_category: string;
  capacity: number;
  region_id: string;
  delegation_id: string;
  association_id: string;
}

export interface DemoBooksCounts {
  institutions: number;
  entries: number;
}

export async function seedDemoBooks(client: pg.ClientBase, today: string = todayInMorocco()): Promise<DemoBooksCounts> {
  const needed = [...Object.keys(expenditureShares), ...Object.keys(revenueShares(true))];
  const chart = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM finance.budget_lines WHERE code = ANY($1)', [needed]);
  if (chart.rows[0]!.n < needed.length) return { institutions: 0, entries: 0 };
  if ((await client.query('SELECT 1 FROM finance.accounts LIMIT 1')).rowCount) return { institutions: 0, entries: 0 };
  const { rows: institutions } = await client.query<DemoInstitution>(
    `SELECT i.id, i.name_ar, i.name_fr, i.legal_category, greatest(i.capacity_male + i.capacity_female, 20) AS capacity, i.region_id, i.delegation_id, i.association_id
     FROM registry.institutions i JOIN organisation.delegations d ON d.id = i.delegation_id
     WHERE d.code = ANY($1) AND i.legal_category IS NOT NULL
     ORDER BY d.code, i.name_fr`,
    [DEMO_DELEGATIONS],
  );
  const year = Number(today.slice(0, 4));
  let entries = 0;
  for (const [index, institution] of institutions.entries()) {
    const profile: Profile = index % 6 === 2 ? 'over' : index % 6 === 4 ? 'low' : 'normal';
    entries += await seedInstitution(client, institution, profile, index, year, today);
  }
  await seedStatement(client, today);
  return { institutions: institutions.length, entries };
}

async function seedInstitution(client: pg.ClientBase, inst: DemoInstitution, profile: Profile, index: number, year: number, today: string): Promise<number> {
  const r = seededRandom(9000 + index);
  const minimum = await client.query<{ amount_mad: string }>(
    'SELECT amount_mad FROM finance.daily_cost_references WHERE legal_category = $1 AND year <= $2 ORDER BY year DESC LIMIT 1',
    [inst.legal_category, year],
  );
  const perDay = Number(minimum.rows[0]?.amount_mad ?? '30') * profileMultiplier[profile];
  const yearlyCentimes = Math.round(inst.capacity * OCCUPANCY * 365 * perDay * 100);
  const studentHome = inst.legal_category === 'schooled_children';
  const first = year - 1;
  const first22 = `2257${String(1000 + index).padStart(4, '0')}${String(r.int(1e9, 9e9))}${String(r.int(1000, 9999))}`.slice(0, 22);
  await client.query(
    `INSERT INTO finance.accounts (institution_id, kind, rib, bank_name, opening_date, opening_balance_mad) VALUES
       ($1, 'bank', $2, 'Banque Populaire Souss', $3, $4), ($1, 'cash', NULL, NULL, $3, $5)`,
    [inst.id, first22 + ribKey(first22), `${first}-01-01`, centimesToMad(BigInt(Math.round(yearlyCentimes / 10 / 100) * 100)), '1500.00'],
  );
  const accounts = await client.query<{ id: string; kind: string }>('SELECT id, kind FROM finance.accounts WHERE institution_id = $1', [inst.id]);
  const accountOf = (journal: string) => accounts.rows.find((a) => a.kind === journal)?.id ?? null;
  const director = await client.query<{ id: string }>(`SELECT id FROM access.users WHERE institution_id = $1 AND role = 'institution_director' LIMIT 1`, [inst.id]);
  const author = director.rows[0]?.id ?? null;

  let written = 0;
  for (const y of [first, year]) {
    // The budget plans the normal spending; the "over" institutions then spend more than planned.
    const budget = budgetOf(Math.round(yearlyCentimes / 100) * 100, studentHome);
    await seedBudget(client, inst, y, budget, author);
    const rows: DemoEntry[] = [];
    for (let month = 1; month <= 12; month++) {
      const monthStart = `${y}-${String(month).padStart(2, '0')}-01`;
      if (monthStart > today) break;
      const lastDay = monthStart.slice(0, 7) === today.slice(0, 7) ? Number(today.slice(8, 10)) : 31;
      rows.push(...monthEntries(r, y, month, budget, profile, lastDay).filter((e) => validDay(e.date)));
    }
    written += await insertEntries(client, inst.id, rows, accountOf, author);
  }
  // A payment recorded twice by mistake last month, then reversed.
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const mistaken = await client.query<{ id: string; journal: string; account_id: string | null; line_code: string; amount_mad: string; counterparty: string; means: string }>(
    `INSERT INTO finance.entries (institution_id, journal, account_id, entry_date, direction, line_code, amount_mad, counterparty, means, description, created_by)
     VALUES ($1, 'cash', $2, $3, 'payment', 'op_cleaning', 245.00, 'Droguerie du quartier', 'cash', 'Saisie en double', $4)
     RETURNING id, journal, account_id, line_code, amount_mad, counterparty, means`,
    [inst.id, accountOf('cash'), `${lastMonth}-15`, author],
  );
  const m = mistaken.rows[0]!;
  await client.query(
    `INSERT INTO finance.entries (institution_id, journal, account_id, entry_date, direction, line_code, amount_mad, counterparty, means, description, reverses_id, created_by)
     VALUES ($1, $2, $3, $4, 'payment', $5, -$6::numeric, $7, $8, 'Annulation : saisie en double', $9, $10)`,
    [inst.id, m.journal, m.account_id, `${lastMonth}-16`, m.line_code, m.amount_mad, m.counterparty, m.means, m.id, author],
  );
  written += 2;
  await reportGrants(client, inst.id, r, today, author);
  // Every month closed except the last two, in order, from the accounts' opening.
  await client.query(
    `INSERT INTO finance.closed_months (institution_id, month, closed_by)
     SELECT $1, m::date, $3 FROM generate_series(make_date($2::int, 1, 1), (date_trunc('month', $4::date) - interval '2 months')::date, interval '1 month') m
     ORDER BY m`,
    [inst.id, first, author, today],
  );
  return written;
}

const validDay = (d: string) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

async function insertEntries(client: pg.ClientBase, institutionId: string, rows: DemoEntry[], accountOf: (j: string) => string | null, author: string | null): Promise<number> {
  if (rows.length === 0) return 0;
  // One statement: the running totals are kept once per statement (finance.add_to_totals).
  await client.query(
    `INSERT INTO finance.entries (institution_id, journal, account_id, entry_date, direction, line_code, amount_mad, counterparty, means, reference, donor_type, created_by)
     SELECT $1, e.journal, e.account_id, e.entry_date, e.direction, e.line_code, e.amount_mad, e.counterparty, e.means, e.reference, e.donor_type, $3
     FROM jsonb_to_recordset($2::jsonb) AS e(journal text, account_id uuid, entry_date date, direction text, line_code text, amount_mad numeric,
       counterparty text, means text, reference text, donor_type text)`,
    [
      institutionId,
      JSON.stringify(
        rows.map((e) => ({
          journal: e.journal,
          account_id: accountOf(e.journal),
          entry_date: e.date,
          direction: e.direction,
          line_code: e.line,
          amount_mad: centimesToMad(BigInt(e.centimes)),
          counterparty: e.counterparty,
          means: e.means,
          reference: e.reference,
          donor_type: e.donorType,
        })),
      ),
      author,
    ],
  );
  return rows.length;
}

/** Most grants reported within 3 to 8 days, one in seven after 12 to 20 days; the last 10 days' not yet. */
async function reportGrants(client: pg.ClientBase, institutionId: string, r: ReturnType<typeof seededRandom>, today: string, author: string | null): Promise<void> {
  const grants = await client.query<{ id: string; entry_date: string }>(
    `SELECT id, entry_date FROM finance.entries WHERE institution_id = $1 AND donor_type IS NOT NULL AND reverses_id IS NULL AND entry_date < $2::date - 10 ORDER BY entry_date, id`,
    [institutionId, today],
  );
  const reports = grants.rows.map((g, i) => {
    const late = i % 7 === 3;
    const reported = addDays(g.entry_date, late ? r.int(12, 20) : r.int(3, 8));
    return { entry_id: g.id, reported_on: reported > today ? today : reported, reference: `ENV-${g.entry_date.slice(0, 4)}-${String(i + 1).padStart(4, '0')}` };
  });
  // One grant of the last quarter left unreported: it shows late in the lists and on the deadlines page.
  if (reports.length > 3) reports.splice(reports.length - 3, 1);
  if (reports.length === 0) return;
  await client.query(
    `INSERT INTO finance.grant_reports (entry_id, reported_on, reference, reported_by)
     SELECT g.entry_id, g.reported_on, g.reference, $2 FROM jsonb_to_recordset($1::jsonb) AS g(entry_id uuid, reported_on date, reference text)`,
    [JSON.stringify(reports), author],
  );
}

async function seedBudget(client: pg.ClientBase, inst: DemoInstitution, year: number, amounts: Map<string, number>, author: string | null): Promise<void> {
  const budget = await client.query<{ id: string }>(
    `INSERT INTO finance.budgets (institution_id, year, version, note, created_by) VALUES ($1, $2, 1, '', $3) RETURNING id`,
    [inst.id, year, author],
  );
  const budgetId = budget.rows[0]!.id;
  await client.query(
    `INSERT INTO finance.budget_amounts (budget_id, line_code, amount_mad)
     SELECT $1, a.line_code, a.amount_mad FROM jsonb_to_recordset($2::jsonb) AS a(line_code text, amount_mad numeric)`,
    [budgetId, JSON.stringify([...amounts].map(([line_code, c]) => ({ line_code, amount_mad: centimesToMad(BigInt(c)) })))],
  );
  // Approved through the whole chain (institution → founder → delegation): the budget is locked.
  const submission = await client.query<{ id: string }>(
    `INSERT INTO approvals.submissions (subject_type, subject_id, chain, level_index, state, label_ar, label_fr, link, region_id, delegation_id, association_id, institution_id)
     VALUES ($1, $2, $3, $4, 'approved', $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      institutionBudget.key,
      budgetId,
      institutionBudget.chain.map((l) => l.level),
      institutionBudget.chain.length - 1,
      `ميزانية ${year} - ${inst.name_ar}`.slice(0, 200),
      `Budget ${year} - ${inst.name_fr}`.slice(0, 200),
      `/finance/budgets/${budgetId}`,
      inst.region_id,
      inst.delegation_id,
      inst.association_id,
      inst.id,
    ],
  );
  await client.query(
    `INSERT INTO approvals.section_states (submission_id, section_key, state, region_id, delegation_id) SELECT $1, unnest($2::text[]), 'approved', $3, $4`,
    [submission.rows[0]!.id, institutionBudget.sections, inst.region_id, inst.delegation_id],
  );
}

/**
 * Last month's bank statement of the demo director's institution: its bank entries as the bank
 * wrote them (a day or two later), plus the bank's own fee not yet in the books; the first half
 * already matched.
 */
async function seedStatement(client: pg.ClientBase, today: string): Promise<void> {
  const inst = await client.query<{ institution_id: string }>(`SELECT institution_id FROM access.users WHERE username = 'agadir-director' AND institution_id IS NOT NULL`);
  const institutionId = inst.rows[0]?.institution_id;
  if (!institutionId) return;
  const month = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const { rows } = await client.query<{ id: string; account_id: string; entry_date: string; signed: string; counterparty: string; reference: string | null }>(
    `SELECT e.id, e.account_id, e.entry_date, finance.signed_mad(e.direction, e.amount_mad)::text AS signed, e.counterparty, e.reference
     FROM finance.entries e WHERE e.institution_id = $1 AND e.journal = 'bank' AND to_char(e.entry_date, 'YYYY-MM') = $2 ORDER BY e.entry_date, e.id`,
    [institutionId, month],
  );
  if (rows.length === 0) return;
  const lines = rows.map((e, i) => ({
    line_date: addDays(e.entry_date, i % 3 === 0 ? 1 : 2) > `${month}-31` ? e.entry_date : addDays(e.entry_date, i % 3 === 0 ? 1 : 2),
    amount_mad: e.signed,
    label: `${Number(e.signed) < 0 ? 'PAIEMENT' : 'VERSEMENT'} ${e.counterparty}`.slice(0, 300),
    bank_reference: e.reference,
    entry_id: i < rows.length / 2 ? e.id : null,
  }));
  lines.push({ line_date: `${month}-28`, amount_mad: '-18.00', label: 'COMMISSION CARTE', bank_reference: null, entry_id: null });
  await client.query(
    `INSERT INTO finance.bank_statement_lines (institution_id, account_id, line_date, amount_mad, label, bank_reference, entry_id, matched_at)
     SELECT $1, $2, l.line_date, l.amount_mad, l.label, l.bank_reference, l.entry_id, CASE WHEN l.entry_id IS NOT NULL THEN now() END
     FROM jsonb_to_recordset($3::jsonb) AS l(line_date date, amount_mad numeric, label text, bank_reference text, entry_id uuid)`,
    [institutionId, rows[0]!.account_id, JSON.stringify(lines)],
  );
}
