/**
 * seedDemoBeneficiaries(): the demo's persons and their pathways (issue 6 item 8), written as the
 * tables' owner inside the demo transaction, after the registry and the accounts. Every row goes
 * through the triggers (scope keys, request/case/registration numbers, audit) and the other parts'
 * rules (category and capacity of the institution, services offered), as real use would.
 *
 * What a demo user finds (README "Beneficiaries: demo data"):
 *  - Agadir (09.001) and Inezgane (09.273) with most persons, a few in Taroudant, Tiznit and Fès;
 *  - case files in every stage: reception, diagnosis, orientation (referrals proposed, accepted =
 *    waiting list, declined), admitted and accompanied (the registers of the Dar Taliba of Agadir,
 *    of the other student homes, elderly homes, child protection, women's space…), exited last
 *    school year, followed after exit, closed;
 *  - the reception queues: new requests, some assigned to `agadir-social`, public requests, one
 *    waiting for review, requests in an institution's queue;
 *  - near-duplicates: the same person recorded twice, written differently in Arabic and Latin
 *    letters (hamza, ta marbuta, "Mohamed"/"Mhamed", "Benali"/"Ben Ali", year of birth only),
 *    and one person of Inezgane with a CNIE whose twin in Agadir was recorded without it;
 *  - a few sensitive records (health, disability, violence, a court placement order).
 * Deterministic (seeded); runs once, on an empty beneficiaries schema.
 */
import type pg from 'pg';
import { institutionKinds, type KindKey } from '../../../registry/db/demo/kinds.ts';
import { seededRandom, type Random } from '../../../registry/db/demo/random.ts';
import { birthPlaces, femaleFirstNames, lastNames, latin, maleFirstNames, professions, type Name } from './names.ts';
import { arabicVariant, demoStories, type Story } from './stories.ts';

export interface DemoBeneficiaryCounts {
  persons: number;
  cases: number;
  requests: number;
  referrals: number;
  admissions: number;
}

interface Institution {
  id: string;
  kind: KindKey;
  delegationId: string;
  free: { male: number; female: number };
}

interface Person {
  id: string;
  sex: 'male' | 'female';
  first: Name;
  last: Name;
  birthDate: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));

