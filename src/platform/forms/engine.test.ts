import { describe, expect, it } from 'vitest';
import { FormDefinition } from './contract.ts';
import { scoreAnswers, validateAnswers, visibleQuestionIds } from './engine.ts';

const L = (s: string) => ({ ar: `${s} ع`, fr: s });

const def = FormDefinition.parse({
  sections: [
    {
      id: 'governance',
      title: L('Gouvernance'),
      questions: [
        { id: 'has_plan', type: 'yes_no', label: L('Plan'), required: true, weight: 2, yesScore: 3, noScore: 0 },
        { id: 'plan_year', type: 'number', label: L('Année'), required: true, integer: true, min: 2000, max: 2030, visibleWhen: { question: 'has_plan', anyOf: ['yes'] } },
        {
          id: 'meetings',
          type: 'single_choice',
          label: L('Réunions'),
          required: false,
          weight: 1,
          choices: [
            { id: 'none', label: L('Aucune'), score: 0 },
            { id: 'some', label: L('Quelques'), score: 2 },
            { id: 'monthly', label: L('Mensuelles'), score: 4 },
          ],
        },
        {
          id: 'meeting_notes',
          type: 'scale',
          label: L('Qualité des PV'),
          required: true,
          weight: 1,
          min: 1,
          max: 5,
          visibleWhen: { question: 'meetings', anyOf: ['some', 'monthly'] },
        },
      ],
    },
    {
      id: 'services',
      title: L('Services'),
      questions: [
        {
          id: 'offered',
          type: 'multiple_choice',
          label: L('Services'),
          required: true,
          weight: 1,
          choices: [
            { id: 'reception', label: L('Accueil'), score: 1 },
            { id: 'orientation', label: L('Orientation'), score: 2 },
            { id: 'none', label: L('Aucun'), score: -1 },
          ],
        },
        { id: 'visited_on', type: 'date', label: L('Date'), required: false },
        { id: 'comment', type: 'long_text', label: L('Commentaire'), required: false },
        { id: 'evidence', type: 'file', label: L('Pièces'), required: false, maxFiles: 2 },
      ],
    },
  ],
});

describe('visibility', () => {
  it('shows a conditional question only when the earlier answer takes one of its values', () => {
    expect(visibleQuestionIds(def, {}).has('plan_year')).toBe(false);
    expect(visibleQuestionIds(def, { has_plan: false }).has('plan_year')).toBe(false);
    expect(visibleQuestionIds(def, { has_plan: true }).has('plan_year')).toBe(true);
    expect(visibleQuestionIds(def, { meetings: 'monthly' }).has('meeting_notes')).toBe(true);
  });
});

describe('validation', () => {
  it('requires a required question only when it is visible, and only on submit', () => {
    const hidden = validateAnswers(def, { has_plan: false, offered: ['reception'] }, 'submit');
    expect(hidden.errors).toEqual([]);
    const shown = validateAnswers(def, { has_plan: true, offered: ['reception'] }, 'submit');
    expect(shown.errors).toEqual([{ questionId: 'plan_year', key: 'required' }]);
    expect(validateAnswers(def, { has_plan: true }, 'draft').errors).toEqual([]);
  });

  it('refuses answers of the wrong type, keyed by question id', () => {
    const { errors } = validateAnswers(
      def,
      { has_plan: 'oui', meetings: 'weekly', offered: 'reception', visited_on: '2026-02-30', evidence: ['not-a-uuid'], plan_year: 3 },
      'draft',
    );
    expect(errors).toEqual([
      { questionId: 'has_plan', key: 'not_yes_no' },
      { questionId: 'meetings', key: 'not_choice' },
      { questionId: 'offered', key: 'not_choices' },
      { questionId: 'visited_on', key: 'not_date' },
      { questionId: 'evidence', key: 'not_files' },
    ]);
  });

  it('checks bounds, integers, scales, file counts and unknown questions', () => {
    const r = validateAnswers(
      def,
      {
        has_plan: true,
        plan_year: 1990.5,
        meetings: 'some',
        meeting_notes: 6,
        evidence: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'],
        ghost: 'x',
      },
      'draft',
    );
    expect(r.errors).toEqual([
      { questionId: 'ghost', key: 'unknown_question' },
      { questionId: 'plan_year', key: 'not_integer' },
      { questionId: 'meeting_notes', key: 'not_scale', params: { min: 1, max: 5 } },
      { questionId: 'evidence', key: 'too_many_files', params: { max: 2 } },
    ]);
    expect(validateAnswers(def, { has_plan: true, plan_year: 1990 }, 'draft').errors).toEqual([{ questionId: 'plan_year', key: 'below_min', params: { min: 2000 } }]);
  });

  it('drops answers to hidden questions and empty answers, and normalises the rest', () => {
    const r = validateAnswers(def, { has_plan: false, plan_year: 2024, comment: '  bien  ', offered: ['orientation', 'reception'], visited_on: '' }, 'draft');
    expect(r.errors).toEqual([]);
    expect(r.answers).toEqual({ has_plan: false, comment: 'bien', offered: ['reception', 'orientation'] });
  });
});

describe('scoring', () => {
  it('multiplies choice scores by weights, per section and in total; a hidden question never counts', () => {
    const answers = validateAnswers(def, { has_plan: true, plan_year: 2024, meetings: 'monthly', meeting_notes: 4, offered: ['reception', 'orientation'] }, 'submit').answers;
    const scores = scoreAnswers(def, answers);
    // governance: has_plan 3×2 + meetings 4×1 + notes 4×1 = 14 of 6 + 4 + 5 = 15
    // services: 1 + 2 = 3 of 3 (a negative choice adds nothing to the maximum)
    expect(scores).toEqual({
      total: 17,
      max: 18,
      sections: [
        { sectionId: 'governance', score: 14, max: 15 },
        { sectionId: 'services', score: 3, max: 3 },
      ],
    });
    // With no meetings, the quality-of-minutes question is hidden: neither score nor maximum.
    const fewer = scoreAnswers(def, { has_plan: false, meetings: 'none', offered: ['none'] });
    expect(fewer.sections).toEqual([
      { sectionId: 'governance', score: 0, max: 10 },
      { sectionId: 'services', score: -1, max: 3 },
    ]);
  });
});

describe('definition rules', () => {
  it('refuses duplicate ids and conditions on later, unknown or non-choice questions', () => {
    const bad = FormDefinition.safeParse({
      sections: [
        {
          id: 's',
          title: L('S'),
          questions: [
            { id: 'a', type: 'text', label: L('A'), required: false, visibleWhen: { question: 'b', anyOf: ['yes'] } },
            { id: 'b', type: 'yes_no', label: L('B'), required: false, weight: 1, yesScore: 1, noScore: 0 },
            { id: 'c', type: 'text', label: L('C'), required: false, visibleWhen: { question: 'b', anyOf: ['maybe'] } },
            { id: 'a', type: 'text', label: L('A2'), required: false },
          ],
        },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    expect(messages).toEqual([
      'sections.0.questions.0.visibleWhen.question forms.definition.condition_question',
      'sections.0.questions.2.visibleWhen.anyOf forms.definition.condition_value',
      'sections.0.questions.3.id forms.definition.duplicate_id',
    ]);
  });
});
