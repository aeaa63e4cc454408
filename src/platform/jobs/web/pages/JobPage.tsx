/** One job: what the notification links to, and where its result or its errors are. */
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState, PageHeader, useParam } from '../../../web/index.ts';
import { JobDetails } from '../components/JobDetails.tsx';
import { path } from '../constants.ts';
import { useJob } from '../queries.ts';
import { kindLabelKey } from './kinds.ts';

export function JobPage() {
  const { t } = useTranslation('jobs');
  const query = useJob(useParam('jobId'));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeader title={t('job.title', { kind: t(kindLabelKey(query.data.kind)) })} back={path.jobs} />
      <JobDetails job={query.data} />
    </>
  );
}
