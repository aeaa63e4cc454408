/** The data protection rules the database alone enforces (0100), answered in the user's language. */
import { registerConstraintMessages } from '../../../../server/problem.ts';

registerConstraintMessages({
  consents_given_not_future: { path: 'givenOn', key: 'beneficiaries.privacy.validation.date_in_future' },
  consents_withdrawn_not_future: { path: 'withdrawnOn', key: 'beneficiaries.privacy.validation.date_in_future' },
  consents_withdrawal_final: { path: 'withdrawnOn', key: 'beneficiaries.privacy.validation.already_withdrawn', status: 409 },
  consents_withdrawn_after_given: { path: 'withdrawnOn', key: 'beneficiaries.privacy.validation.withdrawn_before_given' },
  consents_withdraw_only_consent: { path: 'withdrawnOn', key: 'beneficiaries.privacy.validation.only_consent_withdrawn' },
  consents_giver_required: { path: 'givenBy', key: 'beneficiaries.privacy.validation.giver_required' },
  consents_giver_only_for_consent: { path: 'givenBy', key: 'beneficiaries.privacy.validation.giver_only_for_consent' },
  consents_representative_named: { path: 'givenByName', key: 'beneficiaries.privacy.validation.representative_named' },
  consents_other_purpose_described: { path: 'purposeDetails', key: 'beneficiaries.privacy.validation.purpose_described' },
  retention_reviews_record_exists: { path: 'recordId', key: 'beneficiaries.privacy.validation.record_unknown' },
  retention_reviews_record_due: { path: 'recordId', key: 'beneficiaries.privacy.validation.record_not_due' },
  retention_reviews_keep_future: { path: 'keepUntil', key: 'beneficiaries.privacy.validation.keep_until_future' },
  retention_reviews_keep_until: { path: 'keepUntil', key: 'beneficiaries.privacy.validation.keep_until_required' },
});
