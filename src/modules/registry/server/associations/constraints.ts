/**
 * Rules of associations and board members that the database alone enforces (0051), answered with
 * a field and a message in the user's language instead of a bare 400.
 */
import { registerConstraintMessages } from '../../../../server/problem.ts';

registerConstraintMessages({
  associations_receipt_complete: { path: 'receiptNumber', key: 'registry.associations.validation.receipt_complete' },
  associations_phone_check: { path: 'phone', key: 'registry.associations.validation.phone_format' },
  board_members_named: { path: 'fullNameAr', key: 'registry.associations.validation.board_member_named' },
  board_members_mandate_order: { path: 'mandateEnd', key: 'registry.associations.validation.mandate_order' },
  board_members_cnie_check: { path: 'cnie', key: 'registry.associations.validation.cnie_format' },
  board_members_phone_check: { path: 'phone', key: 'registry.associations.validation.phone_format' },
});
