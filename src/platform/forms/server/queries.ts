/** SQL of the forms service: forms with their versions, one version, responses (keyset paged). */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';
import type { Answers, Form, FormDefinition, FormListQuery, FormResponse, FormVersion, ResponseListQuery, ResponseSummary, SectionScore } from '../contract.ts';
import { subjectType } from './subjects.ts';

const escapeLike = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface FormFilter extends Partial<Pick<FormListQuery, 'q' | 'purpose' | 'after' | 'published'>> {
  ids?: string[];
  limit?: number;
}

/** Forms with the summary of every version, in one query (no N+1); keyset by code. */
export async function findForms(tx: Tx, f: FormFilter): Promise<Form[]> {
  let query = tx
    .selectFrom('forms.forms as f')
    .select(['f.id', 'f.code', 'f.purpose', 'f.title_ar', 'f.title_fr', 'f.institution_categories', 'f.target_groups', 'f.updated_at'])
    .select(
      sql<{ id: string; version: number; status: string; publishedAt: string | null; updatedAt: string }[]>`coalesce((
        SELECT json_agg(json_build_object('id', v.id, 'version', v.version, 'status', v.status,
          'publishedAt', v.published_at, 'updatedAt', v.updated_at) ORDER BY v.version DESC)
        FROM forms.form_versions v WHERE v.form_id = f.id), '[]'::json)`.as('versions'),
    )
    .orderBy('f.code');
  if (f.ids) query = query.where('f.id', 'in', f.ids);
  if (f.purpose) query = query.where('f.purpose', '=', f.purpose);
  if (f.after) query = query.where('f.code', '>', f.after);
  if (f.q) query = query.where(sql<boolean>`lower(f.code || ' ' || f.title_fr || ' ' || f.title_ar) LIKE ${escapeLike(f.q)}`);
  if (f.published === 'true') {
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('forms.form_versions as pv').select('pv.id').whereRef('pv.form_id', '=', 'f.id').where('pv.status', '=', 'published')),
    );
  }
  if (f.limit) query = query.limit(f.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    purpose: r.purpose as Form['purpose'],
    titleAr: r.title_ar,
    titleFr: r.title_fr,
    institutionCategories: r.institution_categories,
    targetGroups: r.target_groups,
    updatedAt: r.updated_at.toISOString(),
    versions: r.versions.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status as Form['versions'][number]['status'],
      publishedAt: v.publishedAt && new Date(v.publishedAt).toISOString(),
      updatedAt: new Date(v.updatedAt).toISOString(),
    })),
  }));
}

export async function findVersion(tx: Tx, id: string): Promise<FormVersion | undefined> {
  const v = await tx
    .selectFrom('forms.form_versions')
    .select(['id', 'form_id', 'version', 'status', 'definition', 'published_at', 'published_by', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!v) return undefined;
  const [form] = await findForms(tx, { ids: [v.form_id] });
  if (!form) return undefined;
  const { versions: _versions, ...header } = form;
  return {
    id: v.id,
    formId: v.form_id,
    form: header,
    version: v.version,
    status: v.status as FormVersion['status'],
    definition: v.definition as unknown as FormDefinition,
    publishedAt: v.published_at?.toISOString() ?? null,
    publishedBy: v.published_by,
    updatedAt: v.updated_at.toISOString(),
  };
}

interface ResponseFilter extends Partial<Omit<ResponseListQuery, 'limit'>> {
  ids?: string[];
  limit?: number;
}

/** Cursor of the responses list: the creation moment at full precision, then the id. */
const CURSOR = /^(\d{4}-\d{2}-\d{2} [0-9:.]+[+-]\d{2}(?::\d{2})?)\|([0-9a-f-]{36})$/;

/** Responses in the caller's scope (row-level security), newest first, with subject names. */
export async function findResponses(tx: Tx, f: ResponseFilter): Promise<{ items: (ResponseSummary & { answers: Answers; definition: FormDefinition; submittedBy: string | null })[]; cursors: string[] }> {
  let query = tx
    .selectFrom('forms.responses as r')
    .innerJoin('forms.form_versions as v', 'v.id', 'r.version_id')
    .innerJoin('forms.forms as f', 'f.id', 'r.form_id')
    .select([
      'r.id', 'r.form_id', 'r.version_id', 'v.version', 'f.title_ar', 'f.title_fr', 'r.subject_type', 'r.subject_id', 'r.status',
      'r.total_score', 'r.max_score', 'r.section_scores', 'r.submitted_at', 'r.submitted_by', 'r.updated_at', 'r.answers',
    ])
    .select(sql<string>`r.created_at::text`.as('created_text'))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc');
  // The definition travels only with a single response, not with every row of a list.
  const single = Boolean(f.ids && f.ids.length === 1);
  if (single) query = query.select('v.definition');
  if (f.ids) query = query.where('r.id', 'in', f.ids);
  if (f.subjectType) query = query.where('r.subject_type', '=', f.subjectType);
  if (f.subjectId) query = query.where('r.subject_id', '=', f.subjectId);
  if (f.form) query = query.where('r.form_id', '=', f.form);
  if (f.status) query = query.where('r.status', '=', f.status);
  if (f.after) {
    const m = CURSOR.exec(f.after);
    if (m) query = query.where(sql<boolean>`(r.created_at, r.id) < (${m[1]}::timestamptz, ${m[2]}::uuid)`);
  }
  if (f.limit) query = query.limit(f.limit);
  const rows = await query.execute();
  const names = await subjectNames(tx, rows);
  return {
    cursors: rows.map((r) => `${r.created_text}|${r.id}`),
    items: rows.map((r) => {
      const name = names.get(`${r.subject_type}:${r.subject_id}`) ?? { nameAr: '', nameFr: '' };
      const sections = r.section_scores as unknown as SectionScore[];
      return {
        id: r.id,
        formId: r.form_id,
        versionId: r.version_id,
        version: r.version,
        formTitleAr: r.title_ar,
        formTitleFr: r.title_fr,
        subject: { type: r.subject_type, id: r.subject_id, ...name },
        status: r.status as ResponseSummary['status'],
        scores: { total: r.total_score, max: r.max_score, sections },
        submittedAt: r.submitted_at?.toISOString() ?? null,
        submittedBy: r.submitted_by,
        updatedAt: r.updated_at.toISOString(),
        answers: r.answers as unknown as Answers,
        definition: ('definition' in r ? r.definition : { sections: [] }) as unknown as FormDefinition,
      };
    }),
  };
}

/** Subject names, one query per subject type present in the page. */
async function subjectNames(tx: Tx, rows: { subject_type: string; subject_id: string }[]) {
  const byType = new Map<string, Set<string>>();
  for (const r of rows) byType.set(r.subject_type, (byType.get(r.subject_type) ?? new Set()).add(r.subject_id));
  const out = new Map<string, { nameAr: string; nameFr: string }>();
  for (const [type, ids] of byType) {
    const names = await subjectType(type)?.names(tx, [...ids]);
    for (const [id, name] of names ?? []) out.set(`${type}:${id}`, name);
  }
  return out;
}

export async function findResponse(tx: Tx, id: string): Promise<FormResponse | undefined> {
  return (await findResponses(tx, { ids: [id] })).items[0];
}
