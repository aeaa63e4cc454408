/**
 * The institution's accounts: one bank account with its RIB (the law allows a single one) and the
 * cash box, each with its balance today. The database refuses a second account of a kind.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { invalidFields } from '../../../../server/errors.ts';
import { hasPermission } from '../../../access/permissions.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { Account, Accounts, CreateAccountBody } from './contract.ts';
import { institutionInScope, mad } from './institution.ts';

export async function listAccounts(tx: Tx, user: CurrentUser, institutionId: string): Promise<Accounts> {
  const institution = await institutionInScope(tx, institutionId);
  const today = todayInMorocco();
  const rows = await tx
    .selectFrom('finance.accounts as a')
    .select(['a.id', 'a.kind', 'a.rib', 'a.bank_name', 'a.opening_date', 'a.opening_balance_mad'])
    .select(sql<string>`finance.account_balance(a.id, ${today}::date)::numeric(16, 2)::text`.as('balance'))
    .where('a.institution_id', '=', institutionId)
    .orderBy('a.kind')
    .execute();
  return {
    institutionId,
    nameAr: institution.nameAr,
    nameFr: institution.nameFr,
    accounts: rows.map(toAccount),
    canKeep: hasPermission(user.role, 'finance.keep'),
  };
}

const toAccount = (r: { id: string; kind: string; rib: string | null; bank_name: string | null; opening_date: unknown; opening_balance_mad: unknown; balance: string }): Account => ({
  id: r.id,
  kind: r.kind as Account['kind'],
  rib: r.rib,
  bankName: r.bank_name,
  openingDate: String(r.opening_date),
  openingBalanceMad: mad(r.opening_balance_mad),
  balanceMad: mad(r.balance),
});

export async function createAccount(tx: Tx, user: CurrentUser, institutionId: string, body: CreateAccountBody): Promise<Accounts> {
  await institutionInScope(tx, institutionId);
  if (body.kind === 'bank' && !body.rib) throw invalidFields({ path: 'rib', key: 'validation.required' });
  if (body.kind === 'cash' && body.rib) throw invalidFields({ path: 'rib', key: 'validation.invalid_value' });
  await tx
    .insertInto('finance.accounts')
    .values({
      institution_id: institutionId,
      kind: body.kind,
      rib: body.kind === 'bank' ? (body.rib?.replace(/\s/g, '') ?? null) : null,
      bank_name: body.kind === 'bank' ? (body.bankName ?? null) : null,
      opening_date: body.openingDate,
      opening_balance_mad: body.openingBalanceMad,
    })
    .execute();
  return listAccounts(tx, user, institutionId);
}
