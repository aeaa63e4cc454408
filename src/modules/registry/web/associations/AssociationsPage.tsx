/**
 * Associations (founders) in the user's scope: name search in Arabic or Latin letters, filters,
 * sort, keyset "load more", export of the filtered list to Excel, and creation.
 */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, QueryStates, formatDate, formatNumber, nameIn, ui, useCan, useCurrentUser } from '../../../../platform/web/index.ts';
import { associationSorts, associationStatuses, legalForms } from '../../contract/index.ts';
import { AssociationForm } from './AssociationForm.tsx';
import { exportHref, useAssociations, useProvinceOptions, useRegionOptions, useSaveAssociation, type AssociationFilterValues } from './queries.ts';
import { look, path, tid, val } from './constants.ts';

const sortLabel = {
  name: 'associations.sorts.name',
  '-name': 'associations.sorts.desc_name',
  nameAr: 'associations.sorts.nameAr',
  '-nameAr': 'associations.sorts.desc_nameAr',
} as const;

const today = () => new Date().toISOString().slice(0, 10);

export function AssociationsPage() {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const me = useCurrentUser();
  const can = useCan();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [region, setRegion] = useState<string | null>(null);
  const [province, setProvince] = useState<string | null>(null);
  const [legalForm, setLegalForm] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [publicUtility, setPublicUtility] = useState<string | null>(null);
  const [boardExpired, setBoardExpired] = useState<string | null>(null);
  const [sort, setSort] = useState<string>(lang === 'ar' ? 'nameAr' : 'name');
  const [creating, setCreating] = useState(false);

  const nation = me.scope.level === 'nation';
  const mayCreate = can('registry.create');
  const otherLang = lang === 'ar' ? 'fr' : 'ar';
  const regionId = nation ? region : me.scope.regionId;
  const regions = useRegionOptions(nation);
  const provinces = useProvinceOptions(regionId);
  const provinceOptions = (provinces.data?.items ?? [])
    .filter((p) => me.scope.level !== 'delegation' || p.delegationId === me.scope.delegationId)
    .map((p) => ({ value: p.id, label: nameIn(p, lang) }));

  const filters: AssociationFilterValues = {
    q: debouncedQ || undefined,
    region: nation ? (region ?? undefined) : undefined,
    province: province ?? undefined,
    legalForm: legalForm ?? undefined,
    status: status ?? undefined,
    publicUtility: publicUtility ?? undefined,
    boardExpired: boardExpired ?? undefined,
    sort,
  };
  const query = useAssociations(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const yesNo = [
    { value: val.yes, label: t('associations.yes') },
    { value: val.no, label: t('associations.no') },
  ];
  const half = { base: '100%', sm: 220 };

  return (
    <>
      <PageHeader
        title={t('associations.title')}
        actions={
          <Group gap={ui.sm}>
            <Button
              component={ui.a}
              href={exportHref(filters, lang)}
              download
              variant={ui.default}
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid={tid.export}
            >
              {t('associations.export')}
            </Button>
            {mayCreate && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid={tid.create}>
                {t('associations.create')}
              </Button>
            )}
          </Group>
        }
      />
      <TextInput
        label={t('associations.search')}
        description={t('associations.searchHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        mb={ui.md}
        data-testid={tid.search}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb={ui.md}>
        {nation && (
          <Select
            label={t('associations.region')}
            placeholder={t('associations.all')}
            data={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: nameIn(r, lang) }))}
            value={region}
            onChange={(v) => {
              setRegion(v);
              setProvince(null);
            }}
            searchable
            clearable
            data-testid={tid.filterRegion}
          />
        )}
        <Select
          label={t('associations.province')}
          placeholder={regionId ? t('associations.all') : t('associations.chooseRegion')}
          data={provinceOptions}
          value={province}
          onChange={setProvince}
          disabled={!regionId}
          searchable
          clearable
          data-testid={tid.filterProvince}
        />
        <Select
          label={t('associations.legalForm')}
          placeholder={t('associations.all')}
          data={legalForms.map((f) => ({ value: f, label: t(`enums.legalForm.${f}`) }))}
          value={legalForm}
          onChange={setLegalForm}
          clearable
          data-testid={tid.filterLegalForm}
        />
        <Select
          label={t('associations.status')}
          placeholder={t('associations.all')}
          data={associationStatuses.map((s) => ({ value: s, label: t(`enums.associationStatus.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          data-testid={tid.filterStatus}
        />
        <Select label={t('associations.publicUtility')} placeholder={t('associations.all')} data={yesNo} value={publicUtility} onChange={setPublicUtility} clearable data-testid={tid.filterPublicUtility} />
        <Select label={t('associations.boardExpired')} placeholder={t('associations.all')} data={yesNo} value={boardExpired} onChange={setBoardExpired} clearable data-testid={tid.filterBoardExpired} />
        <Select
          label={t('associations.sort')}
          data={associationSorts.map((s) => ({ value: s, label: t(sortLabel[s]) }))}
          value={sort}
          onChange={(v) => setSort(v ?? sort)}
          allowDeselect={false}
          w={half}
          data-testid={tid.sort}
        />
      </SimpleGrid>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={760}
              testId={tid.table}
              caption={t('associations.table')}
              headers={[t('associations.name'), t('associations.legalForm'), t('associations.commune'), t('associations.institutionCount'), t('associations.boardRenewalDate'), t('associations.status')]}
            >
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.page} params={{ associationId: a.id }}>
                      {nameIn(a, lang)}
                    </AnchorLink>
                    <Text size={ui.xs} c={ui.dimmed}>
                      {nameIn(a, otherLang)}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {t(`enums.legalForm.${a.legalForm}`)}
                    {a.publicUtility && (
                      <Badge ms={ui.xs} color={ui.blue9} variant={ui.filled} size={ui.sm}>
                        {t('associations.publicUtilityBadge')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{lang === 'fr' ? a.communeNameFr : a.communeNameAr}</Table.Td>
                  <Table.Td>{formatNumber(a.institutionCount, lang)}</Table.Td>
                  <Table.Td>
                    {formatDate(a.boardRenewalDate, lang)}
                    {a.boardRenewalDate && a.boardRenewalDate < today() && (
                      <Badge ms={ui.xs} color={look.warning} variant={ui.filled} size={ui.sm}>
                        {t('associations.boardExpiredBadge')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`enums.associationStatus.${a.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
      {creating && <CreateAssociation onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateAssociation({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('registry');
  const navigate = useNavigate();
  const mutation = useSaveAssociation();
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('associations.close') }} title={t('associations.create')} size={ui.xl}>
      <AssociationForm
        pending={mutation.isPending}
        error={mutation.error}
        onSubmit={(body) => mutation.mutate(body, { onSuccess: (saved) => void navigate({ to: path.page, params: { associationId: saved.id } }) })}
      />
    </Modal>
  );
}
