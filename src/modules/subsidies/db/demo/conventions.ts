/**
 * Demo conventions (issue 8, item 7): signed conventions of the Agadir and Inezgane delegations, of
 * the Souss-Massa region, of central and of a Fès delegation, with tranches paid on time, paid
 * late, paid in parts, overdue, blocked by an unmet blocking condition, released over it by the
 * regional coordinator (written reason), justified, partly justified, rejected or waiting for
 * review, and future ones; plus a draft whose tranches stay out of every figure.
 *
 * Direct inserts as the tables' owner, like the other modules' demos, in an order the database's
 * rules accept (partners and amounts before the approval that locks them). Dates are counted from
 * the day of seeding so that "late" and "due" keep their meaning; a tranche's year is its planned
 * date's, and each year's Entraide Nationale amount is the sum of that year's tranches.
 * Idempotent: nothing is done when a convention exists already.
 */
import type pg from 'pg';
import { addDays, todayInMorocco } from '../../../../platform/deadlines/index.ts';
import { delegationConvention, regionConvention } from '../../approval.ts';

type Review = { state: 'justified' | 'partly_justified' | 'rejected' | 'submitted'; accepted?: string; reason?: string };

interface DemoTranche {
  /** Days from the seeding day (negative: in the past). */
  planned: number;
  amount: string;
  /** Days of the condition being met, of the release, and of each disbursement (with its amount). */
  conditionsMet?: number;
  released?: number;
  payments?: [number, string][];
  /** A blocking condition nobody has confirmed: the tranche cannot be released. */
  blockedBy?: string;
  /** Released over an unmet condition by the regional coordinator. */
  override?: string;
  review?: Review;
}

interface DemoConvention {
  key: string;
  owner: 'delegation' | 'region' | 'central';
  /** The association, by its French name in the registry demo. */
  association: string;
  objectAr: string;
  objectFr: string;
  /** Another partner's contribution in the first year (INDH), besides Entraide Nationale's. */
  indh?: string;
  status: 'signed' | 'draft';
  /** Who drafted and submitted it, and who approved it (demo usernames). */
  author: string;
  approver: string;
  tranches: DemoTranche[];
}

export const demoConventions: DemoConvention[] = [
  {
    key: 'agadir-dar-taliba', owner: 'delegation', association: 'Association Dar Taliba Agadir', status: 'signed', author: 'agadir', approver: 'souss-massa', indh: '150000.00',
    objectAr: 'دعم تسيير دار الطالبة أكادير (الإيواء والإطعام)', objectFr: 'Soutien au fonctionnement de Dar Taliba Agadir (hébergement et restauration)',
    tranches: [
      { planned: -600, amount: '125000.00', conditionsMet: -615, released: -612, payments: [[-605, '125000.00']], review: { state: 'justified', accepted: '125000.00' } },
      { planned: -420, amount: '125000.00', conditionsMet: -385, released: -384, payments: [[-370, '125000.00']],
        review: { state: 'partly_justified', accepted: '100000.00', reason: 'Factures de restauration de 25 000,00 DH sans cachet du fournisseur.' } },
      { planned: -240, amount: '150000.00', conditionsMet: -250, released: -245, payments: [[-240, '150000.00']], review: { state: 'submitted' } },
      { planned: -45, amount: '150000.00', conditionsMet: -40, released: -40 },
      { planned: 90, amount: '150000.00' },
    ],
  },
  {
    key: 'inezgane-ait-melloul', owner: 'delegation', association: 'Association Dar Taliba Aït Melloul', status: 'signed', author: 'inezgane', approver: 'souss-massa',
    objectAr: 'دعم دار الطالبة أيت ملول لتمدرس الفتاة القروية', objectFr: 'Soutien à Dar Taliba Aït Melloul pour la scolarisation de la fille rurale',
    tranches: [
      { planned: -400, amount: '80000.00', conditionsMet: -340, released: -338, payments: [[-330, '80000.00']], review: { state: 'justified', accepted: '80000.00' } },
      { planned: -75, amount: '80000.00', blockedBy: 'activity_report_received' },
      { planned: 120, amount: '80000.00' },
    ],
  },
  {
    key: 'inezgane-amal-atfal', owner: 'delegation', association: "Association Amal Al Atfal pour la protection de l'enfance", status: 'signed', author: 'inezgane', approver: 'souss-massa',
    objectAr: 'دعم برنامج حماية الطفولة بإنزكان', objectFr: "Soutien au programme de protection de l'enfance à Inezgane",
    tranches: [
      { planned: -200, amount: '60000.00', conditionsMet: -196, released: -195, payments: [[-190, '30000.00'], [-150, '30000.00']],
        review: { state: 'rejected', accepted: '0.00', reason: 'Relevé de dépenses sans pièces justificatives.' } },
      { planned: -20, amount: '60000.00', blockedBy: 'previous_tranche_justified', released: -15, payments: [[-10, '20000.00']],
        override: "Rentrée scolaire : la délégation s'engage à régulariser la justification avant la prochaine tranche." },
    ],
  },
  {
    key: 'souss-massa-hanane', owner: 'region', association: 'Association Al Hanane pour les personnes en situation de handicap', status: 'signed', author: 'souss-massa', approver: 'central',
    objectAr: 'تجهيز مركز الحنان للأشخاص في وضعية إعاقة', objectFr: 'Équipement du centre Al Hanane pour les personnes en situation de handicap',
    tranches: [
      { planned: -150, amount: '200000.00', conditionsMet: -160, released: -158, payments: [[-152, '200000.00']], review: { state: 'justified', accepted: '200000.00' } },
      { planned: 30, amount: '100000.00' },
    ],
  },
  {
    key: 'central-bienfaisance', owner: 'central', association: "Association musulmane de bienfaisance d'Agadir", status: 'signed', author: 'central', approver: 'central',
    objectAr: 'برنامج وطني لتأهيل المؤسسات الخيرية', objectFr: 'Programme national de mise à niveau des établissements de bienfaisance',
    tranches: [{ planned: -90, amount: '500000.00', conditionsMet: -110, released: -105, payments: [[-100, '500000.00']] }],
  },
  {
    key: 'fes-amal-enfance', owner: 'delegation', association: "Association Amal pour l'enfance abandonnée", status: 'signed', author: 'admin', approver: 'fes-meknes',
    objectAr: 'دعم التكفل بالأطفال المهملين بفاس', objectFr: 'Soutien à la prise en charge des enfants abandonnés à Fès',
    tranches: [
      { planned: -300, amount: '90000.00', conditionsMet: -305, released: -300, payments: [[-298, '90000.00']], review: { state: 'justified', accepted: '90000.00' } },
      { planned: -60, amount: '90000.00', conditionsMet: -30, released: -28 },
    ],
  },
  {
    key: 'agadir-draft', owner: 'delegation', association: 'Association Dar Talib Agadir', status: 'draft', author: 'agadir', approver: 'souss-massa',
    objectAr: 'مشروع دعم دار الطالب أكادير', objectFr: 'Projet de soutien à Dar Talib Agadir',
    tranches: [{ planned: 60, amount: '100000.00' }],
  },
];

