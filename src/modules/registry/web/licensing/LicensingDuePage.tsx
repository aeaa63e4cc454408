/** The delegation's queue: applications on their way and closures under notice, by due day, with days left. */
import { useState } from 'react';
import { Badge, Group, Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, QueryStates, formatDate, nameIn, ui } from '../../../../platform/web/index.ts';
import { licensingStages, type DueItem, type DueQuery, type LicensingStage } from '../../contract/licensing.ts';
import { WARNING_DAYS, look, path, tid } from './constants.ts';
import { useDue } from './queries.ts';

const dueFilters = ['overdue', 'warning', 'stopped'] as const;

export function LicensingDuePage() {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const [stage, setStage] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const query = useDue({ stage: (stage ?? undefined) as LicensingStage | undefined, due: (due ?? undefined) as DueQuery['due'] });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
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
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={720}
              testId={tid.dueTable}
              caption={t('licensing.dueTitle')}
              headers={[t('licensing.institution'), t('licensing.stage'), t('licensing.clockLabel'), t('licensing.lastStep')]}
            >
              {items.map((item) => (
                <Table.Tr key={item.institutionId}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.file} params={{ institutionId: item.institutionId }}>
                      {nameIn(item, lang)}
                    </AnchorLink>
                  </Table.Th>
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
