import type { ServerModule } from '../../server/module.ts';
import { registerMessages } from '../../server/i18n/messages.ts';
import { registerConstraintMessages } from '../../server/problem.ts';
import { beneficiariesRoutes } from './server/routes.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };
import personsAr from './server/persons/i18n/ar.json' with { type: 'json' };
import personsFr from './server/persons/i18n/fr.json' with { type: 'json' };
import receptionAr from './server/reception/i18n/ar.json' with { type: 'json' };
import receptionFr from './server/reception/i18n/fr.json' with { type: 'json' };
import matchingAr from './server/matching/i18n/ar.json' with { type: 'json' };
import matchingFr from './server/matching/i18n/fr.json' with { type: 'json' };
import casesAr from './server/cases/i18n/ar.json' with { type: 'json' };
import casesFr from './server/cases/i18n/fr.json' with { type: 'json' };
import registerAr from './server/register/i18n/ar.json' with { type: 'json' };
import registerFr from './server/register/i18n/fr.json' with { type: 'json' };
import privacyAr from './server/privacy/i18n/ar.json' with { type: 'json' };
import privacyFr from './server/privacy/i18n/fr.json' with { type: 'json' };

// Each part's server catalog nests its keys under beneficiaries.<part>.
for (const [partAr, partFr] of [[personsAr, personsFr], [receptionAr, receptionFr], [matchingAr, matchingFr], [casesAr, casesFr], [registerAr, registerFr], [privacyAr, privacyFr]] as const) {
  registerMessages({ ar: partAr, fr: partFr });
}

// Rules the database alone enforces (0080), answered with their own words.
registerConstraintMessages({
  persons_birth_not_future: { path: 'birthDate', key: 'beneficiaries.errors.birth_in_future' },
  persons_birth_year_form: { path: 'birthDate', key: 'beneficiaries.errors.birth_year_form' },
  persons_named: { path: 'firstNameAr', key: 'beneficiaries.errors.name_required' },
  persons_cnie_key: { path: 'cnie', key: 'beneficiaries.errors.cnie_taken', status: 409 },
  persons_idcs_key: { path: 'idcs', key: 'beneficiaries.errors.idcs_taken', status: 409 },
  admissions_exit_after_admission: { path: 'exitDate', key: 'beneficiaries.errors.exit_before_admission' },
  admissions_exit_complete: { path: 'exitReason', key: 'beneficiaries.errors.exit_reason_required' },
  admissions_one_open_per_person: { path: 'personId', key: 'beneficiaries.errors.already_admitted', status: 409 },
  referrals_decline_reason: { path: 'declineReason', key: 'beneficiaries.errors.decline_reason_required' },
  referrals_target: { path: 'institutionId', key: 'beneficiaries.errors.referral_target' },
  requests_someone: { path: 'requesterName', key: 'beneficiaries.errors.requester_required' },
  cases_closed_after_opened: { path: 'closedOn', key: 'beneficiaries.errors.closed_before_opened' },
});

export const beneficiariesModule: ServerModule = { name: 'beneficiaries', messages: { ar, fr }, routes: beneficiariesRoutes };
