/**
 * The form designer: sections and questions on one side, a live preview on the other, built with
 * the filling component and scored by the same engine as the server. Saves the draft; publishes
 * it after a confirmation (a published version never changes again).
 */
import { useMemo, useState } from 'react';
import { ActionIcon, Alert, Button, Grid, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, api, fieldMessage, formErrorMap, ui } from '../../../web/index.ts';
import { FormDefinition, FormVersion, type Answers } from '../../contract.ts';
import { scoreAnswers, validateAnswers } from '../../engine.ts';
import { dom, names, tid } from '../constants.ts';
import { formsKey } from '../queries.ts';
import { FormFiller } from './FormFiller.tsx';
import { QuestionEditor } from './QuestionEditor.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';
import { addQuestion, addSection, move, removeQuestion, updateQuestion, updateSection, type NewLabels } from './designer-model.ts';
import { useAnswerErrors } from './answer-errors.ts';

export function Designer({ version }: { version: FormVersion }) {
  const { t, i18n } = useTranslation('forms');
  const queryClient = useQueryClient();
  const [definition, setDefinition] = useState<FormDefinition>(version.definition);
  const [dirty, setDirty] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [previewAnswers, setPreviewAnswers] = useState<Answers>({});
  const answerErrors = useAnswerErrors();

  const labels: NewLabels = useMemo(() => {
    const both = (key: 'designer.newSection' | 'designer.newQuestion' | 'designer.newChoice', n: number) => ({
      ar: i18n.getFixedT('ar', 'forms')(key, { n }),
      fr: i18n.getFixedT('fr', 'forms')(key, { n }),
    });
    return { section: (n) => both('designer.newSection', n), question: (n) => both('designer.newQuestion', n), choice: (n) => both('designer.newChoice', n) };
  }, [i18n]);

  const change = (next: FormDefinition) => {
    setDefinition(next);
    setDirty(true);
    setSaved(false);
  };

  const parsed = FormDefinition.safeParse(definition);
  const errors = new Map<string, string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (errors.has(path)) continue;
      const message = issue.message.startsWith('forms.definition.')
        ? t(`definition.${issue.message.slice('forms.definition.'.length)}` as 'definition.duplicate_id')
        : fieldMessage(formErrorMap(issue as Parameters<typeof formErrorMap>[0]));
      errors.set(path, message ?? '');
    }
  }
  const errorAt = (path: string) => (showErrors ? errors.get(path) : undefined);

  const save = useMutation({
    mutationFn: (def: FormDefinition) => api.patch(`/api/forms/versions/${version.id}`, { definition: def }, FormVersion),
    onSuccess: (v) => {
      queryClient.setQueryData([...formsKey, 'version', v.id], v);
      setDirty(false);
      setSaved(true);
    },
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) await save.mutateAsync(definition);
      return api.post(`/api/forms/versions/${version.id}/publish`, {}, FormVersion);
    },
    onSuccess: (v) => {
      setConfirming(false);
      queryClient.setQueryData([...formsKey, 'version', v.id], v);
      void queryClient.invalidateQueries({ queryKey: formsKey });
    },
  });
  const trySave = () => {
    setShowErrors(true);
    if (parsed.success) save.mutate(parsed.data);
  };
  const tryPublish = () => {
    setShowErrors(true);
    if (parsed.success) setConfirming(true);
  };

  const preview = validateAnswers(parsed.success ? parsed.data : definition, previewAnswers, 'draft');
  const previewScores = scoreAnswers(definition, preview.answers);

  return (
    <Grid gap={ui.lg}>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap={ui.md} data-testid={tid.designer}>
          <Group gap={ui.sm} wrap={ui.wrap}>
            <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={trySave} loading={save.isPending} disabled={!dirty} data-testid={tid.designerSave}>
              {t('designer.save')}
            </Button>
            <Button variant={ui.outline} leftSection={<IconSend size={16} aria-hidden />} onClick={tryPublish} data-testid={tid.publish}>
              {t('designer.publish')}
            </Button>
          </Group>
          {saved && (
            <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.designerSaved}>
              {t('designer.saved')}
            </Alert>
          )}
          {showErrors && !parsed.success && (
            <Alert color={ui.red} variant={ui.light} role={ui.alert}>
              {t('designer.hasErrors')}
            </Alert>
          )}
          <ProblemAlert error={save.error} />
          {definition.sections.map((section, si) => (
            <Paper key={section.id} withBorder p={ui.md} component={ui.section} aria-label={t('designer.sectionLegend', { n: si + 1 })} data-testid={`section-${si}`}>
              <Stack gap={ui.sm}>
                <Group justify={ui.spaceBetween} wrap={ui.wrap}>
                  <Title order={2} size={ui.h4}>
                    {t('designer.sectionLegend', { n: si + 1 })}
                  </Title>
                  <Group gap={4}>
                    <ActionIcon variant={ui.default} aria-label={t('designer.moveUp')} disabled={si === 0} onClick={() => change({ ...definition, sections: move(definition.sections, si, si - 1) })}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant={ui.default}
                      aria-label={t('designer.moveDown')}
                      disabled={si === definition.sections.length - 1}
                      onClick={() => change({ ...definition, sections: move(definition.sections, si, si + 1) })}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant={ui.default}
                      color={ui.red}
                      aria-label={t('designer.removeSection')}
                      disabled={definition.sections.length <= 1}
                      onClick={() => change({ ...definition, sections: definition.sections.filter((_, i) => i !== si) })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
                <Group grow wrap={ui.wrap} preventGrowOverflow={false}>
                  <TextInput
                    label={t('designer.titleAr')}
                    lang={ui.ar}
                    dir={ui.rtl}
                    required
                    value={section.title.ar}
                    onChange={(e) => change(updateSection(definition, si, (s) => ({ ...s, title: { ...s.title, ar: e.currentTarget.value } })))}
                    error={errorAt(`sections.${si}.title.ar`)}
                    miw={200}
                    data-testid={`section-${si}-title-ar`}
                  />
                  <TextInput
                    label={t('designer.titleFr')}
                    lang={ui.fr}
                    dir={ui.ltr}
                    required
                    value={section.title.fr}
                    onChange={(e) => change(updateSection(definition, si, (s) => ({ ...s, title: { ...s.title, fr: e.currentTarget.value } })))}
                    error={errorAt(`sections.${si}.title.fr`)}
                    miw={200}
                    data-testid={`section-${si}-title-fr`}
                  />
                </Group>
                <Group grow wrap={ui.wrap} preventGrowOverflow={false}>
                  <TextInput
                    label={t('designer.sectionHelpAr')}
                    lang={ui.ar}
                    dir={ui.rtl}
                    value={section.help?.ar ?? ''}
                    onChange={(e) => change(updateSection(definition, si, (s) => ({ ...s, help: { ar: e.currentTarget.value, fr: s.help?.fr ?? '' } })))}
                    miw={200}
                  />
                  <TextInput
                    label={t('designer.sectionHelpFr')}
                    lang={ui.fr}
                    dir={ui.ltr}
                    value={section.help?.fr ?? ''}
                    onChange={(e) => change(updateSection(definition, si, (s) => ({ ...s, help: { ar: s.help?.ar ?? '', fr: e.currentTarget.value } })))}
                    miw={200}
                  />
                </Group>
                {section.questions.length === 0 && <Text size={ui.sm}>{t('designer.noQuestions')}</Text>}
                {section.questions.map((q, qi) => (
                  <QuestionEditor
                    key={q.id}
                    definition={definition}
                    question={q}
                    earlier={definition.sections.flatMap((s, i) => (i < si ? s.questions : i === si ? s.questions.slice(0, qi) : []))}
                    si={si}
                    qi={qi}
                    count={section.questions.length}
                    labels={labels}
                    errorAt={errorAt}
                    onChange={(next) => change(updateQuestion(definition, si, qi, () => next))}
                    onMove={(to) => change(updateSection(definition, si, (s) => ({ ...s, questions: move(s.questions, qi, to) })))}
                    onRemove={() => change(removeQuestion(definition, si, qi))}
                  />
                ))}
                <Group>
                  <Button variant={ui.light} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => change(addQuestion(definition, si, labels))} data-testid={`section-${si}-${tid.addQuestion}`}>
                    {t('designer.addQuestion')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
          <Group>
            <Button variant={ui.default} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => change(addSection(definition, labels))} data-testid={tid.addSection}>
              {t('designer.addSection')}
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap={ui.md} className="raaya-forms-preview" data-testid={tid.preview} component={ui.section} aria-labelledby={dom.previewTitle}>
          <Title order={2} size={ui.h3} id={dom.previewTitle}>
            {t('designer.preview')}
          </Title>
          <Text size={ui.sm}>{t('designer.previewHint')}</Text>
          <ScoreSummary scores={previewScores} definition={definition} titleId={names.previewScores} live />
          <FormFiller definition={definition} answers={previewAnswers} onChange={setPreviewAnswers} errors={answerErrors(preview.errors)} idPrefix={names.preview} />
        </Stack>
      </Grid.Col>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('designer.publishTitle', { version: version.version })} centered>
        <Stack gap={ui.md}>
          <Text>{t('designer.publishConfirm')}</Text>
          <ProblemAlert error={publish.error} />
          <Group justify={ui.flexEnd}>
            <Button variant={ui.default} onClick={() => setConfirming(false)}>
              {t('designer.cancel')}
            </Button>
            <Button onClick={() => publish.mutate()} loading={publish.isPending} data-testid={tid.confirmPublish}>
              {t('designer.publishNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Grid>
  );
}
