/**
 * API contract of the forms platform service: the definition of a form version (sections and
 * questions, validated by these schemas on the server AND in the designer), answers and scores,
 * and the request/response schemas of the routes. Types are inferred here, never written twice.
 */
import { z } from 'zod';
import { PageQuery, Uuid, pageOf, text } from '../contract/common.ts';

/** Purposes a form serves; later modules pick their forms by purpose. */
export const formPurposes = ['self_diagnosis', 'inspection_checklist', 'diagnosis', 'training_evaluation', 'survey'] as const;
export const FormPurpose = z.enum(formPurposes);
export type FormPurpose = z.infer<typeof FormPurpose>;

export const questionTypes = ['text', 'long_text', 'number', 'date', 'single_choice', 'multiple_choice', 'yes_no', 'scale', 'file'] as const;
export const QuestionType = z.enum(questionTypes);
export type QuestionType = z.infer<typeof QuestionType>;

/** Types whose answers carry a score (choice score, or the scale value, × the question's weight). */
export const scoredTypes: readonly QuestionType[] = ['single_choice', 'multiple_choice', 'yes_no', 'scale'];
/** Types a visibility condition may refer to. */
export const conditionTypes: readonly QuestionType[] = ['single_choice', 'multiple_choice', 'yes_no'];

/** Identifier of a section, question or choice inside a definition: short, stable, ASCII. */
export const ElementId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'element_id_format' });
export const FormCode = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(60)
  .regex(/^[a-z][a-z0-9_-]*$/, { error: 'form_code_format' });

/** A label in both languages; both are required. */
export const Localized = z.strictObject({ ar: text(500), fr: text(500) });
export type Localized = z.infer<typeof Localized>;
/** Help text in both languages; an empty one is simply absent. */
export const LocalizedHelp = z.strictObject({ ar: z.string().trim().max(1000), fr: z.string().trim().max(1000) });

/** Scores and weights are small integers, so totals are exact (no floating point). */
export const Score = z.number().int().min(-100).max(100);
export const Weight = z.number().int().min(0).max(100);

export const Choice = z.strictObject({ id: ElementId, label: Localized, score: Score });
export type Choice = z.infer<typeof Choice>;

/** Shown only when the answer to an earlier choice question is one of `values` (choice ids; 'yes'/'no'). */
export const VisibleWhen = z.strictObject({ question: ElementId, anyOf: z.array(z.string().max(40)).min(1).max(50) });
export type VisibleWhen = z.infer<typeof VisibleWhen>;

const common = {
  id: ElementId,
  label: Localized,
  help: LocalizedHelp.optional(),
  required: z.boolean(),
  visibleWhen: VisibleWhen.optional(),
};

export const TextQuestion = z.strictObject({ ...common, type: z.literal('text') });
export const LongTextQuestion = z.strictObject({ ...common, type: z.literal('long_text') });
export const NumberQuestion = z.strictObject({
  ...common,
  type: z.literal('number'),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  integer: z.boolean().optional(),
});
export const DateQuestion = z.strictObject({ ...common, type: z.literal('date') });
export const SingleChoiceQuestion = z.strictObject({ ...common, type: z.literal('single_choice'), weight: Weight, choices: z.array(Choice).min(2).max(30) });
export const MultipleChoiceQuestion = z.strictObject({ ...common, type: z.literal('multiple_choice'), weight: Weight, choices: z.array(Choice).min(2).max(30) });
export const YesNoQuestion = z.strictObject({ ...common, type: z.literal('yes_no'), weight: Weight, yesScore: Score, noScore: Score });
export const ScaleQuestion = z.strictObject({
  ...common,
  type: z.literal('scale'),
  weight: Weight,
  min: z.number().int().min(0).max(10),
  max: z.number().int().min(1).max(10),
  minLabel: LocalizedHelp.optional(),
  maxLabel: LocalizedHelp.optional(),
});
export const FileQuestion = z.strictObject({ ...common, type: z.literal('file'), maxFiles: z.number().int().min(1).max(10) });

export const Question = z.discriminatedUnion('type', [
  TextQuestion,
  LongTextQuestion,
  NumberQuestion,
  DateQuestion,
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  YesNoQuestion,
  ScaleQuestion,
  FileQuestion,
]);
export type Question = z.infer<typeof Question>;

export const Section = z.strictObject({ id: ElementId, title: Localized, help: LocalizedHelp.optional(), questions: z.array(Question).max(100) });
export type Section = z.infer<typeof Section>;

/**
 * A whole definition, with the rules no single field can check: ids unique across the form,
 * choice ids unique per question, numeric bounds in order, and a visibility condition that
 * refers to an EARLIER choice question (so there is no cycle) with values it can take.
 * Each refinement's message is a catalog key (`forms.definition.*`).
 */
export const FormDefinition = z
  .strictObject({ sections: z.array(Section).min(1).max(50) })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    const earlier = new Map<string, Question>();
    def.sections.forEach((section, s) => {
      if (seen.has(section.id)) ctx.addIssue({ code: 'custom', path: ['sections', s, 'id'], message: 'forms.definition.duplicate_id' });
      seen.add(section.id);
      section.questions.forEach((q, i) => {
        const at = ['sections', s, 'questions', i];
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: 'forms.definition.duplicate_id' });
        seen.add(q.id);
        if ('choices' in q) {
          const ids = q.choices.map((c) => c.id);
          ids.forEach((id, c) => {
            if (ids.indexOf(id) !== c) ctx.addIssue({ code: 'custom', path: [...at, 'choices', c, 'id'], message: 'forms.definition.duplicate_id' });
          });
        }
        if ((q.type === 'number' || q.type === 'scale') && q.min !== undefined && q.max !== undefined && q.min >= q.max) {
          ctx.addIssue({ code: 'custom', path: [...at, 'max'], message: 'forms.definition.bounds' });
        }
        if (q.visibleWhen) {
          const target = earlier.get(q.visibleWhen.question);
          if (!target || !conditionTypes.includes(target.type)) {
            ctx.addIssue({ code: 'custom', path: [...at, 'visibleWhen', 'question'], message: 'forms.definition.condition_question' });
          } else {
            const allowed = conditionValues(target);
            if (q.visibleWhen.anyOf.some((v) => !allowed.includes(v))) {
              ctx.addIssue({ code: 'custom', path: [...at, 'visibleWhen', 'anyOf'], message: 'forms.definition.condition_value' });
            }
          }
        }
        earlier.set(q.id, q);
      });
    });
  });
