/**
 * "Public directory" (/app/directory): the institutions of the user's scope and what the public
 * sees of them: published or not (switch with confirmation), visible or hidden by their status,
 * place availability, a link to the public page; name search in either script and filters.
 */
import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Anchor, Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconExternalLink, IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, QueryStates, formatDate, formatNumber, nameIn, ui, useCan } from '../../../platform/web/index.ts';
import { legalCategories } from '../../registry/contract/enums.ts';
import { statusColor } from '../../registry/web/institutions/status.ts';
import { availabilities, yesNo, type PublicationListItem } from '../contract.ts';
import { PublishSwitch } from './PublishSwitch.tsx';
import { exportUrl, usePublications, type ListFilters } from './queries.ts';
import { look, path, publicPageUrl, tabKey, tid } from './constants.ts';

interface Filters {
  q: string;
  published: string | null;
  availability: string | null;
  category: string | null;
}
const empty: Filters = { q: '', published: null, availability: null, category: null };
const unknown = 'unknown';

export function DirectoryPage() {
  const { t, i18n } = useTranslation(['directory', 'registry']);
  const lang = i18n.language;
  const mayPublish = useCan()('directory.publish');
  const [filters, setFilters] = useState<Filters>(empty);
  const [q] = useDebouncedValue(filters.q, 300);
  const query: ListFilters = {
    q: q.trim() || undefined,
    published: filters.published ?? undefined,
    availability: filters.availability ?? undefined,
    category: filters.category ?? undefined,
  };
  const list = usePublications(query);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <Stack gap={0} data-testid={tid.page}>
      <PageHeader
        title={t('list.title')}
        actions={
          <Button component={ui.a} href={exportUrl(query, lang)} variant={ui.outline} leftSection={<IconFileSpreadsheet size={16} aria-hidden />} data-testid={tid.export}>
            {t('list.export')}
          </Button>
        }
      >
        <Text size={ui.sm}>{mayPublish ? t('list.intro') : t('list.introDirector')}</Text>
      </PageHeader>
      <Stack gap={ui.sm} mb={ui.md}>
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          type={look.search}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.q}
          onChange={(e) => set({ q: e.currentTarget.value })}
          data-testid={tid.search}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing={ui.sm}>
          <Select
            label={t('list.filterPublished')}
            placeholder={t('list.all')}
            data={yesNo.map((v) => ({ value: v, label: t(`list.publishedFilter.${v}`) }))}
            value={filters.published}
            onChange={(published) => set({ published })}
            clearable
            data-testid={tid.filterPublished}
          />
          <Select
            label={t('list.filterAvailability')}
            placeholder={t('list.all')}
            data={[...availabilities, unknown].map((v) => ({ value: v, label: t(`availability.${v as 'full'}`) }))}
            value={filters.availability}
            onChange={(availability) => set({ availability })}
            clearable
            data-testid={tid.filterAvailability}
          />
          <Select
            label={t('list.filterCategory')}
            placeholder={t('list.all')}
            data={legalCategories.map((v) => ({ value: v, label: t(`registry:enums.legalCategory.${v}`) }))}
            value={filters.category}
            onChange={(category) => set({ category })}
            clearable
            data-testid={tid.filterCategory}
          />
        </SimpleGrid>
      </Stack>
      <QueryStates query={list} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={860}
              testId={tid.table}
              caption={t('list.table')}
              headers={[t('list.name'), t('list.place'), t('list.status'), t('list.publication'), t('list.availability')]}
            >
              {items.map((item) => (
                <Row key={item.institutionId} item={item} mayPublish={mayPublish} />
              ))}
            </ListTable>
            <LoadMore query={list} shown={items.length} />
          </>
        )}
      </QueryStates>
    </Stack>
  );
}

function Row({ item, mayPublish }: { item: PublicationListItem; mayPublish: boolean }) {
  const { t, i18n } = useTranslation(['directory', 'registry']);
  const lang = i18n.language;
  const name = nameIn(item, lang);
  return (
    <Table.Tr data-testid={tid.row(item.institutionId)}>
      <Table.Th scope={ui.row} fw={500}>
        <AnchorLink to={path.institution} params={{ institutionId: item.institutionId }} search={{ tab: tabKey }}>
          {name}
        </AnchorLink>
        <Text size={ui.xs} c={ui.dimmed}>
          {item.legalCategory ? t(`registry:enums.legalCategory.${item.legalCategory}`) : ''}
        </Text>
      </Table.Th>
      <Table.Td>
        <Text size={ui.sm}>{nameIn({ nameAr: item.communeNameAr, nameFr: item.communeNameFr }, lang)}</Text>
        <Text size={ui.xs} c={ui.dimmed}>
          {nameIn({ nameAr: item.provinceNameAr, nameFr: item.provinceNameFr }, lang)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={statusColor[item.status]} variant={ui.filled}>
          {t(`registry:enums.institutionStatus.${item.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align={ui.flexStart}>
          {mayPublish ? <PublishSwitch item={item} /> : <Text size={ui.sm}>{item.published ? t('list.published') : t('list.notPublished')}</Text>}
          {item.visible ? (
            <Anchor href={publicPageUrl(item.institutionId, lang)} target={look.blank} rel={look.noopener} size={ui.xs} data-testid={tid.publicLink(item.institutionId)}>
              <Group gap={4} component={ui.span}>
                {t('list.seePublicPage')}
                <IconExternalLink size={12} aria-hidden />
              </Group>
            </Anchor>
          ) : (
            item.published && <Text size={ui.xs}>{t('list.hiddenByStatus')}</Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <AvailabilityText item={item} />
      </Table.Td>
    </Table.Tr>
  );
}

export function AvailabilityText({ item }: { item: Pick<PublicationListItem, 'availability' | 'placesAvailable' | 'availabilityUpdatedAt'> }) {
  const { t, i18n } = useTranslation('directory');
  const lang = i18n.language;
  if (!item.availability) return <Text size={ui.sm}>{t('availability.unknown')}</Text>;
  return (
    <>
      <Text size={ui.sm}>
        {t(`availability.${item.availability}`)}
        {item.placesAvailable !== null && ` · ${t('availability.places', { n: formatNumber(item.placesAvailable, lang) })}`}
      </Text>
      {item.availabilityUpdatedAt && (
        <Text size={ui.xs} c={ui.dimmed}>
          {t('availability.updatedOn', { date: formatDate(item.availabilityUpdatedAt, lang) })}
        </Text>
      )}
    </>
  );
}
