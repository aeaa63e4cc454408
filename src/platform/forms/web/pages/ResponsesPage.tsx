/** Responses in the user's scope: by form and status, newest first, keyset paging. */
import { useState } from 'react';
import { Group, Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, QueryStates, formatDateTime, formatNumber, nameIn, ui, useCurrentUser } from '../../../web/index.ts';
import { ResponseStatus } from '../../contract.ts';
import { percentOf } from '../../engine.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { path, tid } from '../constants.ts';
import { useForms, useResponses, useSubjectDelegations } from '../queries.ts';

export function ResponsesPage() {
  const { t, i18n } = useTranslation('forms');
  const lang = i18n.language;
  const [form, setForm] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [delegation, setDelegation] = useState<string | null>(null);
  const me = useCurrentUser();
  const severalDelegations = me.scope.level === 'nation' || me.scope.level === 'region';
  const delegations = useSubjectDelegations();
  const forms = useForms({ published: 'true' }, 200);
  const statusFilter = ResponseStatus.safeParse(status);
  const query = useResponses({
    form: form ?? undefined,
    status: statusFilter.success ? statusFilter.data : undefined,
    ...(delegation && { subjectType: 'delegation', subjectId: delegation }),
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const formOptions = (forms.data?.pages.flatMap((p) => p.items) ?? []).map((f) => ({ value: f.id, label: lang === 'fr' ? f.titleFr : f.titleAr }));
  return (
    <>
      <PageHeader title={t('responses.title')} />
      <Group align={ui.flexEnd} mb={ui.md} wrap={ui.wrap}>
        <Select label={t('responses.form')} placeholder={t('responses.allForms')} data={formOptions} value={form} onChange={setForm} clearable searchable w={{ base: '100%', sm: 360 }} data-testid={tid.responsesForm} />
        <Select
          label={t('responses.status')}
          placeholder={t('responses.allStatuses')}
          data={ResponseStatus.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={{ base: '100%', sm: 200 }}
          data-testid={tid.responsesStatus}
        />
        {severalDelegations && (
          <Select
            label={t('responses.delegation')}
            placeholder={t('responses.allDelegations')}
            data={(delegations.data ?? []).map((d) => ({ value: d.id, label: nameIn(d, lang) }))}
            value={delegation}
            onChange={setDelegation}
            clearable
            searchable
            w={{ base: '100%', sm: 320 }}
            data-testid={tid.responsesDelegation}
          />
        )}
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={760}
              testId={tid.responsesTable}
              caption={t('responses.table')}
              headers={[t('responses.form'), t('responses.subject'), t('responses.status'), t('responses.score'), t('responses.updatedAt')]}
            >
              {items.map((r) => {
                const pct = percentOf(r.scores.total, r.scores.max);
                return (
                  <Table.Tr key={r.id}>
                    <Table.Th scope={ui.row} fw={500}>
                      <AnchorLink to={path.response} params={{ responseId: r.id }}>
                        {lang === 'fr' ? r.formTitleFr : r.formTitleAr}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td>{nameIn(r.subject, lang)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>
                      {pct === null
                        ? t('scores.line', { score: formatNumber(r.scores.total, lang), max: formatNumber(r.scores.max, lang) })
                        : t('scores.linePct', { score: formatNumber(r.scores.total, lang), max: formatNumber(r.scores.max, lang), pct: formatNumber(pct, lang) })}
                    </Table.Td>
                    <Table.Td>{formatDateTime(r.updatedAt, lang)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </>
  );
}
