/**
 * Conventions: filters (status, partner, period, late tranches), keyset paging, the same filters
 * exported to Excel; the author level (delegate, regional coordinator) drafts a new one.
 */
import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Badge, Button, Group, Select, Table, TextInput } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, QueryStates, formatDate, listIn, nameIn, ui, useCan, useCurrentUser, formatMad } from '../../../../platform/web/index.ts';
import { conventionStatuses, partnerKinds, type ConventionFilters } from '../../server/conventions/contract.ts';
import { exportHref, useConventions } from './queries.ts';
import { lateValues, look, path, tid, val } from './constants.ts';
import { CreateConvention } from './CreateConvention.tsx';
import { statusColor } from './status.ts';

export function ConventionsPage() {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const me = useCurrentUser();
  const can = useCan();
  const [filters, setFilters] = useState<ConventionFilters>({});
  const [partner, setPartner] = useState('');
  const [partnerWords] = useDebouncedValue(partner.trim(), 300);
  const [creating, setCreating] = useState(false);
  const listed = { ...filters, partner: partnerWords || undefined };
  const query = useConventions(listed);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<ConventionFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const authorLevel = (me.scope.level === 'delegation' && (me.role === 'provincial_delegate' || me.role === 'system_admin')) || (me.scope.level === 'region' && (me.role === 'regional_coordinator' || me.role === 'system_admin'));
  const mayCreate = can('subsidies.manage') && authorLevel;
  return (
    <>
      <PageHeader
        title={t('conventions.list.title')}
        actions={
          <Group gap={ui.sm}>
            <Button component={ui.a} href={exportHref(listed, lang)} download variant={ui.default} leftSection={<IconDownload size={16} aria-hidden />} data-testid={tid.export}>
              {t('conventions.list.export')}
            </Button>
            {mayCreate && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid={tid.create}>
                {t('conventions.list.create')}
              </Button>
            )}
          </Group>
        }
      />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <Select
          label={t('conventions.list.status')}
          placeholder={t('conventions.list.allStatuses')}
          data={conventionStatuses.map((s) => ({ value: s, label: t(`conventions.enums.status.${s}`) }))}
          value={filters.status ?? null}
          onChange={(v) => set({ status: (v ?? undefined) as ConventionFilters['status'] })}
          clearable
          w={{ base: '100%', sm: 180 }}
          data-testid={tid.filterStatus}
        />
        <Select
          label={t('conventions.list.partners')}
          placeholder={t('conventions.list.allPartners')}
          data={partnerKinds.map((k) => ({ value: k, label: t(`conventions.enums.partnerKind.${k}`) }))}
          value={filters.partnerKind ?? null}
          onChange={(v) => set({ partnerKind: (v ?? undefined) as ConventionFilters['partnerKind'] })}
          clearable
          w={{ base: '100%', sm: 220 }}
          data-testid={tid.filterPartner}
        />
        <TextInput
          type={look.search}
          label={t('conventions.list.partnerName')}
          value={partner}
          onChange={(e) => setPartner(e.currentTarget.value)}
          w={{ base: '100%', sm: 200 }}
          data-testid={tid.filterPartnerName}
        />
        <TextInput type={look.date} label={t('conventions.list.from')} value={filters.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value || undefined })} w={{ base: '100%', sm: 170 }} data-testid={tid.filterFrom} />
        <TextInput type={look.date} label={t('conventions.list.to')} value={filters.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value || undefined })} w={{ base: '100%', sm: 170 }} data-testid={tid.filterTo} />
        <Select
          label={t('conventions.list.delay')}
          placeholder={t('conventions.list.anyDelay')}
          data={lateValues.map((v) => ({ value: v, label: t(`conventions.enums.late.${v}`) }))}
          value={filters.late ?? null}
          onChange={(v) => set({ late: (v ?? undefined) as ConventionFilters['late'] })}
          clearable
          w={{ base: '100%', sm: 220 }}
          data-testid={tid.filterLate}
        />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={900}
              testId={tid.table}
              caption={t('conventions.list.table')}
              headers={[t('conventions.list.reference'), t('conventions.list.association'), t('conventions.list.period'), t('conventions.list.total'), t('conventions.list.partners'), t('conventions.list.status'), t('conventions.list.lateTranches')]}
            >
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.convention} params={{ conventionId: c.id }} className={look.ltr}>
                      {c.reference}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{nameIn({ nameAr: c.associationNameAr, nameFr: c.associationNameFr }, lang)}</Table.Td>
                  <Table.Td>{t('conventions.page.periodValue', { from: formatDate(c.startsOn, lang), to: formatDate(c.endsOn, lang) })}</Table.Td>
                  <Table.Td className={look.ltr}>{formatMad(c.totalMad, lang)}</Table.Td>
                  <Table.Td>{listIn(c.partnerKinds.map((k) => t(`conventions.enums.partnerKind.${k}`)), lang)}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[c.status]} variant={ui.filled}>
                      {t(`conventions.enums.status.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{c.lateTranches > 0 ? <Badge color={look.badText}>{c.lateTranches}</Badge> : c.lateTranches}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
      {creating && <CreateConvention ownerLevel={me.scope.level === val.region ? val.region : val.delegation} onClose={() => setCreating(false)} />}
    </>
  );
}
