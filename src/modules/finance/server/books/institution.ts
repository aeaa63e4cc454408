/** The institution whose books are asked for: seen under row-level security, else 404. */
import type { Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';

export interface BooksInstitution {
  id: string;
  nameAr: string;
  nameFr: string;
  legalCategory: string | null;
}

export async function institutionInScope(tx: Tx, id: string): Promise<BooksInstitution> {
  const row = await tx.selectFrom('registry.institutions').select(['id', 'name_ar', 'name_fr', 'legal_category']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return { id: row.id, nameAr: row.name_ar, nameFr: row.name_fr, legalCategory: row.legal_category };
}

/** numeric → API money text ("1250.50"); pg returns numerics as strings already. */
export const mad = (value: unknown): string => {
  const text = String(value ?? '0');
  const [whole, frac = ''] = text.split('.');
  return `${whole}.${frac.padEnd(2, '0').slice(0, 2)}`;
};
