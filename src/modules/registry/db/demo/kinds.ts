/**
 * Kinds of institution as they appear on a delegation's list: each fixes the legal category (law
 * 65-15 art. 3, or none for an Entraide Nationale centre that is not a social protection
 * establishment), the centre type, care mode, sex served, target groups, services (art. 5) and the
 * usual name in both scripts. The demo data and the national generator both build on these, so
 * their rows are alike and satisfy the database rules (capacity vs sex, paid only elderly/disability).
 */
import type { centreTypes, legalCategories, serviceTypes, targetGroups } from '../../contract/enums.ts';

type Service = [service: (typeof serviceTypes)[number], permanence: 'permanent' | 'temporary', extent: 'full' | 'partial'];

export interface InstitutionKind {
  legalCategory: (typeof legalCategories)[number] | null;
  centreType: (typeof centreTypes)[number];
  mode: 'residential' | 'day';
  sex: 'boys' | 'girls' | 'mixed';
  targetGroups: (typeof targetGroups)[number][];
  services: Service[];
  /** Name before the place: "Dar Taliba" + " Aït Melloul". */
  nameFr: string;
  nameAr: string;
  /** Usual licensed capacity (total places). */
  capacity: [min: number, max: number];
  /** Share of a national registry, in per mille (student homes dominate, law 65-15 figures). */
  weight: number;
}

const schooling: Service[] = [
  ['reception', 'permanent', 'full'],
  ['accommodation', 'permanent', 'full'],
  ['feeding', 'permanent', 'full'],
  ['educational_follow_up', 'permanent', 'partial'],
  ['cultural_sport_leisure', 'temporary', 'partial'],
];

