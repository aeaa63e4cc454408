/** Monthly closing: the twelve months of a year with receipts, payments and, once closed, the balances the database computed. */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListTable, PageHeader, ProblemAlert, QueryStates, formatNumber, todayInMorocco, ui, useParam, formatMad } from '../../../../platform/web/index.ts';
import { look, path, tid, pageOf } from './constants.ts';
import { useAccounts, useCloseMonth, useClosings } from './queries.ts';

const thisYear = Number(todayInMorocco().slice(0, 4));
const years = Array.from({ length: 5 }, (_, i) => String(thisYear - i));

export function ClosingsPage() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const institutionId = useParam('institutionId');
  const [year, setYear] = useState(String(thisYear));
  const query = useClosings(institutionId, Number(year));
  const canKeep = useAccounts(institutionId).data?.canKeep ?? false;
  const [closing, setClosing] = useState<string | null>(null);
  const currentMonth = todayInMorocco().slice(0, 7);
  const monthName = (m: string) => new Intl.DateTimeFormat(lang === 'fr' ? 'fr-MA' : 'ar-MA', { month: 'long', year: 'numeric', numberingSystem: 'latn' }).format(new Date(`${m}-15T12:00:00Z`));
  return (
    <>
      <PageHeader title={t('books.closings.title')} back={pageOf(path.institution, institutionId)} />
      <Group mb={ui.md}>
        <Select label={t('books.closings.year')} data={years} value={year} onChange={(v) => v && setYear(v)} allowDeselect={false} w={160} data-testid={tid.closingsYear} />
      </Group>
      <QueryStates query={query} empty={() => false}>
        {() => {
          const months = query.data!.months;
          const firstOpen = months.find((m) => !m.closed)?.month;
          return (
            <ListTable
              minWidth={820}
              testId={tid.closingsTable}
              caption={t('books.closings.table')}
              headers={[t('books.closings.month'), t('books.closings.receipts'), t('books.closings.payments'), t('books.closings.entries'), t('books.closings.bank'), t('books.closings.cash'), t('books.closings.state')]}
            >
              {months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope={ui.row} fw={500}>
                    {monthName(m.month)}
                  </Table.Th>
                  <Table.Td className={look.ltrClass}>{formatMad(m.receiptsMad, lang)}</Table.Td>
                  <Table.Td className={look.ltrClass}>{formatMad(m.paymentsMad, lang)}</Table.Td>
                  <Table.Td>{formatNumber(m.entryCount, lang)}</Table.Td>
                  <Table.Td className={look.ltrClass}>{m.bankBalanceMad === null ? '' : formatMad(m.bankBalanceMad, lang)}</Table.Td>
                  <Table.Td className={look.ltrClass}>{m.cashBalanceMad === null ? '' : formatMad(m.cashBalanceMad, lang)}</Table.Td>
                  <Table.Td>
                    {m.closed ? (
                      <Badge color={ui.gray} leftSection={<IconLock size={12} aria-hidden />}>
                        {t('books.closings.closed')}
                      </Badge>
                    ) : canKeep && m.month === firstOpen && m.month < currentMonth ? (
                      <Button size={ui.xs} onClick={() => setClosing(m.month)} data-testid={tid.close(m.month)}>
                        {t('books.closings.close')}
                      </Button>
                    ) : (
                      <Badge color={look.okColor} variant={ui.light}>
                        {t('books.closings.open')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          );
        }}
      </QueryStates>
      {closing && <CloseMonth institutionId={institutionId} month={closing} label={monthName(closing)} onClose={() => setClosing(null)} />}
    </>
  );
}

function CloseMonth({ institutionId, month, label, onClose }: { institutionId: string; month: string; label: string; onClose: () => void }) {
  const { t } = useTranslation('finance');
  const mutation = useCloseMonth(institutionId);
  return (
    <Modal opened onClose={onClose} title={t('books.closings.close')} centered>
      <Stack gap={ui.md}>
        <Text>{t('books.closings.confirm', { month: label })}</Text>
        <ProblemAlert error={mutation.error} />
        <Group justify={ui.end}>
          <Button color={ui.red} loading={mutation.isPending} onClick={() => mutation.mutate(month, { onSuccess: onClose })} data-testid={tid.closeConfirm}>
            {t('books.closings.confirmButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
