/**
 * Answering a published version: choose what the answers are about (a delegation of the user's
 * scope; a delegation user answers for its own), then fill the new draft response.
 */
import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState, PageHeader, ProblemAlert, api, nameIn, ui, useCurrentUser, useParam } from '../../../web/index.ts';
import { FormResponse } from '../../contract.ts';
import { path, tid } from '../constants.ts';
import { formsKey, useSubjectDelegations, useVersion } from '../queries.ts';

export function StartResponsePage() {
  const { t, i18n } = useTranslation('forms');
  const lang = i18n.language;
  const versionId = useParam('versionId');
  const version = useVersion(versionId);
  const delegations = useSubjectDelegations();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState<string | null>(me.scope.level === 'delegation' ? me.scope.delegationId : null);
  const start = useMutation({
    mutationFn: (subjectId: string) => api.post('/api/forms/responses', { versionId, subjectType: 'delegation', subjectId, answers: {} }, FormResponse),
    onSuccess: (r) => {
      queryClient.setQueryData([...formsKey, 'response', r.id], r);
      void queryClient.invalidateQueries({ queryKey: [...formsKey, 'responses'] });
      void navigate({ to: path.response, params: { responseId: r.id } });
    },
  });
  if (version.isPending || delegations.isPending) return <LoadingState />;
  if (version.isError) return <ErrorState error={version.error} />;
  if (delegations.isError) return <ErrorState error={delegations.error} />;
  const v = version.data;
  return (
    <>
      <PageHeader title={t('start.title', { form: lang === 'fr' ? v.form.titleFr : v.form.titleAr })} back={path.forms} />
      <Paper withBorder p={ui.lg} maw={640}>
        <Stack gap={ui.md}>
          <Text>{t('start.intro', { n: v.version })}</Text>
          <ProblemAlert error={start.error} />
          <Select
            label={t('start.subject')}
            required
            searchable
            data={delegations.data.map((d) => ({ value: d.id, label: nameIn(d, lang) }))}
            value={subject}
            onChange={setSubject}
            data-testid={tid.subjectPicker}
          />
          <Group>
            <Button disabled={!subject} loading={start.isPending} onClick={() => subject && start.mutate(subject)} data-testid={tid.startResponse}>
              {t('start.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
