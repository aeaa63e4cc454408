/** What the history tab of an institution and of an association shows (platform record history). */
import { registerHistoryOwner } from '../../../platform/audit/index.ts';

registerHistoryOwner({
  type: 'institution',
  key: 'institution_id',
  tables: ['registry.institutions', 'registry.rooms', 'registry.institution_services', 'registry.committee_members'],
  readPermission: 'registry.read',
  visible: async (tx, id) => Boolean(await tx.selectFrom('registry.institutions').select('id').where('id', '=', id).executeTakeFirst()),
});

registerHistoryOwner({
  type: 'association',
  key: 'association_id',
  tables: ['registry.associations', 'registry.board_members'],
  readPermission: 'registry.read',
  visible: async (tx, id) => Boolean(await tx.selectFrom('registry.associations').select('id').where('id', '=', id).executeTakeFirst()),
});
