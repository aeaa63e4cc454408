/** Due and overdue: the deadlines of the user's scope, by kind and state, soonest first. */
import { useState } from 'react';
import { Badge, Group, Select, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink, api, formatDate, formatNumber, ListTable, LoadMore, PageHeader, QueryStates, ui, withQuery } from '../../../web/index.ts';
import { appNamespaces } from '../../../web/i18n/types.ts';
import { DeadlineKinds, DeadlinePage, type Deadline } from '../../contract.ts';
import { anyValue, stateColor, states, tid } from '../constants.ts';

export function DeadlinesPage() {
  const { t } = useTranslation('deadlines');
  const { t: tAll } = useTranslation(appNamespaces);
  const [kind, setKind] = useState<string>(anyValue);
  const [state, setState] = useState<string>(anyValue);
  const kinds = useQuery({ queryKey: ['deadlines', 'kinds'], queryFn: () => api.get('/api/deadlines/kinds', DeadlineKinds), staleTime: Infinity });
  const query = useInfiniteQuery({
    queryKey: ['deadlines', kind, state],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/deadlines', { kind, state, after: pageParam, limit: 50 }), DeadlinePage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('page.title')}>
        <Text>{t('page.intro')}</Text>
      </PageHeader>
      <Group mb={ui.md} align={ui.flexEnd} component={ui.section} aria-label={t('page.filters')}>
        <Select
          label={t('page.kind')}
          data={[{ value: anyValue, label: t('page.allKinds') }, ...(kinds.data?.items ?? []).map((k) => ({ value: k.kind, label: String(tAll(k.labelKey as never)) }))]}
          value={kind}
          onChange={(v) => setKind(v ?? anyValue)}
          allowDeselect={false}
          data-testid={tid.kind}
        />
        <Select
          label={t('page.state')}
          data={[{ value: anyValue, label: t('page.allStates') }, ...states.map((s) => ({ value: s, label: t(`states.${s}`) }))]}
          value={state}
          onChange={(v) => setState(v ?? anyValue)}
          allowDeselect={false}
          data-testid={tid.state}
        />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable minWidth={720} testId={tid.table} caption={t('page.caption')} headers={[t('page.what'), t('page.type'), t('page.dueOn'), t('page.status')]}>
              {items.map((d) => (
                <DeadlineRow key={`${d.kind}-${d.subjectId}-${d.dueOn}`} deadline={d} />
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </>
  );
}

function DeadlineRow({ deadline: d }: { deadline: Deadline }) {
  const { t, i18n } = useTranslation('deadlines');
  const { t: tAll } = useTranslation(appNamespaces);
  const lang = i18n.language;
  const text = String(tAll(d.itemKey as never, d.params as never));
  const n = formatNumber(Math.abs(d.daysLeft), lang);
  return (
    <Table.Tr>
      <Table.Td>{d.link ? <AnchorLink to={d.link}>{text}</AnchorLink> : text}</Table.Td>
      <Table.Td>{String(tAll(d.labelKey as never))}</Table.Td>
      <Table.Td>
        {formatDate(d.dueOn, lang)}
        <Text size={ui.xs} c={ui.gray7}>
          {d.daysLeft >= 0 ? t('page.daysLeft', { n }) : t('page.daysLate', { n })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={stateColor[d.state]} variant={ui.filled}>
          {t(`states.${d.state}`)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}
