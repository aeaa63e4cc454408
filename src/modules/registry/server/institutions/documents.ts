/**
 * Documents of an institution (internal rules — each new upload a new version, the platform keeps
 * them all —, insurance, safety and conformity certificates, building plans). Seen and written
 * by whoever sees the institution: its scope keys come from the institution's row under RLS.
 */
import { registerDocumentOwner } from '../../../../platform/documents/index.ts';

export const institutionDocumentCategories = [
  'internal_rules',
  'insurance',
  'safety_certificate',
  'building_plans',
  'conformity_certificate',
  'other',
] as const;

registerDocumentOwner({
  type: 'institution',
  readPermission: 'registry.read',
  writePermission: 'registry.write',
  categories: institutionDocumentCategories,
  linkOf: (id) => `/registry/institutions/${id}`,
  scopeOf: async (tx, id) => {
    const row = await tx
      .selectFrom('registry.institutions')
      .select(['id', 'region_id', 'delegation_id', 'association_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { regionId: row.region_id, delegationId: row.delegation_id, associationId: row.association_id, institutionId: row.id };
  },
});
