/**
 * Rules of the forms service: designing (national only), publishing (frozen from then on), new
 * versions as copies, and responses validated and scored here, on the server, against the exact
 * version they answer. Nothing a client computes is stored.
 */
import type { CurrentUser, Tx } from '../../../server/context.ts';
import { AppError, forbidden, invalidFields, notFound, type FieldError } from '../../../server/errors.ts';
import type { Answers, CreateFormBody, CreateResponseBody, Form, FormDefinition, FormResponse, FormVersion, SaveResponseBody, UpdateFormBody } from '../contract.ts';
import { allQuestions, scoreAnswers, validateAnswers, type AnswerError } from '../engine.ts';
import { findForms, findResponse, findVersion } from './queries.ts';
import { inScope, subjectType } from './subjects.ts';
import { documentsOfResponse } from './documents.ts';

const conflict = (key: string) => new AppError(409, `forms.errors.${key}`);

/** Form definitions are national reference data: designed at the national level only. */
function assertNational(user: CurrentUser): void {
  if (user.scope.level !== 'nation') throw forbidden();
}

/** A new form starts with one empty section, titled like the form, to be filled in the designer. */
const starter = (body: CreateFormBody): FormDefinition => ({
  sections: [{ id: 's1', title: { ar: body.titleAr, fr: body.titleFr }, questions: [] }],
});