export type FormDefinition = z.infer<typeof FormDefinition>;

/** The values a condition on this question may test. */
export function conditionValues(q: Question): string[] {
  if (q.type === 'yes_no') return ['yes', 'no'];
  if (q.type === 'single_choice' || q.type === 'multiple_choice') return q.choices.map((c) => c.id);
  return [];
}

/** One answer: text, number, ISO date, choice id(s), yes/no, scale value, or document ids. */
export const AnswerValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(100)).max(50), z.null()]);
export type AnswerValue = z.infer<typeof AnswerValue>;
/** Answers keyed by question id. Their fit with the version's questions is checked by validateAnswers. */
export const Answers = z.record(z.string().max(40), AnswerValue).refine((a) => Object.keys(a).length <= 2000, { message: 'validation.too_big_array' });
export type Answers = z.infer<typeof Answers>;

export const SectionScore = z.object({ sectionId: z.string(), score: z.number().int(), max: z.number().int() });
export type SectionScore = z.infer<typeof SectionScore>;
export const Scores = z.object({ total: z.number().int(), max: z.number().int(), sections: z.array(SectionScore) });
export type Scores = z.infer<typeof Scores>;

// ---------------------------------------------------------------- forms and versions

export const VersionStatus = z.enum(['draft', 'published', 'retired']);
export type VersionStatus = z.infer<typeof VersionStatus>;

/** Codes of institution categories and target groups (the registry will own their lists). */
const CodeList = z.array(z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'element_id_format' })).max(30);

export const VersionSummary = z.object({
  id: Uuid,
  version: z.number().int(),
  status: VersionStatus,
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const Form = z.object({
  id: Uuid,
  code: z.string(),
  purpose: FormPurpose,
  titleAr: z.string(),
  titleFr: z.string(),
  institutionCategories: z.array(z.string()),
  targetGroups: z.array(z.string()),
  versions: z.array(VersionSummary),
  updatedAt: z.string(),
});
export type Form = z.infer<typeof Form>;

export const FormListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  purpose: FormPurpose.optional(),
  /** Only forms with a published version (what can be filled). */
  published: z.enum(['true', 'false']).optional(),
});
export type FormListQuery = z.infer<typeof FormListQuery>;
export const FormPage = pageOf(Form);

export const CreateFormBody = z.strictObject({
  code: FormCode,
  purpose: FormPurpose,
  titleAr: text(300),
  titleFr: text(300),
  institutionCategories: CodeList.default([]),
  targetGroups: CodeList.default([]),
  definition: FormDefinition.optional(),
});
export type CreateFormBody = z.infer<typeof CreateFormBody>;

export const UpdateFormBody = CreateFormBody.omit({ code: true, definition: true }).partial();
export type UpdateFormBody = z.infer<typeof UpdateFormBody>;

export const FormVersion = VersionSummary.extend({
  formId: Uuid,
  form: Form.omit({ versions: true }),
  definition: FormDefinition,
  publishedBy: Uuid.nullable(),
});
export type FormVersion = z.infer<typeof FormVersion>;

export const SaveDefinitionBody = z.strictObject({ definition: FormDefinition });

// ---------------------------------------------------------------- responses

export const ResponseStatus = z.enum(['draft', 'submitted']);
export type ResponseStatus = z.infer<typeof ResponseStatus>;
export const SubjectType = z.string().regex(/^[a-z][a-z_]{1,39}$/);

export const Subject = z.object({ type: z.string(), id: Uuid, nameAr: z.string(), nameFr: z.string() });
export type Subject = z.infer<typeof Subject>;

export const ResponseSummary = z.object({
  id: Uuid,
  formId: Uuid,
  versionId: Uuid,
  version: z.number().int(),
  formTitleAr: z.string(),
  formTitleFr: z.string(),
  subject: Subject,
  status: ResponseStatus,
  scores: Scores,
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ResponseSummary = z.infer<typeof ResponseSummary>;

export const FormResponse = ResponseSummary.extend({
  answers: Answers,
  definition: FormDefinition,
  submittedBy: Uuid.nullable(),
});
export type FormResponse = z.infer<typeof FormResponse>;

export const CreateResponseBody = z.strictObject({
  versionId: Uuid,
  subjectType: SubjectType,
  subjectId: Uuid,
  answers: Answers.default({}),
  submit: z.boolean().default(false),
});
export type CreateResponseBody = z.infer<typeof CreateResponseBody>;

export const SaveResponseBody = z.strictObject({ answers: Answers, submit: z.boolean().default(false) });
export type SaveResponseBody = z.infer<typeof SaveResponseBody>;

export const ResponseListQuery = PageQuery.extend({
  subjectType: SubjectType.optional(),
  subjectId: Uuid.optional(),
  form: Uuid.optional(),
  status: ResponseStatus.optional(),
});
export type ResponseListQuery = z.infer<typeof ResponseListQuery>;
export const ResponsePage = pageOf(ResponseSummary);
