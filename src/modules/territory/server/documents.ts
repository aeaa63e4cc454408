/**
 * Documents on delegations (premises insurance, safety certificate, lease…): visible to the users
 * whose scope covers the delegation, which is stricter than the public organisation chart.
 */
import { sql } from 'kysely';
import { registerDocumentOwner } from '../../../platform/documents/index.ts';

export const delegationDocumentCategories = ['insurance', 'safety_certificate', 'lease', 'inspection_report', 'other'] as const;

registerDocumentOwner({
  type: 'delegation',
  readPermission: 'documents.read',
  writePermission: 'documents.write',
  categories: delegationDocumentCategories,
  linkOf: (id) => `/territory/delegations/${id}`,
  scopeOf: async (tx, id) => {
    const row = await tx
      .selectFrom('organisation.delegations')
      .select(['id', 'region_id'])
      .where('id', '=', id)
      .where(sql<boolean>`app.scope_allows(region_id, id, NULL, NULL)`)
      .executeTakeFirst();
    return row && { regionId: row.region_id, delegationId: row.id };
  },
});
