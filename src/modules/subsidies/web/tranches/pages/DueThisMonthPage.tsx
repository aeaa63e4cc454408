/**
 * What is due this month, per delegation: the tranches still owed by the end of the chosen month
 * (those of earlier months are overdue and come first), with what remains to pay and whether a
 * condition blocks them. A delegate sees its delegation; a region or the nation filters by one.
 */
import { useState } from 'react';
import { Badge, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDelegations } from '../../../../territory/web/queries.ts';
import { AnchorLink, ListTable, LoadMore, PageHeader, QueryStates, formatDate, formatNumber, todayInMorocco, ui, useCurrentUser } from '../../../../../platform/web/index.ts';
import { look, path, statusColor, tid } from '../constants.ts';
import { formatMad } from '../format.ts';
import { useDueTranches } from '../queries.ts';

export function DueThisMonthPage() {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const me = useCurrentUser();
  const [month, setMonth] = useState(todayInMorocco().slice(0, 7));
  const [delegationId, setDelegationId] = useState<string | null>(null);
  const above = me.scope.level === 'nation' || me.scope.level === 'region';
  const delegations = useDelegations({}, 200);
  const valid = /^\d{4}-\d{2}$/.test(month);
  const query = useDueTranches({ month: valid ? month : todayInMorocco().slice(0, 7), delegationId: delegationId ?? undefined });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const first = query.data?.pages[0];
  return (
    <>
      <PageHeader title={t('tranches.due.title')} />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <TextInput type={look.month} label={t('tranches.due.month')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} w={{ base: '100%', sm: 200 }} data-testid={tid.dueMonth} />
        {above && (
          <Select label={t('tranches.due.delegation')} placeholder={t('tranches.due.allDelegations')} clearable searchable value={delegationId} onChange={setDelegationId}
            data={(delegations.data?.pages.flatMap((p) => p.items) ?? []).map((d) => ({ value: d.id, label: lang === 'fr' ? d.nameFr : d.nameAr }))} w={{ base: '100%', sm: 320 }} />
        )}
      </Group>
      {first && (
        <Text mb={ui.sm} data-testid={tid.dueSummary}>
          {t('tranches.due.summary', { count: first.count, n: formatNumber(first.count, lang), amount: formatMad(first.remainingMad, lang) })}
        </Text>
      )}
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable minWidth={860} testId={tid.dueTable} caption={t('tranches.due.table')}
              headers={[t('tranches.due.convention'), t('tranches.due.association'), t('tranches.due.tranche'), t('tranches.plannedOn'), t('tranches.remaining'), t('tranches.statusLabel')]}>
              {items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.conventionTranches} params={{ conventionId: x.conventionId }}>{x.reference}</AnchorLink>
                  </Table.Th>
                  <Table.Td>
                    {lang === 'fr' ? x.associationNameFr : x.associationNameAr}
                    {above && x.delegationNameFr && <Text size={ui.xs} c={ui.dimmed}>{lang === 'fr' ? x.delegationNameFr : x.delegationNameAr}</Text>}
                  </Table.Td>
                  <Table.Td>{t('tranches.trancheName', { year: x.year, position: x.position })}</Table.Td>
                  <Table.Td>
                    {formatDate(x.plannedOn, lang)}
                    {x.overdueDays !== null && <Text size={ui.xs} c={look.red}>{t('tranches.overdueDays', { count: x.overdueDays })}</Text>}
                  </Table.Td>
                  <Table.Td>{formatMad(x.remainingMad, lang)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={statusColor[x.status]} variant={ui.filled}>{t(`tranches.status.${x.status}`)}</Badge>
                      {x.blocked && <Badge color={look.red} variant={ui.light}>{t('tranches.blocked')}</Badge>}
                    </Group>
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
