/** The job's result file (served only to the job's creator). */
import { Anchor } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../contract.ts';
import { tid } from '../constants.ts';

export function DownloadLink({ job }: { job: Job }) {
  const { t } = useTranslation('jobs');
  if (!job.hasFile || job.state !== 'succeeded') return null;
  return (
    <Anchor href={`/api/jobs/${job.id}/file`} download data-testid={tid.jobDownload}>
      <IconDownload size={16} aria-hidden /> {t('job.download', { name: job.resultName ?? '' })}
    </Anchor>
  );
}
