/** Records a follow-up after exit: the day it was done, the outcome and a note. */
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, todayInMorocco, ui } from '../../../../../platform/web/index.ts';
import { followUpOutcomes } from '../../../contract/cases.ts';
import { recordFollowUp, useCaseSideWrite } from '../queries.ts';
import { tid } from '../constants.ts';

export function FollowUpModal({ id, caseId, onClose }: { id: string; caseId: string | null; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const mutation = useCaseSideWrite(caseId, recordFollowUp(id));
  const [doneOn, setDoneOn] = useState(todayInMorocco());
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('cases.close') }} title={t('cases.followUp.record')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ doneOn, outcome, note }, { onSuccess: onClose });
        }}
      >
        <Stack gap={ui.sm}>
          <ProblemAlert error={mutation.error} />
          <TextInput type="date" label={t('cases.followUp.doneOnLabel')} required value={doneOn} onChange={(e) => setDoneOn(e.currentTarget.value)} data-testid={tid.f.followUpDate} />
          <Select label={t('cases.followUp.outcome')} required data={followUpOutcomes.map((o) => ({ value: o, label: t(`cases.outcome.${o}`) }))} value={outcome} onChange={setOutcome} data-testid={tid.f.followUpOutcome} />
          <Textarea label={t('cases.followUp.note')} autosize minRows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid={tid.f.followUpNote} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.s.followUp}>
              {t('cases.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
