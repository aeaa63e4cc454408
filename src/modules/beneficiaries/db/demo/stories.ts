/**
 * The demo's pathways, one story per person: who (sex, age, names), where (the delegation, the
 * institution by the registry demo's key "<kind>/<commune>"), and how far along the Jisr pathway.
 * Ages fit the institution's category (student homes 12–17 at admission, elderly homes 66 and
 * over, child protection and kafala minors…) so that the register's rules accept the admissions.
 */
import type { Random } from '../../../registry/db/demo/random.ts';
import { femaleFirstNames, lastNames, maleFirstNames, type Name } from './names.ts';

export type Group = 'student' | 'elderly' | 'kafala' | 'childProtection' | 'women' | 'homeless' | 'disability' | 'jisr' | 'training' | 'walkIn';
export type Stage = 'reception' | 'diagnosis' | 'orientation' | 'admitted' | 'accompaniment' | 'exited' | 'post_exit' | 'closed';

export interface Story {
  group: Group;
  delegation: string;
  institution?: string;
  sex: 'male' | 'female';
  first: Name;
  last: Name;
  /** Age today. */
  age: number;
  birthDate: string;
  yearOnly?: boolean;
  cnie?: string;
  household?: string;
  targetGroup: string;
  services: string[];
  summary: string;
  urgency: 'low' | 'normal' | 'high' | 'emergency';
  channel: 'walk_in' | 'phone' | 'referral';
  stage: Stage;
  openedOn: string;
  admittedOn?: string;
  exited?: { on: string; reason: string; destination: string };
  closedOn?: string;
  referral?: { institution: string; state: 'proposed' | 'accepted' | 'declined'; outside?: string };
  school?: string;
  schoolLevel?: string;
  health?: { status: string; details: string };
  disability?: { kind: string; degree: string };
  protection?: { kind: string; perpetrator: string; complaint: boolean; court?: string; details: string };
}

interface GroupSpec {
  ages: [number, number];
  targetGroup: string;
  services: string[];
  summary: string;
  exit: [reason: string, destination: string][];
}

const groups: Record<Group, GroupSpec> = {
  student: { ages: [12, 17], targetGroup: 'schooled_children', services: ['accommodation', 'feeding', 'educational_follow_up'],
    summary: 'تلميذة من دوار بعيد عن الإعدادية، الأسرة معوزة', exit: [['programme_completed', 'Lycée qualifiant, retour en famille'], ['voluntary_departure', 'Retour au douar']] },
  elderly: { ages: [66, 88], targetGroup: 'elderly', services: ['accommodation', 'feeding', 'primary_health_care'],
    summary: 'شخص مسن بدون سند عائلي', exit: [['family_reintegration', 'Chez sa fille à Inezgane'], ['death', 'Décès à l\'hôpital Hassan II']] },
  kafala: { ages: [1, 10], targetGroup: 'abandoned_children', services: ['accommodation', 'feeding', 'social_legal_assistance'],
    summary: 'طفل متخلى عنه، أمر قضائي بالإيداع', exit: [['family_reintegration', 'Kafala prononcée (famille kafil)']] },
  childProtection: { ages: [9, 16], targetGroup: 'children', services: ['accommodation', 'social_mediation', 'educational_follow_up'],
    summary: 'طفل في وضعية الشارع، إيداع بأمر من قاضي الأحداث', exit: [['family_reintegration', 'Retour chez la mère après médiation']] },
  women: { ages: [22, 48], targetGroup: 'women_in_difficulty', services: ['social_legal_assistance', 'orientation', 'social_mediation'],
    summary: 'امرأة ضحية عنف زوجي تطلب الاستماع والمواكبة القانونية', exit: [['programme_completed', 'Autonome, emploi dans une coopérative'], ['employment', 'Emploi saisonnier']] },
  homeless: { ages: [28, 66], targetGroup: 'homeless', services: ['emergency_help', 'accommodation', 'feeding'],
    summary: 'شخص بدون مأوى رصدته وحدة الإسعاف الاجتماعي', exit: [['family_reintegration', 'Retour chez son frère à Taroudant'], ['voluntary_departure', 'Départ volontaire']] },
  disability: { ages: [7, 24], targetGroup: 'persons_with_disabilities', services: ['rehabilitation', 'technical_aids', 'educational_follow_up'],
    summary: 'شخص في وضعية إعاقة يحتاج إلى الترويض والتأهيل', exit: [['programme_completed', 'Intégration scolaire']] },
  jisr: { ages: [17, 35], targetGroup: 'youth', services: ['orientation', 'social_accompaniment'],
    summary: 'شاب منقطع عن الدراسة يبحث عن تكوين وإدماج', exit: [['employment', 'Emploi en atelier']] },
  training: { ages: [17, 28], targetGroup: 'women', services: ['training'],
    summary: 'فتاة منقطعة عن الدراسة تطلب تكوينا في الخياطة', exit: [['programme_completed', 'Diplôme de couture']] },
  walkIn: { ages: [19, 70], targetGroup: 'families', services: ['orientation', 'social_mediation'],
    summary: 'أسرة في وضعية هشاشة تطلب التوجيه', exit: [] },
};

