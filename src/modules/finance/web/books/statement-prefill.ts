/**
 * An unmatched bank statement line handed to the entry form (bank charges, a transfer received):
 * carried in the entry page's search, read back with the same schema, and recorded with the entry.
 */
import { z } from 'zod';
import { Uuid } from '../../../../platform/contract/common.ts';
import type { Direction } from '../../server/books/contract.ts';

const StatementPrefill = z.object({
  statementLine: Uuid,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Signed as the bank shows it: negative is money out (a payment). */
  amount: z.string().regex(/^-?\d{1,12}(\.\d{1,2})?$/),
  label: z.string().max(200),
  reference: z.string().max(100).optional(),
});
export type StatementPrefill = z.infer<typeof StatementPrefill>;

export interface PrefilledEntry {
  lineId: string;
  entryDate: string;
  direction: Direction;
  amount: string;
  counterparty: string;
  reference: string;
}

/** The entry's starting values from the page's search, or null when it holds no valid statement line. */
export function readStatementPrefill(search: Record<string, unknown>): PrefilledEntry | null {
  const parsed = StatementPrefill.safeParse(search);
  if (!parsed.success) return null;
  const p = parsed.data;
  const negative = p.amount.startsWith('-');
  return {
    lineId: p.statementLine,
    entryDate: p.date,
    direction: negative ? 'payment' : 'receipt',
    amount: negative ? p.amount.slice(1) : p.amount,
    counterparty: p.label,
    reference: p.reference ?? '',
  };
}

export function statementPrefillSearch(line: { id: string; lineDate: string; amountMad: string; label: string; bankReference: string | null }): StatementPrefill {
  return {
    statementLine: line.id,
    date: line.lineDate,
    amount: line.amountMad,
    label: line.label.slice(0, 200),
    ...(line.bankReference ? { reference: line.bankReference.slice(0, 100) } : {}),
  };
}
