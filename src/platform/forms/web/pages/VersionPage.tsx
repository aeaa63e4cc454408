/**
 * One version of a form: the designer (draft, for designers) or the form as published, with its
 * versions, the way to answer it and, for designers, a new version as a copy of the latest.
 */
import { useState } from 'react';
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCopy, IconPencil, IconWriting } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink, ErrorState, LoadingState, PageHeader, ProblemAlert, api, formatDate, ui, useCan, useParam } from '../../../web/index.ts';
import { FormVersion, type Answers } from '../../contract.ts';
import { scoreAnswers, validateAnswers } from '../../engine.ts';
import { Designer } from '../components/Designer.tsx';
import { FormDetails } from '../components/FormDetails.tsx';
import { FormFiller } from '../components/FormFiller.tsx';
import { ScoreSummary } from '../components/ScoreSummary.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useAnswerErrors } from '../components/answer-errors.ts';
import { dom, names, path, tid } from '../constants.ts';
import { formsKey, useFormRecord, useVersion } from '../queries.ts';

export function VersionPage() {
  const { t, i18n } = useTranslation('forms');
  const lang = i18n.language;
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = useParam('versionId');
  const query = useVersion(id);
  const form = useFormRecord(query.data?.formId);
  const newVersion = useMutation({
    mutationFn: () => api.post(`/api/forms/${query.data!.formId}/versions`, {}, FormVersion),
    onSuccess: (v) => {
      void queryClient.invalidateQueries({ queryKey: formsKey });
      void navigate({ to: path.version, params: { versionId: v.id } });
    },
  });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const v = query.data;
  const designer = can('forms.design');
  const canAnswer = can('forms.answer');
  const versions = form.data?.versions ?? [];
  const draft = versions.find((x) => x.status === 'draft');
  const title = lang === 'fr' ? v.form.titleFr : v.form.titleAr;
  return (
    <>
      <PageHeader
        title={title}
        back={path.forms}
        actions={
          <>
            {v.status === 'published' && canAnswer && (
              <ButtonLink to={path.versionAnswer} params={{ versionId: v.id }} leftSection={<IconWriting size={18} aria-hidden />} data-testid={tid.answerForm}>
                {t('version.answer')}
              </ButtonLink>
            )}
            {designer && v.status !== 'draft' && !draft && form.data && (
              <Button variant={ui.outline} leftSection={<IconCopy size={18} aria-hidden />} onClick={() => newVersion.mutate()} loading={newVersion.isPending} data-testid={tid.newVersion}>
                {t('version.newVersion')}
              </Button>
            )}
            {designer && draft && draft.id !== v.id && (
              <ButtonLink to={path.version} params={{ versionId: draft.id }} variant={ui.outline} leftSection={<IconPencil size={18} aria-hidden />} data-testid={tid.openDraft}>
                {t('version.openDraft', { n: draft.version })}
              </ButtonLink>
            )}
          </>
        }
      >
        <Group gap={ui.sm} wrap={ui.wrap}>
          <Text>{t('version.number', { n: v.version })}</Text>
          <StatusBadge status={v.status} />
          <Text size={ui.sm}>{t(`purposes.${v.form.purpose}`)}</Text>
          {v.publishedAt && <Text size={ui.sm}>{t('version.publishedOn', { date: formatDate(v.publishedAt, lang) })}</Text>}
        </Group>
      </PageHeader>
      <ProblemAlert error={newVersion.error} />
      {v.status === 'draft' && designer && <FormDetails key={v.formId} form={v.form} />}
      {v.status === 'draft' && designer ? <Designer key={v.id} version={v} /> : <ReadOnlyVersion version={v} />}
      {versions.length > 1 && (
        <Paper withBorder p={ui.md} mt={ui.lg} component={ui.section} aria-labelledby={dom.versionsTitle}>
          <Title order={2} size={ui.h4} id={dom.versionsTitle} mb={ui.sm}>
            {t('version.versions')}
          </Title>
          <List>
            {versions
              .filter((x) => designer || x.status !== 'draft')
              .map((x) => (
                <List.Item key={x.id}>
                  {x.id === v.id ? (
                    <Text component={ui.span} fw={700}>
                      {t('version.number', { n: x.version })}
                    </Text>
                  ) : (
                    <AnchorLink to={path.version} params={{ versionId: x.id }}>
                      {t('version.number', { n: x.version })}
                    </AnchorLink>
                  )}{' '}
                  <StatusBadge status={x.status} />
                </List.Item>
              ))}
          </List>
        </Paper>
      )}
    </>
  );
}

/** A published (or, for readers, any) version: try it out, with live scores; nothing is saved. */
function ReadOnlyVersion({ version }: { version: FormVersion }) {
  const { t } = useTranslation('forms');
  const [answers, setAnswers] = useState<Answers>({});
  const answerErrors = useAnswerErrors();
  const checked = validateAnswers(version.definition, answers, 'draft');
  return (
    <Stack gap={ui.md} data-testid={tid.preview}>
      <Text size={ui.sm}>{t('version.tryHint')}</Text>
      <ScoreSummary scores={scoreAnswers(version.definition, checked.answers)} definition={version.definition} titleId={dom.scoresTitle} live />
      <FormFiller definition={version.definition} answers={answers} onChange={setAnswers} errors={answerErrors(checked.errors)} idPrefix={names.tryOut} />
    </Stack>
  );
}
