/**
 * What the books' demo writes for one institution and year, computed without the database: the
 * budget per chart line and the entries month by month, from the institution's capacity and its
 * category's minimum daily cost. Amounts are integer centimes (exact), turned into text at the end.
 * Profiles: most institutions spend about a third above the minimum and close to their budget;
 * some overspend their food and utilities budget by a third ("over"); some spend about 60% of the
 * minimum daily cost ("low"), so the reports flag them.
 */
import type { Random } from '../../../registry/db/demo/random.ts';

export type Profile = 'normal' | 'over' | 'low';

/** Share of the year's expenditure per line of the national chart (migration 0123). */
export const expenditureShares: Record<string, number> = {
  op_food: 0.45,
  op_water: 0.03,
  op_electricity: 0.05,
  op_gas: 0.02,
  op_medicines: 0.03,
  op_cleaning: 0.03,
  op_insurance: 0.01,
  op_activities: 0.02,
  op_bank_fees: 0.005,
  st_salary_director: 0.09,
  st_salary_educators: 0.14,
  st_salary_support: 0.105,
  st_social_contributions: 0.03,
};

/** The budget's revenue: the EN subsidy, the commune, the education food grant (students' homes), donations, activities. */
export function revenueShares(studentHome: boolean): Record<string, number> {
  return studentHome
    ? { rev_en_subsidy: 0.45, rev_local_authorities: 0.1, rev_education_food_grant: 0.2, rev_private_donations: 0.17, rev_in_kind_donations: 0.05, rev_income_activities: 0.03 }
    : { rev_en_subsidy: 0.55, rev_local_authorities: 0.12, rev_private_donations: 0.25, rev_in_kind_donations: 0.05, rev_income_activities: 0.03 };
}

/** Lines whose actual spending follows the profile's overspending. */
const overspent = new Set(['op_food', 'op_water', 'op_electricity', 'op_gas']);

export interface DemoEntry {
  journal: 'bank' | 'cash' | 'in_kind';
  date: string;
  direction: 'receipt' | 'payment';
  line: string;
  centimes: number;
  counterparty: string;
  means: 'cash' | 'cheque' | 'transfer' | 'direct_debit' | 'in_kind';
  reference: string | null;
  donorType: 'state' | 'commune' | 'private' | null;
}

