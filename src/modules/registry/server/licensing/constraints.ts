/**
 * The licensing rules the database alone enforces (0055), answered in the user's language.
 * Imported for its side effect by the registry module.
 */
import { registerConstraintMessages } from '../../../../server/problem.ts';

registerConstraintMessages({
  licensing_step_out_of_order: { path: 'kind', key: 'licensing.errors.out_of_order', status: 409 },
  licensing_document_missing: { path: 'kind', key: 'licensing.errors.document_missing', status: 409 },
  licensing_step_date_order: { path: 'occurredOn', key: 'licensing.errors.date_order' },
  licensing_step_not_future: { path: 'occurredOn', key: 'licensing.errors.not_future' },
  licensing_refusal_needs_reasons: { path: 'reasons', key: 'licensing.errors.refusal_needs_reasons' },
  licensing_sanction_needs_reasons: { path: 'reasons', key: 'licensing.errors.sanction_needs_reasons' },
  licensing_authorisation_needs_licence: { path: 'licenceNumber', key: 'licensing.errors.authorisation_needs_licence' },
  licensing_step_fields: { path: 'kind', key: 'licensing.errors.step_fields' },
  licensing_licence_date_order: { path: 'licenceDate', key: 'licensing.errors.licence_date_order' },
  licensing_closure_before_notice_end: { path: 'occurredOn', key: 'licensing.errors.closure_before_notice_end', status: 409 },
  licensing_requested_item_missing: { path: 'item', key: 'licensing.errors.requested_item_missing', status: 409 },
  licensing_change_unknown: { path: 'changeId', key: 'licensing.errors.change_unknown' },
  licensing_item_not_in_checklist: { path: 'item', key: 'licensing.errors.item_not_in_checklist' },
  institutions_licence_number_key: { path: 'licenceNumber', key: 'licensing.errors.duplicate_licence_number', status: 409 },
  licensing_steps_append_only: { path: 'kind', key: 'licensing.errors.append_only', status: 409 },
});
