/** History tab: who changed what in the record and its rooms, services and committee (the audit log). */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, LoadMore, QueryStates, formatDateTime, listIn, ui } from '../../../../../platform/web/index.ts';
import type { InstitutionTabProps } from '../../institution-tabs.ts';
import { useInstitutionHistory } from '../queries.ts';
import { tid } from '../constants.ts';

export function HistoryTab({ institutionId }: InstitutionTabProps) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const history = useInstitutionHistory(institutionId);
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  const tableLabel = (name: string) => (i18n.exists(`registry:institutions.history.tables.${name}`) ? t(`institutions.history.tables.${name}` as never) : name);
  return (
    <QueryStates query={history} empty={() => items.length === 0}>
      {() => (
        <>
          <ListTable
            minWidth={640}
            testId={tid.historyTable}
            caption={t('institutions.history.table')}
            headers={[t('institutions.history.at'), t('institutions.history.who'), t('institutions.history.what'), t('institutions.history.action'), t('institutions.history.fields')]}
          >
            {items.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Th scope={ui.row} fw={400}>
                  {formatDateTime(e.at, lang)}
                </Table.Th>
                <Table.Td className="raaya-ltr">{e.actorUsername ?? t('institutions.history.system')}</Table.Td>
                <Table.Td>{tableLabel(e.tableName)}</Table.Td>
                <Table.Td>{t(`institutions.history.actions.${e.action}`)}</Table.Td>
                <Table.Td>
                  <Text size={ui.sm}>{e.action === 'update' ? listIn(e.fields, lang) : ''}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          <LoadMore query={history} shown={items.length} />
        </>
      )}
    </QueryStates>
  );
}
