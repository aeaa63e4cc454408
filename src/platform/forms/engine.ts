/**
 * The rules of a form version, in one place: which questions are visible given the answers,
 * whether answers fit their questions, and the scores. The server runs it (authoritative: what it
 * stores is what it computed); the web client runs the very same code for live feedback.
 * Pure functions, no I/O.
 */
import type { AnswerValue, Answers, FormDefinition, Question, Scores, SectionScore } from './contract.ts';

/** Catalog keys of answer errors, under `answer.` in the forms catalogs (server and web). */
export type AnswerErrorKey =
  | 'required'
  | 'unknown_question'
  | 'not_text'
  | 'too_long'
  | 'not_number'
  | 'not_integer'
  | 'below_min'
  | 'above_max'
  | 'not_date'
  | 'not_choice'
  | 'not_choices'
  | 'not_yes_no'
  | 'not_scale'
  | 'not_files'
  | 'too_many_files';

export interface AnswerError {
  questionId: string;
  key: AnswerErrorKey;
  params?: Record<string, number>;
}

export const TEXT_MAX = 500;
export const LONG_TEXT_MAX = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const allQuestions = (def: FormDefinition): Question[] => def.sections.flatMap((s) => s.questions);

/** An answer that says nothing: absent, null, blank text, empty list. */
export function isEmpty(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** The condition values an answer takes: choice ids, or 'yes'/'no'. */
function conditionTokens(value: AnswerValue | undefined): string[] {
  if (typeof value === 'boolean') return [value ? 'yes' : 'no'];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value;
  return [];
}

/**
 * Ids of the visible questions. A condition refers to an earlier question (the definition schema
 * ensures it), so one pass in order decides; a question whose condition's question is hidden is
 * hidden too.
 */
export function visibleQuestionIds(def: FormDefinition, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const q of allQuestions(def)) {
    const cond = q.visibleWhen;
    if (!cond || (visible.has(cond.question) && conditionTokens(answers[cond.question]).some((v) => cond.anyOf.includes(v)))) {
      visible.add(q.id);
    }
  }
  return visible;
}

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks one non-empty answer against its question; returns the error key or the value to store. */
function checkAnswer(q: Question, value: AnswerValue): { value: AnswerValue } | { key: AnswerErrorKey; params?: Record<string, number> } {
  switch (q.type) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') return { key: 'not_text' };
      const max = q.type === 'text' ? TEXT_MAX : LONG_TEXT_MAX;
      const trimmed = value.trim();
      return trimmed.length > max ? { key: 'too_long', params: { max } } : { value: trimmed };
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { key: 'not_number' };
      if (q.integer && !Number.isInteger(value)) return { key: 'not_integer' };
      if (q.min !== undefined && value < q.min) return { key: 'below_min', params: { min: q.min } };
      if (q.max !== undefined && value > q.max) return { key: 'above_max', params: { max: q.max } };
      return { value };
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? { value } : { key: 'not_date' };
    case 'single_choice':
      return typeof value === 'string' && q.choices.some((c) => c.id === value) ? { value } : { key: 'not_choice' };
    case 'multiple_choice':
      if (!Array.isArray(value) || new Set(value).size !== value.length || value.some((v) => !q.choices.some((c) => c.id === v))) {
        return { key: 'not_choices' };
      }
      // Stored in the order of the choices, so equal answers are equal values.
      return { value: q.choices.filter((c) => value.includes(c.id)).map((c) => c.id) };
    case 'yes_no':
      return typeof value === 'boolean' ? { value } : { key: 'not_yes_no' };
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= q.min && value <= q.max
        ? { value }
        : { key: 'not_scale', params: { min: q.min, max: q.max } };
    case 'file':
      if (!Array.isArray(value) || value.some((v) => !UUID.test(v)) || new Set(value).size !== value.length) return { key: 'not_files' };
      return value.length > q.maxFiles ? { key: 'too_many_files', params: { max: q.maxFiles } } : { value: value.map((v) => v.toLowerCase()) };
  }
}

export interface ValidationResult {
  /** The answers to keep: visible questions only, empty answers dropped, values normalised. */
  answers: Answers;
  errors: AnswerError[];
}

/**
 * Validates answers against a version. Types are always checked; `submit` also requires every
 * visible required question. Answers to hidden questions are dropped (a condition changed after
 * they were given), never an error; an id the version does not have is an error.
 */
export function validateAnswers(def: FormDefinition, answers: Answers, mode: 'draft' | 'submit'): ValidationResult {
  const questions = new Map(allQuestions(def).map((q) => [q.id, q]));
  const errors: AnswerError[] = [];
  for (const id of Object.keys(answers)) if (!questions.has(id)) errors.push({ questionId: id, key: 'unknown_question' });
  const kept: Answers = {};
  // Visibility is decided on the answers as given: a wrongly typed answer simply matches no condition.
  const visible = visibleQuestionIds(def, answers);
  for (const q of questions.values()) {
    if (!visible.has(q.id)) continue;
    const value = answers[q.id];
    if (isEmpty(value)) {
      if (mode === 'submit' && q.required) errors.push({ questionId: q.id, key: 'required' });
      continue;
    }
    const checked = checkAnswer(q, value!);
    if ('key' in checked) errors.push({ questionId: q.id, key: checked.key, ...(checked.params && { params: checked.params }) });
    else kept[q.id] = checked.value;
  }
  return { answers: kept, errors };
}

/** Score and maximum of one question; hidden or unscored questions give nothing. */
function questionScore(q: Question, value: AnswerValue | undefined): { score: number; max: number } {
  switch (q.type) {
    case 'single_choice': {
      const chosen = q.choices.find((c) => c.id === value);
      return { score: (chosen?.score ?? 0) * q.weight, max: Math.max(0, ...q.choices.map((c) => c.score)) * q.weight };
    }
    case 'multiple_choice': {
      const chosen = Array.isArray(value) ? q.choices.filter((c) => value.includes(c.id)) : [];
      const sum = chosen.reduce((n, c) => n + c.score, 0);
      return { score: sum * q.weight, max: q.choices.reduce((n, c) => n + Math.max(0, c.score), 0) * q.weight };
    }
    case 'yes_no': {
      const score = value === true ? q.yesScore : value === false ? q.noScore : 0;
      return { score: score * q.weight, max: Math.max(0, q.yesScore, q.noScore) * q.weight };
    }
    case 'scale':
      return { score: (typeof value === 'number' ? value : 0) * q.weight, max: q.max * q.weight };
    default:
      return { score: 0, max: 0 };
  }
}

/**
 * Scores: for each visible scored question, its choice score (or scale value) × its weight,
 * summed per section and in total, with the maxima a perfect answer would reach. A hidden
 * question counts neither in the score nor in the maximum; an unanswered visible one scores 0.
 * Run it on validated answers.
 */
export function scoreAnswers(def: FormDefinition, answers: Answers): Scores {
  const visible = visibleQuestionIds(def, answers);
  const sections: SectionScore[] = def.sections.map((section) => {
    let score = 0;
    let max = 0;
    for (const q of section.questions) {
      if (!visible.has(q.id)) continue;
      const s = questionScore(q, answers[q.id]);
      score += s.score;
      max += s.max;
    }
    return { sectionId: section.id, score, max };
  });
  return { total: sections.reduce((n, s) => n + s.score, 0), max: sections.reduce((n, s) => n + s.max, 0), sections };
}

/** A score as a whole percentage of its maximum (null when nothing is scored). */
export const percentOf = (score: number, max: number): number | null => (max > 0 ? Math.round((score * 100) / max) : null);
