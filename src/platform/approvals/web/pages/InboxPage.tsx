/** "Waiting for me": the submissions at a level the user acts on, inside their scope, newest first. */
import { useState } from 'react';
import { Badge, Group, Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, QueryStates, formatDateTime, ui } from '../../../web/index.ts';
import { appNamespaces } from '../../../web/i18n/types.ts';
import { approvalTypeLabel, approvalTypeLabels } from '../type-labels.ts';
import { useInbox } from '../queries.ts';
import { stateColor, tid } from '../constants.ts';

export function InboxPage() {
  const { t, i18n } = useTranslation('approvals');
  const { t: tAll } = useTranslation(appNamespaces);
  const typeLabel = (key: string) => {
    const labelKey = approvalTypeLabel(key);
    return labelKey ? tAll(labelKey) : key;
  };
  const lang = i18n.language;
  const [type, setType] = useState<string | null>(null);
  const query = useInbox({ type: type ?? undefined });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('inbox.title')} />
      <Group mb={ui.md}>
        <Select
          label={t('inbox.type')}
          placeholder={t('inbox.allTypes')}
          data={approvalTypeLabels().map(([key, labelKey]) => ({ value: key, label: tAll(labelKey) }))}
          value={type}
          onChange={setType}
          clearable
          w={{ base: '100%', sm: 300 }}
          data-testid={tid.inboxType}
        />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable minWidth={640} testId={tid.inboxTable} caption={t('inbox.table')} headers={[t('inbox.subject'), t('inbox.type'), t('inbox.level'), t('inbox.state'), t('inbox.since')]}>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={item.link}>{lang === 'fr' ? item.labelFr : item.labelAr}</AnchorLink>
                  </Table.Th>
                  <Table.Td>{typeLabel(item.subjectType)}</Table.Td>
                  <Table.Td>{t(`levels.${item.level}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[item.state]} variant={ui.filled}>
                      {t(`states.${item.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(item.waitingSince, lang)}</Table.Td>
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
