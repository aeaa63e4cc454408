/**
 * SQL of the associations. Every query runs under the caller's row-level security: what the
 * caller may not see is simply absent (the service turns that into 404). One query per list,
 * counts as correlated subqueries on indexed keys (no N+1).
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { invalidFields } from '../../../../server/errors.ts';
import type { AssociationFilters, AssociationListItem, AssociationSort } from '../../contract/associations.ts';

/** Keyset cursor: the sort key and the id of the last row of the page, opaque to the client. */
export function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { name, id };
  } catch {
    // falls through to the field error
  }
  throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
}

const sortColumn = (sort: AssociationSort) => (sort === 'nameAr' || sort === '-nameAr' ? 'a.name_ar' : 'a.name_fr');
const descending = (sort: AssociationSort) => sort.startsWith('-');

function selectAssociations(tx: Tx) {
  return tx
    .selectFrom('registry.associations as a')
    .innerJoin('territory.communes as c', 'c.id', 'a.commune_id')
    .select([
      'a.id', 'a.name_ar', 'a.name_fr', 'a.legal_form', 'a.status', 'a.public_utility', 'a.receipt_number', 'a.board_renewal_date',
      'a.commune_id', 'c.name_ar as commune_name_ar', 'c.name_fr as commune_name_fr', 'a.province_id', 'a.region_id', 'a.delegation_id',
    ])
    // Counted under RLS: an officer of an institution counts only what it sees.
    .select(sql<number>`(SELECT count(*)::int FROM registry.institutions i WHERE i.association_id = a.id)`.as('institution_count'));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof selectAssociations>['execute']>>[number];

export function toListItem(r: ListRow): AssociationListItem {
  return {
    id: r.id,
    nameAr: r.name_ar,
    nameFr: r.name_fr,
    legalForm: r.legal_form as AssociationListItem['legalForm'],
    status: r.status as AssociationListItem['status'],
    publicUtility: r.public_utility,
    receiptNumber: r.receipt_number,
    boardRenewalDate: r.board_renewal_date as unknown as string | null,
    communeId: r.commune_id,
    communeNameAr: r.commune_name_ar,
    communeNameFr: r.commune_name_fr,
    provinceId: r.province_id!,
    regionId: r.region_id!,
    delegationId: r.delegation_id,
    institutionCount: r.institution_count,
  };
}

/** The filtered, sorted associations; `after` and `limit` page them by (name, id). */
export async function findAssociations(
  tx: Tx,
  f: AssociationFilters & { after?: { name: string; id: string }; limit?: number },
): Promise<{ items: AssociationListItem[]; last?: { name: string; id: string } }> {
  const column = sortColumn(f.sort);
  const desc = descending(f.sort);
  let query = selectAssociations(tx)
    .orderBy(column, desc ? 'desc' : 'asc')
    .orderBy('a.id', desc ? 'desc' : 'asc');
  if (f.q) {
    // Folded like search_key (app.fold_name): hamza forms, accents, case and punctuation do not
    // matter. Folding also turns LIKE's wildcards into spaces, so the user's text needs no escaping;
    // the pg_trgm index on search_key serves the infix match.
    query = query.where(sql<boolean>`a.search_key LIKE '%' || app.fold_name(${f.q}) || '%'`);
  }
  if (f.region) query = query.where('a.region_id', '=', f.region);
  if (f.delegation) query = query.where('a.delegation_id', '=', f.delegation);
  if (f.province) query = query.where('a.province_id', '=', f.province);
  if (f.legalForm) query = query.where('a.legal_form', '=', f.legalForm);
  if (f.status) query = query.where('a.status', '=', f.status);
  if (f.publicUtility !== undefined) query = query.where('a.public_utility', '=', f.publicUtility);
  if (f.boardExpired === true) query = query.where(sql<boolean>`a.board_renewal_date < current_date`);
  if (f.boardExpired === false) query = query.where(sql<boolean>`(a.board_renewal_date IS NULL OR a.board_renewal_date >= current_date)`);
  if (f.after) {
    const op = sql.raw(desc ? '<' : '>');
    query = query.where(sql<boolean>`(${sql.ref(column)}, a.id) ${op} (${f.after.name}, ${f.after.id}::uuid)`);
  }
  if (f.limit) query = query.limit(f.limit);
  const rows = await query.execute();
  const items = rows.map(toListItem);
  const lastRow = rows[rows.length - 1];
  return { items, last: lastRow && { name: column === 'a.name_ar' ? lastRow.name_ar : lastRow.name_fr, id: lastRow.id } };
}

/** One association with its place names and counts, or undefined when out of scope. */
export async function findAssociationRow(tx: Tx, id: string) {
  return selectAssociations(tx)
    .innerJoin('territory.provinces as p', 'p.id', 'a.province_id')
    .leftJoin('organisation.delegations as d', 'd.id', 'a.delegation_id')
    .select([
      'a.receipt_date', 'a.rib', 'a.bank_name', 'a.address', 'a.phone', 'a.email', 'p.name_ar as province_name_ar', 'p.name_fr as province_name_fr',
      'd.name_ar as delegation_name_ar', 'd.name_fr as delegation_name_fr',
    ])
    .select(sql<string>`to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_at'))
    .select(sql<string>`to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('updated_at'))
    .select(sql<number>`(SELECT count(*)::int FROM documents.documents doc WHERE doc.owner_type = 'association' AND doc.owner_id = a.id)`.as('document_count'))
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function findBoardMembers(tx: Tx, associationId: string) {
  const rows = await tx
    .selectFrom('registry.board_members')
    .select(['id', 'association_id', 'full_name_ar', 'full_name_fr', 'role', 'cnie', 'phone', 'mandate_start', 'mandate_end'])
    .where('association_id', '=', associationId)
    // The board in the order of its offices (president first), then by name.
    .orderBy(sql`array_position(ARRAY['president','vice_president','secretary_general','deputy_secretary','treasurer','deputy_treasurer','adviser','member'], role)`)
    .orderBy('full_name_fr')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    associationId: r.association_id,
    fullNameAr: r.full_name_ar,
    fullNameFr: r.full_name_fr,
    role: r.role as 'president',
    cnie: r.cnie,
    phone: r.phone,
    mandateStart: r.mandate_start as unknown as string,
    mandateEnd: r.mandate_end as unknown as string,
  }));
}

export async function findAssociationInstitutions(tx: Tx, associationId: string) {
  const rows = await tx
    .selectFrom('registry.institutions as i')
    .innerJoin('territory.communes as c', 'c.id', 'i.commune_id')
    .select(['i.id', 'i.name_ar', 'i.name_fr', 'i.legal_category', 'i.centre_type', 'i.status', 'i.capacity_total', 'c.name_ar as commune_name_ar', 'c.name_fr as commune_name_fr'])
    .where('i.association_id', '=', associationId)
    .orderBy('i.name_fr')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    nameAr: r.name_ar,
    nameFr: r.name_fr,
    legalCategory: r.legal_category,
    centreType: r.centre_type,
    status: r.status,
    capacityTotal: Number(r.capacity_total),
    communeNameAr: r.commune_name_ar,
    communeNameFr: r.commune_name_fr,
  }));
}
