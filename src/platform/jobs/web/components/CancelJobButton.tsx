/** Cancel with confirmation: a queued job is cancelled at once, a running one at its next batch. */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, ui } from '../../../web/index.ts';
import type { Job } from '../../contract.ts';
import { tid } from '../constants.ts';
import { useCancelJob } from '../queries.ts';

export function CancelJobButton({ job }: { job: Job }) {
  const { t } = useTranslation(['jobs', 'web']);
  const [opened, { open, close }] = useDisclosure(false);
  const cancel = useCancelJob();
  if (job.state !== 'queued' && job.state !== 'running') return null;
  if (job.cancelRequested) return <Text size={ui.sm}>{t('job.cancelRequested')}</Text>;
  return (
    <>
      <Button size={ui.xs} variant={ui.outline} color={ui.red} onClick={open} data-testid={tid.jobCancel}>
        {t('job.cancel')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('job.cancelTitle')} closeButtonProps={{ 'aria-label': t('web:common.close') }} centered>
        <Text mb={ui.md}>{t('job.cancelText')}</Text>
        <ProblemAlert error={cancel.error} />
        <Group justify={ui.flexEnd} mt={ui.md}>
          <Button variant={ui.default} onClick={close}>
            {t('web:common.cancel')}
          </Button>
          <Button color={ui.red} loading={cancel.isPending} onClick={() => cancel.mutate(job.id, { onSuccess: close })} data-testid={tid.jobCancelConfirm}>
            {t('job.cancelConfirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
