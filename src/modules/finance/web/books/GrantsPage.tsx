/** Grants and donations of a year: when each is due to the ministry (10 days), reported or late, and the form to record the report. */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Select, Stack, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, PageHeader, ProblemAlert, QueryStates, formatDate, todayInMorocco, ui, useParam, formatMad } from '../../../../platform/web/index.ts';
import type { Grant } from '../../server/books/contract.ts';
import { look, path, tid, pageOf } from './constants.ts';
import { useAccounts, useGrants, useReportGrant } from './queries.ts';

const thisYear = Number(todayInMorocco().slice(0, 4));
const years = Array.from({ length: 5 }, (_, i) => String(thisYear - i));

export function GrantsPage() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const institutionId = useParam('institutionId');
  const [year, setYear] = useState(String(thisYear));
  const query = useGrants(institutionId, Number(year));
  const canKeep = useAccounts(institutionId).data?.canKeep ?? false;
  const [reporting, setReporting] = useState<Grant | null>(null);
  const items = query.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('books.grants.title')} back={pageOf(path.institution, institutionId)} />
      <Group mb={ui.md}>
        <Select label={t('books.grants.year')} data={years} value={year} onChange={(v) => v && setYear(v)} allowDeselect={false} w={160} data-testid={tid.grantsYear} />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <ListTable
            minWidth={860}
            testId={tid.grantsTable}
            caption={t('books.grants.table')}
            headers={[t('books.grants.donor'), t('books.grants.type'), t('books.grants.amount'), t('books.grants.received'), t('books.grants.due'), t('books.grants.reported'), '']}
          >
            {items.map((g) => (
              <Table.Tr key={g.entryId}>
                <Table.Th scope={ui.row} fw={500}>
                  {g.counterparty}
                </Table.Th>
                <Table.Td>{t(`books.donorTypes.${g.donorType}`)}</Table.Td>
                <Table.Td className={look.ltrClass}>{formatMad(g.amountMad, lang)}</Table.Td>
                <Table.Td>{formatDate(g.entryDate, lang)}</Table.Td>
                <Table.Td>{formatDate(g.dueOn, lang)}</Table.Td>
                <Table.Td>{g.reportedOn ? formatDate(g.reportedOn, lang) : ''}</Table.Td>
                <Table.Td>
                  <Group gap={ui.xs} wrap={ui.nowrap}>
                    <Badge color={g.late ? look.lateColor : g.reportedOn ? look.okColor : look.pendingColor} variant={ui.light}>
                      {t(g.late ? 'books.grants.late' : g.reportedOn ? 'books.grants.onTime' : 'books.grants.toReport')}
                    </Badge>
                    {canKeep && !g.reportedOn && (
                      <Button size={ui.xs} onClick={() => setReporting(g)} data-testid={tid.report(g.entryId)}>
                        {t('books.grants.report')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryStates>
      {reporting && <ReportGrant institutionId={institutionId} grant={reporting} onClose={() => setReporting(null)} />}
    </>
  );
}

function ReportGrant({ institutionId, grant, onClose }: { institutionId: string; grant: Grant; onClose: () => void }) {
  const { t } = useTranslation('finance');
  const mutation = useReportGrant(institutionId);
  const [reportedOn, setReportedOn] = useState(todayInMorocco());
  const [reference, setReference] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('books.grants.reportTitle')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ entryId: grant.entryId, body: { reportedOn, reference } }, { onSuccess: onClose });
        }}
      >
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <TextInput type={look.date} label={t('books.grants.reportedOn')} required value={reportedOn} onChange={(e) => setReportedOn(e.currentTarget.value)} data-testid={tid.reportDate} />
          <TextInput label={t('books.grants.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-testid={tid.reportReference} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.reportSave}>
              {t('books.grants.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
