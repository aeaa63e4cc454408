/** One region: its coordination, its prefectures and provinces, its provincial delegations. */
import { Badge, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, EmptyState, ErrorState, LoadingState, PageHeader, formatNumber, listIn, nameIn, useParam, ui, ListTable } from '../../../../platform/web/index.ts';
import { useRegion } from '../queries.ts';
import { path, tid } from '../constants.ts';

export function RegionPage() {
  const { t, i18n } = useTranslation('territory');
  const lang = i18n.language;
  const regionId = useParam('regionId');
  const query = useRegion(regionId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const region = query.data;
  const delegationName = new Map(region.delegations.map((d) => [d.id, d]));
  return (
    <>
      <PageHeader title={nameIn(region, lang)} back={path.territoryRegions}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Paper withBorder p={ui.sm}>
            <Text size={ui.sm} c={ui.dimmed}>
              {t('region.coordination')}
            </Text>
            <Text fw={500}>{lang === 'fr' ? region.coordinationNameFr : region.coordinationNameAr}</Text>
          </Paper>
          <Paper withBorder p={ui.sm}>
            <Text size={ui.sm} c={ui.dimmed}>
              {t('regions.code')}
            </Text>
            <Text fw={500} className="raaya-ltr">
              {region.code} · {region.isoCode}
            </Text>
          </Paper>
          <Paper withBorder p={ui.sm}>
            <Text size={ui.sm} c={ui.dimmed}>
              {t('regions.seat')}
            </Text>
            <Text fw={500}>{region.seatFr ?? ''}</Text>
          </Paper>
        </SimpleGrid>
      </PageHeader>

      <Title order={2} size={ui.h4} mt={ui.lg} mb={ui.sm}>
        {t('region.delegationsTitle')} ({formatNumber(region.delegations.length, lang)})
      </Title>
      {region.delegations.length === 0 ? (
        <EmptyState />
      ) : (
        <ListTable minWidth={560} testId={tid.regionDelegationsTable} caption={t('region.delegationsTable')} headers={[t('region.code'), t('region.name'), t('delegations.provinces')]}>
              {region.delegations.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td className="raaya-ltr">{d.code}</Table.Td>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.territoryDelegationsDelegationId} params={{ delegationId: d.id }}>
                      {nameIn(d, lang)}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{listIn(d.provinces.map((p) => nameIn(p, lang)), lang)}</Table.Td>
                </Table.Tr>
              ))}
        </ListTable>
      )}

      <Title order={2} size={ui.h4} mt={ui.xl} mb={ui.sm}>
        {t('region.provincesTitle')} ({formatNumber(region.provinces.length, lang)})
      </Title>
      {region.provinces.length === 0 ? (
        <EmptyState />
      ) : (
        <ListTable minWidth={560} testId={tid.regionProvincesTable} caption={t('region.provincesTable')} headers={[t('region.code'), t('region.name'), t('region.kind'), t('region.delegation')]}>
              {region.provinces.map((p) => {
                const d = p.delegationId ? delegationName.get(p.delegationId) : undefined;
                return (
                  <Table.Tr key={p.id}>
                    <Table.Td className="raaya-ltr">{p.code}</Table.Td>
                    <Table.Th scope={ui.row} fw={500}>
                      {nameIn(p, lang)}
                    </Table.Th>
                    <Table.Td>
                      <Badge variant={ui.outline} color={ui.gray8} tt={ui.none}>
                        {t(`kinds.${p.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {d ? (
                        <AnchorLink to={path.territoryDelegationsDelegationId} params={{ delegationId: d.id }}>
                          {nameIn(d, lang)}
                        </AnchorLink>
                      ) : (
                        <Group gap={4}>
                          <Text size={ui.sm} c={ui.dimmed}>
                            {t('region.unassigned')}
                          </Text>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
        </ListTable>
      )}
    </>
  );
}
