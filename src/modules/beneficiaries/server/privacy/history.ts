/**
 * Rectification is audited (law 09-08 art. 8): the history of a person's record (what changed,
 * when, by whom) is read from the audit log through the platform's record history. Readers are
 * those who see the person (404 otherwise) and, through the log's own policy, its holder's scope.
 */
import { registerHistoryOwner } from '../../../../platform/audit/index.ts';

registerHistoryOwner({
  type: 'person',
  key: 'record_id',
  tables: ['beneficiaries.persons'],
  readPermission: 'beneficiaries.read',
  visible: async (tx, id) => Boolean(await tx.selectFrom('beneficiaries.persons').select('id').where('id', '=', id).executeTakeFirst()),
});
