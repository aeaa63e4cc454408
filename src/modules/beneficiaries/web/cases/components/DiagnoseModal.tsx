/**
 * A needs diagnosis: the forms that fit the case's target group (the platform's versioned forms),
 * filled with the platform's form filler; the server validates and scores the answers.
 */
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState, ProblemAlert, ui } from '../../../../../platform/web/index.ts';
import { FormFiller } from '../../../../../platform/forms/web/components/FormFiller.tsx';
import { useVersion } from '../../../../../platform/forms/web/queries.ts';
import type { Answers } from '../../../../../platform/forms/contract.ts';
import { caseWrites, useCaseWrite, useDiagnosisForms } from '../queries.ts';
import { tid } from '../constants.ts';

export function DiagnoseModal({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const forms = useDiagnosisForms(caseId);
  const [versionId, setVersionId] = useState<string | null>(null);
  const chosen = versionId ?? (forms.data?.items.length === 1 ? forms.data.items[0]!.versionId : null);
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('cases.close') }} title={t('cases.actions.diagnose')} size={ui.xl} centered>
      <Stack gap={ui.sm}>
        {forms.isPending ? (
          <LoadingState />
        ) : (
          <Select
            label={t('cases.diagnosis.form')}
            required
            data={(forms.data?.items ?? []).map((f) => ({ value: f.versionId, label: lang === 'fr' ? f.titleFr : f.titleAr }))}
            value={chosen}
            onChange={setVersionId}
            nothingFoundMessage={t('cases.diagnosis.noForm')}
            data-testid={tid.f.diagnosisForm}
          />
        )}
        {chosen && <Filler key={chosen} caseId={caseId} versionId={chosen} onDone={onClose} />}
      </Stack>
    </Modal>
  );
}

function Filler({ caseId, versionId, onDone }: { caseId: string; versionId: string; onDone: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const version = useVersion(versionId);
  const mutation = useCaseWrite(caseId, caseWrites.diagnose(caseId));
  const [answers, setAnswers] = useState<Answers>({});
  if (version.isPending) return <LoadingState />;
  if (version.isError) return <ProblemAlert error={version.error} />;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ versionId, answers, submit: true }, { onSuccess: onDone });
      }}
    >
      <Stack gap={ui.sm}>
        <Text size={ui.sm} c={ui.dimmed}>
          {t('cases.diagnosis.intro', { version: version.data.version })}
        </Text>
        <FormFiller definition={version.data.definition} answers={answers} onChange={setAnswers} idPrefix={`diag-${versionId.slice(0, 8)}`} testId={tid.f.diagnosisFiller} />
        <ProblemAlert error={mutation.error} />
        <Group justify={ui.end}>
          <Button type="submit" loading={mutation.isPending} data-testid={tid.s.diagnosis}>
            {t('cases.diagnosis.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
