/**
 * The occupancy board of the user's scope: every institution with its licensed capacity, present
 * beneficiaries and free places by sex, and its waiting list, filtered by category and centre type.
 */
import { useState } from 'react';
import { Badge, Card, Select, SimpleGrid, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, QueryStates, formatNumber, nameIn, ui } from '../../../../platform/web/index.ts';
import { centreTypes, legalCategories } from '../../../registry/contract/enums.ts';
import { useOccupancyBoard } from './queries.ts';
import { path, registerTabKey, tid } from './constants.ts';

export function OccupancyBoardPage() {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const [legalCategory, setLegalCategory] = useState<string | null>(null);
  const [centreType, setCentreType] = useState<string | null>(null);
  const query = useOccupancyBoard({ legalCategory: legalCategory ?? undefined, centreType: centreType ?? undefined });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const pair = (male: number, female: number) => t('register.occupancy.pair', { male: formatNumber(male, lang), female: formatNumber(female, lang) });
  return (
    <Stack gap={ui.md}>
      <PageHeader title={t('register.board.title')} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mb={ui.md}>
          <Select label={t('register.board.category')} placeholder={t('register.board.anyCategory')} clearable value={legalCategory} onChange={setLegalCategory}
            data={legalCategories.map((c) => ({ value: c, label: t(`registry:enums.legalCategory.${c}` as never) }))} data-testid={tid.boardCategory} />
          <Select label={t('register.board.centreType')} placeholder={t('register.board.anyCentreType')} clearable value={centreType} onChange={setCentreType}
            data={centreTypes.map((c) => ({ value: c, label: t(`registry:enums.centreType.${c}` as never) }))} data-testid={tid.boardCentreType} />
        </SimpleGrid>
        <QueryStates query={query} empty={() => rows.length === 0}>
          {() => (
            <>
              <ListTable
                minWidth={900}
                testId={tid.board}
                caption={t('register.board.table')}
                headers={[t('register.board.institution'), t('register.board.delegation'), t('register.board.category'), t('register.board.capacity'), t('register.board.occupied'), t('register.board.free'), t('register.board.waiting')]}
              >
                {rows.map((r) => {
                  const name = nameIn(r, lang);
                  const full = r.occupiedMale + r.occupiedFemale >= r.capacityMale + r.capacityFemale;
                  return (
                    <Table.Tr key={r.institutionId} data-testid={tid.boardRow(r.institutionId)}>
                      <Table.Th scope={ui.row}>
                        <AnchorLink to={path.institution} params={{ institutionId: r.institutionId }} search={{ tab: registerTabKey }} aria-label={t('register.board.open', { name })}>
                          {name}
                        </AnchorLink>
                      </Table.Th>
                      <Table.Td>{lang === 'fr' ? (r.delegationNameFr ?? '') : (r.delegationNameAr ?? '')}</Table.Td>
                      <Table.Td>{r.legalCategory ? t(`registry:enums.legalCategory.${r.legalCategory}` as never) : r.centreType ? t(`registry:enums.centreType.${r.centreType}` as never) : ''}</Table.Td>
                      <Table.Td>{pair(r.capacityMale, r.capacityFemale)}</Table.Td>
                      <Table.Td>{pair(r.occupiedMale, r.occupiedFemale)}</Table.Td>
                      <Table.Td>
                        {pair(r.freeMale, r.freeFemale)}
                        {full && (
                          <Badge ms={4} color={ui.orange} variant={ui.light}>
                            {t('register.board.full')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{formatNumber(r.waiting, lang)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </ListTable>
              <LoadMore query={query} shown={rows.length} />
            </>
          )}
        </QueryStates>
      </Card>
    </Stack>
  );
}
