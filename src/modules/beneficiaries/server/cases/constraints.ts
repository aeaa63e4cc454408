/** The pathway's rules that the database alone enforces (0090), answered in the user's words. */
import { registerConstraintMessages } from '../../../../server/problem.ts';

const m = (key: string) => `beneficiaries.cases.errors.${key}`;

registerConstraintMessages({
  referrals_service_offered: { path: 'service', key: m('service_not_offered') },
  referrals_state_transition: { path: 'state', key: m('referral_state'), status: 409 },
  cases_close_complete: { path: 'closeReason', key: m('close_reason_required') },
  cases_closed_final: { path: 'stage', key: m('case_closed'), status: 409 },
  case_notes_not_future: { path: 'notedOn', key: m('date_in_future') },
  case_plans_institution_held: { path: 'caseId', key: m('plan_needs_institution'), status: 409 },
  case_plans_dates: { path: 'endsOn', key: 'beneficiaries.cases.validation.plan_dates' },
  case_plans_status_needs_approval: { path: 'status', key: m('plan_not_approved'), status: 409 },
  follow_ups_done_after_exit: { path: 'doneOn', key: m('follow_up_before_exit') },
  follow_ups_not_future: { path: 'doneOn', key: m('date_in_future') },
});
