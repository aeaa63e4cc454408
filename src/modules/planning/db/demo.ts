/**
 * Demo action plans (README): the Agadir 2027 plan approved (locked), the Inezgane 2027 plan
 * submitted and waiting for the Souss-Massa coordinator, the Inezgane 2026 plan returned with its
 * activities, and an Agadir 2028 draft. Runs as the tables' owner, after the demo accounts; each
 * step is written as the demo user who takes it, through the same tables the service writes.
 * Idempotent: nothing is done when a plan exists already.
 */
import type pg from 'pg';
import { delegationActionPlan } from '../approval.ts';

type Step = { action: 'submit' | 'validate' | 'return' | 'approve'; by: string; comment?: string; sections?: string[] };

interface DemoPlan {
  delegation: string;
  year: number;
  diagnosis: string;
  objectives: [string, string, string, string][];
  activities: [string, number, string][];
  steps: Step[];
}

const objectives: DemoPlan['objectives'] = [
  ['تحسين التكفل بالأشخاص المسنين', 'عدد المستفيدين بمراكز الأشخاص المسنين', '120', '150'],
  ['توسيع التكوين المهني للنساء', 'عدد المستفيدات من مراكز التربية والتكوين', '480', '600'],
];
const activities: DemoPlan['activities'] = [
  ['تأهيل مركز الأشخاص المسنين', 2, '350000.00'],
  ['دورات تكوينية في الخياطة والطبخ', 3, '120000.50'],
  ['قافلة تحسيسية حول الإعاقة', 4, '45000.00'],
];
const diagnosis = 'تشخيص الوضعية الاجتماعية بالإقليم: ارتفاع الطلب على خدمات التكفل بالأشخاص المسنين وضعف الطاقة الاستيعابية لمراكز التكوين.';

const plans: DemoPlan[] = [
  {
    delegation: '09.001',
    year: 2027,
    diagnosis,
    objectives,
    activities,
    steps: [
      { action: 'submit', by: 'agadir' },
      { action: 'validate', by: 'souss-massa', comment: 'مطابق للتوجهات الجهوية.' },
      { action: 'approve', by: 'central', comment: 'Plan approuvé.' },
    ],
  },
  { delegation: '09.273', year: 2027, diagnosis, objectives, activities, steps: [{ action: 'submit', by: 'inezgane' }] },
  {
    delegation: '09.273',
    year: 2026,
    diagnosis,
    objectives,
    activities: activities.slice(0, 2),
    steps: [
      { action: 'submit', by: 'inezgane' },
      { action: 'return', by: 'souss-massa', comment: 'الميزانية المقترحة للأنشطة غير مبررة، المرجو تفصيلها.', sections: ['activities'] },
    ],
  },
  { delegation: '09.001', year: 2028, diagnosis: '', objectives: objectives.slice(0, 1), activities: [], steps: [] },
];

export async function seedDemoPlans(client: pg.ClientBase): Promise<number> {
  if ((await client.query('SELECT 1 FROM planning.plans LIMIT 1')).rowCount) return 0;
  for (const p of plans) await seedPlan(client, p);
  return plans.length;
}

async function seedPlan(client: pg.ClientBase, p: DemoPlan): Promise<void> {
  const author = p.steps[0]?.by ?? (p.delegation === '09.001' ? 'agadir' : 'inezgane');
  const { rows: [plan] } = await client.query<{ id: string; region_id: string; delegation_id: string; name_ar: string; name_fr: string }>(
    `INSERT INTO planning.plans (delegation_id, year, diagnosis, created_by)
     SELECT d.id, $2, $3, (SELECT id FROM access.users WHERE username = $4) FROM organisation.delegations d WHERE d.code = $1
     RETURNING id, region_id, delegation_id,
       (SELECT name_ar FROM organisation.delegations WHERE code = $1) AS name_ar, (SELECT name_fr FROM organisation.delegations WHERE code = $1) AS name_fr`,
    [p.delegation, p.year, p.diagnosis, author],
  );
  if (!plan) throw new Error(`demo plan: no delegation ${p.delegation}`);
  const { rows: [submission] } = await client.query<{ id: string }>(
    `INSERT INTO approvals.submissions (subject_type, subject_id, chain, label_ar, label_fr, link, region_id, delegation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [delegationActionPlan.key, plan.id, delegationActionPlan.chain.map((l) => l.level), `خطة العمل السنوية ${p.year} - ${plan.name_ar}`,
      `Plan d'action annuel ${p.year} - ${plan.name_fr}`, `/planning/plans/${plan.id}`, plan.region_id, plan.delegation_id],
  );
  const id = submission!.id;
  await client.query(
    `INSERT INTO approvals.section_states (submission_id, section_key, region_id, delegation_id) SELECT $1, unnest($2::text[]), $3, $4`,
    [id, delegationActionPlan.sections, plan.region_id, plan.delegation_id],
  );
  for (const [i, o] of p.objectives.entries()) {
    await client.query('INSERT INTO planning.objectives (plan_id, position, title, indicator, baseline, target) VALUES ($1, $2, $3, $4, $5, $6)', [plan.id, i + 1, ...o]);
  }
  for (const [i, a] of p.activities.entries()) {
    await client.query('INSERT INTO planning.activities (plan_id, position, title, quarter, budget_mad) VALUES ($1, $2, $3, $4, $5)', [plan.id, i + 1, ...a]);
  }
  let levelIndex = 0;
  for (const step of p.steps) {
    const acting = step.action === 'submit' ? 0 : levelIndex;
    const next = { submit: ['submitted', 1], validate: ['submitted', levelIndex + 1], approve: ['approved', levelIndex], return: ['returned', 0] }[step.action];
    if (step.action === 'submit') await client.query(`UPDATE approvals.section_states SET state = 'submitted' WHERE submission_id = $1 AND state IN ('open', 'returned')`, [id]);
    if (step.action === 'approve') await client.query(`UPDATE approvals.section_states SET state = 'approved' WHERE submission_id = $1`, [id]);
    if (step.action === 'return') await client.query(`UPDATE approvals.section_states SET state = 'returned' WHERE submission_id = $1 AND section_key = ANY($2)`, [id, step.sections]);
    await client.query('UPDATE approvals.submissions SET state = $2, level_index = $3, waiting_since = now() WHERE id = $1', [id, next[0], next[1]]);
    await client.query(
      `INSERT INTO approvals.steps (submission_id, action, level, level_index, actor_id, actor_role, actor_name_ar, actor_name_fr, comment, sections, region_id, delegation_id)
       SELECT $1, $2, $3, $4, u.id, u.role, u.full_name_ar, u.full_name_fr, $6, $7, $8, $9 FROM access.users u WHERE u.username = $5`,
      [id, step.action, delegationActionPlan.chain[acting]!.level, acting, step.by, step.comment ?? null, step.sections ?? [], plan.region_id, plan.delegation_id],
    );
    levelIndex = next[1] as number;
  }
}
