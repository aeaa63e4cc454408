/**
 * Consolidated finance of a year: the nation by region, a region by delegation, a delegation by
 * institution (drill-down), with the budget in force, the actuals by section, the cost per
 * beneficiary-day and the institutions below their category's minimum. Each user starts at their
 * own level; the server refuses what is out of scope.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, PageHeader, QueryStates, formatNumber, ui } from '../../../../platform/web/index.ts';
import { formatAmount } from '../../../planning/web/format.ts';
import type { Consolidation, ConsolidationRow } from '../../server/reports/contract.ts';
import { useConsolidation } from './queries.ts';
import { look, path, reportYears, tid } from './constants.ts';
import { ScrollTable } from './ScrollTable.tsx';

/** "3 / 40": institutions below the minimum out of those counted. */
const outOf = (part: number, whole: number, lang: string) => `${formatNumber(part, lang)} / ${formatNumber(whole, lang)}`;

interface Target {
  regionId?: string;
  delegationId?: string;
}

export function ConsolidationPage() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const [year, setYear] = useState(reportYears[1]!);
  // The levels walked down from the user's own (the last one is shown).
  const [trail, setTrail] = useState<Target[]>([{}]);
  const target = trail[trail.length - 1]!;
  const query = useConsolidation(Number(year), target);
  const data = query.data;
  const drill = (row: ConsolidationRow) => {
    if (!data || data.level === 'delegation') return;
    setTrail([...trail, data.level === 'nation' ? { regionId: row.id } : { regionId: data.regionId ?? undefined, delegationId: row.id }]);
  };
  const title = data ? `${t('reports.consolidationTitle')} ${year} - ${lang === 'ar' ? data.nameAr : data.nameFr}` : t('reports.consolidationTitle');
  return (
    <>
      <PageHeader title={title} />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <Select
          label={t('reports.year')}
          data={reportYears}
          value={year}
          allowDeselect={false}
          onChange={(value) => value && setYear(value)}
          w={{ base: '100%', sm: 200 }}
          data-testid={tid.consolidationYear}
        />
        {trail.length > 1 && (
          <Button variant={ui.default} leftSection={<IconArrowUp size={16} aria-hidden />} onClick={() => setTrail(trail.slice(0, -1))} data-testid={tid.up}>
            {t('reports.back')}
          </Button>
        )}
        {data && <Badge variant={ui.light}>{t(`reports.levels.${data.level}`)}</Badge>}
      </Group>
      <QueryStates query={query} empty={() => false}>
        {() => data && <ConsolidationTable data={data} year={Number(year)} onDrill={drill} />}
      </QueryStates>
    </>
  );
}

function ConsolidationTable({ data, year, onDrill }: { data: Consolidation; year: number; onDrill: (row: ConsolidationRow) => void }) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const institutions = data.level === 'delegation';
  const unit = institutions ? t('reports.institution') : data.level === 'nation' ? t('reports.region') : t('reports.delegation');
  const headers = [
    unit, t('reports.budgetRevenue'), t('reports.revenue'), t('reports.budgetExpenditure'), t('reports.expenditure'), t('reports.operating'),
    t('reports.equipment'), t('reports.staff'), t('reports.food'), t('reports.occupancyDays'), t('reports.costPerDay'),
    institutions ? t('reports.minimumDaily') : t('reports.belowMinimumCount'),
  ];
  const money = (value: string) => <Table.Td className={look.number}>{formatAmount(value, lang)}</Table.Td>;
  return (
    <ScrollTable minWidth={1200} testId={tid.consolidationTable} caption={t('reports.consolidationTitle')} headers={headers}>
      {data.rows.map((row) => (
        <Table.Tr key={row.id}>
          <Table.Th scope={ui.row} fw={500}>
            {institutions ? (
              <AnchorLink to={path.institutionReports} params={{ institutionId: row.id, year: String(year) }}>
                {lang === 'ar' ? row.nameAr : row.nameFr}
              </AnchorLink>
            ) : (
              <Anchor component={look.button} type={look.button} onClick={() => onDrill(row)} data-testid={tid.drill(row.id)}>
                {lang === 'ar' ? row.nameAr : row.nameFr}
              </Anchor>
            )}
          </Table.Th>
          {money(row.budgetRevenueMad)}
          {money(row.revenueMad)}
          {money(row.budgetExpenditureMad)}
          {money(row.expenditureMad)}
          {money(row.operatingMad)}
          {money(row.equipmentMad)}
          {money(row.staffMad)}
          {money(row.foodMad)}
          <Table.Td className={look.number}>{formatNumber(row.occupancyDays, lang)}</Table.Td>
          <Table.Td className={look.number}>{row.costPerDayMad === null ? '' : formatAmount(row.costPerDayMad, lang)}</Table.Td>
          <Table.Td>
            {institutions ? (
              <Group gap={4}>
                <Text size={ui.sm} className={look.number}>
                  {row.minimumDailyMad === null ? '' : formatAmount(row.minimumDailyMad, lang)}
                </Text>
                {row.belowMinimum && (
                  <Badge color={ui.red} variant={ui.filled} data-testid={tid.rowBelow(row.id)}>
                    {t('reports.belowMinimum')}
                  </Badge>
                )}
              </Group>
            ) : (
              row.belowMinimumCount > 0 ? (
                <Badge color={ui.red} variant={ui.filled}>
                  {outOf(row.belowMinimumCount, row.institutionCount, lang)}
                </Badge>
              ) : (
                <Text size={ui.sm}>{outOf(row.belowMinimumCount, row.institutionCount, lang)}</Text>
              )
            )}
          </Table.Td>
        </Table.Tr>
      ))}
      <Table.Tr data-testid={tid.consolidationTotal}>
        <Table.Th scope={ui.row} fw={700}>
          {t('reports.total')}
        </Table.Th>
        {money(data.total.budgetRevenueMad)}
        {money(data.total.revenueMad)}
        {money(data.total.budgetExpenditureMad)}
        {money(data.total.expenditureMad)}
        {money(data.total.operatingMad)}
        {money(data.total.equipmentMad)}
        {money(data.total.staffMad)}
        {money(data.total.foodMad)}
        <Table.Td className={look.number}>{formatNumber(data.total.occupancyDays, lang)}</Table.Td>
        <Table.Td className={look.number}>{data.total.costPerDayMad === null ? '' : formatAmount(data.total.costPerDayMad, lang)}</Table.Td>
        <Table.Td>
          {outOf(data.total.belowMinimumCount, data.total.institutionCount, lang)}
        </Table.Td>
      </Table.Tr>
    </ScrollTable>
  );
}