export const institutionKinds = {
  darTalib: {
    legalCategory: 'schooled_children', centreType: 'student_home', mode: 'residential', sex: 'boys',
    targetGroups: ['schooled_children'], services: schooling, nameFr: 'Dar Talib', nameAr: 'دار الطالب', capacity: [40, 160], weight: 330,
  },
  darTaliba: {
    legalCategory: 'schooled_children', centreType: 'student_home', mode: 'residential', sex: 'girls',
    targetGroups: ['schooled_children'], services: schooling, nameFr: 'Dar Taliba', nameAr: 'دار الطالبة', capacity: [40, 160], weight: 330,
  },
  elderly: {
    legalCategory: 'elderly', centreType: 'elderly_home', mode: 'residential', sex: 'mixed', targetGroups: ['elderly'],
    services: [['reception', 'permanent', 'full'], ['accommodation', 'permanent', 'full'], ['feeding', 'permanent', 'full'],
      ['primary_health_care', 'permanent', 'partial'], ['medical_psychological_support', 'temporary', 'partial'], ['social_accompaniment', 'permanent', 'partial']],
    nameFr: 'Centre des personnes âgées', nameAr: 'مركز الأشخاص المسنين', capacity: [30, 120], weight: 40,
  },
  disability: {
    legalCategory: 'disability', centreType: 'disability_centre', mode: 'day', sex: 'mixed', targetGroups: ['persons_with_disabilities', 'children'],
    services: [['reception', 'permanent', 'full'], ['rehabilitation', 'permanent', 'partial'], ['technical_aids', 'temporary', 'partial'],
      ['educational_follow_up', 'permanent', 'partial'], ['medical_psychological_support', 'permanent', 'partial']],
    nameFr: 'Centre des personnes en situation de handicap', nameAr: 'مركز الأشخاص في وضعية إعاقة', capacity: [25, 100], weight: 60,
  },
  kafala: {
    legalCategory: 'kafala_children', centreType: 'children_home', mode: 'residential', sex: 'mixed', targetGroups: ['abandoned_children', 'children'],
    services: [['reception', 'permanent', 'full'], ['accommodation', 'permanent', 'full'], ['feeding', 'permanent', 'full'],
      ['primary_health_care', 'permanent', 'partial'], ['social_legal_assistance', 'temporary', 'partial']],
    nameFr: "Foyer d'accueil des enfants abandonnés", nameAr: 'مؤسسة كفالة الأطفال المهملين', capacity: [20, 80], weight: 25,
  },
  childProtection: {
    legalCategory: 'child_protection', centreType: 'children_home', mode: 'residential', sex: 'mixed', targetGroups: ['children', 'youth'],
    services: [['reception', 'permanent', 'full'], ['accommodation', 'permanent', 'full'], ['feeding', 'permanent', 'full'],
      ['social_mediation', 'temporary', 'partial'], ['educational_follow_up', 'permanent', 'partial'], ['medical_psychological_support', 'temporary', 'partial']],
    nameFr: "Centre de protection de l'enfance", nameAr: 'مركز حماية الطفولة', capacity: [20, 90], weight: 35,
  },
  homeless: {
    legalCategory: 'homeless_beggars', centreType: 'social_centre', mode: 'residential', sex: 'mixed', targetGroups: ['homeless'],
    services: [['reception', 'permanent', 'full'], ['accommodation', 'temporary', 'full'], ['feeding', 'permanent', 'full'],
      ['orientation', 'permanent', 'partial'], ['primary_health_care', 'temporary', 'partial']],
    nameFr: 'Centre social des personnes sans abri', nameAr: 'المركز الاجتماعي للأشخاص بدون مأوى', capacity: [20, 100], weight: 15,
  },
  womenSpace: {
    legalCategory: 'women_multipurpose', centreType: 'women_multifunctional_space', mode: 'day', sex: 'girls', targetGroups: ['women', 'women_in_difficulty'],
    services: [['reception', 'permanent', 'full'], ['orientation', 'permanent', 'full'], ['social_legal_assistance', 'permanent', 'partial'],
      ['social_mediation', 'temporary', 'partial'], ['training', 'temporary', 'partial']],
    nameFr: 'Espace multifonctionnel pour femmes', nameAr: 'الفضاء المتعدد الوظائف للمرأة', capacity: [20, 60], weight: 30,
  },
  mobileEmergency: {
    legalCategory: 'mobile_social_emergency', centreType: 'social_emergency_centre', mode: 'day', sex: 'mixed', targetGroups: ['homeless', 'children', 'elderly'],
    services: [['emergency_help', 'permanent', 'full'], ['orientation', 'permanent', 'partial'], ['primary_health_care', 'temporary', 'partial']],
    nameFr: 'Service mobile du Samu social', nameAr: 'مصلحة الإسعاف الاجتماعي المتنقل', capacity: [10, 40], weight: 5,
  },
  educationTraining: {
    legalCategory: null, centreType: 'education_training_centre', mode: 'day', sex: 'girls', targetGroups: ['women', 'youth'],
    services: [['training', 'permanent', 'full'], ['educational_follow_up', 'permanent', 'partial']],
    nameFr: "Centre d'éducation et de formation", nameAr: 'مركز التربية والتكوين', capacity: [30, 120], weight: 60,
  },
  kindergarten: {
    legalCategory: null, centreType: 'kindergarten', mode: 'day', sex: 'mixed', targetGroups: ['children'],
    services: [['reception', 'permanent', 'full'], ['educational_follow_up', 'permanent', 'full'], ['cultural_sport_leisure', 'permanent', 'partial']],
    nameFr: "Jardin d'enfants", nameAr: 'روض الأطفال', capacity: [20, 80], weight: 30,
  },
  jisr: {
    legalCategory: null, centreType: 'jisr_centre', mode: 'day', sex: 'mixed', targetGroups: ['families', 'youth', 'women', 'persons_with_disabilities'],
    services: [['reception', 'permanent', 'full'], ['orientation', 'permanent', 'full'], ['social_accompaniment', 'permanent', 'partial'], ['social_mediation', 'temporary', 'partial']],
    nameFr: 'Centre Jisr', nameAr: 'مركز جسر', capacity: [30, 100], weight: 10,
  },
  disabilityOrientation: {
    legalCategory: null, centreType: 'disability_orientation_centre', mode: 'day', sex: 'mixed', targetGroups: ['persons_with_disabilities', 'families'],
    services: [['reception', 'permanent', 'full'], ['orientation', 'permanent', 'full'], ['technical_aids', 'temporary', 'partial']],
    nameFr: "Centre d'orientation et d'assistance des personnes handicapées", nameAr: 'مركز توجيه ومساعدة الأشخاص في وضعية إعاقة', capacity: [15, 50], weight: 10,
  },
  protectionUnit: {
    legalCategory: null, centreType: 'child_protection_unit', mode: 'day', sex: 'mixed', targetGroups: ['children'],
    services: [['reception', 'permanent', 'full'], ['orientation', 'permanent', 'full'], ['social_legal_assistance', 'temporary', 'partial']],
    nameFr: "Unité de protection de l'enfance", nameAr: 'وحدة حماية الطفولة', capacity: [10, 40], weight: 10,
  },
  apprenticeship: {
    legalCategory: null, centreType: 'apprenticeship_centre', mode: 'day', sex: 'mixed', targetGroups: ['youth'],
    services: [['training', 'permanent', 'full'], ['social_accompaniment', 'temporary', 'partial']],
    nameFr: 'Centre de formation par apprentissage', nameAr: 'مركز التدرج المهني', capacity: [30, 120], weight: 10,
  },
} satisfies Record<string, InstitutionKind>;