interface Block {
  group: Group;
  delegation: string;
  institution?: string;
  sex?: 'male' | 'female';
  /** Open admissions (admitted, some accompanied). */
  open?: number;
  /** Exited admissions, spread over exited, followed after exit, closed. */
  exited?: number;
  /** Cases not admitted: [stage, count, referral target and state for orientation]. */
  pending?: [Stage, number, Story['referral']?][];
}

const blocks: Block[] = [
  // Agadir Ida-Outanane
  { group: 'student', delegation: '09.001', institution: 'darTaliba/Agadir', sex: 'female', open: 36, exited: 10,
    pending: [['orientation', 4, { institution: 'darTaliba/Agadir', state: 'accepted' }], ['orientation', 2, { institution: 'darTaliba/Agadir', state: 'proposed' }]] },
  { group: 'student', delegation: '09.001', institution: 'darTalib/Agadir', sex: 'male', open: 30, exited: 8,
    pending: [['orientation', 3, { institution: 'darTalib/Agadir', state: 'accepted' }], ['orientation', 1, { institution: 'darTalib/Agadir', state: 'declined' }]] },
  { group: 'elderly', delegation: '09.001', institution: 'elderly/Agadir', open: 14, exited: 4, pending: [['diagnosis', 2]] },
  { group: 'kafala', delegation: '09.001', institution: 'kafala/Agadir', open: 8, exited: 2 },
  { group: 'disability', delegation: '09.001', institution: 'disability/Agadir', open: 10, exited: 2,
    pending: [['orientation', 2, { institution: 'disability/Agadir', state: 'proposed', outside: 'Centre hospitalier régional Hassan II, service de rééducation' }]] },
  { group: 'jisr', delegation: '09.001', institution: 'jisr/Agadir', open: 8, exited: 2 },
  { group: 'training', delegation: '09.001', institution: 'educationTraining/Agadir', sex: 'female', open: 8, exited: 3 },
  { group: 'women', delegation: '09.001', pending: [['diagnosis', 5], ['reception', 4]] },
  { group: 'walkIn', delegation: '09.001', pending: [['reception', 10], ['diagnosis', 6]] },
  // Inezgane-Aït Melloul
  { group: 'student', delegation: '09.273', institution: 'darTaliba/Aït Melloul', sex: 'female', open: 28, exited: 6,
    pending: [['orientation', 3, { institution: 'darTaliba/Aït Melloul', state: 'accepted' }]] },
  { group: 'student', delegation: '09.273', institution: 'darTalib/Inezgane', sex: 'male', open: 22, exited: 5 },
  { group: 'elderly', delegation: '09.273', institution: 'elderly/Inezgane', open: 10, exited: 3 },
  { group: 'homeless', delegation: '09.273', institution: 'homeless/Inezgane', open: 10, exited: 6 },
  { group: 'childProtection', delegation: '09.273', institution: 'childProtection/Inezgane', open: 12, exited: 3 },
  { group: 'women', delegation: '09.273', institution: 'womenSpace/Dcheira El Jihadia', sex: 'female', open: 12, exited: 3, pending: [['diagnosis', 3]] },
  { group: 'disability', delegation: '09.273', institution: 'disability/Aït Melloul', open: 8, exited: 1 },
  { group: 'walkIn', delegation: '09.273', pending: [['reception', 8], ['diagnosis', 5]] },
  // Elsewhere
  { group: 'student', delegation: '09.541', institution: 'darTaliba/Taroudant', sex: 'female', open: 14, exited: 3 },
  { group: 'student', delegation: '09.581', institution: 'darTaliba/Tiznit', sex: 'female', open: 8 },
  { group: 'elderly', delegation: '03.231', institution: 'elderly/Fès', open: 9, exited: 2 },
  { group: 'childProtection', delegation: '03.231', institution: 'childProtection/Fès', open: 8 },
  { group: 'walkIn', delegation: '09.541', pending: [['reception', 4], ['diagnosis', 3]] },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (date: string, days: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000));
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Another clerk's Arabic spelling: hamza on alif dropped, final ta marbuta as ha, alif maqsura as ya, "عبد الله" joined, article dropped. */
export function arabicVariant(name: string): string {
  const folded = name.replace(/[أإآ]/g, 'ا').replace(/ة(?=\s|$)/g, 'ه').replace(/ى(?=\s|$)/g, 'ي');
  if (folded !== name) return folded;
  if (name.startsWith('عبد ')) return name.replace('عبد ', 'عبد');
  if (name.startsWith('ال')) return name.slice(2);
  return `${name.slice(0, -1)}${name.endsWith('ي') ? 'ى' : name.slice(-1)}`;
}

