/** A job's state and its progress bar with counts ("1.234 / 100.000"). */
import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, ui } from '../../../web/index.ts';
import type { Job } from '../../contract.ts';
import { stateColor, tid } from '../constants.ts';

export function JobStateBadge({ job }: { job: Job }) {
  const { t } = useTranslation('jobs');
  return (
    <Badge variant={ui.dot} color={stateColor[job.state]} c={ui.dark} tt={ui.none} style={{ overflow: 'visible' }} data-testid={tid.jobState} data-state={job.state}>
      {t(`states.${job.state}`)}
    </Badge>
  );
}

export function JobProgress({ job }: { job: Job }) {
  const { t, i18n } = useTranslation('jobs');
  const total = job.progressTotal;
  const percent = total ? Math.min(100, (job.progressDone / total) * 100) : job.state === 'succeeded' ? 100 : 0;
  const done = formatNumber(job.progressDone, i18n.language);
  const all = total === null ? '…' : formatNumber(total, i18n.language);
  return (
    <Stack gap={4} miw={160} data-testid={tid.jobProgress}>
      <Progress
        value={percent}
        animated={job.state === 'running'}
        aria-label={t('list.progressLabel', { done, total: all })}
        color={stateColor[job.state]}
      />
      <Group gap={4}>
        <Text size={ui.xs} dir={ui.ltr}>
          {done} / {all}
        </Text>
      </Group>
    </Stack>
  );
}
