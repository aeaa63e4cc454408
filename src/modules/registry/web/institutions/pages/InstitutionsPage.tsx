/**
 * The institutions list: name search in Arabic or Latin letters, filters (place, category, centre
 * type, status, area, capacity range), sort, keyset paging ("load more"), Excel export of exactly
 * what is filtered. On a phone the filters stack and the table scrolls sideways.
 */
import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Badge, Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink, ListTable, LoadMore, PageHeader, QueryStates, formatNumber, nameIn, ui, useCan } from '../../../../../platform/web/index.ts';
import { useDelegations, useProvinces, useRegions } from '../../../../territory/web/queries.ts';
import { areas, centreTypes, institutionStatuses, legalCategories } from '../../../contract/enums.ts';
import { institutionSorts, type InstitutionSort } from '../../../contract/institutions.ts';
import { exportUrl, useInstitutions, type ListFilters } from '../queries.ts';
import { en, look, path, tid } from '../constants.ts';
import { statusColor } from '../status.ts';

interface Filters {
  q: string;
  region: string | null;
  province: string | null;
  delegation: string | null;
  category: string | null;
  centreType: string | null;
  status: string | null;
  area: string | null;
  capacityMin: number | string;
  capacityMax: number | string;
  sort: InstitutionSort;
}

/** The filters that pick one value of a vocabulary: filter key, label group, values, test id. */
const enumFilters = [
  { key: 'category', labels: en.legalCategory, values: legalCategories, testId: tid.filterCategory },
  { key: 'centreType', labels: en.centreType, values: centreTypes, testId: tid.filterCentreType },
  { key: 'status', labels: en.institutionStatus, values: institutionStatuses, testId: tid.filterStatus },
  { key: 'area', labels: en.area, values: areas, testId: tid.filterArea },
] as const;

const empty: Filters = { q: '', region: null, province: null, delegation: null, category: null, centreType: null, status: null, area: null, capacityMin: '', capacityMax: '', sort: 'name' };

function toQuery(f: Filters, q: string): ListFilters {
  const n = (v: number | string) => (v === '' || v === undefined ? undefined : Number(v));
  return {
    q: q.trim() || undefined,
    region: f.region ?? undefined,
    province: f.province ?? undefined,
    delegation: f.delegation ?? undefined,
    category: f.category ?? undefined,
    centreType: f.centreType ?? undefined,
    status: f.status ?? undefined,
    area: f.area ?? undefined,
    capacityMin: n(f.capacityMin),
    capacityMax: n(f.capacityMax),
    sort: f.sort,
  };
}

