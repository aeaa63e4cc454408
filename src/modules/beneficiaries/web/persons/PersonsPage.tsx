/**
 * Person search: a name typed in Arabic or Latin letters (any part, any order), a CNIE, an IDCS
 * or a phone, with sex and birth year filters; keyset "load more". The names of both scripts are
 * shown, each isolated (<bdi>) inside the other language's text.
 */
import { useState } from 'react';
import { Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, QueryStates, formatDate, nameIn, ui } from '../../../../platform/web/index.ts';
import { sexes } from '../../contract/enums.ts';
import { path, tid, val } from './constants.ts';
import { otherScriptName, personName } from './names.ts';
import { usePersons } from './queries.ts';

export function PersonsPage() {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [sex, setSex] = useState<string | null>(null);
  const [birthYear, setBirthYear] = useState('');
  const [debouncedYear] = useDebouncedValue(/^\d{4}$/.test(birthYear) ? birthYear : '', 300);
  const query = usePersons({ q: debouncedQ || undefined, sex: sex ?? undefined, birthYear: debouncedYear || undefined });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('persons.title')} />
      <TextInput
        size={ui.lg}
        label={t('persons.search')}
        description={t('persons.searchHint')}
        leftSection={<IconSearch size={18} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        mb={ui.md}
        data-testid={tid.search}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb={ui.md}>
        <Select
          label={t('persons.fields.sex')}
          placeholder={t('persons.all')}
          data={sexes.map((s) => ({ value: s, label: t(`enums.sex.${s}`) }))}
          value={sex}
          onChange={setSex}
          clearable
          data-testid={tid.filterSex}
        />
        <TextInput label={t('persons.fields.birthYear')} value={birthYear} onChange={(e) => setBirthYear(e.currentTarget.value)} inputMode={val.numeric} data-testid={tid.filterBirthYear} />
      </SimpleGrid>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={640}
              testId={tid.table}
              caption={t('persons.table')}
              headers={[t('persons.name'), t('persons.fields.birthDate'), t('persons.fields.cnie'), t('persons.fields.phone'), t('persons.holder')]}
            >
              {items.map((p) => (
                <Table.Tr key={p.id} data-testid={tid.row(p.id)}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.person(p.id)}>
                      <bdi>{personName(p, lang)}</bdi>
                    </AnchorLink>
                    <Text size={ui.xs} c={ui.dimmed}>
                      <bdi>{otherScriptName(p, lang)}</bdi>
                    </Text>
                  </Table.Th>
                  <Table.Td>{p.birthDatePrecision === 'year' ? p.birthDate?.slice(0, 4) : formatDate(p.birthDate, lang)}</Table.Td>
                  <Table.Td>
                    <bdi>{p.cnie}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{p.phone}</bdi>
                  </Table.Td>
                  <Table.Td>{nameIn({ nameAr: p.delegationNameAr, nameFr: p.delegationNameFr }, lang)}</Table.Td>
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
