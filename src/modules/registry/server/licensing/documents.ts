/**
 * The documents of a licence application: one category per item of the application file
 * (decree 2.19.693 art. 2). Attaching a document to an item ticks it in the checklist.
 */
import { registerDocumentOwner } from '../../../../platform/documents/index.ts';
import { LICENCE_APPLICATION_OWNER, checklistItems } from '../../contract/licensing.ts';

registerDocumentOwner({
  type: LICENCE_APPLICATION_OWNER,
  readPermission: 'registry.read',
  // The founder assembles the file as the administration does: both may attach its documents.
  writePermission: 'licensing.declare',
  categories: checklistItems,
  // Notification links lead to the licensing queue (the owner id is the application, not the institution).
  linkOf: () => '/registry/licensing',
  // The application is the step that filed it; row-level security hides it outside the scope.
  scopeOf: async (tx, id) => {
    const row = await tx
      .selectFrom('registry.licensing_steps')
      .select(['region_id', 'delegation_id', 'association_id', 'institution_id'])
      .where('id', '=', id)
      .where('kind', '=', 'application_filed')
      .executeTakeFirst();
    return row && { regionId: row.region_id, delegationId: row.delegation_id, associationId: row.association_id, institutionId: row.institution_id };
  },
});
