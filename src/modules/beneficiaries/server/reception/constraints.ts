/** Rules of the reception queue that the database alone enforces (0085), answered with their own words. */
import { registerConstraintMessages } from '../../../../server/problem.ts';

const v = (key: string) => `beneficiaries.reception.validation.${key}`;

registerConstraintMessages({
  requests_assignee_in_scope: { path: 'userId', key: v('assignee_in_scope') },
  requests_case_of_person: { path: 'caseId', key: v('case_of_person') },
  requests_case_opened_has_case: { path: 'caseId', key: v('person_required') },
  requests_closed_has_reason: { path: 'reason', key: v('closed_reason') },
  requests_assigned_has_user: { path: 'userId', key: v('assignee_in_scope') },
  public_requests_consent: { path: 'consentGiven', key: v('consent') },
  public_requests_phone: { path: 'requesterPhone', key: v('phone_required') },
  public_requests_commune: { path: 'communeId', key: v('commune') },
  persons_delegation_filled: { path: 'delegationId', key: 'beneficiaries.persons.validation.holder_required' },
  requests_delegation_filled: { path: 'communeId', key: v('commune') },
});