export type KindKey = keyof typeof institutionKinds;

/** Places per sex for a total: all to the sex served, halves for mixed (separate wings). */
export function capacityBySex(sex: InstitutionKind['sex'], total: number): { male: number; female: number } {
  if (sex === 'boys') return { male: total, female: 0 };
  if (sex === 'girls') return { male: 0, female: total };
  const male = Math.floor(total / 2);
  return { male, female: total - male };
}

export interface RoomRow {
  name: string;
  kind: 'dormitory' | 'bedroom' | 'classroom' | 'workshop' | 'dining' | 'other';
  sex: 'boys' | 'girls' | 'mixed';
  places: number;
  areaM2: string;
}

/**
 * Rooms whose places add up to the licensed capacity per sex: dormitories of at most 24 places
 * (residential; one wing per sex when mixed) or classrooms/workshops of at most 30 (day care),
 * plus a dining hall without places for residential homes.
 */
export function roomsFor(kind: InstitutionKind, male: number, female: number): RoomRow[] {
  const rooms: RoomRow[] = [];
  const split = (sex: RoomRow['sex'], total: number, size: number, roomKind: RoomRow['kind'], label: string) => {
    const count = Math.ceil(total / size);
    for (let i = 0; i < count; i++) {
      const places = Math.floor(total / count) + (i < total % count ? 1 : 0);
      rooms.push({ name: `${label} ${i + 1}`, kind: roomKind, sex, places, areaM2: (places * (roomKind === 'dormitory' ? 4.5 : 2)).toFixed(2) });
    }
  };
  if (kind.mode === 'residential') {
    if (kind.sex === 'mixed') {
      split('boys', male, 24, 'dormitory', 'Dortoir garçons');
      split('girls', female, 24, 'dormitory', 'Dortoir filles');
    } else split(kind.sex, male + female, 24, 'dormitory', 'Dortoir');
    rooms.push({ name: 'Réfectoire', kind: 'dining', sex: kind.sex, places: 0, areaM2: '80.00' });
  } else {
    const roomKind = kind.centreType === 'education_training_centre' || kind.centreType === 'apprenticeship_centre' ? 'workshop' : 'classroom';
    split(kind.sex, male + female, 30, roomKind, roomKind === 'workshop' ? 'Atelier' : 'Salle');
  }
  return rooms;
}
