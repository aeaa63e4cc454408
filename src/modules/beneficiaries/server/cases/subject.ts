/**
 * A case file is a subject of the forms service (needs diagnoses): responses about it copy its
 * scope keys, so whoever sees the case sees its diagnoses; its name is its number.
 */
import { registerSubjectType } from '../../../../platform/forms/index.ts';

registerSubjectType({
  type: 'case',
  async resolve(tx, id) {
    const c = await tx.selectFrom('beneficiaries.cases').select(['number', 'region_id', 'delegation_id', 'association_id', 'institution_id']).where('id', '=', id).executeTakeFirst();
    return (
      c && {
        keys: { regionId: c.region_id, delegationId: c.delegation_id, associationId: c.association_id, institutionId: c.institution_id },
        nameAr: c.number ?? '',
        nameFr: c.number ?? '',
      }
    );
  },
  async names(tx, ids) {
    if (ids.length === 0) return new Map();
    const rows = await tx.selectFrom('beneficiaries.cases').select(['id', 'number']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { nameAr: r.number ?? '', nameFr: r.number ?? '' }]));
  },
});
