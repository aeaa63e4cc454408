/**
 * Documents of the audits part: the statements a justification presents (owner type
 * subsidy_justification, written by the association while the draft is open — the line trigger
 * accepts only a document of the same justification) and the reports of an audit mission.
 */
import { registerDocumentOwner } from '../../../../platform/documents/index.ts';

registerDocumentOwner({
  type: 'subsidy_justification',
  readPermission: 'subsidies.read',
  writePermission: 'subsidies.justify',
  categories: ['spending_statement', 'supporting_invoices', 'other'],
  linkOf: (id) => `/subsidies/justifications/${id}`,
  scopeOf: async (tx, id) => {
    const row = await tx.selectFrom('subsidies.justifications').select(['region_id', 'delegation_id', 'association_id']).where('id', '=', id).executeTakeFirst();
    return row && { regionId: row.region_id, delegationId: row.delegation_id, associationId: row.association_id };
  },
});

registerDocumentOwner({
  type: 'subsidy_audit_mission',
  readPermission: 'subsidies.read',
  writePermission: 'subsidies.audit',
  categories: ['audit_report', 'other'],
  linkOf: (id) => `/subsidies/audits/${id}`,
  scopeOf: async (tx, id) => {
    const row = await tx.selectFrom('subsidies.audit_missions').select(['region_id', 'delegation_id', 'association_id']).where('id', '=', id).executeTakeFirst();
    return row && { regionId: row.region_id, delegationId: row.delegation_id, associationId: row.association_id };
  },
});
