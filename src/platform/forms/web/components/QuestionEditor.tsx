/** One question in the designer: type, labels and help in Arabic and French, rules, choices, condition. */
import { ActionIcon, Button, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ui } from '../../../web/index.ts';
import { conditionTypes, conditionValues, questionTypes, scoredTypes, type FormDefinition, type Question, type QuestionType } from '../../contract.ts';
import { names, tid } from '../constants.ts';
import { loc } from './FormFiller.tsx';
import { move, newChoices, withType, type NewLabels } from './designer-model.ts';

interface Props {
  definition: FormDefinition;
  question: Question;
  /** Questions before this one (a condition may refer only to those). */
  earlier: Question[];
  si: number;
  qi: number;
  count: number;
  labels: NewLabels;
  errorAt: (path: string) => string | undefined;
  onChange: (q: Question) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : fallback);

export function QuestionEditor({ definition, question: q, earlier, si, qi, count, labels, errorAt, onChange, onMove, onRemove }: Props) {
  const { t, i18n } = useTranslation('forms');
  const lang = i18n.language;
  const at = `sections.${si}.questions.${qi}`;
  const key = `q-${si}-${qi}`;
  const help = q.help ?? { ar: '', fr: '' };
  const candidates = earlier.filter((e) => conditionTypes.includes(e.type));
  const target = candidates.find((c) => c.id === q.visibleWhen?.question);
  const valueLabel = (e: Question, v: string) =>
    e.type === 'yes_no' ? (v === 'yes' ? t('filler.yes') : t('filler.no')) : 'choices' in e ? loc(e.choices.find((c) => c.id === v)?.label, lang) : v;
  return (
    <Fieldset legend={t('designer.questionLegend', { n: qi + 1, id: q.id })} data-testid={key}>
      <Stack gap={ui.sm}>
        <Group justify={ui.spaceBetween} wrap={ui.wrap} align={ui.flexEnd}>
          <Select
            label={t('designer.type')}
            allowDeselect={false}
            data={questionTypes.map((type) => ({ value: type, label: t(`types.${type}`) }))}
            value={q.type}
            onChange={(v) => v && onChange(withType(definition, q, v as QuestionType, labels))}
            w={{ base: '100%', sm: 240 }}
            data-testid={`${key}-type`}
          />
          <Group gap={4}>
            <ActionIcon variant={ui.default} aria-label={t('designer.moveUp')} disabled={qi === 0} onClick={() => onMove(qi - 1)}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant={ui.default} aria-label={t('designer.moveDown')} disabled={qi === count - 1} onClick={() => onMove(qi + 1)}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant={ui.default} color={ui.red} aria-label={t('designer.removeQuestion')} onClick={onRemove} data-testid={`${key}-remove`}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('designer.labelAr')}
            lang={ui.ar}
            dir={ui.rtl}
            required
            value={q.label.ar}
            onChange={(e) => onChange({ ...q, label: { ...q.label, ar: e.currentTarget.value } })}
            error={errorAt(`${at}.label.ar`)}
            data-testid={`${key}-label-ar`}
          />
          <TextInput
            label={t('designer.labelFr')}
            lang={ui.fr}
            dir={ui.ltr}
            required
            value={q.label.fr}
            onChange={(e) => onChange({ ...q, label: { ...q.label, fr: e.currentTarget.value } })}
            error={errorAt(`${at}.label.fr`)}
            data-testid={`${key}-label-fr`}
          />
          <TextInput label={t('designer.helpAr')} lang={ui.ar} dir={ui.rtl} value={help.ar} onChange={(e) => onChange({ ...q, help: { ...help, ar: e.currentTarget.value } })} />
          <TextInput label={t('designer.helpFr')} lang={ui.fr} dir={ui.ltr} value={help.fr} onChange={(e) => onChange({ ...q, help: { ...help, fr: e.currentTarget.value } })} />
        </SimpleGrid>
        <Group gap={ui.lg} wrap={ui.wrap} align={ui.flexEnd}>
          <Switch label={t('designer.required')} checked={q.required} onChange={(e) => onChange({ ...q, required: e.currentTarget.checked })} data-testid={`${key}-required`} />
          {scoredTypes.includes(q.type) && 'weight' in q && (
            <NumberInput
              label={t('designer.weight')}
              min={0}
              max={100}
              allowDecimal={false}
              value={q.weight}
              onChange={(v) => onChange({ ...q, weight: num(v, 0) })}
              error={errorAt(`${at}.weight`)}
              w={120}
              data-testid={`${key}-weight`}
            />
          )}
          {q.type === 'yes_no' && (
            <>
              <NumberInput label={t('designer.yesScore')} min={-100} max={100} allowDecimal={false} value={q.yesScore} onChange={(v) => onChange({ ...q, yesScore: num(v, 0) })} w={120} data-testid={`${key}-yes-score`} />
              <NumberInput label={t('designer.noScore')} min={-100} max={100} allowDecimal={false} value={q.noScore} onChange={(v) => onChange({ ...q, noScore: num(v, 0) })} w={120} data-testid={`${key}-no-score`} />
            </>
          )}
          {(q.type === 'scale' || q.type === 'number') && (
            <>
              <NumberInput
                label={t('designer.min')}
                value={q.min ?? ''}
                allowDecimal={q.type === 'number'}
                onChange={(v) => onChange({ ...q, min: typeof v === 'number' ? v : q.type === 'scale' ? 0 : undefined } as Question)}
                error={errorAt(`${at}.min`)}
                w={120}
              />
              <NumberInput
                label={t('designer.max')}
                value={q.max ?? ''}
                allowDecimal={q.type === 'number'}
                onChange={(v) => onChange({ ...q, max: typeof v === 'number' ? v : q.type === 'scale' ? 5 : undefined } as Question)}
                error={errorAt(`${at}.max`)}
                w={120}
              />
            </>
          )}
          {q.type === 'number' && <Switch label={t('designer.integer')} checked={q.integer ?? false} onChange={(e) => onChange({ ...q, integer: e.currentTarget.checked })} />}
          {q.type === 'file' && (
            <NumberInput label={t('designer.maxFiles')} min={1} max={10} allowDecimal={false} value={q.maxFiles} onChange={(v) => onChange({ ...q, maxFiles: num(v, 1) })} w={140} />
          )}
        </Group>
        {q.type === 'scale' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('designer.minLabelAr')}
              lang={ui.ar}
              dir={ui.rtl}
              value={q.minLabel?.ar ?? ''}
              onChange={(e) => onChange({ ...q, minLabel: { ar: e.currentTarget.value, fr: q.minLabel?.fr ?? '' } })}
            />
            <TextInput
              label={t('designer.minLabelFr')}
              lang={ui.fr}
              dir={ui.ltr}
              value={q.minLabel?.fr ?? ''}
              onChange={(e) => onChange({ ...q, minLabel: { ar: q.minLabel?.ar ?? '', fr: e.currentTarget.value } })}
            />
            <TextInput
              label={t('designer.maxLabelAr')}
              lang={ui.ar}
              dir={ui.rtl}
              value={q.maxLabel?.ar ?? ''}
              onChange={(e) => onChange({ ...q, maxLabel: { ar: e.currentTarget.value, fr: q.maxLabel?.fr ?? '' } })}
            />
            <TextInput
              label={t('designer.maxLabelFr')}
              lang={ui.fr}
              dir={ui.ltr}
              value={q.maxLabel?.fr ?? ''}
              onChange={(e) => onChange({ ...q, maxLabel: { ar: q.maxLabel?.ar ?? '', fr: e.currentTarget.value } })}
            />
          </SimpleGrid>
        )}
        {'choices' in q && (
          <Stack gap={ui.xs}>
            <Text fw={600} size={ui.sm}>
              {t('designer.choices')}
            </Text>
            {q.choices.map((c, ci) => (
              <Group key={c.id} gap={ui.xs} align={ui.flexEnd} wrap={ui.wrap} data-testid={`${key}-choice-${ci}`}>
                <TextInput
                  label={t('designer.choiceAr', { n: ci + 1 })}
                  lang={ui.ar}
                  dir={ui.rtl}
                  required
                  value={c.label.ar}
                  onChange={(e) => onChange({ ...q, choices: q.choices.map((x, i) => (i === ci ? { ...x, label: { ...x.label, ar: e.currentTarget.value } } : x)) })}
                  error={errorAt(`${at}.choices.${ci}.label.ar`)}
                  style={{ flex: '1 1 10rem' }}
                  data-testid={`${key}-choice-${ci}-ar`}
                />
                <TextInput
                  label={t('designer.choiceFr', { n: ci + 1 })}
                  lang={ui.fr}
                  dir={ui.ltr}
                  required
                  value={c.label.fr}
                  onChange={(e) => onChange({ ...q, choices: q.choices.map((x, i) => (i === ci ? { ...x, label: { ...x.label, fr: e.currentTarget.value } } : x)) })}
                  error={errorAt(`${at}.choices.${ci}.label.fr`)}
                  style={{ flex: '1 1 10rem' }}
                  data-testid={`${key}-choice-${ci}-fr`}
                />
                <NumberInput
                  label={t('designer.score')}
                  min={-100}
                  max={100}
                  allowDecimal={false}
                  value={c.score}
                  onChange={(v) => onChange({ ...q, choices: q.choices.map((x, i) => (i === ci ? { ...x, score: num(v, 0) } : x)) })}
                  w={90}
                  data-testid={`${key}-choice-${ci}-score`}
                />
                <ActionIcon variant={ui.default} aria-label={t('designer.moveUp')} disabled={ci === 0} onClick={() => onChange({ ...q, choices: move(q.choices, ci, ci - 1) })} mb={4}>
                  <IconArrowUp size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant={ui.default}
                  color={ui.red}
                  aria-label={t('designer.removeChoice')}
                  disabled={q.choices.length <= 2}
                  onClick={() => onChange({ ...q, choices: q.choices.filter((_, i) => i !== ci) })}
                  mb={4}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant={ui.default}
                size={ui.xs}
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={q.choices.length >= 30}
                onClick={() => onChange({ ...q, choices: [...q.choices, ...newChoices(definition, 1, labels)] })}
                data-testid={`${key}-${tid.addChoice}`}
              >
                {t('designer.addChoice')}
              </Button>
            </Group>
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('designer.visibleWhen')}
            placeholder={t('designer.always')}
            clearable
            data={candidates.map((c) => ({ value: c.id, label: loc(c.label, lang) || c.id }))}
            value={q.visibleWhen?.question ?? null}
            onChange={(v) => {
              if (!v) {
                const { visibleWhen: _dropped, ...rest } = q;
                onChange(rest as Question);
                return;
              }
              const chosen = candidates.find((c) => c.id === v);
              onChange({ ...q, visibleWhen: { question: v, anyOf: chosen ? conditionValues(chosen).slice(0, 1) : [] } });
            }}
            error={errorAt(`${at}.visibleWhen.question`)}
            data-testid={`${key}-condition`}
          />
          {target && q.visibleWhen && (
            <MultiSelect
              label={t('designer.conditionValues')}
              data={conditionValues(target).map((v) => ({ value: v, label: valueLabel(target, v) || v }))}
              value={q.visibleWhen.anyOf}
              onChange={(anyOf) => onChange({ ...q, visibleWhen: { question: target.id, anyOf } })}
              error={errorAt(`${at}.visibleWhen.anyOf`)}
              data-testid={`${key}-condition-values`}
            />
          )}
        </SimpleGrid>
        {errorAt(`${at}.id`) && (
          <Text c={names.errorText} size={ui.sm} role={ui.alert}>
            {errorAt(`${at}.id`)}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
