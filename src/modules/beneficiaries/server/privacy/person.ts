/** The person a privacy request is about must be visible to the caller (RLS); otherwise 404. */
import type { Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';

export async function requireVisiblePerson(tx: Tx, personId: string): Promise<void> {
  const row = await tx.selectFrom('beneficiaries.persons').select('id').where('id', '=', personId).executeTakeFirst();
  if (!row) throw notFound();
}
