/** The regularity indicator year by year: per region for the nation, per delegation for a region (decision 0029). */
import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, QueryStates, formatNumber, nameIn, ui } from '../../../../platform/web/index.ts';
import { tid } from './constants.ts';
import { formatPercent } from './format.ts';
import { useRegularity } from './queries.ts';

export function RegularityTable({ regionId, to }: { regionId?: string; to: number }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const query = useRegularity({ regionId, to }, true);
  const rows = query.data?.rows ?? [];
  const years = query.data ? Array.from({ length: query.data.to - query.data.from + 1 }, (_, i) => query.data.from + i) : [];
  return (
    <>
      <Title order={2} size={ui.h4} mt={ui.xl} mb={ui.sm}>
        {t('dashboard.regularity.title')}
      </Title>
      <QueryStates query={query} empty={() => rows.length === 0}>
        {() => (
          <ListTable minWidth={640} testId={tid.regularity} caption={t('dashboard.regularity.caption')}
            headers={[regionId ? t('dashboard.kind.delegation') : t('dashboard.kind.region'), ...years.map((y) => String(y))]}>
            {rows.map((r) => (
              <Table.Tr key={r.id ?? r.kind}>
                <Table.Th scope={ui.row} fw={500}>
                  {r.id ? nameIn(r, lang) : t(`dashboard.kind.${r.kind}`)}
                </Table.Th>
                {r.years.map((c) => (
                  <Table.Td key={c.year} className="raaya-ltr" title={t('dashboard.regularity.cell', { onTime: formatNumber(c.onTime, lang), assessed: formatNumber(c.assessed, lang) })}>
                    {formatPercent(c.regularityPercent, lang)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryStates>
    </>
  );
}
