/**
 * A publication's history (decision 0015): its rows in the audit log carry the institution's id as
 * scope key, so the changes of one institution's public settings are read by that key. Whoever
 * sees the institution sees when and by whom it was put online or taken off.
 */
import { registerHistoryOwner } from '../../../platform/audit/index.ts';
import { publicationHistoryType } from '../contract.ts';

registerHistoryOwner({
  type: publicationHistoryType,
  key: 'institution_id',
  tables: ['directory.publications'],
  readPermission: 'registry.read',
  visible: async (tx, id) => Boolean(await tx.selectFrom('registry.institutions').select('id').where('id', '=', id).executeTakeFirst()),
});
