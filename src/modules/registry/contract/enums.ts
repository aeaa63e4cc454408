/**
 * The closed vocabularies of the registry, one source for the database checks (0051), the API
 * schemas and the screens' labels (i18n `registry:enums.<name>.<value>`).
 */
import { z } from 'zod';

/** Who founds an institution (law 65-15 art. 9). */
export const legalForms = ['association', 'natural_person', 'public_body', 'private_company'] as const;
export const LegalForm = z.enum(legalForms);

export const associationStatuses = ['active', 'suspended', 'dissolved'] as const;
export const AssociationStatus = z.enum(associationStatuses);

export const boardRoles = ['president', 'vice_president', 'secretary_general', 'deputy_secretary', 'treasurer', 'deputy_treasurer', 'adviser', 'member'] as const;
export const BoardRole = z.enum(boardRoles);

/** The 8 categories of law 65-15 art. 3. */
export const legalCategories = [
  'kafala_children',
  'child_protection',
  'schooled_children',
  'disability',
  'homeless_beggars',
  'women_multipurpose',
  'elderly',
  'mobile_social_emergency',
] as const;
export const LegalCategory = z.enum(legalCategories);

/** Only these categories may charge for their services (law 65-15 art. 6). */
export const payingCategories = ['elderly', 'disability'] as const satisfies readonly (typeof legalCategories)[number][];

/** Entraide Nationale centre types (domain research §2.3), separate from the legal category. */
export const centreTypes = [
  'student_home',
  'children_home',
  'elderly_home',
  'disability_centre',
  'social_emergency_centre',
  'education_training_centre',
  'kindergarten',
  'apprenticeship_centre',
  'social_centre',
  'womens_hostel',
  'women_multifunctional_space',
  'social_assistance_centre',
  'disability_orientation_centre',
  'child_protection_unit',
  'social_watch_cell',
  'jisr_centre',
] as const;
export const CentreType = z.enum(centreTypes);

export const areas = ['urban', 'rural'] as const;
export const Area = z.enum(areas);

export const careModes = ['residential', 'day'] as const;
export const CareMode = z.enum(careModes);

export const sexesServed = ['boys', 'girls', 'mixed'] as const;
export const SexServed = z.enum(sexesServed);

export const targetGroups = [
  'children',
  'schooled_children',
  'abandoned_children',
  'youth',
  'women',
  'women_in_difficulty',
  'elderly',
  'persons_with_disabilities',
  'homeless',
  'families',
] as const;
export const TargetGroup = z.enum(targetGroups);

/** The 15 service types of law 65-15 art. 5. */
export const serviceTypes = [
  'reception',
  'accommodation',
  'feeding',
  'orientation',
  'emergency_help',
  'social_legal_assistance',
  'social_mediation',
  'educational_follow_up',
  'training',
  'social_accompaniment',
  'primary_health_care',
  'medical_psychological_support',
  'rehabilitation',
  'technical_aids',
  'cultural_sport_leisure',
] as const;
export const ServiceType = z.enum(serviceTypes);
export const servicePermanences = ['permanent', 'temporary'] as const;
export const ServicePermanence = z.enum(servicePermanences);
export const serviceExtents = ['full', 'partial'] as const;
export const ServiceExtent = z.enum(serviceExtents);

export const feeModes = ['free', 'paid'] as const;
export const FeeMode = z.enum(feeModes);

export const roomKinds = ['dormitory', 'bedroom', 'classroom', 'workshop', 'dining', 'other'] as const;
export const RoomKind = z.enum(roomKinds);

/** Seats of the monitoring and control committee (law 65-15 art. 25). */
export const committeeSeats = [
  'founder_chair',
  'commune_representative',
  'staff_representative',
  'beneficiary_representative',
  'family_representative',
  'physician',
  'director_advisory',
] as const;
export const CommitteeSeat = z.enum(committeeSeats);

/** Where an institution stands in its licensing lifecycle (law 65-15 arts. 9-17, 30-32). */
export const institutionStatuses = [
  'pending',
  'authorised',
  'refused',
  'suspended',
  'withdrawn_temporarily',
  'withdrawn_permanently',
  'closing',
  'closed',
] as const;
export const InstitutionStatus = z.enum(institutionStatuses);

export const communeKinds = ['urban', 'rural'] as const;
export const CommuneKind = z.enum(communeKinds);
