/**
 * The scanned receipt, invoice or bank slip of an entry: a document of owner type finance_entry
 * (platform documents: versions kept, no delete). Read with finance.read, attached by those who
 * keep the books; an entry out of the user's scope answers 404 (row-level security).
 */
import { registerDocumentOwner } from '../../../../platform/documents/index.ts';

export const entryDocumentCategories = ['receipt', 'invoice', 'bank_statement', 'other'] as const;

registerDocumentOwner({
  type: 'finance_entry',
  readPermission: 'finance.read',
  writePermission: 'finance.keep',
  categories: entryDocumentCategories,
  scopeOf: async (tx, id) => {
    const row = await tx
      .selectFrom('finance.entries')
      .select(['region_id', 'delegation_id', 'association_id', 'institution_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { regionId: row.region_id, delegationId: row.delegation_id, associationId: row.association_id, institutionId: row.institution_id };
  },
});
