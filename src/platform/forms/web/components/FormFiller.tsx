/**
 * A form version on screen: the filling component (one column, works at phone width), also used
 * as the designer's live preview, and its read-only variant for an answered form. Which questions
 * show follows the same engine the server uses.
 */
import { Checkbox, Group, NumberInput, Paper, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ui } from '../../../web/index.ts';
import type { AnswerValue, Answers, FormDefinition, Localized, Question } from '../../contract.ts';
import { visibleQuestionIds } from '../../engine.ts';
import { FileAnswer } from './FileAnswer.tsx';
import { names } from '../constants.ts';

export const loc = (l: Localized | { ar: string; fr: string } | undefined, lang: string): string => (l ? (lang === 'fr' ? l.fr : l.ar) : '');

interface Props {
  definition: FormDefinition;
  answers: Answers;
  /** Absent: read-only. */
  onChange?: (answers: Answers) => void;
  /** Messages by question id (already in the user's language). */
  errors?: Record<string, string>;
  /** Keeps element ids unique when two fillers share a page (designer and preview). */
  idPrefix: string;
  /** The response the files are attached to, when there is one. */
  responseId?: string;
  testId?: string;
}

export function FormFiller({ definition, answers, onChange, errors = {}, idPrefix, responseId, testId }: Props) {
  const { i18n } = useTranslation('forms');
  const lang = i18n.language;
  const visible = visibleQuestionIds(definition, answers);
  const set = (id: string, value: AnswerValue) => onChange?.({ ...answers, [id]: value });
  return (
    <Stack gap={ui.md} data-testid={testId}>
      {definition.sections.map((section) => {
        const questions = section.questions.filter((q) => visible.has(q.id));
        const titleId = `${idPrefix}-${section.id}-title`;
        return (
          <Paper key={section.id} withBorder p={ui.md} component={ui.section} aria-labelledby={titleId}>
            <Title order={2} size={ui.h4} id={titleId} mb={ui.xs}>
              {loc(section.title, lang)}
            </Title>
            {section.help && loc(section.help, lang) && (
              <Text size={ui.sm} c={ui.gray7} mb={ui.sm}>
                {loc(section.help, lang)}
              </Text>
            )}
            <Stack gap={ui.md}>
              {questions.map((q) =>
                onChange ? (
                  <QuestionInput key={q.id} question={q} value={answers[q.id]} onChange={(v) => set(q.id, v)} error={errors[q.id]} idPrefix={idPrefix} responseId={responseId} />
                ) : (
                  <AnswerView key={q.id} question={q} value={answers[q.id]} responseId={responseId} />
                ),
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

interface InputProps {
  question: Question;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  error: string | undefined;
  idPrefix: string;
  responseId: string | undefined;
}

function QuestionInput({ question: q, value, onChange, error, idPrefix, responseId }: InputProps) {
  const { t, i18n } = useTranslation('forms');
  const lang = i18n.language;
  const common = {
    label: loc(q.label, lang),
    description: loc(q.help, lang) || undefined,
    error,
    required: q.required,
    'data-question': q.id,
  };
  const id = `${idPrefix}-${q.id}`;
  switch (q.type) {
    case 'text':
      return <TextInput id={id} {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'long_text':
      return <Textarea id={id} {...common} autosize minRows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return (
        <NumberInput
          id={id}
          {...common}
          dir={ui.ltr}
          min={q.min}
          max={q.max}
          allowDecimal={!q.integer}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
    case 'date':
      return <TextInput id={id} {...common} type="date" dir={ui.ltr} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'single_choice':
      return (
        <Radio.Group id={id} {...common} withAsterisk={q.required} value={typeof value === 'string' ? value : null} onChange={onChange}>
          <Stack gap={ui.xs} mt={ui.xs}>
            {q.choices.map((c) => (
              <Radio key={c.id} value={c.id} label={loc(c.label, lang)} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group id={id} {...common} withAsterisk={q.required} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Stack gap={ui.xs} mt={ui.xs}>
            {q.choices.map((c) => (
              <Checkbox key={c.id} value={c.id} label={loc(c.label, lang)} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'yes_no':
      return (
        <Radio.Group
          id={id}
          {...common}
          withAsterisk={q.required}
          value={value === true ? names.yes : value === false ? names.no : null}
          onChange={(v) => onChange(v === names.yes)}
        >
          <Group gap={ui.lg} mt={ui.xs}>
            <Radio value={names.yes} label={t('filler.yes')} />
            <Radio value={names.no} label={t('filler.no')} />
          </Group>
        </Radio.Group>
      );
    case 'scale': {
      const values = Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
      const ends = [loc(q.minLabel, lang), loc(q.maxLabel, lang)].filter(Boolean).join(' … ');
      return (
        <Radio.Group
          id={id}
          {...common}
          description={[common.description, ends].filter(Boolean).join(' — ') || undefined}
          withAsterisk={q.required}
          value={typeof value === 'number' ? String(value) : null}
          onChange={(v) => onChange(Number(v))}
        >
          <Group gap={ui.md} mt={ui.xs}>
            {values.map((n) => (
              <Radio key={n} value={String(n)} label={String(n)} />
            ))}
          </Group>
        </Radio.Group>
      );
    }
    case 'file':
      return <FileAnswer question={q} value={Array.isArray(value) ? value : []} onChange={onChange} error={error} responseId={responseId} label={common.label} description={common.description} />;
  }
}

/** The answer as text, for reading an answered form. */
function AnswerView({ question: q, value, responseId }: { question: Question; value: AnswerValue | undefined; responseId: string | undefined }) {
  const { t, i18n } = useTranslation('forms');
  const lang = i18n.language;
  let shown: string;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) shown = t('view.noAnswer');
  else if (q.type === 'yes_no') shown = value === true ? t('filler.yes') : t('filler.no');
  else if (q.type === 'single_choice') shown = loc(q.choices.find((c) => c.id === value)?.label, lang);
  else if (q.type === 'multiple_choice' && Array.isArray(value)) shown = q.choices.filter((c) => value.includes(c.id)).map((c) => loc(c.label, lang)).join(lang === 'ar' ? '، ' : ', ');
  else if (q.type === 'scale') shown = t('view.scaleValue', { value, max: q.max });
  else shown = String(value);
  return (
    <Stack gap={2} data-question={q.id}>
      <Text fw={600} size={ui.sm}>
        {loc(q.label, lang)}
      </Text>
      {q.type === 'file' ? (
        <FileAnswer question={q} value={Array.isArray(value) ? value : []} responseId={responseId} label={loc(q.label, lang)} readOnly />
      ) : (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{shown}</Text>
      )}
    </Stack>
  );
}