export async function seedDemoBeneficiaries(client: pg.ClientBase): Promise<DemoBeneficiaryCounts> {
  const counts: DemoBeneficiaryCounts = { persons: 0, cases: 0, requests: 0, referrals: 0, admissions: 0 };
  const { rows: [already] } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM beneficiaries.persons');
  if (already!.n > 0) return counts;

  const random = seededRandom(6506);
  const today = iso(new Date());
  const year = Number(today.slice(0, 4));
  // The school year under way: from September.
  const schoolYearStart = Number(today.slice(5, 7)) >= 9 ? year : year - 1;

  const users = Object.fromEntries((await client.query<{ username: string; id: string }>(
    `SELECT username, id FROM access.users WHERE username IN ('agadir', 'agadir-social', 'inezgane')`)).rows.map((u) => [u.username, u.id]));
  const delegations = Object.fromEntries((await client.query<{ code: string; id: string }>(
    'SELECT code, id FROM organisation.delegations')).rows.map((d) => [d.code, d.id]));
  const communes = (await client.query<{ id: string; delegation_id: string }>(
    'SELECT id, delegation_id FROM territory.communes WHERE delegation_id IS NOT NULL ORDER BY name_fr')).rows;
  const institutions = await loadInstitutions(client);

  const communeOf = (delegationId: string) => {
    const own = communes.filter((c) => c.delegation_id === delegationId);
    return own.length ? random.pick(own).id : null;
  };

  let cnieSerial = 0;
  let phoneSerial = 0;
  const insertPerson = async (p: {
    delegationId: string; sex: 'male' | 'female'; first: Name; last: Name; variant: number; birthDate: string; yearOnly?: boolean;
    arabic?: 'usual' | 'variant' | 'none'; latinNames?: boolean; cnie?: string | null; idcs?: string | null; phone?: string | null;
    householdId?: string | null; createdBy?: string | null; familyStatus?: string; schooling?: string;
  }): Promise<Person> => {
    const arabic = p.arabic ?? 'usual';
    const ar = (n: Name) => (arabic === 'none' ? null : arabic === 'variant' ? arabicVariant(n[0]) : n[0]);
    const birth = p.yearOnly ? `${p.birthDate.slice(0, 4)}-01-01` : p.birthDate;
    const place = random.pick(birthPlaces);
    const { rows: [row] } = await client.query<{ id: string }>(
      `INSERT INTO beneficiaries.persons (first_name_ar, last_name_ar, first_name_lat, last_name_lat, sex, birth_date, birth_date_precision,
         birth_place, cnie, idcs, phone, commune_id, family_status, schooling_level, household_id, delegation_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [ar(p.first), ar(p.last), p.latinNames === false ? null : latin(p.first, p.variant), p.latinNames === false ? null : latin(p.last, p.variant),
        p.sex, birth, p.yearOnly ? 'year' : 'exact', arabic === 'none' ? place[1] : place[0], p.cnie ?? null, p.idcs ?? null, p.phone ?? null,
        communeOf(p.delegationId), p.familyStatus ?? null, p.schooling ?? null, p.householdId ?? null, p.delegationId, p.createdBy ?? null],
    );
    counts.persons++;
    return { id: row!.id, sex: p.sex, first: p.first, last: p.last, birthDate: birth };
  };
  const nextCnie = (prefix: string) => `${prefix}${String(412_000 + ++cnieSerial * 37)}`;
  const nextPhone = () => `+2126${String(61_000_000 + ++phoneSerial * 7_919).slice(0, 8)}`;

  const insertRelatives = async (person: Person, story: Story) => {
    if (story.age >= 18 && story.group !== 'disability') return;
    if (story.group === 'kafala') {
      await client.query(
        `INSERT INTO beneficiaries.relatives (person_id, relation, is_legal_representative, full_name_ar, full_name_lat, social_situation)
         VALUES ($1, 'legal_guardian', true, 'مدير المؤسسة', 'Directeur de l''établissement', 'other')`, [person.id]);
      return;
    }
    const father = random.pick(maleFirstNames);
    const mother = random.pick(femaleFirstNames);
    const motherLast = random.pick(lastNames);
    const [profAr, profLat] = random.pick(professions);
    const fatherDeceased = random.chance(0.15);
    await client.query(
      `INSERT INTO beneficiaries.relatives (person_id, relation, is_legal_representative, full_name_ar, full_name_lat, cnie, phone, address,
         profession, social_situation, alive)
       VALUES ($1, 'father', $2, $3, $4, $5, $6, $7, $8, $9, $10), ($1, 'mother', $11, $12, $13, $14, $15, $7, $16, $17, true)`,
      [person.id, !fatherDeceased, `${father[0]} ${person.last[0]}`, `${latin(father)} ${latin(person.last)}`, fatherDeceased ? null : nextCnie('J'),
        fatherDeceased ? null : nextPhone(), story.group === 'student' ? 'دوار تيكوين، جماعة أمسكرود' : 'حي السلام، إنزكان', profLat,
        fatherDeceased ? 'deceased' : random.pick(['employed', 'unemployed', 'employed', 'other']), !fatherDeceased,
        fatherDeceased, `${mother[0]} ${motherLast[0]}`, `${latin(mother)} ${latin(motherLast)}`, nextCnie('JE'), nextPhone(),
        profAr === 'ربة بيت' ? 'Femme au foyer' : 'Femme au foyer', random.pick(['unemployed', 'employed', 'other'])],
    );
  };

  /** A case, its first reception request, and what its stage implies (referral, admission, exit). */
  const tell = async (story: Story, person: Person, delegationId: string, handler: string | null) => {
    const institution = story.institution ? institutions.get(story.institution) : undefined;
    if (story.institution && !institution) throw new Error(`demo beneficiaries: no demo institution ${story.institution}`);
    const opened = story.openedOn;
    const { rows: [kase] } = await client.query<{ id: string }>(
      `INSERT INTO beneficiaries.cases (person_id, stage, target_group, opened_on, handler_id, delegation_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [person.id, 'reception', story.targetGroup, opened, handler, delegationId, handler],
    );
    counts.cases++;
    await client.query(
      `INSERT INTO beneficiaries.requests (person_id, case_id, channel, reception_point, received_at, requester_relation, needs, services,
         summary, urgency, status, assigned_to, consent_given, delegation_id, created_by)
       VALUES ($1, $2, $3, $4, $5::date + time '10:30', $6, $7, $8, $9, $10, 'case_opened', $11, true, $12, $11)`,
      [person.id, kase!.id, story.channel, story.channel === 'walk_in' ? 'delegation_desk' : 'social_space', opened,
        story.age < 18 ? 'family' : 'self', `{${story.targetGroup}}`, `{${story.services.join(',')}}`, story.summary,
        story.urgency, handler, delegationId],
    );
    counts.requests++;

    let stage = story.stage;
    if (institution && (story.stage === 'admitted' || story.stage === 'accompaniment' || story.exited)) {
      const sexKey = person.sex;
      const open = !story.exited;
      if (open && institution.free[sexKey] <= 0) stage = 'orientation'; // full: the referral stays accepted (waiting list)
      const service = institutionKinds[institution.kind].mode === 'residential' ? 'accommodation' : institutionKinds[institution.kind].services[0]![0];
      const proposed = addDays(story.admittedOn!, -12);
      const { rows: [referral] } = await client.query<{ id: string }>(
        `INSERT INTO beneficiaries.referrals (case_id, institution_id, service, state, proposed_on, decided_on, proposed_by, note)
         VALUES ($1, $2, $3, 'accepted', $4, $5, $6, $7) RETURNING id`,
        [kase!.id, institution.id, service, proposed, addDays(proposed, 5), handler, story.summary],
      );
      counts.referrals++;
      if (stage !== 'orientation') {
        const student = institutionKinds[institution.kind].legalCategory === 'schooled_children';
        const sy = Number(story.admittedOn!.slice(0, 4)) - (Number(story.admittedOn!.slice(5, 7)) >= 9 ? 0 : 1);
        const { rows: [admission] } = await client.query<{ id: string }>(
          `INSERT INTO beneficiaries.admissions (institution_id, person_id, case_id, referral_id, admission_date, exit_date, exit_reason,
             exit_destination, school_year, school_name, school_level, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [institution.id, person.id, kase!.id, referral!.id, story.admittedOn, null, null, null,
            student ? `${sy}-${sy + 1}` : null, student ? story.school ?? 'الثانوية الإعدادية المسيرة' : null, student ? story.schoolLevel ?? '2AC' : null, handler],
        );
        counts.admissions++;
        // The register's rules may already have completed the accepted referral; if not, complete it here.
        await client.query(`UPDATE beneficiaries.referrals SET state = 'completed', completed_on = $2 WHERE id = $1 AND state = 'accepted'`,
          [referral!.id, story.admittedOn]);
        if (story.exited) {
          await client.query('UPDATE beneficiaries.admissions SET exit_date = $2, exit_reason = $3, exit_destination = $4 WHERE id = $1',
            [admission!.id, story.exited.on, story.exited.reason, story.exited.destination]);
        } else {
          institution.free[sexKey]--;
        }
        if (story.health) {
          await client.query(`INSERT INTO beneficiaries.health_records (person_id, admission_id, status, details, recorded_on, recorded_by)
            VALUES ($1, $2, $3, $4, $5, $6)`, [person.id, admission!.id, story.health.status, story.health.details, story.admittedOn, handler]);
        }
      }
    } else if (story.stage === 'orientation' && story.referral) {
      const target = institutions.get(story.referral.institution);
      if (!target) throw new Error(`demo beneficiaries: no demo institution ${story.referral.institution}`);
      {
        const service = institutionKinds[target.kind].mode === 'residential' ? 'accommodation' : institutionKinds[target.kind].services[0]![0];
        await client.query(
          `INSERT INTO beneficiaries.referrals (case_id, institution_id, service, state, proposed_on, decided_on, decline_reason, proposed_by, note)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [kase!.id, target.id, service, story.referral.state, addDays(opened, 7), story.referral.state === 'proposed' ? null : addDays(opened, 12),
            story.referral.state === 'declined' ? 'لا توجد أماكن شاغرة لهذا الموسم' : null, handler, story.summary],
        );
        counts.referrals++;
      }
      if (story.referral.outside) {
        await client.query(
          `INSERT INTO beneficiaries.referrals (case_id, outside_service, service, state, proposed_on, proposed_by)
           VALUES ($1, $2, 'primary_health_care', 'proposed', $3, $4)`, [kase!.id, story.referral.outside, addDays(opened, 3), handler]);
        counts.referrals++;
      }
    }
    if (story.protection) {
      await client.query(
        `INSERT INTO beneficiaries.protection_records (person_id, case_id, kind, occurred_on, perpetrator_relation, complaint_filed, court_reference, details, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [person.id, kase!.id, story.protection.kind, addDays(opened, -20), story.protection.perpetrator, story.protection.complaint,
          story.protection.court ?? null, story.protection.details, handler]);
    }
    if (story.disability) {
      await client.query('INSERT INTO beneficiaries.disabilities (person_id, kind, degree, card_number, since, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [person.id, story.disability.kind, story.disability.degree, `CH-${person.id.slice(0, 6).toUpperCase()}`, person.birthDate, handler]);
    }
    // The stage the story is at (after what the other parts' triggers may have moved), and the close.
    await client.query(
      `UPDATE beneficiaries.cases SET stage = $2, closed_on = $3, close_reason = $4 WHERE id = $1 AND (stage <> $2 OR $3::date IS NOT NULL)`,
      [kase!.id, stage, stage === 'closed' ? story.closedOn ?? today : null, stage === 'closed' ? 'انتهاء المواكبة بعد الخروج' : null]);
    return kase!.id;
  };

  const stories = demoStories({ today, schoolYearStart, random });
  const households = new Map<string, string>();
  const told: { story: Story; person: Person; delegationId: string }[] = [];
  for (const story of stories) {
    const delegationId = story.institution ? institutions.get(story.institution)?.delegationId ?? delegations[story.delegation]! : delegations[story.delegation]!;
    let householdId: string | null = null;
    if (story.household) {
      householdId = households.get(story.household) ?? null;
      if (!householdId) {
        const { rows: [h] } = await client.query<{ id: string }>(
          `INSERT INTO beneficiaries.households (label, address, rsu_registered, delegation_id) VALUES ($1, $2, true, $3) RETURNING id`,
          [`أسرة ${story.last[0]}`, 'دوار تيكوين، جماعة أمسكرود', delegationId]);
        householdId = h!.id;
        households.set(story.household, householdId);
      }
    }
    const adult = story.age >= 18;
    const handler = story.delegation === '09.001' ? users['agadir-social'] ?? null : null;
    const person = await insertPerson({
      delegationId, sex: story.sex, first: story.first, last: story.last, variant: 0, birthDate: story.birthDate, yearOnly: story.yearOnly,
      cnie: story.cnie ?? (adult && random.chance(0.7) ? nextCnie(story.delegation === '09.001' ? 'J' : story.delegation === '09.273' ? 'JB' : 'C') : null),
      idcs: random.chance(0.3) ? String(1_200_000_000 + counts.persons * 7_901) : null,
      phone: adult || random.chance(0.3) ? nextPhone() : null, householdId, createdBy: handler ?? users.agadir ?? null,
      familyStatus: adult ? (story.group === 'elderly' ? 'widowed' : random.pick(['single', 'married', 'divorced'])) : 'single',
      schooling: story.group === 'student' ? 'lower_secondary' : adult ? random.pick(['none', 'primary', 'literacy']) : 'primary',
    });
    await insertRelatives(person, story);
    await tell(story, person, delegationId, handler);
    told.push({ story, person, delegationId });
  }

  await seedQueues(client, { random, today, delegations, users, institutions, insertPerson, counts });
  await seedNearDuplicates(client, { random, told, delegations, insertPerson, nextPhone, counts, users });
  return counts;
}

async function loadInstitutions(client: pg.ClientBase): Promise<Map<string, Institution>> {
  // The demo institutions by "<kind>/<commune>" (the registry demo's own key), with their free places by sex.
  const { rows } = await client.query<{ id: string; name_fr: string; commune: string; delegation_id: string; capacity_male: number; capacity_female: number; open_male: number; open_female: number }>(
    `SELECT i.id, i.name_fr, c.name_fr AS commune, i.delegation_id, i.capacity_male, i.capacity_female,
       count(a.id) FILTER (WHERE p.sex = 'male')::int AS open_male, count(a.id) FILTER (WHERE p.sex = 'female')::int AS open_female
     FROM registry.institutions i JOIN territory.communes c ON c.id = i.commune_id
       LEFT JOIN beneficiaries.admissions a ON a.institution_id = i.id AND a.exit_date IS NULL
       LEFT JOIN beneficiaries.persons p ON p.id = a.person_id
     GROUP BY i.id, c.name_fr`);
  const found = new Map<string, Institution>();
  for (const [key, kind] of Object.entries(institutionKinds) as [KindKey, (typeof institutionKinds)[KindKey]][]) {
    for (const r of rows.filter((row) => row.name_fr === `${kind.nameFr} ${row.commune}`)) {
      found.set(`${key}/${r.commune}`, { id: r.id, kind: key, delegationId: r.delegation_id,
        free: { male: r.capacity_male - r.open_male, female: r.capacity_female - r.open_female } });
    }
  }
  return found;
}

interface QueueContext {
  random: Random;
  today: string;
  delegations: Record<string, string>;
  users: Record<string, string>;
  institutions: Map<string, Institution>;
  counts: DemoBeneficiaryCounts;
  insertPerson: (p: { delegationId: string; sex: 'male' | 'female'; first: Name; last: Name; variant: number; birthDate: string; phone?: string | null }) => Promise<Person>;
}

/** Requests waiting in the queues: new, assigned to the social worker, in progress, public (one under review), closed, and an institution's queue. */
async function seedQueues(client: pg.ClientBase, ctx: QueueContext): Promise<void> {
  const { random, today, delegations, users } = ctx;
  const needs: [need: string, services: string, summary: string][] = [
    ['schooled_children', '{accommodation,feeding,educational_follow_up}', 'طلب إيواء تلميذة من العالم القروي بدار الطالبة'],
    ['elderly', '{accommodation,primary_health_care}', 'شخص مسن بدون سند عائلي يطلب الإيواء'],
    ['women_in_difficulty', '{social_legal_assistance,orientation}', 'امرأة في وضعية صعبة تطلب الاستماع والتوجيه'],
    ['persons_with_disabilities', '{rehabilitation,technical_aids}', 'طفل في وضعية إعاقة يحتاج إلى الترويض وكرسي متحرك'],
    ['homeless', '{emergency_help,accommodation}', 'شخص بدون مأوى في الشارع قرب المحطة الطرقية'],
    ['families', '{social_mediation,orientation}', 'أسرة في نزاع تطلب الوساطة الاجتماعية'],
  ];
  const plan: { delegation: string; status: string; channel: string; withPerson: boolean; assigned?: boolean; institution?: string }[] = [
    ...Array.from({ length: 14 }, (_, k) => ({ delegation: '09.001', status: 'new', channel: k % 3 === 0 ? 'phone' : 'walk_in', withPerson: true })),
    ...Array.from({ length: 8 }, () => ({ delegation: '09.001', status: 'assigned', channel: 'walk_in', withPerson: true, assigned: true })),
    ...Array.from({ length: 4 }, () => ({ delegation: '09.001', status: 'in_progress', channel: 'walk_in', withPerson: true, assigned: true })),
    ...Array.from({ length: 5 }, () => ({ delegation: '09.001', status: 'new', channel: 'public_request', withPerson: false })),
    { delegation: '09.001', status: 'review', channel: 'public_request', withPerson: false },
    ...Array.from({ length: 3 }, () => ({ delegation: '09.001', status: 'closed', channel: 'phone', withPerson: false })),
    ...Array.from({ length: 4 }, () => ({ delegation: '09.001', status: 'new', channel: 'walk_in', withPerson: true, institution: 'darTaliba/Agadir' })),
    ...Array.from({ length: 10 }, (_, k) => ({ delegation: '09.273', status: k < 7 ? 'new' : 'assigned', channel: k % 4 === 0 ? 'public_request' : 'walk_in', withPerson: k % 4 !== 0, assigned: k >= 7 })),
    ...Array.from({ length: 3 }, () => ({ delegation: '09.541', status: 'new', channel: 'walk_in', withPerson: true })),
  ];
  for (const [k, item] of plan.entries()) {
    const delegationId = delegations[item.delegation] ?? delegations['09.001']!;
    const [need, services, summary] = needs[k % needs.length]!;
    const female = need === 'schooled_children' || need === 'women_in_difficulty' || random.chance(0.5);
    const first = random.pick(female ? femaleFirstNames : maleFirstNames);
    const last = random.pick(lastNames);
    const age = need === 'elderly' ? 72 : need === 'schooled_children' ? 13 : need === 'persons_with_disabilities' ? 9 : 34;
    const birth = `${Number(today.slice(0, 4)) - age}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 27)).padStart(2, '0')}`;
    const person = item.withPerson
      ? await ctx.insertPerson({ delegationId, sex: female ? 'female' : 'male', first, last, variant: k, birthDate: birth, phone: age >= 18 ? `+2126${String(70_000_000 + k * 4_451)}` : null })
      : null;
    const receivedDaysAgo = item.status === 'new' ? k % 9 : 10 + (k % 20);
    const institutionId = item.institution ? ctx.institutions.get(item.institution)?.id ?? null : null;
    await client.query(
      `INSERT INTO beneficiaries.requests (person_id, channel, reception_point, received_at, requester_relation, requester_name, requester_phone, needs, services,
         summary, urgency, status, assigned_to, closed_reason, consent_given, listening_notes, institution_id, delegation_id, created_by)
       VALUES ($1, $2, $3, now() - make_interval(days => $4), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [person?.id ?? null, item.channel, item.channel === 'public_request' ? 'public_site' : institutionId ? 'institution' : 'delegation_desk', receivedDaysAgo,
        person && age < 18 ? 'family' : person ? 'self' : random.pick(['family', 'neighbour', 'association']),
        person ? null : `${latin(first)} ${latin(last)}`, person ? null : `+2126${String(72_000_000 + k * 3_119)}`, `{${need}}`, services, summary,
        k % 11 === 0 ? 'emergency' : k % 5 === 0 ? 'high' : 'normal', item.status,
        item.assigned ? (item.delegation === '09.273' ? users.inezgane : users['agadir-social']) ?? null : null, item.status === 'closed' ? 'تم توجيه الطالب إلى مصلحة أخرى' : null,
        item.channel !== 'public_request' || item.status !== 'review', item.withPerson ? 'استماع أولي: الوضعية تتطلب زيارة ميدانية.' : null,
        institutionId, institutionId ? null : delegationId, person ? users.agadir ?? null : null],
    );
    ctx.counts.requests++;
  }
}

