/**
 * Documents of a convention (the signed copy, amendments, annexes): read by whoever sees the
 * convention, attached by those who manage subsidies, scope from the convention (404 otherwise).
 */
import { registerDocumentOwner } from '../../../../platform/documents/index.ts';

registerDocumentOwner({
  type: 'subsidy_convention',
  readPermission: 'subsidies.read',
  writePermission: 'subsidies.manage',
  categories: ['signed_convention', 'convention_amendment', 'convention_annex', 'other'],
  linkOf: (id) => `/subsidies/conventions/${id}`,
  scopeOf: async (tx, id) => {
    const row = await tx.selectFrom('subsidies.conventions').select(['region_id', 'delegation_id', 'association_id']).where('id', '=', id).executeTakeFirst();
    return row && { regionId: row.region_id, delegationId: row.delegation_id, associationId: row.association_id };
  },
});
