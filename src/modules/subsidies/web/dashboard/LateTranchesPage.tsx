/**
 * The late tranches (decision 0029): still unpaid after their planned date, or paid after it;
 * oldest first, keyset paging. Filters: state, year; the scope comes from the dashboard's link.
 */
import { Badge, Group, Select, Table, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ListTable, LoadMore, PageHeader, QueryStates, formatDate, formatNumber, ui, formatMad } from '../../../../platform/web/index.ts';
import type { LateTranche } from '../../server/dashboard/contract.ts';
import { Anchors } from './Anchors.tsx';
import { path, tid, val } from './constants.ts';
import { useLateTranches } from './queries.ts';
import { readLateFilters, yearChoices } from './search.ts';

export function LateTranchesPage() {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const navigate = useNavigate();
  const filters = readLateFilters(useSearch({ strict: false }) as Record<string, unknown>);
  const query = useLateTranches(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (change: Partial<typeof filters>) => void navigate({ to: path.late, search: { ...filters, ...change } as never, replace: true });
  return (
    <>
      <PageHeader title={t('dashboard.late.title')} back={path.dashboard} />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <Select
          label={t('dashboard.late.state')}
          data={[val.all, val.open, val.paid].map((s) => ({ value: s, label: t(`dashboard.late.states.${s}`) }))}
          value={filters.state ?? val.all}
          onChange={(s) => set({ state: s === val.open || s === val.paid ? s : undefined })}
          allowDeselect={false}
          w={{ base: '100%', sm: 240 }}
          data-testid={tid.lateState}
        />
        <Select
          label={t('dashboard.year')}
          placeholder={t('dashboard.late.allYears')}
          data={yearChoices()}
          value={filters.year ? String(filters.year) : null}
          onChange={(y) => set({ year: y ? Number(y) : undefined })}
          clearable
          w={{ base: '100%', sm: 160 }}
        />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={960}
              testId={tid.lateTable}
              caption={t('dashboard.late.caption')}
              headers={[t('dashboard.late.convention'), t('dashboard.late.association'), t('dashboard.late.tranche'), t('dashboard.late.plannedOn'),
                t('dashboard.late.amount'), t('dashboard.late.paid'), t('dashboard.late.daysLate'), t('dashboard.late.stateColumn')]}
            >
              {items.map((tr) => (
                <Table.Tr key={tr.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <Anchors.Convention id={tr.conventionId}>{tr.reference}</Anchors.Convention>
                  </Table.Th>
                  <Table.Td>
                    {lang === 'fr' ? tr.associationNameFr : tr.associationNameAr}
                    {tr.delegationNameFr && (
                      <Text size={ui.xs} c={ui.dimmed}>
                        {lang === 'fr' ? tr.delegationNameFr : tr.delegationNameAr}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t('dashboard.late.trancheOf', { year: String(tr.year), position: formatNumber(tr.position, lang) })}</Table.Td>
                  <Table.Td>{formatDate(tr.plannedOn, lang)}</Table.Td>
                  <Table.Td className="raaya-ltr">{formatMad(tr.amountMad, lang)}</Table.Td>
                  <Table.Td className="raaya-ltr">{formatMad(tr.paidMad, lang)}</Table.Td>
                  <Table.Td className="raaya-ltr">{formatNumber(tr.daysLate, lang)}</Table.Td>
                  <Table.Td>
                    <StateBadge tranche={tr} />
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

/** Paid late; unpaid and released (waiting for payment); unpaid and not released (its conditions are not met yet). */
function StateBadge({ tranche }: { tranche: LateTranche }) {
  const { t } = useTranslation('subsidies');
  const key = tranche.state === 'paid' ? 'paidLate' : tranche.released ? 'unpaid' : 'notReleased';
  const color = tranche.state === 'paid' ? ui.orange : ui.red;
  return (
    <Badge color={color} variant={tranche.released || tranche.state === 'paid' ? ui.light : ui.filled}>
      {t(`dashboard.late.badge.${key}`)}
    </Badge>
  );
}
