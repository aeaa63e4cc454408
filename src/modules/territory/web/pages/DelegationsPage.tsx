/** Provincial delegations: search by name or code, filter by region, keyset paging. */
import { useState } from 'react';
import { Group, Select, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, listIn, LoadMore, nameIn, PageHeader, QueryStates, ui, ListTable } from '../../../../platform/web/index.ts';
import { useDelegations, useRegions } from '../queries.ts';
import { path, tid } from '../constants.ts';

export function DelegationsPage() {
  const { t, i18n } = useTranslation('territory');
  const lang = i18n.language;
  const [q, setQ] = useState('');
  const [region, setRegion] = useState<string | null>(null);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const regions = useRegions();
  const query = useDelegations({ q: debouncedQ || undefined, region: region ?? undefined });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('delegations.title')} />
      <Group align={ui.flexEnd} mb={ui.md} wrap={ui.wrap}>
        <TextInput
          label={t('delegations.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          w={{ base: '100%', sm: 300 }}
          data-testid={tid.delegationsSearch}
        />
        <Select
          label={t('delegations.region')}
          placeholder={t('delegations.allRegions')}
          data={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: nameIn(r, lang) }))}
          value={region}
          onChange={setRegion}
          clearable
          searchable
          w={{ base: '100%', sm: 300 }}
          data-testid={tid.delegationsRegion}
        />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
        <>
          <ListTable minWidth={640} testId={tid.delegationsTable} caption={t('delegations.table')} headers={[t('delegations.code'), t('delegations.name'), t('delegations.region'), t('delegations.provinces')]}>
                {items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td className="raaya-ltr">{d.code}</Table.Td>
                    <Table.Th scope={ui.row} fw={500}>
                      <AnchorLink to={path.territoryDelegationsDelegationId} params={{ delegationId: d.id }}>
                        {nameIn(d, lang)}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td>{lang === 'fr' ? d.regionNameFr : d.regionNameAr}</Table.Td>
                    <Table.Td>{listIn(d.provinces.map((p) => nameIn(p, lang)), lang)}</Table.Td>
                  </Table.Tr>
                ))}
          </ListTable>
          <LoadMore query={query} shown={items.length} />
        </>
      )}</QueryStates>
    </>
  );
}
