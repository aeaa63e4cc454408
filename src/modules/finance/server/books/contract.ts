/**
 * API contract of the books (issue 9, part "books"): accounts, receipts and payments, journals with
 * their running balance, grants and their report to the ministry, monthly closing, bank
 * reconciliation. Shared by the server (validation) and the web client (forms). Money is text.
 */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../../../../platform/contract/common.ts';
import { Mad, MadOut, PositiveMad } from '../../../../platform/contract/money.ts';
import { ribIsValid } from '../../../registry/contract/values.ts';

export const journals = ['bank', 'cash', 'in_kind'] as const;
export const Journal = z.enum(journals);
export type Journal = z.infer<typeof Journal>;
export const directions = ['receipt', 'payment'] as const;
export const Direction = z.enum(directions);
export type Direction = z.infer<typeof Direction>;
export const meansList = ['cash', 'cheque', 'transfer', 'card', 'direct_debit', 'in_kind'] as const;
export const Means = z.enum(meansList);
export type Means = z.infer<typeof Means>;
export const donorTypes = ['state', 'public_body', 'commune', 'private', 'association', 'foreign'] as const;
export const DonorType = z.enum(donorTypes);
export type DonorType = z.infer<typeof DonorType>;

const isoDate = z.iso.date();
/** A month as 'YYYY-MM'. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const InstitutionParams = z.strictObject({ id: Uuid });
export const EntryParams = z.strictObject({ id: Uuid, entryId: Uuid });

// ---- accounts ---------------------------------------------------------------------------------
export const Account = z.object({
  id: Uuid,
  kind: z.enum(['bank', 'cash']),
  rib: z.string().nullable(),
  bankName: z.string().nullable(),
  openingDate: z.string(),
  openingBalanceMad: MadOut,
  balanceMad: MadOut,
});
export type Account = z.infer<typeof Account>;

export const Accounts = z.object({
  institutionId: Uuid,
  nameAr: z.string(),
  nameFr: z.string(),
  accounts: z.array(Account),
  /** The user may keep these books (director or accountant of the institution). */
  canKeep: z.boolean(),
});
export type Accounts = z.infer<typeof Accounts>;

export const CreateAccountBody = z.strictObject({
  kind: z.enum(['bank', 'cash']),
  rib: optionalText(30).refine((v) => v === null || ribIsValid(v.replace(/\s/g, '')), { message: 'registry.validation.rib_key' }).optional(),
  bankName: optionalText(120).optional(),
  openingDate: isoDate,
  openingBalanceMad: Mad,
});
export type CreateAccountBody = z.infer<typeof CreateAccountBody>;

// ---- chart lines usable for an entry -----------------------------------------------------------
export const EntryLine = z.object({
  code: z.string(),
  kind: z.enum(['revenue', 'expenditure']),
  section: z.string().nullable(),
  nameAr: z.string(),
  nameFr: z.string(),
  isGrant: z.boolean(),
});
export type EntryLine = z.infer<typeof EntryLine>;
export const EntryLinesQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const EntryLines = z.object({ items: z.array(EntryLine) });

// ---- entries -----------------------------------------------------------------------------------
export const CreateEntryBody = z.strictObject({
  journal: Journal,
  entryDate: isoDate,
  direction: Direction,
  lineCode: z.string().min(1).max(42),
  amountMad: PositiveMad,
  counterparty: text(200),
  means: Means,
  reference: optionalText(100).optional(),
  description: z.string().trim().max(1000).default(''),
  donorType: DonorType.nullable().optional(),
  /** The user saw that the payment exceeds the account's balance and records it all the same. */
  acknowledgeBalance: z.boolean().default(false),
  /** An unmatched line of the imported bank statement that this entry records (bank charges, a
   * transfer received): matched with it in the same transaction, or nothing is written. */
  statementLineId: Uuid.optional(),
});
export type CreateEntryBody = z.input<typeof CreateEntryBody>;

export const Entry = z.object({
  id: Uuid,
  institutionId: Uuid,
  journal: Journal,
  entryDate: z.string(),
  direction: Direction,
  lineCode: z.string(),
  lineNameAr: z.string(),
  lineNameFr: z.string(),
  amountMad: MadOut,
  counterparty: z.string(),
  means: Means,
  reference: z.string().nullable(),
  description: z.string(),
  donorType: DonorType.nullable(),
  reversesId: Uuid.nullable(),
  reversedById: Uuid.nullable(),
  createdAt: z.string(),
});
export type Entry = z.infer<typeof Entry>;

