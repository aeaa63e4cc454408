/**
 * The register's rules the database alone enforces (0095), answered in the user's language.
 * Imported for its side effect by the register routes.
 */
import { registerConstraintMessages } from '../../../../server/problem.ts';

const key = (name: string) => `beneficiaries.register.errors.${name}`;

registerConstraintMessages({
  admissions_sex_not_served: { path: 'personId', key: key('sex_not_served') },
  admissions_age_not_served: { path: 'personId', key: key('age_not_served') },
  admissions_birth_date_needed: { path: 'personId', key: key('birth_date_needed') },
  admissions_date_not_future: { path: 'admissionDate', key: key('admission_in_future') },
  admissions_exit_not_future: { path: 'exitDate', key: key('exit_in_future') },
  admissions_school_year_form: { path: 'schoolYear', key: 'beneficiaries.register.validation.school_year_form' },
  admissions_case_person: { path: 'caseId', key: key('case_person') },
  admissions_referral_not_accepted: { path: 'referralId', key: key('referral_not_accepted'), status: 409 },
  admissions_over_capacity: { path: 'overCapacityJustification', key: key('over_capacity'), status: 409 },
  transfers_admission_open: { path: 'date', key: key('already_exited'), status: 409 },
  transfers_other_institution: { path: 'toInstitutionId', key: key('same_institution') },
  transfers_after_admission: { path: 'date', key: key('transfer_before_admission') },
  transfers_consent_required: { path: 'consentBy', key: key('consent_required') },
  transfers_consent_complete: { path: 'consentName', key: 'beneficiaries.register.validation.consent_name' },
  transfers_consent_before: { path: 'consentDate', key: key('consent_after_transfer') },
});
