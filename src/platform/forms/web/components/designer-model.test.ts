import { describe, expect, it } from 'vitest';
import { FormDefinition } from '../../contract.ts';
import { addQuestion, addSection, move, removeQuestion, withType, type NewLabels } from './designer-model.ts';

const labels: NewLabels = {
  section: (n) => ({ ar: `القسم ${n}`, fr: `Section ${n}` }),
  question: (n) => ({ ar: `السؤال ${n}`, fr: `Question ${n}` }),
  choice: (n) => ({ ar: `الجواب ${n}`, fr: `Réponse ${n}` }),
};

describe('designer edits', () => {
  it('builds a valid definition: fresh ids, choices for a choice type, a condition removed with its question', () => {
    let def: FormDefinition = { sections: [{ id: 's1', title: labels.section(1), questions: [] }] };
    def = addQuestion(def, 0, labels);
    def = addQuestion(def, 0, labels);
    def = addSection(def, labels);
    expect(def.sections.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(def.sections[0]!.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
    const q1 = withType(def, def.sections[0]!.questions[0]!, 'single_choice', labels);
    expect(q1).toMatchObject({ type: 'single_choice', weight: 1, choices: [{ id: 'c1' }, { id: 'c2' }] });
    def = { sections: [{ ...def.sections[0]!, questions: [q1, { ...def.sections[0]!.questions[1]!, visibleWhen: { question: 'q1', anyOf: ['c1'] } }] }, def.sections[1]!] };
    expect(FormDefinition.safeParse(def).success).toBe(true);
    const without = removeQuestion(def, 0, 0);
    expect(without.sections[0]!.questions).toEqual([{ id: 'q2', type: 'text', label: labels.question(2), required: false }]);
    expect(FormDefinition.safeParse(without).success).toBe(true);
  });

  it('moves items within bounds only', () => {
    expect(move(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