export async function createForm(tx: Tx, user: CurrentUser, body: CreateFormBody): Promise<Form> {
  assertNational(user);
  const form = await tx
    .insertInto('forms.forms')
    .values({
      code: body.code,
      purpose: body.purpose,
      title_ar: body.titleAr,
      title_fr: body.titleFr,
      institution_categories: body.institutionCategories,
      target_groups: body.targetGroups,
      created_by: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('forms.form_versions')
    .values({ form_id: form.id, version: 1, status: 'draft', definition: JSON.stringify(body.definition ?? starter(body)), created_by: user.id })
    .execute();
  return (await findForms(tx, { ids: [form.id] }))[0]!;
}

export async function updateForm(tx: Tx, user: CurrentUser, id: string, body: UpdateFormBody): Promise<Form> {
  assertNational(user);
  const changes = {
    ...(body.purpose !== undefined && { purpose: body.purpose }),
    ...(body.titleAr !== undefined && { title_ar: body.titleAr }),
    ...(body.titleFr !== undefined && { title_fr: body.titleFr }),
    ...(body.institutionCategories !== undefined && { institution_categories: body.institutionCategories }),
    ...(body.targetGroups !== undefined && { target_groups: body.targetGroups }),
  };
  if (Object.keys(changes).length > 0) {
    const r = await tx.updateTable('forms.forms').set(changes).where('id', '=', id).executeTakeFirst();
    if (r.numUpdatedRows === 0n) throw notFound();
  }
  return (await findForms(tx, { ids: [id] }))[0] ?? Promise.reject(notFound());
}

async function draftVersion(tx: Tx, id: string): Promise<FormVersion> {
  const version = await findVersion(tx, id);
  if (!version) throw notFound();
  if (version.status !== 'draft') throw conflict('version_not_draft');
  return version;
}

export async function saveDefinition(tx: Tx, user: CurrentUser, id: string, definition: FormDefinition): Promise<FormVersion> {
  assertNational(user);
  await draftVersion(tx, id);
  await tx.updateTable('forms.form_versions').set({ definition: JSON.stringify(definition) }).where('id', '=', id).where('status', '=', 'draft').execute();
  return (await findVersion(tx, id))!;
}

export async function publishVersion(tx: Tx, user: CurrentUser, id: string): Promise<FormVersion> {
  assertNational(user);
  const version = await draftVersion(tx, id);
  if (allQuestions(version.definition).length === 0) throw conflict('nothing_to_publish');
  // One current version: the one published before it retires (its answers stay attached to it).
  await tx.updateTable('forms.form_versions').set({ status: 'retired' }).where('form_id', '=', version.formId).where('status', '=', 'published').execute();
  await tx
    .updateTable('forms.form_versions')
    .set({ status: 'published', published_at: new Date(), published_by: user.id })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
  return (await findVersion(tx, id))!;
}

/** The next version: a draft copy of the latest one. One draft at a time. */
export async function newVersion(tx: Tx, user: CurrentUser, formId: string): Promise<FormVersion> {
  assertNational(user);
  const latest = await tx
    .selectFrom('forms.form_versions')
    .select(['version', 'status', 'definition'])
    .where('form_id', '=', formId)
    .orderBy('version', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!latest) throw notFound();
  if (latest.status === 'draft') throw conflict('draft_exists');
  const created = await tx
    .insertInto('forms.form_versions')
    .values({ form_id: formId, version: latest.version + 1, status: 'draft', definition: JSON.stringify(latest.definition), created_by: user.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findVersion(tx, created.id))!;
}

/** Answer errors as field errors: `answers.<question id>`, message from the forms catalog. */
const answerFieldErrors = (errors: AnswerError[]): FieldError[] =>
  errors.map((e) => ({ path: `answers.${e.questionId}`, key: `forms.answer.${e.key}`, ...(e.params && { params: e.params }) }));

/**
 * Validates and scores answers against a version; refuses (400, nothing written) any misfit.
 * The files of a file question must be documents attached to this very response.
 */
async function checkedAnswers(tx: Tx, definition: FormDefinition, answers: Answers, submit: boolean, responseId: string | null) {
  const result = validateAnswers(definition, answers, submit ? 'submit' : 'draft');
  const fileQuestions = allQuestions(definition).filter((q) => q.type === 'file' && Array.isArray(result.answers[q.id]));
  const ids = fileQuestions.flatMap((q) => result.answers[q.id] as string[]);
  const attached = await documentsOfResponse(tx, responseId, ids);
  for (const q of fileQuestions) {
    if ((result.answers[q.id] as string[]).some((id) => !attached.has(id))) result.errors.push({ questionId: q.id, key: 'not_files' });
  }
  if (result.errors.length > 0) throw invalidFields(...answerFieldErrors(result.errors));
  return { answers: result.answers, scores: scoreAnswers(definition, result.answers) };
}

export async function createResponse(tx: Tx, user: CurrentUser, body: CreateResponseBody): Promise<FormResponse> {
  const version = await findVersion(tx, body.versionId);
  if (!version) throw notFound();
  if (version.status !== 'published') throw conflict('version_not_published');
  const subjects = subjectType(body.subjectType);
  if (!subjects) throw invalidFields({ path: 'subjectType', key: 'validation.invalid_value' });
  const subject = await subjects.resolve(tx, body.subjectId);
  // A subject that does not exist and one outside the caller's scope look the same: 404.
  if (!subject || !(await inScope(tx, subject.keys))) throw notFound();
  const { answers, scores } = await checkedAnswers(tx, version.definition, body.answers, body.submit, null);
  const now = new Date();
  const created = await tx
    .insertInto('forms.responses')
    .values({
      version_id: version.id,
      form_id: version.formId,
      subject_type: body.subjectType,
      subject_id: body.subjectId,
      region_id: subject.keys.regionId,
      delegation_id: subject.keys.delegationId,
      association_id: subject.keys.associationId,
      institution_id: subject.keys.institutionId,
      status: body.submit ? 'submitted' : 'draft',
      answers: JSON.stringify(answers),
      total_score: scores.total,
      max_score: scores.max,
      section_scores: JSON.stringify(scores.sections),
      created_by: user.id,
      ...(body.submit && { submitted_at: now, submitted_by: user.id }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findResponse(tx, created.id))!;
}

export async function saveResponse(tx: Tx, user: CurrentUser, id: string, body: SaveResponseBody): Promise<FormResponse> {
  const current = await findResponse(tx, id);
  if (!current) throw notFound();
  if (current.status !== 'draft') throw conflict('response_submitted');
  const { answers, scores } = await checkedAnswers(tx, current.definition, body.answers, body.submit, id);
  const updated = await tx
    .updateTable('forms.responses')
    .set({
      answers: JSON.stringify(answers),
      total_score: scores.total,
      max_score: scores.max,
      section_scores: JSON.stringify(scores.sections),
      ...(body.submit && { status: 'submitted', submitted_at: new Date(), submitted_by: user.id }),
    })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw conflict('response_submitted');
  return (await findResponse(tx, id))!;
}