const day = (year: number, month: number, d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const round = (centimes: number) => Math.max(100, Math.round(centimes / 100) * 100);

/** The year's budget per line (centimes), revenue equal to expenditure. */
export function budgetOf(yearlyExpenditure: number, studentHome: boolean): Map<string, number> {
  const amounts = new Map<string, number>();
  let spent = 0;
  for (const [line, share] of Object.entries(expenditureShares)) {
    const a = round(yearlyExpenditure * share);
    amounts.set(line, a);
    spent += a;
  }
  let received = 0;
  const revenue = Object.entries(revenueShares(studentHome));
  revenue.forEach(([line, share], i) => {
    // The last revenue line takes the rounding, so the budget balances to the centime.
    const a = i === revenue.length - 1 ? spent - received : round(spent * share);
    amounts.set(line, a);
    received += a;
  });
  return amounts;
}

const suppliers = ['Épicerie Al Baraka', 'Boucherie Atlas', 'Marché de gros Inezgane', 'Boulangerie Tafoukt', 'Coopérative laitière Souss'];
const donors = ['عائلة أيت باها', 'محسن من أكادير', 'Famille Benjelloun', 'M. Lahcen Oubaha', 'جمعية المحسنين', 'Entreprise Souss Agrumes'];

/**
 * A month of entries. Budgeted amounts are spread over the months; the bank receives the EN
 * subsidy each quarter, the commune's grant in March, the food grant in October and February; the
 * cash box receives the donations of the month, and pays the market and small purchases.
 */
export function monthEntries(r: Random, year: number, month: number, budget: Map<string, number>, profile: Profile, lastDay: number): DemoEntry[] {
  const out: DemoEntry[] = [];
  const monthly = (line: string) => (budget.get(line) ?? 0) / 12;
  const factor = (line: string) => (profile === 'over' && overspent.has(line) ? 1.32 : 0.9 + r.next() * 0.12);
  const pay = (line: string, centimes: number, d: number, journal: 'bank' | 'cash', means: DemoEntry['means'], counterparty: string, reference: string | null = null) => {
    if (d <= lastDay && centimes > 0) out.push({ journal, date: day(year, month, d), direction: 'payment', line, centimes: round(centimes), counterparty, means, reference, donorType: null });
  };
  const receive = (line: string, centimes: number, d: number, journal: DemoEntry['journal'], means: DemoEntry['means'], counterparty: string, donorType: DemoEntry['donorType'], reference: string | null = null) => {
    if (d <= lastDay && centimes > 0) out.push({ journal, date: day(year, month, d), direction: 'receipt', line, centimes: round(centimes), counterparty, means, reference, donorType });
  };

  // Revenue.
  if (month % 3 === 1) receive('rev_en_subsidy', (budget.get('rev_en_subsidy') ?? 0) / 4, 8, 'bank', 'transfer', 'مندوبية التعاون الوطني', 'state', `OV-${year}-${month}`);
  if (month === 3) receive('rev_local_authorities', budget.get('rev_local_authorities') ?? 0, 17, 'bank', 'transfer', 'الجماعة', 'commune', `VIR-COM-${year}`);
  if (month === 2 || month === 10) receive('rev_education_food_grant', (budget.get('rev_education_food_grant') ?? 0) / 2, 12, 'bank', 'transfer', 'المديرية الإقليمية للتربية الوطنية', 'state', `MEN-${year}-${month}`);
  // Expenditure amounts of the month, drawn first: the cash box's donations must cover its payments.
  const food = monthly('op_food') * factor('op_food');
  const gas = monthly('op_gas') * factor('op_gas');
  const cashPayments = food * 0.3 + gas + monthly('op_cleaning') + monthly('op_activities');
  // The month's donations in cash cover the market; the rest of the donations arrive by transfer.
  receive('rev_private_donations', cashPayments * 1.08, 2, 'cash', 'cash', r.pick(donors), 'private');
  receive('rev_private_donations', Math.max(0, monthly('rev_private_donations') - cashPayments * 1.08), 20, 'bank', 'transfer', r.pick(donors), 'private', `VIR-DON-${month}`);
  if (month === 4 || month === 9) receive('rev_in_kind_donations', (budget.get('rev_in_kind_donations') ?? 0) / 2, 14, 'in_kind', 'in_kind', r.pick(donors), 'private');
  if (month % 2 === 0) receive('rev_income_activities', monthly('rev_income_activities') * 2, 25, 'bank', 'transfer', 'Vente des produits de l’atelier', null);

  // Expenditure.
  pay('op_food', food * 0.15, 3, 'cash', 'cash', 'Souk hebdomadaire');
  pay('op_food', food * 0.15, 17, 'cash', 'cash', 'Souk hebdomadaire');
  pay('op_food', food * 0.35, 6, 'bank', 'cheque', r.pick(suppliers), `CHQ ${r.int(100000, 999999)}`);
  pay('op_food', food * 0.35, 21, 'bank', 'cheque', r.pick(suppliers), `CHQ ${r.int(100000, 999999)}`);
  pay('op_water', monthly('op_water') * factor('op_water'), 11, 'bank', 'direct_debit', 'RAMSA', `FACT-EAU-${month}`);
  pay('op_electricity', monthly('op_electricity') * factor('op_electricity'), 11, 'bank', 'direct_debit', 'ONEE', `FACT-ELEC-${month}`);
  pay('op_gas', gas, 9, 'cash', 'cash', 'Dépôt de gaz butane');
  if (month % 2 === 1) pay('op_medicines', monthly('op_medicines') * 2 * factor('op_medicines'), 13, 'bank', 'cheque', 'Pharmacie Al Amal', `CHQ ${r.int(100000, 999999)}`);
  pay('op_cleaning', monthly('op_cleaning'), 15, 'cash', 'cash', 'Droguerie du quartier');
  if (month === 1) pay('op_insurance', budget.get('op_insurance') ?? 0, 20, 'bank', 'transfer', 'Wafa Assurance', `POL-${year}`);
  pay('op_activities', monthly('op_activities'), 24, 'cash', 'cash', 'Librairie et sorties');
  pay('op_bank_fees', monthly('op_bank_fees'), 28, 'bank', 'direct_debit', 'Frais de tenue de compte');
  for (const line of ['st_salary_director', 'st_salary_educators', 'st_salary_support']) pay(line, monthly(line), 28, 'bank', 'transfer', 'Virement des salaires', `PAIE-${month}`);
  pay('st_social_contributions', monthly('st_social_contributions'), 10, 'bank', 'transfer', 'CNSS', `CNSS-${month}`);
  return out;
}