/** The release conditions attached to every demo tranche; the one named by blockedBy stays unconfirmed. */
const conditions = ['activity_report_received', 'previous_tranche_justified'];

interface Ctx {
  client: pg.ClientBase;
  today: string;
  users: Map<string, { id: string; full_name_fr: string; association_id: string | null }>;
}

export async function seedDemoSubsidies(client: pg.ClientBase, today: string = todayInMorocco()): Promise<number> {
  if ((await client.query('SELECT 1 FROM subsidies.conventions LIMIT 1')).rowCount) return 0;
  const { rows } = await client.query<{ username: string; id: string; full_name_fr: string; association_id: string | null }>(
    `SELECT username, id, full_name_fr, association_id FROM access.users WHERE username = ANY ($1)`,
    [['agadir', 'inezgane', 'souss-massa', 'central', 'admin', 'inezgane-association']]);
  const ctx: Ctx = { client, today, users: new Map(rows.map((r) => [r.username, r])) };
  for (const c of demoConventions) await seedConvention(ctx, c);
  return demoConventions.length;
}

const day = (ctx: Ctx, offset: number) => addDays(ctx.today, offset);
const yearOf = (date: string) => Number(date.slice(0, 4));

async function seedConvention(ctx: Ctx, c: DemoConvention): Promise<void> {
  const { client } = ctx;
  const author = ctx.users.get(c.author)!;
  const { rows: [a] } = await client.query<{ id: string; rib: string; region_id: string; delegation_id: string }>(
    'SELECT id, rib, region_id, delegation_id FROM registry.associations WHERE name_fr = $1', [c.association]);
  if (!a) throw new Error(`demo convention ${c.key}: no association "${c.association}"`);
  const planned = c.tranches.map((t) => day(ctx, t.planned));
  const startsOn = `${Math.min(...planned.map(yearOf)) - 1}-01-01`;
  const endsOn = `${Math.max(...planned.map(yearOf))}-12-31`;
  // Entraide Nationale's amount per year is the sum of that year's tranches; INDH adds to the first year.
  const perYear = new Map<number, number>();
  c.tranches.forEach((t, i) => perYear.set(yearOf(planned[i]!), (perYear.get(yearOf(planned[i]!)) ?? 0) + Number(t.amount)));
  const enTotal = [...perYear.values()].reduce((s, v) => s + v, 0);
  const total = (enTotal + Number(c.indh ?? 0)).toFixed(2);
  const signedOn = c.status === 'signed' ? addDays(startsOn, -20) : null;
  const { rows: [conv] } = await client.query<{ id: string; region_id: string | null; delegation_id: string | null; reference: string }>(
    `INSERT INTO subsidies.conventions (owner_level, association_id, object_ar, object_fr, starts_on, ends_on, total_mad, created_by, region_id, delegation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, region_id, delegation_id, reference`,
    [c.owner, a.id, c.objectAr, c.objectFr, startsOn, endsOn, total, author.id,
      c.owner === 'central' ? null : a.region_id, c.owner === 'delegation' ? a.delegation_id : null],
  );
  const id = conv!.id;
  await client.query(
    `INSERT INTO subsidies.convention_institutions (convention_id, institution_id) SELECT $1, i.id FROM registry.institutions i WHERE i.association_id = $2`, [id, a.id]);
  const { rows: [en] } = await client.query<{ id: string }>(
    `INSERT INTO subsidies.convention_partners (convention_id, kind, name_ar, name_fr) VALUES ($1, 'entraide_nationale', 'التعاون الوطني', 'Entraide Nationale') RETURNING id`, [id]);
  for (const [year, amount] of perYear) {
    await client.query('INSERT INTO subsidies.convention_amounts (convention_id, partner_id, year, amount_mad) VALUES ($1, $2, $3, $4)', [id, en!.id, year, amount.toFixed(2)]);
  }
  if (c.indh) {
    const { rows: [indh] } = await client.query<{ id: string }>(
      `INSERT INTO subsidies.convention_partners (convention_id, kind, name_ar, name_fr) VALUES ($1, 'indh', 'المبادرة الوطنية للتنمية البشرية', 'Initiative nationale pour le développement humain') RETURNING id`, [id]);
    await client.query('INSERT INTO subsidies.convention_amounts (convention_id, partner_id, year, amount_mad) VALUES ($1, $2, $3, $4)', [id, indh!.id, Math.min(...perYear.keys()), c.indh]);
  }
  await client.query(
    `INSERT INTO subsidies.convention_obligations (convention_id, party, position, text_ar, text_fr) VALUES
       ($1, 'entraide_nationale', 1, 'صرف الأشطر في آجالها عند استيفاء الشروط', 'Verser les tranches à leur date lorsque les conditions sont remplies'),
       ($1, 'association', 2, 'تبرير صرف كل شطر وتقديم التقريرين الأدبي والمالي', 'Justifier chaque tranche et remettre les rapports d''activité et financier')`, [id]);
  await client.query(
    `INSERT INTO subsidies.convention_signatories (convention_id, party, full_name, title, signed_on) VALUES
       ($1, 'entraide_nationale', $2, $3, $4), ($1, 'association', 'Rachid Amrani', 'Président', $4)`,
    [id, author.full_name_fr, c.owner === 'central' ? 'Directeur' : c.owner === 'region' ? 'Coordinateur régional' : 'Délégué provincial', signedOn]);
  // Approved and signed before its tranches are released and paid (the tranches part refuses a release otherwise).
  if (c.status === 'signed') {
    await approve(ctx, { id, regionId: conv!.region_id, delegationId: conv!.delegation_id, reference: conv!.reference }, c, a.id);
    await client.query(`UPDATE subsidies.conventions SET status = 'signed', signed_on = $2 WHERE id = $1`, [id, signedOn]);
  }
  const positions = new Map<number, number>();
  for (const [i, t] of c.tranches.entries()) {
    const year = yearOf(planned[i]!);
    positions.set(year, (positions.get(year) ?? 0) + 1);
    await seedTranche(ctx, { id, associationId: a.id, rib: a.rib, authorId: author.id }, t, planned[i]!, positions.get(year)!, i);
  }
}

