/** The twelve regions with their counts of provinces and delegations. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, formatNumber, nameIn, PageHeader, QueryStates, ui } from '../../../../platform/web/index.ts';
import { ReportButton } from '../../../../platform/jobs/web/index.ts';

const REPORT = 'organisation';
const REPORT_TITLE = 'report.organisation';
import { useRegions } from '../queries.ts';
import { path, tid } from '../constants.ts';

export function RegionsPage() {
  const { t, i18n } = useTranslation('territory');
  const lang = i18n.language;
  const query = useRegions();
  const items = query.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('regions.title')} actions={<ReportButton report={REPORT} titleKey={REPORT_TITLE} />}>
        <Text>{t('regions.intro')}</Text>
      </PageHeader>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid={tid.regionsTable}>
            <caption className="raaya-visually-hidden">{t('regions.table')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope={ui.col}>{t('regions.code')}</Table.Th>
                <Table.Th scope={ui.col}>{t('regions.name')}</Table.Th>
                <Table.Th scope={ui.col}>{t('regions.seat')}</Table.Th>
                <Table.Th scope={ui.col} ta={ui.end}>
                  {t('regions.provinces')}
                </Table.Th>
                <Table.Th scope={ui.col} ta={ui.end}>
                  {t('regions.delegations')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td className="raaya-ltr">{r.code}</Table.Td>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.territoryRegionsRegionId} params={{ regionId: r.id }}>
                      {nameIn(r, lang)}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{r.seatFr ?? ''}</Table.Td>
                  <Table.Td ta={ui.end}>{formatNumber(r.provinceCount, lang)}</Table.Td>
                  <Table.Td ta={ui.end}>{formatNumber(r.delegationCount, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}</QueryStates>
    </>
  );
}
