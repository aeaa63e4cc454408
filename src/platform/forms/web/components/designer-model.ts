/** Immutable edits of a definition in the designer: add, move, remove, change a question's type. */
import type { Choice, FormDefinition, Question, QuestionType, Section } from '../../contract.ts';
import { SCALE_DEFAULT } from '../constants.ts';

export interface NewLabels {
  section: (n: number) => { ar: string; fr: string };
  question: (n: number) => { ar: string; fr: string };
  choice: (n: number) => { ar: string; fr: string };
}

/** All ids used in a definition (sections, questions and choices share one space of names). */
function usedIds(def: FormDefinition): Set<string> {
  const ids = new Set<string>();
  for (const s of def.sections) {
    ids.add(s.id);
    for (const q of s.questions) {
      ids.add(q.id);
      if ('choices' in q) for (const c of q.choices) ids.add(c.id);
    }
  }
  return ids;
}

/** The first free id with this prefix: q1, q2… */
export function freshId(def: FormDefinition, prefix: 's' | 'q' | 'c', taken: Set<string> = usedIds(def)): { id: string; n: number } {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return { id: `${prefix}${n}`, n };
}

export const move = <T,>(items: readonly T[], from: number, to: number): T[] => {
  if (to < 0 || to >= items.length) return [...items];
  const out = [...items];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
};

export function addSection(def: FormDefinition, labels: NewLabels): FormDefinition {
  const { id, n } = freshId(def, 's');
  const section: Section = { id, title: labels.section(n), questions: [] };
  return { ...def, sections: [...def.sections, section] };
}

export function addQuestion(def: FormDefinition, sectionIndex: number, labels: NewLabels): FormDefinition {
  const { id, n } = freshId(def, 'q');
  const question: Question = { id, type: 'text', label: labels.question(n), required: false };
  return updateSection(def, sectionIndex, (s) => ({ ...s, questions: [...s.questions, question] }));
}

export function newChoices(def: FormDefinition, count: number, labels: NewLabels): Choice[] {
  const taken = usedIds(def);
  const out: Choice[] = [];
  for (let i = 0; i < count; i++) {
    const { id, n } = freshId(def, 'c', taken);
    taken.add(id);
    out.push({ id, label: labels.choice(n), score: 0 });
  }
  return out;
}

export function updateSection(def: FormDefinition, index: number, change: (s: Section) => Section): FormDefinition {
  return { ...def, sections: def.sections.map((s, i) => (i === index ? change(s) : s)) };
}

export function updateQuestion(def: FormDefinition, si: number, qi: number, change: (q: Question) => Question): FormDefinition {
  return updateSection(def, si, (s) => ({ ...s, questions: s.questions.map((q, i) => (i === qi ? change(q) : q)) }));
}

/** The same question as another type: common fields kept, the new type's fields given defaults. */
export function withType(def: FormDefinition, q: Question, type: QuestionType, labels: NewLabels): Question {
  const common = { id: q.id, label: q.label, required: q.required, ...(q.help && { help: q.help }), ...(q.visibleWhen && { visibleWhen: q.visibleWhen }) };
  const weight = 'weight' in q ? q.weight : 1;
  switch (type) {
    case 'text':
    case 'long_text':
    case 'date':
    case 'number':
      return { ...common, type };
    case 'single_choice':
    case 'multiple_choice':
      return { ...common, type, weight, choices: 'choices' in q ? q.choices : newChoices(def, 2, labels) };
    case 'yes_no':
      return { ...common, type, weight, yesScore: 1, noScore: 0 };
    case 'scale':
      return { ...common, type, weight, min: SCALE_DEFAULT.min, max: SCALE_DEFAULT.max };
    case 'file':
      return { ...common, type, maxFiles: 3 };
  }
}

/** Removing a question also removes the conditions that referred to it. */
export function removeQuestion(def: FormDefinition, si: number, qi: number): FormDefinition {
  const removed = def.sections[si]?.questions[qi]?.id;
  const next = updateSection(def, si, (s) => ({ ...s, questions: s.questions.filter((_, i) => i !== qi) }));
  return {
    ...next,
    sections: next.sections.map((s) => ({
      ...s,
      questions: s.questions.map((q) => {
        if (q.visibleWhen?.question !== removed) return q;
        const { visibleWhen: _dropped, ...rest } = q;
        return rest as Question;
      }),
    })),
  };
}
