/** "My jobs": every job the user asked for, newest first, refreshed while one is still running. */
import { Group, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, formatDateTime, ListTable, LoadMore, PageHeader, QueryStates, ui } from '../../../web/index.ts';
import { CancelJobButton } from '../components/CancelJobButton.tsx';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { JobProgress, JobStateBadge } from '../components/JobProgress.tsx';
import { path, tid } from '../constants.ts';
import { useJobs } from '../queries.ts';
import { kindLabelKey } from './kinds.ts';

export function JobsPage() {
  const { t, i18n } = useTranslation('jobs');
  const query = useJobs();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('list.title')} />
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable minWidth={760} testId={tid.jobsTable} caption={t('list.table')} headers={[t('list.kind'), t('list.state'), t('list.progress'), t('list.createdAt'), t('list.result')]}>
              {items.map((job) => (
                <Table.Tr key={job.id} data-job-id={job.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.jobsJobId} params={{ jobId: job.id }}>
                      {t(kindLabelKey(job.kind))}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>
                    <JobStateBadge job={job} />
                  </Table.Td>
                  <Table.Td>
                    <JobProgress job={job} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(job.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} align={ui.flexStart}>
                      <DownloadLink job={job} />
                      {job.errorCount > 0 && (
                        <AnchorLink to={path.jobsJobId} params={{ jobId: job.id }}>
                          {t('job.errorCount', { n: job.errorCount })}
                        </AnchorLink>
                      )}
                      <Group gap={4}>
                        <CancelJobButton job={job} />
                      </Group>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </>
  );
}
