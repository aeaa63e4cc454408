/**
 * Associations and their board: reads, creation, edits. Scope is row-level security's job: an
 * association the caller may not see is absent (404), one it may see but not write (a delegation
 * looking at the founder of one of its institutions, seated elsewhere) answers 404 on write too.
 * What the database cannot say in the user's words (a commune outside the caller's scope) is
 * checked here first, so the answer is a field error rather than a bare refusal.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { invalidFields, notFound } from '../../../../server/errors.ts';
import type { Association, BoardMember, BoardMemberBody, CreateAssociationBody } from '../../contract/associations.ts';
import { findAssociationInstitutions, findAssociationRow, findBoardMembers, toListItem } from './queries.ts';

type CreateBody = CreateAssociationBody;

export async function getAssociation(tx: Tx, id: string): Promise<Association> {
  const row = await findAssociationRow(tx, id);
  if (!row) throw notFound();
  const boardMembers = await findBoardMembers(tx, id);
  const institutions = await findAssociationInstitutions(tx, id);
  return {
    ...toListItem(row),
    receiptDate: row.receipt_date as unknown as string | null,
    rib: row.rib,
    bankName: row.bank_name,
    address: row.address,
    phone: row.phone,
    email: row.email,
    provinceNameAr: row.province_name_ar,
    provinceNameFr: row.province_name_fr,
    delegationNameAr: row.delegation_name_ar,
    delegationNameFr: row.delegation_name_fr,
    boardMembers,
    institutions,
    documentCount: row.document_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The commune must exist and lie in the caller's scope (an association is seated where it is written). */
async function checkCommune(tx: Tx, communeId: string): Promise<void> {
  const commune = await tx
    .selectFrom('territory.communes')
    .select(sql<boolean>`app.scope_allows(region_id, delegation_id, NULL, NULL)`.as('in_scope'))
    .where('id', '=', communeId)
    .executeTakeFirst();
  if (!commune) throw invalidFields({ path: 'communeId', key: 'validation.invalid_value' });
  if (!commune.in_scope) throw invalidFields({ path: 'communeId', key: 'registry.associations.validation.commune_outside_scope' });
}

const columns = (b: Partial<CreateBody & { status: string }>) => ({
  ...(b.legalForm !== undefined && { legal_form: b.legalForm }),
  ...(b.nameAr !== undefined && { name_ar: b.nameAr }),
  ...(b.nameFr !== undefined && { name_fr: b.nameFr }),
  ...(b.receiptNumber !== undefined && { receipt_number: b.receiptNumber }),
  ...(b.receiptDate !== undefined && { receipt_date: b.receiptDate }),
  ...(b.boardRenewalDate !== undefined && { board_renewal_date: b.boardRenewalDate }),
  ...(b.publicUtility !== undefined && { public_utility: b.publicUtility }),
  ...(b.rib !== undefined && { rib: b.rib }),
  ...(b.bankName !== undefined && { bank_name: b.bankName }),
  ...(b.address !== undefined && { address: b.address }),
  ...(b.communeId !== undefined && { commune_id: b.communeId }),
  ...(b.phone !== undefined && { phone: b.phone }),
  ...(b.email !== undefined && { email: b.email }),
  ...(b.status !== undefined && { status: b.status }),
});

export async function createAssociation(tx: Tx, body: CreateBody): Promise<Association> {
  await checkCommune(tx, body.communeId);
  const { status, ...rest } = body;
  const { id } = await tx
    .insertInto('registry.associations')
    .values(columns(rest) as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  // status is granted on update only: a new association is active unless told otherwise.
  if (status && status !== 'active') await tx.updateTable('registry.associations').set({ status }).where('id', '=', id).execute();
  return getAssociation(tx, id);
}

export async function updateAssociation(tx: Tx, id: string, body: Partial<CreateBody & { status: string }>): Promise<Association> {
  if (body.communeId !== undefined) await checkCommune(tx, body.communeId);
  const values = columns(body);
  if (Object.keys(values).length > 0) {
    // The row must be visible and writable (associations_update policy); otherwise nothing changes: 404.
    const updated = await tx.updateTable('registry.associations').set(values).where('id', '=', id).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw notFound();
  } else if (!(await findAssociationRow(tx, id))) {
    throw notFound();
  }
  return getAssociation(tx, id);
}

// ---------------------------------------------------------------------------------------------
// Board members

const boardColumns = (b: Partial<BoardMemberOut>) => ({
  ...(b.fullNameAr !== undefined && { full_name_ar: b.fullNameAr }),
  ...(b.fullNameFr !== undefined && { full_name_fr: b.fullNameFr }),
  ...(b.role !== undefined && { role: b.role }),
  ...(b.cnie !== undefined && { cnie: b.cnie }),
  ...(b.phone !== undefined && { phone: b.phone }),
  ...(b.mandateStart !== undefined && { mandate_start: b.mandateStart }),
  ...(b.mandateEnd !== undefined && { mandate_end: b.mandateEnd }),
});
type BoardMemberOut = BoardMemberBody;

/** The association, writable by the caller (its seat's scope or itself), or 404. */
async function writableAssociation(tx: Tx, id: string): Promise<void> {
  const row = await tx
    .selectFrom('registry.associations')
    .select(sql<boolean>`app.scope_allows(region_id, delegation_id, id, NULL)`.as('writable'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row?.writable) throw notFound();
}

export async function addBoardMember(tx: Tx, associationId: string, body: BoardMemberOut): Promise<BoardMember[]> {
  await writableAssociation(tx, associationId);
  await tx.insertInto('registry.board_members').values({ association_id: associationId, ...boardColumns(body) } as never).execute();
  return findBoardMembers(tx, associationId);
}

export async function updateBoardMember(tx: Tx, associationId: string, memberId: string, body: Partial<BoardMemberOut>): Promise<BoardMember[]> {
  await writableAssociation(tx, associationId);
  const values = boardColumns(body);
  if (Object.keys(values).length > 0) {
    const updated = await tx.updateTable('registry.board_members').set(values).where('id', '=', memberId).where('association_id', '=', associationId).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw notFound();
  }
  return findBoardMembers(tx, associationId);
}

export async function removeBoardMember(tx: Tx, associationId: string, memberId: string): Promise<BoardMember[]> {
  await writableAssociation(tx, associationId);
  const deleted = await tx.deleteFrom('registry.board_members').where('id', '=', memberId).where('association_id', '=', associationId).executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw notFound();
  return findBoardMembers(tx, associationId);
}
