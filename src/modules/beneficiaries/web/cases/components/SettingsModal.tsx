/** Changes the stage by hand (the steps the register does not move), the target group, or closes the file with a reason. */
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, ui } from '../../../../../platform/web/index.ts';
import { targetGroups } from '../../../../registry/contract/enums.ts';
import { manualCaseStages, type CaseFile } from '../../../contract/cases.ts';
import { caseWrites, useCaseWrite } from '../queries.ts';
import { act, tid } from '../constants.ts';

export function SettingsModal({ file, closing, onClose }: { file: CaseFile; closing: boolean; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const { t: tR } = useTranslation('registry');
  const mutation = useCaseWrite(file.id, caseWrites.patch(file.id));
  const [stage, setStage] = useState<string | null>((manualCaseStages as readonly string[]).includes(file.stage) ? file.stage : null);
  const [targetGroup, setTargetGroup] = useState<string | null>(file.targetGroup);
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('cases.close') }} title={closing ? t('cases.actions.close') : t('cases.actions.settings')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = closing ? { closeReason: reason } : { targetGroup, ...(stage && stage !== file.stage && { stage }) };
          mutation.mutate(body, { onSuccess: onClose });
        }}
      >
        <Stack gap={ui.sm}>
          <ProblemAlert error={mutation.error} />
          {closing ? (
            <Textarea label={t('cases.file.closeReason')} required autosize minRows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid={tid.f.closeReason} />
          ) : (
            <>
              <Select label={t('cases.file.stage')} data={manualCaseStages.map((s) => ({ value: s, label: t(`enums.caseStage.${s}`) }))} value={stage} onChange={setStage} data-testid={tid.f.stage} />
              <Select label={t('cases.file.targetGroup')} data={targetGroups.map((g) => ({ value: g, label: tR(`enums.targetGroup.${g}`) }))} value={targetGroup} onChange={setTargetGroup} clearable data-testid={tid.f.targetGroup} />
            </>
          )}
          <Group justify={ui.end}>
            <Button type="submit" color={closing ? ui.red : undefined} loading={mutation.isPending} data-testid={tid.submit(closing ? act.close : act.settings)}>
              {closing ? t('cases.actions.close') : t('cases.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
