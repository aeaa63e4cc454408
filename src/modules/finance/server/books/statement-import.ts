/**
 * The bank statement as an import target (platform imports: upload, column mapping, validation
 * with errors per row, then all rows or none). The statement goes to the importer's own
 * institution's bank account; an amount is one signed column or a debit and a credit column.
 * A line already imported (same date, amount, label and reference) is refused, so importing the
 * same file twice changes nothing.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { defineImportTarget, type ParsedRow } from '../../../../platform/imports/target.ts';
import type { RowError } from '../../../../platform/jobs/server/kinds.ts';
import { centimesToMad, madToCentimes } from '../../../../platform/contract/money.ts';

export const STATEMENT_IMPORT_TARGET = 'finance_bank_statement';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** '12/03/2026' or '2026-03-12' → '2026-03-12'. */
const statementDate = z.string().transform((v, ctx) => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : fr ? [fr[3]!, fr[2]!.padStart(2, '0'), fr[1]!.padStart(2, '0')] : [];
  const date = y && `${y}-${m}-${d}`;
  if (!date || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    ctx.addIssue({ code: 'custom', message: 'finance.validation.statement_date' });
    return z.NEVER;
  }
  return date;
});

/** Bank amounts as banks write them: "1 250,50", "-1250.50", "1.250,50". Returned as signed centimes text. */
const statementAmount = z.preprocess(
  blank,
  z
    .string()
    .transform((v, ctx) => {
      let t = v.replace(/[\s\u00a0\u202f]|MAD|DH|درهم/gi, '');
      if (/,\d{1,2}$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
      else t = t.replace(/,/g, '');
      if (!/^-?\d{1,12}(\.\d{1,2})?$/.test(t)) {
        ctx.addIssue({ code: 'custom', message: 'finance.validation.statement_amount' });
        return z.NEVER;
      }
      return centimesToMad(madToCentimes(t));
    })
    .optional(),
);

defineImportTarget({
  name: STATEMENT_IMPORT_TARGET,
  permission: 'finance.keep',
  uniqueKey: 'bankReference',
  fields: [
    { key: 'lineDate', labelAr: 'تاريخ العملية', labelFr: "Date d'opération", required: true, schema: statementDate, aliases: ['date', 'date operation', 'date valeur', 'التاريخ', 'تاريخ العملية'] },
    { key: 'label', labelAr: 'البيان', labelFr: 'Libellé', required: true, schema: z.string().min(1, 'validation.required').max(300), aliases: ['libelle', 'label', 'designation', 'operation', 'البيان'] },
    { key: 'amount', labelAr: 'المبلغ', labelFr: 'Montant', required: false, schema: statementAmount, aliases: ['montant', 'amount', 'المبلغ'] },
    { key: 'debit', labelAr: 'مدين', labelFr: 'Débit', required: false, schema: statementAmount, aliases: ['debit', 'مدين'] },
    { key: 'credit', labelAr: 'دائن', labelFr: 'Crédit', required: false, schema: statementAmount, aliases: ['credit', 'دائن'] },
    { key: 'bankReference', labelAr: 'مرجع البنك', labelFr: 'Référence', required: false, schema: z.preprocess(blank, z.string().max(100).optional()), aliases: ['reference', 'ref', 'المرجع'] },
  ],
  check: async (tx, importer, rows) => {
    const errors: RowError[] = [];
    const account = await bankAccountOf(tx, importer);
    for (const r of rows) {
      if (!account) errors.push({ row: r.row, field: 'lineDate', key: 'finance.validation.no_account', value: '' });
      else if (signedAmount(r) === undefined) errors.push({ row: r.row, field: 'amount', key: 'finance.validation.statement_amount', value: '' });
    }
    if (!account) return errors;
    const candidates = rows.filter((r) => signedAmount(r) !== undefined);
    if (candidates.length === 0) return errors;
    // Lines already in the database: one query for the batch.
    const values = candidates.map((r) => sql`(${r.row}::int, ${r.values.lineDate as string}::date, ${signedAmount(r)!}::numeric, ${r.values.label as string}::text, ${(r.values.bankReference as string | undefined) ?? null}::text)`);
    const found = await sql<{ row: number }>`
      SELECT v.row FROM (VALUES ${sql.join(values)}) AS v(row, line_date, amount, label, ref)
      WHERE EXISTS (SELECT 1 FROM finance.bank_statement_lines s WHERE s.account_id = ${account.id}::uuid AND s.line_date = v.line_date
                    AND s.amount_mad = v.amount AND s.label = v.label AND s.bank_reference IS NOT DISTINCT FROM v.ref)`.execute(tx);
    for (const f of found.rows) errors.push({ row: f.row, field: 'label', key: 'finance.validation.statement_line_exists', value: '' });
    return errors;
  },
  insert: async (tx, importer, rows) => {
    const account = await bankAccountOf(tx, importer);
    if (!account || rows.length === 0) return;
    await tx
      .insertInto('finance.bank_statement_lines')
      .values(rows.map((r) => ({
        institution_id: account.institution_id,
        account_id: account.id,
        line_date: r.values.lineDate as string,
        amount_mad: signedAmount(r)!,
        label: r.values.label as string,
        bank_reference: (r.values.bankReference as string | undefined) ?? null,
        imported_by: importer.id,
      })))
      .execute();
  },
});

/** One signed amount from the row: the amount column, else credit minus debit. Zero is no amount. */
function signedAmount(r: ParsedRow): string | undefined {
  const { amount, debit, credit } = r.values as { amount?: string; debit?: string; credit?: string };
  let centimes: bigint;
  if (amount !== undefined) centimes = madToCentimes(amount);
  else if (debit !== undefined || credit !== undefined) centimes = madToCentimes(credit ?? '0') - absolute(madToCentimes(debit ?? '0'));
  else return undefined;
  return centimes === 0n ? undefined : centimesToMad(centimes);
}

const absolute = (c: bigint) => (c < 0n ? -c : c);

/** The statement belongs to the importer's institution (only its director or accountant keep books). */
async function bankAccountOf(tx: Tx, importer: CurrentUser) {
  if (!importer.scope.institutionId) return undefined;
  return tx.selectFrom('finance.accounts').select(['id', 'institution_id']).where('institution_id', '=', importer.scope.institutionId).where('kind', '=', 'bank').executeTakeFirst();
}