/**
 * The same persons recorded a second time by another desk (the matcher's demo): other spellings in
 * both scripts, sometimes only one script or only the year of birth, same phone or parents. One
 * person of Inezgane holds a CNIE; her twin in Agadir was recorded without it (typing that CNIE at
 * Agadir's reception finds the Inezgane record through the national look-up).
 */
async function seedNearDuplicates(client: pg.ClientBase, ctx: {
  random: Random; told: { story: Story; person: Person; delegationId: string }[]; delegations: Record<string, string>;
  insertPerson: (p: Parameters<QueueContext['insertPerson']>[0] & { yearOnly?: boolean; arabic?: 'usual' | 'variant' | 'none'; latinNames?: boolean; cnie?: string | null }) => Promise<Person>;
  nextPhone: () => string; counts: DemoBeneficiaryCounts; users: Record<string, string>;
}): Promise<void> {
  const candidates = ctx.told.filter((t) => t.story.delegation === '09.001' || t.story.delegation === '09.273');
  const shapes = [
    { arabic: 'variant', variant: 1, yearOnly: false }, { arabic: 'usual', variant: 2, yearOnly: true }, { arabic: 'none', variant: 1, yearOnly: false },
    { arabic: 'variant', variant: 0, yearOnly: true, latinNames: false }, { arabic: 'variant', variant: 3, yearOnly: false },
  ] as const;
  for (let k = 0; k < 14; k++) {
    const original = candidates[(k * 23) % candidates.length]!;
    const shape = shapes[k % shapes.length]!;
    // Half are recorded by the other delegation (a national duplicate), half by the same one.
    const other = k % 2 === 0 ? (original.story.delegation === '09.001' ? '09.273' : '09.001') : original.story.delegation;
    const { rows: [phone] } = await client.query<{ phone: string | null }>('SELECT phone FROM beneficiaries.persons WHERE id = $1', [original.person.id]);
    await ctx.insertPerson({
      delegationId: ctx.delegations[other]!, sex: original.person.sex, first: original.person.first, last: original.person.last,
      variant: shape.variant, birthDate: original.person.birthDate, yearOnly: shape.yearOnly, arabic: shape.arabic,
      latinNames: 'latinNames' in shape ? shape.latinNames : true, phone: phone?.phone ?? null,
    });
  }
  // The CNIE twin: Inezgane holds it with the CNIE, Agadir recorded the same woman without.
  const first = femaleFirstNames.find((n) => n[0] === 'خديجة')!;
  const last = lastNames.find((n) => n[0] === 'أوبلا')!;
  const phone = ctx.nextPhone();
  await ctx.insertPerson({ delegationId: ctx.delegations['09.273']!, sex: 'female', first, last, variant: 0, birthDate: '1986-03-17', cnie: 'JB478213', phone });
  await ctx.insertPerson({ delegationId: ctx.delegations['09.001']!, sex: 'female', first, last, variant: 1, birthDate: '1986-03-17', arabic: 'variant', phone });
}
