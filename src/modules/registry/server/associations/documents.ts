/**
 * Documents of an association (statutes, general-assembly minutes, certified accounts, the
 * declaration receipt) through the platform's documents: visible to whoever sees the association,
 * scoped by its seat and itself, so its officer and its delegation both find them.
 */
import { registerDocumentOwner } from '../../../../platform/documents/index.ts';

export const associationDocumentCategories = ['statutes', 'general_assembly_minutes', 'certified_accounts', 'declaration_receipt', 'other'] as const;

registerDocumentOwner({
  type: 'association',
  readPermission: 'documents.read',
  writePermission: 'documents.write',
  categories: associationDocumentCategories,
  linkOf: (id) => `/registry/associations/${id}`,
  scopeOf: async (tx, id) => {
    const row = await tx.selectFrom('registry.associations').select(['id', 'region_id', 'delegation_id']).where('id', '=', id).executeTakeFirst();
    return row && { regionId: row.region_id, delegationId: row.delegation_id ?? undefined, associationId: row.id };
  },
});
