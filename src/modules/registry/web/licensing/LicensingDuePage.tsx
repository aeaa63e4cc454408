/** The delegation's queue: applications on their way and closures under notice, by due day, with days left. */
import { useState } from 'react';
import { Badge, Group, Select, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, QueryStates, api, formatDate, nameIn, ui, useCurrentUser } from '../../../../platform/web/index.ts';
import { DelegationPage } from '../../../territory/contract.ts';
import { licensingStages, type DueItem, type DueQuery, type LicensingStage } from '../../contract/licensing.ts';
import { WARNING_DAYS, look, path, tid } from './constants.ts';
import { useDue } from './queries.ts';

const dueFilters = ['overdue', 'warning', 'stopped'] as const;

export function LicensingDuePage() {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const [stage, setStage] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const [delegation, setDelegation] = useState<string | null>(null);
  // Above a delegation, the queue can be narrowed to one of the delegations in scope.
  const me = useCurrentUser();
  const wide = me.scope.level === 'nation' || me.scope.level === 'region';
  const delegations = useQuery({
    queryKey: ['registry', 'licensing-delegations'],
    queryFn: () => api.get('/api/organisation/delegations?limit=200', DelegationPage),
    enabled: wide,
  });
  const delegationName = new Map((delegations.data?.items ?? []).map((d) => [d.id, nameIn(d, lang)]));
  const query = useDue({
    stage: (stage ?? undefined) as LicensingStage | undefined,
    due: (due ?? undefined) as DueQuery['due'],
    delegation: delegation ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const headers = [t('licensing.institution'), ...(wide ? [t('licensing.delegation')] : []), t('licensing.stage'), t('licensing.clockLabel'), t('licensing.lastStep')];
  return (
    <>
      <PageHeader title={t('licensing.dueTitle')} />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <Select
          label={t('licensing.filterStage')}
          placeholder={t('licensing.all')}
          data={licensingStages.map((s) => ({ value: s, label: t(`licensing.stages.${s}`) }))}
          value={stage}
          onChange={setStage}
          clearable
          w={{ base: '100%', sm: 320 }}
          data-testid={tid.dueStage}
        />
        <Select
          label={t('licensing.filterDue')}
          placeholder={t('licensing.all')}
          data={dueFilters.map((d) => ({ value: d, label: t(`licensing.dueFilters.${d}`) }))}
          value={due}
          onChange={setDue}
          clearable
          w={{ base: '100%', sm: 240 }}
          data-testid={tid.dueFilter}
        />
        {wide && (
          <Select
            label={t('licensing.delegation')}
            placeholder={t('licensing.all')}
            data={(delegations.data?.items ?? []).map((d) => ({ value: d.id, label: nameIn(d, lang) }))}
            value={delegation}
            onChange={setDelegation}
            clearable
            searchable
            w={{ base: '100%', sm: 280 }}
            data-testid={tid.dueDelegation}
          />
        )}
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={720}
              testId={tid.dueTable}
              caption={t('licensing.dueTitle')}
              headers={headers}
            >
              {items.map((item) => (
                <Table.Tr key={item.institutionId}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.file} params={{ institutionId: item.institutionId }}>
                      {nameIn(item, lang)}
                    </AnchorLink>
                  </Table.Th>
                  {wide && <Table.Td>{(item.delegationId && delegationName.get(item.delegationId)) ?? ''}</Table.Td>}
                  <Table.Td>{t(`licensing.stages.${item.stage}`)}</Table.Td>
                  <Table.Td>
                    <DueCell item={item} />
                  </Table.Td>
                  <Table.Td>{formatDate(item.lastStepOn, lang)}</Table.Td>
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

function DueCell({ item }: { item: DueItem }) {
  const { t, i18n } = useTranslation('registry');
  if (item.stopped) {
    return (
      <Badge color={look.gray7} variant={ui.filled}>
        {t('licensing.dueFilters.stopped')}
      </Badge>
    );
  }
  if (item.daysLeft === null) return null;
  const color = item.daysLeft < 0 ? look.red9 : item.daysLeft < WARNING_DAYS ? look.orange9 : look.green9;
  return (
    <Group gap={ui.xs}>
      <span>{formatDate(item.dueOn, i18n.language)}</span>
      <Badge color={color} variant={ui.filled}>
        {item.daysLeft < 0 ? t('licensing.daysOverdue', { count: -item.daysLeft }) : t('licensing.daysLeft', { count: item.daysLeft })}
      </Badge>
    </Group>
  );
}
