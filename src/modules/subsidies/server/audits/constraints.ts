/** The audits part's constraints the database alone enforces, answered with their own words. */
import { registerConstraintMessages } from '../../../../server/problem.ts';

registerConstraintMessages({
  justifications_one_open: { path: 'trancheId', key: 'subsidies.validation.justification_already_open', status: 409 },
  justifications_reason_given: { path: 'reason', key: 'subsidies.validation.reason_required' },
  audit_missions_period_order: { path: 'endsOn', key: 'subsidies.validation.ends_before_start' },
  audit_recommendations_done_followed: { path: 'followUp', key: 'subsidies.validation.follow_up_required' },
});
