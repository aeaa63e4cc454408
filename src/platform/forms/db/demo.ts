/**
 * Demo first use of the forms service: the self-diagnosis of a delegation's social action, in
 * Arabic and French, scored. Version 1 is published, version 2 is a draft copy with one more
 * question; Agadir Ida-Outanane has submitted its self-diagnosis, Inezgane-Aït Melloul has a draft.
 * Scores are computed by the same engine the server uses. Idempotent: an existing form is kept.
 */
import type pg from 'pg';
import { FormDefinition, type Answers } from '../contract.ts';
import { scoreAnswers, validateAnswers } from '../engine.ts';

export const DEMO_FORM_CODE = 'delegation-self-diagnosis';

const L = (ar: string, fr: string) => ({ ar, fr });
const yesNo = (id: string, label: ReturnType<typeof L>, weight: number, extra: object = {}) =>
  ({ id, type: 'yes_no' as const, label, required: true, weight, yesScore: 2, noScore: 0, ...extra });

export const demoDefinition: FormDefinition = FormDefinition.parse({
  sections: [
    {
      id: 'governance',
      title: L('الحكامة والتدبير', 'Gouvernance et pilotage'),
      help: L('تنظيم المندوبية وتتبعها للمؤسسات.', "Organisation de la délégation et suivi des établissements."),
      questions: [
        yesNo('gov_plan', L('هل تتوفر المندوبية على مخطط عمل سنوي مصادق عليه للسنة الجارية؟', "La délégation dispose-t-elle d'un plan d'action annuel approuvé pour l'année en cours ?"), 3),
        {
          id: 'gov_plan_date',
          type: 'date',
          label: L('تاريخ المصادقة على المخطط', "Date d'approbation du plan"),
          required: true,
          visibleWhen: { question: 'gov_plan', anyOf: ['yes'] },
        },
        {
          id: 'gov_meetings',
          type: 'single_choice',
          label: L('وتيرة اجتماعات التنسيق مع مديري المؤسسات', 'Fréquence des réunions de coordination avec les directeurs des établissements'),
          required: true,
          weight: 2,
          choices: [
            { id: 'none', label: L('لا توجد', 'Aucune'), score: 0 },
            { id: 'yearly', label: L('سنوية', 'Annuelle'), score: 1 },
            { id: 'quarterly', label: L('فصلية', 'Trimestrielle'), score: 2 },
            { id: 'monthly', label: L('شهرية', 'Mensuelle'), score: 3 },
          ],
        },
        {
          id: 'gov_committees',
          type: 'scale',
          label: L('اشتغال لجان التتبع والمراقبة بالمؤسسات', 'Fonctionnement des comités de suivi et de contrôle des établissements'),
          help: L('1: غير مفعلة، 5: تشتغل بانتظام مع محاضر', '1 : inactifs, 5 : réunis régulièrement avec procès-verbaux'),
          required: true,
          weight: 1,
          min: 1,
          max: 5,
        },
      ],
    },
    {
      id: 'services',
      title: L('الخدمات المقدمة', 'Services rendus'),
      questions: [
        {
          id: 'srv_types',
          type: 'multiple_choice',
          label: L('الخدمات التي تقدمها مؤسسات الإقليم', 'Services assurés par les établissements de la province'),
          required: true,
          weight: 1,
          choices: [
            { id: 'reception', label: L('الاستقبال والإنصات', 'Accueil et écoute'), score: 1 },
            { id: 'accommodation', label: L('الإيواء', 'Hébergement'), score: 1 },
            { id: 'feeding', label: L('الإطعام', 'Restauration'), score: 1 },
            { id: 'orientation', label: L('التوجيه', 'Orientation'), score: 1 },
            { id: 'schooling', label: L('التتبع التربوي', 'Suivi éducatif'), score: 1 },
            { id: 'psychological', label: L('الدعم الطبي والنفسي', 'Soutien médical et psychologique'), score: 1 },
          ],
        },
        {
          id: 'srv_occupancy',
          type: 'number',
          label: L('متوسط نسبة الملء بالمؤسسات (%)', "Taux d'occupation moyen des établissements (%)"),
          required: true,
          min: 0,
          max: 100,
        },
        yesNo('srv_registers', L('هل سجلات المستفيدين (القانون 65.15) محينة في جميع المؤسسات؟', 'Les registres des bénéficiaires (loi 65-15) sont-ils à jour dans tous les établissements ?'), 2),
        {
          id: 'srv_registers_gap',
          type: 'long_text',
          label: L('المؤسسات المعنية وأسباب عدم التحيين', 'Établissements concernés et raisons du retard'),
          required: true,
          visibleWhen: { question: 'srv_registers', anyOf: ['no'] },
        },
      ],
    },
    {
      id: 'partnerships',
      title: L('الشراكات والدعم', 'Partenariats et subventions'),
      questions: [
        {
          id: 'part_conventions',
          type: 'number',
          label: L('عدد اتفاقيات الشراكة السارية', 'Nombre de conventions de partenariat en vigueur'),
          required: true,
          integer: true,
          min: 0,
          max: 1000,
        },
        {
          id: 'part_tranches',
          type: 'single_choice',
          label: L('انتظام صرف أشطر الدعم للجمعيات', 'Régularité du versement des tranches de subvention aux associations'),
          required: true,
          weight: 3,
          choices: [
            { id: 'late', label: L('متأخر في الغالب', 'Souvent en retard'), score: 0 },
            { id: 'partly', label: L('منتظم جزئيا', 'Partiellement régulier'), score: 1 },
            { id: 'on_time', label: L('في الآجال', 'Dans les délais'), score: 2 },
          ],
        },
        {
          id: 'part_partners',
          type: 'multiple_choice',
          label: L('الشركاء المنخرطون', 'Partenaires impliqués'),
          required: false,
          weight: 1,
          choices: [
            { id: 'indh', label: L('المبادرة الوطنية للتنمية البشرية', "Initiative nationale pour le développement humain (INDH)"), score: 1 },
            { id: 'communes', label: L('الجماعات الترابية', 'Collectivités territoriales'), score: 1 },
            { id: 'associations', label: L('جمعيات المجتمع المدني', 'Associations de la société civile'), score: 1 },
            { id: 'private', label: L('القطاع الخاص', 'Secteur privé'), score: 1 },
          ],
        },
        {
          id: 'part_evidence',
          type: 'file',
          label: L('الوثائق المثبتة (اتفاقيات، تقارير)', 'Pièces justificatives (conventions, rapports)'),
          required: false,
          maxFiles: 5,
        },
        { id: 'part_difficulty', type: 'text', label: L('أبرز صعوبة تواجهونها', 'Principale difficulté rencontrée'), required: false },
      ],
    },
  ],
});

