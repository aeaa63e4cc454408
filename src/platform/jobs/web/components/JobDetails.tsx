/** A job in full: state, progress, result (file, counts), errors per row and column, preview of valid rows. */
import { Alert, Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, ListTable, LoadMore, ui } from '../../../web/index.ts';
import type { Job } from '../../contract.ts';
import { tid } from '../constants.ts';
import { useJobErrors } from '../queries.ts';
import { CancelJobButton } from './CancelJobButton.tsx';
import { DownloadLink } from './DownloadLink.tsx';
import { JobProgress, JobStateBadge } from './JobProgress.tsx';

export function JobDetails({ job }: { job: Job }) {
  const { t, i18n } = useTranslation('jobs');
  const n = (v: unknown) => formatNumber(typeof v === 'number' ? v : 0, i18n.language);
  const result = job.result ?? {};
  return (
    <Stack>
      <Group gap={ui.md} align={ui.center}>
        <JobStateBadge job={job} />
        <JobProgress job={job} />
        <CancelJobButton job={job} />
      </Group>
      <Group gap={ui.lg}>
        {job.startedAt && <Text size={ui.sm}>{t('job.startedAt')} : {formatDateTime(job.startedAt, i18n.language)}</Text>}
        {job.finishedAt && <Text size={ui.sm}>{t('job.finishedAt')} : {formatDateTime(job.finishedAt, i18n.language)}</Text>}
      </Group>
      {job.error && (
        <Alert color={ui.red} variant={ui.light} role={ui.alert}>
          {job.error}
        </Alert>
      )}
      <DownloadLink job={job} />
      {'rowCount' in result && <Text>{t('job.rows', { n: n(result.rowCount) })}</Text>}
      {'validRowCount' in result && <Text>{t('job.valid', { n: n(result.validRowCount) })}</Text>}
      {'written' in result && <Text>{t('job.written', { n: n(result.written) })}</Text>}
      {job.errorCount > 0 && <JobErrors job={job} />}
      {Array.isArray(result.preview) && result.preview.length > 0 && <Preview rows={result.preview as Record<string, unknown>[]} />}
    </Stack>
  );
}

/** The rows a job rejected, with the download of all of them (also used by targets' own reports). */
export function JobErrors({ job }: { job: Job }) {
  const { t, i18n } = useTranslation('jobs');
  const query = useJobErrors(job.id, job.errorCount > 0);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap={ui.xs}>
      <Title order={2} size={ui.h4}>
        {t('job.errors')} ({formatNumber(job.errorCount, i18n.language)})
      </Title>
      <Anchor href={`/api/jobs/${job.id}/errors.xlsx`} download data-testid={tid.jobErrorsXlsx}>
        <IconDownload size={16} aria-hidden /> {t('job.errorsXlsx')}
      </Anchor>
      <ListTable minWidth={600} testId={tid.jobErrors} caption={t('job.errorsTable')} headers={[t('job.row'), t('job.column'), t('job.message'), t('job.value')]}>
        {items.map((e) => (
          <Table.Tr key={e.seq}>
            <Table.Th scope={ui.row}>{formatNumber(e.row, i18n.language)}</Table.Th>
            <Table.Td>{e.column}</Table.Td>
            <Table.Td>{e.message}</Table.Td>
            <Table.Td>
              <bdi>{e.value}</bdi>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <LoadMore query={query} shown={items.length} />
    </Stack>
  );
}

function Preview({ rows }: { rows: Record<string, unknown>[] }) {
  const { t } = useTranslation('jobs');
  const keys = Object.keys(rows[0]!).filter((k) => k !== 'row');
  return (
    <Stack gap={ui.xs}>
      <Title order={2} size={ui.h4}>
        {t('job.preview')}
      </Title>
      <ListTable minWidth={600} testId={tid.jobPreview} caption={t('job.previewTable')} headers={[t('job.row'), ...keys]}>
        {rows.map((r) => (
          <Table.Tr key={String(r.row)}>
            <Table.Th scope={ui.row}>{String(r.row)}</Table.Th>
            {keys.map((k) => (
              <Table.Td key={k}>
                <bdi>{r[k] === null || r[k] === undefined ? '' : String(r[k])}</bdi>
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