interface Owner {
  id: string;
  associationId: string;
  rib: string;
  authorId: string;
}

async function seedTranche(ctx: Ctx, owner: Owner, t: DemoTranche, plannedOn: string, position: number, index: number): Promise<void> {
  const { client } = ctx;
  const { id: conventionId, rib, authorId } = owner;
  const overrider = ctx.users.get('souss-massa')!;
  const payments = t.payments ?? [];
  const paidTotal = payments.reduce((s, [, amount]) => s + Number(amount), 0);
  const fullyPaid = paidTotal >= Number(t.amount);
  // Written released, then paid by its disbursements (a disbursement needs a released tranche).
  const status = t.released !== undefined ? 'released' : 'planned';
  const year = yearOf(plannedOn);
  const { rows: [tranche] } = await client.query<{ id: string }>(
    `INSERT INTO subsidies.tranches (convention_id, year, position, planned_on, amount_mad, status, conditions_met_on, released_on, released_by,
       override_reason, overridden_by, paid_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [conventionId, year, position, plannedOn, t.amount, status, t.conditionsMet === undefined ? null : day(ctx, t.conditionsMet),
      t.released === undefined ? null : day(ctx, t.released), t.released === undefined ? null : t.override ? overrider.id : authorId,
      t.override ?? null, t.override ? overrider.id : null, null],
  );
  const trancheId = tranche!.id;
  // Confirmed on the day the conditions were met (or of the release over the unmet one); future tranches wait.
  const confirmedDay = t.conditionsMet ?? t.released;
  for (const code of conditions) {
    const confirmed = code !== t.blockedBy && confirmedDay !== undefined;
    await client.query(
      `INSERT INTO subsidies.tranche_conditions (tranche_id, condition_code, blocking, confirmed, confirmed_by, confirmed_at)
       VALUES ($1, $2, true, $3, $4, $5)`,
      [trancheId, code, confirmed ? true : null, confirmed ? authorId : null, confirmed ? `${day(ctx, confirmedDay)}T10:00:00+01:00` : null],
    );
  }
  for (const [k, [offset, amount]] of payments.entries()) {
    await client.query(
      `INSERT INTO subsidies.disbursements (tranche_id, payment_order, payment_reference, paid_on, amount_mad, rib, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [trancheId, `OP-${year}-${String(index + 1).padStart(3, '0')}${k ? `-${k + 1}` : ''}`, `VIR-${day(ctx, offset).replace(/-/g, '')}-${index + 1}${k + 1}`,
        day(ctx, offset), amount, rib, authorId],
    );
  }
  // The tranches part marks a tranche paid when a disbursement completes it; without that part, this does.
  if (fullyPaid) {
    await client.query(`UPDATE subsidies.tranches SET status = 'paid', paid_on = $2 WHERE id = $1 AND status = 'released'`,
      [trancheId, day(ctx, Math.max(...payments.map(([offset]) => offset)))]);
  }
  if (t.review && payments.length) {
    const submittedOn = day(ctx, payments[payments.length - 1]![0] + 45);
    // The demo association officer submits for her association; the others' officers have no demo account.
    const officer = ctx.users.get('inezgane-association');
    const submittedBy = officer?.association_id === owner.associationId ? officer.id : null;
    const reviewed = t.review.state !== 'submitted';
    await client.query(
      `INSERT INTO subsidies.justifications (tranche_id, submitted_on, submitted_by, state, accepted_mad, review_reason, reviewed_by, reviewed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [trancheId, submittedOn, submittedBy, t.review.state, reviewed ? t.review.accepted ?? null : null, t.review.reason ?? null,
        reviewed ? authorId : null, reviewed ? addDays(submittedOn, 20) : null],
    );
  }
}

/** The approval the convention went through before its signature (decision 0007's chains). */
async function approve(ctx: Ctx, conv: { id: string; regionId: string | null; delegationId: string | null; reference: string }, c: DemoConvention, associationId: string): Promise<void> {
  const owner = c.owner;
  // Central's own conventions have no chain of their own: their approval is recorded on the region chain's type, approved centrally.
  const type = owner === 'delegation' ? delegationConvention : regionConvention;
  const { rows: [submission] } = await ctx.client.query<{ id: string }>(
    `INSERT INTO approvals.submissions (subject_type, subject_id, chain, level_index, state, label_ar, label_fr, link, region_id, delegation_id, association_id)
     VALUES ($1, $2, $3, $4, 'approved', $5, $6, $7, $8, $9, $10) RETURNING id`,
    [type.key, conv.id, type.chain.map((l) => l.level), type.chain.length - 1, `اتفاقية شراكة ${conv.reference}`, `Convention de partenariat ${conv.reference}`,
      `/subsidies/conventions/${conv.id}`, conv.regionId, conv.delegationId, associationId],
  );
  await ctx.client.query(
    `INSERT INTO approvals.section_states (submission_id, section_key, state, region_id, delegation_id) SELECT $1, unnest($2::text[]), 'approved', $3, $4`,
    [submission!.id, type.sections, conv.regionId, conv.delegationId],
  );
  for (const [levelIndex, action, username] of [[0, 'submit', c.author], [1, 'approve', c.approver]] as const) {
    await ctx.client.query(
      `INSERT INTO approvals.steps (submission_id, action, level, level_index, actor_id, actor_role, actor_name_ar, actor_name_fr, comment, sections, region_id, delegation_id)
       SELECT $1, $2, $3, $4, u.id, u.role, u.full_name_ar, u.full_name_fr, NULL, '{}', $6, $7 FROM access.users u WHERE u.username = $5`,
      [submission!.id, action, type.chain[levelIndex]!.level, levelIndex, username, conv.regionId, conv.delegationId],
    );
  }
  await ctx.client.query(`UPDATE subsidies.conventions SET status = 'approved' WHERE id = $1`, [conv.id]);
}
