/**
 * The import job as the registry shows it: state and progress (the platform's components), the
 * report of every rejected row (the platform's, with its Excel download), and a preview of the valid rows in a few readable columns (the 25 raw fields
 * would make a table wider than any screen).
 */
import { Alert, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, formatNumber, ui } from '../../../../platform/web/index.ts';
import type { Job } from '../../../../platform/jobs/contract.ts';
import { CancelJobButton } from '../../../../platform/jobs/web/components/CancelJobButton.tsx';
import { JobProgress, JobStateBadge } from '../../../../platform/jobs/web/components/JobProgress.tsx';
import { JobErrors } from '../../../../platform/jobs/web/components/JobDetails.tsx';
import { tid } from '../../../../platform/jobs/web/constants.ts';
import { legalCategories } from '../../contract/enums.ts';

type PreviewRow = Record<string, unknown>;

export function ImportReport({ job }: { job: Job }) {
  const { t, i18n } = useTranslation(['registry', 'jobs']);
  const n = (v: unknown) => formatNumber(typeof v === 'number' ? v : 0, i18n.language);
  const result = job.result ?? {};
  return (
    <Stack>
      <Group gap={ui.md} align={ui.center}>
        <JobStateBadge job={job} />
        <JobProgress job={job} />
        <CancelJobButton job={job} />
      </Group>
      {job.error && (
        <Alert color={ui.red} variant={ui.light} role={ui.alert}>
          {job.error}
        </Alert>
      )}
      <Group gap={ui.lg}>
        {'rowCount' in result && <Text>{t('jobs:job.rows', { n: n(result.rowCount) })}</Text>}
        {'validRowCount' in result && <Text>{t('jobs:job.valid', { n: n(result.validRowCount) })}</Text>}
        {'written' in result && <Text>{t('import.written', { n: n(result.written) })}</Text>}
      </Group>
      {job.errorCount > 0 && <JobErrors job={job} />}
      {Array.isArray(result.preview) && result.preview.length > 0 && <Preview rows={result.preview as PreviewRow[]} />}
    </Stack>
  );
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function Preview({ rows }: { rows: PreviewRow[] }) {
  const { t, i18n } = useTranslation(['registry', 'jobs']);
  const fr = i18n.language === 'fr';
  const category = (v: unknown) => ((legalCategories as readonly string[]).includes(str(v)) ? t(`enums.legalCategory.${str(v) as (typeof legalCategories)[number]}`) : '');
  return (
    <Stack gap={ui.xs}>
      <Title order={2} size={ui.h4}>
        {t('jobs:job.preview')}
      </Title>
      <ListTable
        minWidth={720}
        testId={tid.jobPreview}
        caption={t('jobs:job.previewTable')}
        headers={[t('jobs:job.row'), t('import.institution'), t('import.association'), t('import.place'), t('import.category'), t('import.capacity')]}
      >
        {rows.map((r) => (
          <Table.Tr key={String(r.row)}>
            <Table.Th scope={ui.row}>{String(r.row)}</Table.Th>
            <Table.Td>{fr ? str(r.nameFr) : str(r.nameAr)}</Table.Td>
            <Table.Td>{fr ? str(r.associationNameFr) : str(r.associationNameAr)}</Table.Td>
            <Table.Td>
              <bdi>{[str(r.province), str(fr ? r.communeFr || r.communeAr : r.communeAr || r.communeFr)].filter(Boolean).join(' / ')}</bdi>
            </Table.Td>
            <Table.Td>{category(r.legalCategory)}</Table.Td>
            <Table.Td>{formatNumber(num(r.capacityBoys) + num(r.capacityGirls), i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