export function InstitutionsPage() {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const can = useCan();
  const mayCreate = can('registry.create');
  const [filters, setFilters] = useState<Filters>(empty);
  // The search waits for a pause in typing, so each keystroke does not ask the server.
  const [q] = useDebouncedValue(filters.q, 300);
  const query = toQuery(filters, q);
  const list = useInstitutions(query);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const regions = useRegions();
  const provinces = useProvinces(filters.region ?? undefined);
  const delegations = useDelegations({ region: filters.region ?? undefined }, 100);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const enumOptions = (name: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`enums.${name}.${v}` as never) }));
  const width = { base: '100%', sm: 220 };

  return (
    <>
      <PageHeader
        title={t('institutions.list.title')}
        actions={
          <>
            <Button component={ui.a} href={exportUrl(query, lang)} variant={ui.outline} leftSection={<IconFileSpreadsheet size={16} aria-hidden />} data-testid={tid.export}>
              {t('institutions.list.export')}
            </Button>
            {mayCreate && (
              <ButtonLink to={path.create} leftSection={<IconPlus size={16} aria-hidden />} data-testid={tid.create}>
                {t('institutions.list.create')}
              </ButtonLink>
            )}
          </>
        }
      />
      <Stack gap={ui.sm} mb={ui.md}>
        <TextInput
          label={t('institutions.list.search')}
          placeholder={t('institutions.list.searchPlaceholder')}
          type={look.search}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.q}
          onChange={(e) => set({ q: e.currentTarget.value })}
          data-testid={tid.search}
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing={ui.sm}>
          <Select
            label={t('institutions.list.region')}
            placeholder={t('institutions.list.all')}
            data={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: nameIn(r, lang) }))}
            value={filters.region}
            onChange={(region) => set({ region, province: null, delegation: null })}
            clearable
            searchable
            data-testid={tid.filterRegion}
          />
          <Select
            label={t('institutions.list.province')}
            placeholder={t('institutions.list.all')}
            data={(provinces.data?.items ?? []).map((p) => ({ value: p.id, label: nameIn(p, lang) }))}
            value={filters.province}
            onChange={(province) => set({ province })}
            disabled={!filters.region}
            clearable
            searchable
            data-testid={tid.filterProvince}
          />
          <Select
            label={t('institutions.list.delegation')}
            placeholder={t('institutions.list.all')}
            data={(delegations.data?.pages.flatMap((p) => p.items) ?? []).map((d) => ({ value: d.id, label: nameIn(d, lang) }))}
            value={filters.delegation}
            onChange={(delegation) => set({ delegation })}
            clearable
            searchable
            data-testid={tid.filterDelegation}
          />
          {enumFilters.map((f) => (
            <Select
              key={f.key}
              label={t(`institutions.list.${f.key}`)}
              placeholder={t('institutions.list.all')}
              data={enumOptions(f.labels, f.values)}
              value={filters[f.key]}
              onChange={(value) => set({ [f.key]: value })}
              clearable
              searchable={f.values.length > 8}
              data-testid={f.testId}
            />
          ))}
          <Group gap={ui.xs} grow wrap={ui.nowrap} align={ui.flexEnd}>
            <NumberInput label={t('institutions.list.capacityMin')} min={0} allowDecimal={false} value={filters.capacityMin} onChange={(capacityMin) => set({ capacityMin })} data-testid={tid.filterCapacityMin} />
            <NumberInput label={t('institutions.list.capacityMax')} min={0} allowDecimal={false} value={filters.capacityMax} onChange={(capacityMax) => set({ capacityMax })} data-testid={tid.filterCapacityMax} />
          </Group>
        </SimpleGrid>
        <Group justify={ui.spaceBetween} align={ui.flexEnd} wrap={ui.wrap}>
          <Select
            label={t('institutions.list.sort')}
            data={institutionSorts.map((s) => ({ value: s, label: t(`institutions.list.sorts.${s}`) }))}
            value={filters.sort}
            onChange={(sort) => set({ sort: (sort as InstitutionSort | null) ?? empty.sort })}
            allowDeselect={false}
            w={width}
            data-testid={tid.sort}
          />
          <Button variant={ui.default} onClick={() => setFilters(empty)} data-testid={tid.reset}>
            {t('institutions.list.reset')}
          </Button>
        </Group>
      </Stack>
      <QueryStates query={list} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={860}
              testId={tid.table}
              caption={t('institutions.list.table')}
              headers={[t('institutions.list.name'), t('institutions.list.category'), t('institutions.list.place'), t('institutions.list.founder'), t('institutions.list.capacity'), t('institutions.list.status'), t('institutions.list.licence')]}
            >
              {items.map((i) => (
                <Table.Tr key={i.id} data-testid={tid.row(i.id)}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.page} params={{ institutionId: i.id }}>
                      {nameIn(i, lang)}
                    </AnchorLink>
                    <Text size={ui.xs} c={ui.dimmed}>
                      {nameIn({ nameAr: i.nameFr, nameFr: i.nameAr }, lang)}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Text size={ui.sm}>{i.legalCategory ? t(`enums.legalCategory.${i.legalCategory}`) : ''}</Text>
                    <Text size={ui.xs} c={ui.dimmed}>
                      {i.centreType ? t(`enums.centreType.${i.centreType}`) : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size={ui.sm}>{nameIn({ nameAr: i.communeNameAr, nameFr: i.communeNameFr }, lang)}</Text>
                    <Text size={ui.xs} c={ui.dimmed}>
                      {nameIn({ nameAr: i.provinceNameAr, nameFr: i.provinceNameFr }, lang)} · {t(`enums.area.${i.area}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{nameIn({ nameAr: i.associationNameAr, nameFr: i.associationNameFr }, lang)}</Table.Td>
                  <Table.Td>{formatNumber(i.capacityTotal, lang)}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[i.status]} variant={ui.filled}>
                      {t(`enums.institutionStatus.${i.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="raaya-ltr">{i.licenceNumber ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={list} shown={items.length} />
          </>
        )}
      </QueryStates>
    </>
  );
}
