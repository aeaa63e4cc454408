/**
 * The history of one record and of the rows that belong to it (decision 0015): who changed what
 * and when, newest first, each change as field: before → after. Modules pass labels for their
 * tables and fields; a field without a label shows its column name.
 */
import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, formatDateTime, LoadMore, QueryStates, ui, withQuery } from '../../../web/index.ts';
import { HistoryPage, type HistoryEntry } from '../../contract.ts';
import { tid } from '../constants.ts';

export interface RecordHistoryProps {
  /** The kind registered on the server (registerHistoryOwner): 'institution', 'association'. */
  ownerType: string;
  ownerId: string;
  tableLabel?: (table: string) => string | undefined;
  fieldLabel?: (table: string, field: string) => string | undefined;
  /** A readable value (an enum's label); undefined falls back to the raw value. */
  valueLabel?: (table: string, field: string, value: unknown) => string | undefined;
}

const EMPTY = '—';
const ARTICLE = 'article';
// Dark shades on filled badges: the light variant's green text fails WCAG AA contrast (seen in French).
const ACTION_COLOR: Record<HistoryEntry['action'], string> = { insert: '#1f6f34', update: 'blue.9', delete: 'red.9', event: 'gray.8' };

function plain(value: unknown, yesNo: (v: boolean) => string): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return yesNo(value);
  if (Array.isArray(value)) return value.map((v) => plain(v, yesNo)).join('، ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function RecordHistory({ ownerType, ownerId, tableLabel, fieldLabel, valueLabel }: RecordHistoryProps) {
  const { t, i18n } = useTranslation(['audit', 'web']);
  const lang = i18n.language;
  const query = useInfiniteQuery({
    queryKey: ['history', ownerType, ownerId],
    queryFn: ({ pageParam }) => api.get(withQuery(`/api/history/${ownerType}/${encodeURIComponent(ownerId)}`, { after: pageParam, limit: 30 }), HistoryPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const show = (table: string, field: string, value: unknown) => valueLabel?.(table, field, value) ?? plain(value, (v) => (v ? t('web:common.yes') : t('web:common.no')));
  return (
    <QueryStates query={query} empty={() => items.length === 0}>
      {() => (
      <Stack gap={ui.md} data-testid={tid.recordHistory}>
        {items.map((entry) => (
          <Paper key={entry.seq} withBorder p={ui.sm} component={ARTICLE}>
            <Group gap={ui.sm} mb={ui.xs} wrap={ui.wrap}>
              <Badge color={ACTION_COLOR[entry.action]} variant={ui.filled}>{t(`actions.${entry.action}`)}</Badge>
              <Text size={ui.sm} fw={600}>{tableLabel?.(entry.tableName) ?? entry.tableName}</Text>
              <Text size={ui.sm}>{formatDateTime(entry.at, lang)}</Text>
              <Text size={ui.sm}>{entry.actor ? (lang === 'fr' ? entry.actor.nameFr : entry.actor.nameAr) : t('history.system')}</Text>
            </Group>
            {entry.changes.length > 0 && (
              <Table.ScrollContainer minWidth={320}>
                <Table withTableBorder={false} verticalSpacing={ui.xs} fz={ui.sm}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope={ui.col}>{t('history.field')}</Table.Th>
                      <Table.Th scope={ui.col}>{t('history.before')}</Table.Th>
                      <Table.Th scope={ui.col}>{t('history.after')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entry.changes.map((c) => (
                      <Table.Tr key={c.field}>
                        <Table.Td>{fieldLabel?.(entry.tableName, c.field) ?? c.field}</Table.Td>
                        <Table.Td>{show(entry.tableName, c.field, c.before)}</Table.Td>
                        <Table.Td>{show(entry.tableName, c.field, c.after)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        ))}
        <LoadMore query={query} shown={items.length} />
      </Stack>
      )}
    </QueryStates>
  );
}
