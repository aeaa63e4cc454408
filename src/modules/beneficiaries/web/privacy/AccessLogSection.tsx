/** Who read the person's data, when and how (law 09-08 art. 24), for the roles with the privacy duty. */
import { useState } from 'react';
import { Group, Select, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, LoadMore, QueryStates, formatDateTime, ui } from '../../../../platform/web/index.ts';
import { accessActions, type AccessLogEntry } from '../../contract/privacy.ts';
import { useAccessLog } from './queries.ts';
import { tid, val } from './constants.ts';

export function AccessLogSection({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const [action, setAction] = useState<string | null>(null);
  const query = useAccessLog(personId, action, true);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const who = (e: AccessLogEntry) => (e.user ? (lang === 'fr' ? e.user.nameFr || e.user.nameAr : e.user.nameAr || e.user.nameFr) : '');
  return (
    <section aria-labelledby="privacy-access-title" data-testid={tid.accessLog}>
      <Group justify={ui.spaceBetween} align={ui.flexEnd} mb={ui.sm} wrap={ui.wrap}>
        <div>
          <Title order={2} size={ui.h4} id="privacy-access-title">{t('privacy.accessLog.heading')}</Title>
          <Text size={ui.sm} c={ui.dimmed}>{t('privacy.accessLog.hint')}</Text>
        </div>
        <Select
          label={t('privacy.accessLog.filter')}
          placeholder={t('privacy.accessLog.all')}
          data={accessActions.map((a) => ({ value: a, label: t(`privacy.enums.accessAction.${a}`) }))}
          value={action}
          onChange={setAction}
          clearable
          w={{ base: '100%', sm: 240 }}
          data-testid={tid.accessFilter}
        />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={560}
              testId={`${tid.accessLog}-table`}
              caption={t('privacy.accessLog.heading')}
              headers={[t('privacy.accessLog.at'), t('privacy.accessLog.user'), t('privacy.accessLog.action'), t('privacy.accessLog.case')]}
            >
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                  <Table.Td><bdi>{who(e)}</bdi> {e.user && <Text span size={ui.xs} c={ui.dimmed} className={val.ltr}>({e.user.username})</Text>}</Table.Td>
                  <Table.Td>{t(`privacy.enums.accessAction.${e.action}`)}</Table.Td>
                  <Table.Td className={val.ltr}>{e.caseNumber ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </section>
  );
}
