/**
 * One response: a draft is filled here (live checks and scores by the shared engine; the server
 * validates and scores again when saving), a submitted one is read with its scores.
 */
import { useState } from 'react';
import { Alert, Button, Grid, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ErrorState, LoadingState, PageHeader, ProblemAlert, api, formatDateTime, nameIn, ui, useCan, useParam } from '../../../web/index.ts';
import { FormResponse, type Answers } from '../../contract.ts';
import { scoreAnswers, validateAnswers } from '../../engine.ts';
import { FormFiller } from '../components/FormFiller.tsx';
import { ScoreSummary } from '../components/ScoreSummary.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { serverAnswerErrors, useAnswerErrors } from '../components/answer-errors.ts';
import { dom, names, path, tid } from '../constants.ts';
import { formsKey, useResponse } from '../queries.ts';

export function ResponsePage() {
  const { t, i18n } = useTranslation('forms');
  const lang = i18n.language;
  const id = useParam('responseId');
  const query = useResponse(id);
  const can = useCan();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const editable = r.status === 'draft' && can('forms.answer');
  return (
    <>
      <PageHeader title={lang === 'fr' ? r.formTitleFr : r.formTitleAr} back={path.responses}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Paper withBorder p={ui.sm}>
            <Text size={ui.sm} c={ui.gray7}>
              {t('response.subject')}
            </Text>
            <Text fw={500}>{nameIn(r.subject, lang)}</Text>
          </Paper>
          <Paper withBorder p={ui.sm}>
            <Text size={ui.sm} c={ui.gray7}>
              {t('response.version')}
            </Text>
            <AnchorLink to={path.version} params={{ versionId: r.versionId }} fw={500}>
              {t('version.number', { n: r.version })}
            </AnchorLink>
          </Paper>
          <Paper withBorder p={ui.sm}>
            <Text size={ui.sm} c={ui.gray7}>
              {t('response.status')}
            </Text>
            <Group gap={ui.xs}>
              <StatusBadge status={r.status} />
              {r.submittedAt && <Text size={ui.sm}>{formatDateTime(r.submittedAt, lang)}</Text>}
            </Group>
          </Paper>
        </SimpleGrid>
      </PageHeader>
      {editable ? <FillResponse key={r.updatedAt} response={r} /> : <ViewResponse response={r} />}
    </>
  );
}

function ViewResponse({ response: r }: { response: FormResponse }) {
  return (
    <Grid gap={ui.lg} data-testid={tid.responseView}>
      <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
        <ScoreSummary scores={r.scores} definition={r.definition} titleId={dom.scoresTitle} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
        <FormFiller definition={r.definition} answers={r.answers} idPrefix={names.view} responseId={r.id} />
      </Grid.Col>
    </Grid>
  );
}

function FillResponse({ response: r }: { response: FormResponse }) {
  const { t } = useTranslation('forms');
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>(r.answers);
  const [triedSubmit, setTriedSubmit] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const answerErrors = useAnswerErrors();
  const save = useMutation({
    mutationFn: (submit: boolean) => api.patch(`/api/forms/responses/${r.id}`, { answers, submit }, FormResponse),
    onSuccess: (updated) => {
      setConfirming(false);
      setSaved(updated.status === 'draft');
      queryClient.setQueryData([...formsKey, 'response', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: [...formsKey, 'responses'] });
    },
    onError: () => setConfirming(false),
  });
  const live = validateAnswers(r.definition, answers, triedSubmit ? 'submit' : 'draft');
  const errors = { ...serverAnswerErrors(save.error), ...answerErrors(live.errors) };
  const onChange = (next: Answers) => {
    setAnswers(next);
    setSaved(false);
  };
  return (
    <Grid gap={ui.lg}>
      <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
        <ScoreSummary scores={scoreAnswers(r.definition, live.answers)} definition={r.definition} titleId={dom.scoresTitle} live />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
        <Stack gap={ui.md}>
          <ProblemAlert error={save.error} />
          {triedSubmit && live.errors.length > 0 && (
            <Alert color={ui.red} variant={ui.light} role={ui.alert}>
              {t('fill.fixErrors', { n: live.errors.length })}
            </Alert>
          )}
          <FormFiller definition={r.definition} answers={answers} onChange={onChange} errors={errors} idPrefix={names.fill} responseId={r.id} testId={tid.filler} />
          {saved && (
            <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.responseSaved}>
              {t('fill.saved')}
            </Alert>
          )}
          <Group gap={ui.sm} wrap={ui.wrap}>
            <Button variant={ui.default} leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={save.isPending && !confirming} onClick={() => save.mutate(false)} data-testid={tid.responseSaveDraft}>
              {t('fill.saveDraft')}
            </Button>
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={() => {
                setTriedSubmit(true);
                if (validateAnswers(r.definition, answers, 'submit').errors.length === 0) setConfirming(true);
              }}
              data-testid={tid.responseSubmit}
            >
              {t('fill.submit')}
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('fill.submitTitle')} centered>
        <Stack gap={ui.md}>
          <Text>{t('fill.submitConfirm')}</Text>
          <Group justify={ui.flexEnd}>
            <Button variant={ui.default} onClick={() => setConfirming(false)}>
              {t('designer.cancel')}
            </Button>
            <Button onClick={() => save.mutate(true)} loading={save.isPending} data-testid={tid.confirmPublish}>
              {t('fill.submitNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Grid>
  );
}