export function demoStories({ today, schoolYearStart, random }: { today: string; schoolYearStart: number; random: Random }): Story[] {
  const stories: Story[] = [];
  for (const block of blocks) {
    const spec = groups[block.group];
    const make = (k: number, stage: Stage, admittedOn?: string): Story => {
      const sex = block.sex ?? (random.chance(0.5) ? 'female' : 'male');
      // Brothers and sisters: the first three girls of a student home share a family with the first three boys of the other.
      const household = block.group === 'student' && block.delegation === '09.001' && k < 3 && stage === 'admitted' ? `agadir-${k}` : undefined;
      const last = household ? lastNames[(k * 7) % lastNames.length]! : random.pick(lastNames);
      const ageAtStart = random.int(spec.ages[0], spec.ages[1]);
      const anchor = admittedOn ?? today;
      const birth = daysBefore(anchor, ageAtStart * 365 + random.int(10, 300));
      const age = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
      const openedOn = admittedOn ? daysBefore(admittedOn, random.int(20, 60))
        : daysBefore(today, stage === 'reception' ? random.int(0, 10) : stage === 'diagnosis' ? random.int(10, 30) : random.int(25, 70));
      return {
        group: block.group, delegation: block.delegation, institution: admittedOn ? block.institution : undefined, sex,
        first: random.pick(sex === 'female' ? femaleFirstNames : maleFirstNames), last, age, birthDate: birth,
        yearOnly: block.group === 'elderly' || block.group === 'homeless' ? random.chance(0.4) : false, household,
        targetGroup: spec.targetGroup, services: spec.services, summary: spec.summary,
        urgency: block.group === 'homeless' || block.group === 'childProtection' ? 'high' : block.group === 'women' && k % 3 === 0 ? 'emergency' : 'normal',
        channel: block.group === 'homeless' ? 'referral' : k % 4 === 0 ? 'phone' : 'walk_in', stage, openedOn, admittedOn,
        school: block.group === 'student' ? (k % 2 ? 'الثانوية الإعدادية الحسن الثاني' : 'الثانوية الإعدادية المسيرة') : undefined,
        schoolLevel: block.group === 'student' ? ['1AC', '2AC', '3AC', 'TC'][k % 4] : undefined,
        health: block.group === 'elderly' ? { status: k % 3 ? 'chronic_illness' : 'under_treatment', details: 'داء السكري وارتفاع الضغط، متابعة شهرية بالمركز الصحي' } : undefined,
        disability: block.group === 'disability' ? { kind: ['physical', 'intellectual', 'autism', 'hearing'][k % 4]!, degree: ['moderate', 'severe', 'mild'][k % 3]! } : undefined,
        protection: block.group === 'women' ? { kind: k % 2 ? 'psychological_violence' : 'physical_violence', perpetrator: 'spouse', complaint: k % 3 === 0, details: 'تصريح المعنية خلال جلسة الاستماع' }
          : block.group === 'childProtection' || block.group === 'kafala' ? { kind: 'court_placement_order', perpetrator: 'unknown', complaint: false, court: `${1200 + k}/2101/${Number(openedOn.slice(0, 4))}`, details: 'أمر قاضي الأحداث بالإيداع' }
            : undefined,
      };
    };
    const student = block.group === 'student';
    for (let k = 0; k < (block.open ?? 0); k++) {
      const admittedOn = student ? minDate(`${schoolYearStart}-09-${String(8 + (k % 15)).padStart(2, '0')}`, today) : daysBefore(today, random.int(20, 700));
      stories.push(make(k, k % 5 === 4 ? 'accompaniment' : 'admitted', admittedOn));
    }
    for (let k = 0; k < (block.exited ?? 0); k++) {
      const stage: Stage = k % 3 === 0 ? 'exited' : k % 3 === 1 ? 'post_exit' : 'closed';
      const admittedOn = student ? `${schoolYearStart - 1}-09-${String(8 + (k % 15)).padStart(2, '0')}` : daysBefore(today, random.int(400, 900));
      const exitOn = student ? minDate(`${schoolYearStart}-06-30`, today) : daysBefore(today, random.int(100, 300));
      const [reason, destination] = spec.exit[k % spec.exit.length]!;
      const story = make(100 + k, stage, admittedOn);
      story.exited = { on: exitOn, reason, destination };
      if (stage === 'closed') story.closedOn = minDate(daysBefore(exitOn, -95), today);
      stories.push(story);
    }
    for (const [stage, count, referral] of block.pending ?? []) {
      for (let k = 0; k < count; k++) stories.push({ ...make(200 + k, stage), referral });
    }
  }
  return stories;
}
