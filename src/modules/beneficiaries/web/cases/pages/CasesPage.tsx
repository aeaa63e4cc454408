/** Case files of the scope: filter by stage, target group and "mine"; newest first, keyset paging. */
import { useState } from 'react';
import { Group, Select, Switch, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, LoadMore, PageHeader, QueryStates, formatDate, ui } from '../../../../../platform/web/index.ts';
import { targetGroups } from '../../../../registry/contract/enums.ts';
import { caseStages } from '../../../contract/enums.ts';
import { useCases } from '../queries.ts';
import { CaseCells } from '../components/CaseCells.tsx';
import { fld, tid } from '../constants.ts';

export function CasesPage() {
  const { t, i18n } = useTranslation('beneficiaries');
  const { t: tR } = useTranslation('registry');
  const lang = i18n.language;
  const [stage, setStage] = useState<string | null>(null);
  const [targetGroup, setTargetGroup] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const query = useCases({
    stage: (stage ?? undefined) as never,
    targetGroup: (targetGroup ?? undefined) as never,
    handler: mine ? fld.me : undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('cases.list.title')} />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <Select
          label={t('cases.list.stage')}
          placeholder={t('cases.list.allStages')}
          data={caseStages.map((s) => ({ value: s, label: t(`enums.caseStage.${s}`) }))}
          value={stage}
          onChange={setStage}
          clearable
          w={{ base: '100%', sm: 220 }}
          data-testid={tid.casesStage}
        />
        <Select
          label={t('cases.list.targetGroup')}
          placeholder={t('cases.list.allGroups')}
          data={targetGroups.map((g) => ({ value: g, label: tR(`enums.targetGroup.${g}`) }))}
          value={targetGroup}
          onChange={setTargetGroup}
          clearable
          w={{ base: '100%', sm: 260 }}
          data-testid={tid.casesTargetGroup}
        />
        <Switch label={t('cases.list.mine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} data-testid={tid.casesMine} />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={760}
              testId={tid.casesTable}
              caption={t('cases.list.title')}
              headers={[t('cases.file.number'), t('cases.file.person'), t('cases.file.stage'), t('cases.file.targetGroup'), t('cases.file.handler'), t('cases.file.openedOn')]}
            >
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <CaseCells item={c} />
                  <Table.Td>{(lang === 'fr' ? c.handlerNameFr : c.handlerNameAr) ?? ''}</Table.Td>
                  <Table.Td>{formatDate(c.openedOn, lang)}</Table.Td>
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