export const ReverseBody = z.strictObject({ entryDate: isoDate, description: text(1000) });
export type ReverseBody = z.infer<typeof ReverseBody>;

export const BalanceCheckQuery = z.strictObject({ journal: z.enum(['bank', 'cash']), entryDate: isoDate });
export const BalanceCheck = z.object({ balanceMad: MadOut });

// ---- journals ----------------------------------------------------------------------------------
export const JournalParams = z.strictObject({ id: Uuid, journal: Journal });
export const JournalQuery = PageQuery.extend({ from: isoDate, to: isoDate });
export const JournalRow = Entry.extend({ balanceMad: MadOut });
export type JournalRow = z.infer<typeof JournalRow>;
export const JournalPage = pageOf(JournalRow).extend({
  /** Balance before the first row of the whole period (opening balance for in-kind: 0). */
  openingMad: MadOut,
});
export type JournalPage = z.infer<typeof JournalPage>;
export const JournalExportQuery = z.strictObject({ from: isoDate, to: isoDate });

// ---- grants ------------------------------------------------------------------------------------
export const GrantsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const Grant = z.object({
  entryId: Uuid,
  entryDate: z.string(),
  counterparty: z.string(),
  donorType: DonorType,
  lineCode: z.string(),
  lineNameAr: z.string(),
  lineNameFr: z.string(),
  journal: Journal,
  amountMad: MadOut,
  /** The last day to report it (received + 10 days). */
  dueOn: z.string(),
  reportedOn: z.string().nullable(),
  reportReference: z.string().nullable(),
  /** Not reported by its due day (still unreported after it, or reported after it). */
  late: z.boolean(),
});
export type Grant = z.infer<typeof Grant>;
export const Grants = z.object({ items: z.array(Grant) });
export type Grants = z.infer<typeof Grants>;
export const GrantReportBody = z.strictObject({ reportedOn: isoDate, reference: optionalText(100).optional() });
export type GrantReportBody = z.infer<typeof GrantReportBody>;

// ---- monthly closing ---------------------------------------------------------------------------
export const ClosingsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const ClosingMonth = z.object({
  month: z.string(),
  receiptsMad: MadOut,
  paymentsMad: MadOut,
  entryCount: z.number().int(),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  bankBalanceMad: MadOut.nullable(),
  cashBalanceMad: MadOut.nullable(),
});
export type ClosingMonth = z.infer<typeof ClosingMonth>;
export const Closings = z.object({ year: z.number().int(), months: z.array(ClosingMonth) });
export type Closings = z.infer<typeof Closings>;
export const CloseMonthBody = z.strictObject({ month: Month });

// ---- bank reconciliation -----------------------------------------------------------------------
export const ReconciliationQuery = z.strictObject({ from: isoDate, to: isoDate });
export const StatementLine = z.object({
  id: Uuid,
  lineDate: z.string(),
  amountMad: MadOut,
  label: z.string(),
  bankReference: z.string().nullable(),
  entryId: Uuid.nullable(),
});
export type StatementLine = z.infer<typeof StatementLine>;
export const UnmatchedEntry = z.object({
  id: Uuid,
  entryDate: z.string(),
  counterparty: z.string(),
  reference: z.string().nullable(),
  /** Signed as on the statement: receipts positive, payments negative. */
  signedMad: MadOut,
});
export type UnmatchedEntry = z.infer<typeof UnmatchedEntry>;
export const Reconciliation = z.object({
  lines: z.array(StatementLine),
  unmatchedEntries: z.array(UnmatchedEntry),
  /** Books' bank balance at the end of the period, and the sums of what is not yet matched. */
  bookBalanceMad: MadOut,
  unmatchedLinesMad: MadOut,
  unmatchedEntriesMad: MadOut,
});
export type Reconciliation = z.infer<typeof Reconciliation>;
export const MatchBody = z.strictObject({ lineId: Uuid, entryId: Uuid });
export const UnmatchBody = z.strictObject({ lineId: Uuid });
export const AutoMatchBody = z.strictObject({ from: isoDate, to: isoDate });
export const AutoMatchResult = z.object({ matched: z.number().int() });