/** Version 2 (draft): the same form with one more question on digitised registers. */
export const demoDefinitionV2: FormDefinition = FormDefinition.parse({
  sections: demoDefinition.sections.map((s) =>
    s.id !== 'services'
      ? s
      : { ...s, questions: [...s.questions, yesNo('srv_digital', L('هل سجلات المستفيدين مرقمنة؟', 'Les registres des bénéficiaires sont-ils numérisés ?'), 1, { required: false })] },
  ),
});

const agadirAnswers: Answers = {
  gov_plan: true,
  gov_plan_date: '2026-02-12',
  gov_meetings: 'quarterly',
  gov_committees: 4,
  srv_types: ['reception', 'accommodation', 'feeding', 'schooling'],
  srv_occupancy: 86,
  srv_registers: false,
  srv_registers_gap: "دار الطالبة بأورير: السجل غير محين منذ بداية الموسم الدراسي بسبب تغيير المدير.",
  part_conventions: 14,
  part_tranches: 'partly',
  part_partners: ['indh', 'communes', 'associations'],
  part_difficulty: 'تأخر تبرير صرف الشطر الثاني من طرف بعض الجمعيات',
};

const inezganeDraft: Answers = { gov_plan: false, gov_meetings: 'monthly' };

export async function seedDemoForms(client: pg.ClientBase): Promise<void> {
  const exists = await client.query('SELECT 1 FROM forms.forms WHERE code = $1', [DEMO_FORM_CODE]);
  if (exists.rowCount) return;
  const users = new Map(
    (await client.query<{ username: string; id: string }>(`SELECT username, id FROM access.users WHERE username IN ('admin', 'agadir', 'inezgane')`)).rows.map((r) => [r.username, r.id]),
  );
  const admin = users.get('admin') ?? null;
  const form = await client.query<{ id: string }>(
    `INSERT INTO forms.forms (code, purpose, title_ar, title_fr, target_groups, created_by)
     VALUES ($1, 'self_diagnosis', 'التشخيص الذاتي للعمل الاجتماعي للمندوبية', 'Autodiagnostic de l''action sociale de la délégation', '{}', $2) RETURNING id`,
    [DEMO_FORM_CODE, admin],
  );
  const formId = form.rows[0]!.id;
  const v1 = await client.query<{ id: string }>(
    `INSERT INTO forms.form_versions (form_id, version, status, definition, created_by, published_at, published_by)
     VALUES ($1, 1, 'published', $2, $3, now() - interval '60 days', $3) RETURNING id`,
    [formId, JSON.stringify(demoDefinition), admin],
  );
  await client.query(`INSERT INTO forms.form_versions (form_id, version, status, definition, created_by) VALUES ($1, 2, 'draft', $2, $3)`, [
    formId,
    JSON.stringify(demoDefinitionV2),
    admin,
  ]);
  const respond = async (delegationCode: string, username: string, answers: Answers, submit: boolean) => {
    const checked = validateAnswers(demoDefinition, answers, submit ? 'submit' : 'draft');
    if (checked.errors.length) throw new Error(`demo answers do not fit the form: ${JSON.stringify(checked.errors)}`);
    const scores = scoreAnswers(demoDefinition, checked.answers);
    const by = users.get(username) ?? null;
    await client.query(
      `INSERT INTO forms.responses (version_id, form_id, subject_type, subject_id, region_id, delegation_id, status, answers,
         total_score, max_score, section_scores, created_by, submitted_at, submitted_by)
       SELECT $1, $2, 'delegation', d.id, d.region_id, d.id, $3, $4, $5, $6, $7, $8, CASE WHEN $9 THEN now() - interval '20 days' END, CASE WHEN $9 THEN $8::uuid END
       FROM organisation.delegations d WHERE d.code = $10`,
      [v1.rows[0]!.id, formId, submit ? 'submitted' : 'draft', JSON.stringify(checked.answers), scores.total, scores.max, JSON.stringify(scores.sections), by, submit, delegationCode],
    );
  };
  await respond('09.001', 'agadir', agadirAnswers, true);
  await respond('09.273', 'inezgane', inezganeDraft, false);
}
