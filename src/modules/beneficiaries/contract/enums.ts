/**
 * The closed vocabularies of beneficiaries and the Jisr pathway, one source for the database
 * checks (0080), the API schemas and the screens' labels (i18n `beneficiaries:enums.<name>.<value>`).
 */
import { z } from 'zod';

export const sexes = ['male', 'female'] as const;
export const Sex = z.enum(sexes);

export const birthDatePrecisions = ['exact', 'year'] as const;
export const BirthDatePrecision = z.enum(birthDatePrecisions);

export const familyStatuses = ['single', 'married', 'divorced', 'widowed', 'unknown'] as const;
export const FamilyStatus = z.enum(familyStatuses);

export const schoolingLevels = ['none', 'preschool', 'primary', 'lower_secondary', 'upper_secondary', 'higher', 'vocational', 'literacy', 'unknown'] as const;
export const SchoolingLevel = z.enum(schoolingLevels);

export const relations = ['father', 'mother', 'legal_guardian', 'kafil', 'sibling', 'spouse', 'grandparent', 'other'] as const;
export const Relation = z.enum(relations);

export const socialSituations = ['employed', 'unemployed', 'retired', 'deceased', 'unknown_whereabouts', 'incarcerated', 'disabled', 'other'] as const;
export const SocialSituation = z.enum(socialSituations);

/** Reception (issue 6 item 2). */
export const channels = ['walk_in', 'phone', 'referral', 'public_request'] as const;
export const Channel = z.enum(channels);

export const receptionPoints = ['delegation_desk', 'social_space', 'institution', 'public_site'] as const;
export const ReceptionPoint = z.enum(receptionPoints);

export const requesterRelations = ['self', 'family', 'neighbour', 'association', 'authority', 'other'] as const;
export const RequesterRelation = z.enum(requesterRelations);

export const urgencies = ['low', 'normal', 'high', 'emergency'] as const;
export const Urgency = z.enum(urgencies);

/** 'review': a public request that looks automated waits before it reaches the queue (issue 7). */
export const requestStatuses = ['review', 'new', 'assigned', 'in_progress', 'case_opened', 'closed', 'rejected'] as const;
export const RequestStatus = z.enum(requestStatuses);

/** The stages of a case file along the Jisr pathway. */
export const caseStages = ['reception', 'diagnosis', 'orientation', 'admitted', 'accompaniment', 'exited', 'post_exit', 'closed'] as const;
export const CaseStage = z.enum(caseStages);

export const referralStates = ['proposed', 'accepted', 'declined', 'completed', 'cancelled'] as const;
export const ReferralState = z.enum(referralStates);

export const exitReasons = [
  'programme_completed',
  'family_reintegration',
  'transfer',
  'age_limit',
  'voluntary_departure',
  'expulsion',
  'employment',
  'marriage',
  'death',
  'other',
] as const;
export const ExitReason = z.enum(exitReasons);

/** Sensitive data (law 09-08): health, disability, violence and court orders. */
export const healthStatuses = ['good', 'chronic_illness', 'acute_illness', 'under_treatment', 'hospitalised', 'other'] as const;
export const HealthStatus = z.enum(healthStatuses);

export const disabilityKinds = ['physical', 'mental', 'intellectual', 'visual', 'hearing', 'autism', 'multiple'] as const;
export const DisabilityKind = z.enum(disabilityKinds);

/** Kinds for which a transfer needs the legal representative's or the ministry's consent. */
export const mentalDisabilityKinds = ['mental', 'intellectual', 'autism'] as const satisfies readonly (typeof disabilityKinds)[number][];

export const disabilityDegrees = ['mild', 'moderate', 'severe', 'profound'] as const;
export const DisabilityDegree = z.enum(disabilityDegrees);

export const protectionKinds = [
  'physical_violence',
  'psychological_violence',
  'sexual_violence',
  'economic_violence',
  'neglect',
  'exploitation',
  'court_placement_order',
  'protection_order',
] as const;
export const ProtectionKind = z.enum(protectionKinds);

export const perpetratorRelations = ['spouse', 'former_spouse', 'parent', 'relative', 'employer', 'acquaintance', 'stranger', 'unknown'] as const;
export const PerpetratorRelation = z.enum(perpetratorRelations);

/** Roles whose work needs sensitive data; beneficiaries.may_read_sensitive() (0080) lists the same. */
export const sensitiveDataRoles = ['social_worker', 'institution_director'] as const;
