/** Rules of the matching part that the database alone enforces (0082, 0083), answered in the user's words. */
import { registerConstraintMessages } from '../../../../server/problem.ts';

registerConstraintMessages({
  access_requests_requester_delegation: { path: 'kind', key: 'beneficiaries.matching.errors.requester_delegation' },
  access_requests_other_holder: { path: 'kind', key: 'beneficiaries.matching.errors.already_holder' },
  access_requests_person_live: { path: 'personId', key: 'beneficiaries.matching.errors.person_unknown' },
  access_requests_one_pending: { path: 'kind', key: 'beneficiaries.matching.errors.request_pending', status: 409 },
  access_requests_already_decided: { path: 'status', key: 'beneficiaries.matching.errors.already_decided', status: 409 },
  access_requests_reason_length: { path: 'reason', key: 'beneficiaries.matching.validation.reason_required' },
  merges_reason_length: { path: 'reason', key: 'beneficiaries.matching.validation.reason_required' },
  merges_two_persons: { path: 'mergedId', key: 'beneficiaries.matching.errors.same_person' },
  merges_one_open: { path: 'mergedId', key: 'beneficiaries.matching.errors.merge_open', status: 409 },
  merges_reviewer_not_proposer: { path: 'status', key: 'beneficiaries.matching.errors.own_proposal', status: 409 },
  merges_not_proposed: { path: 'status', key: 'beneficiaries.matching.errors.not_proposed', status: 409 },
  merges_not_approved: { path: 'status', key: 'beneficiaries.matching.errors.not_approved', status: 409 },
  merges_persons_live: { path: 'mergedId', key: 'beneficiaries.matching.errors.already_merged', status: 409 },
});
