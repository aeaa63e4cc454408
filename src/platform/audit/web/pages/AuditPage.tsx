/** The audit log: filters by user, table, record and dates; each entry expands to its before/after values. */
import { Fragment, useState } from 'react';
import { ActionIcon, Badge, Button, Code, Group, Paper, Select, SimpleGrid, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { UserPage } from '../../../../modules/access/contract.ts';
import { api, DirIcon, fieldMessage, formatDateTime, formErrorMap, fullNameIn, LoadMore, PageHeader, QueryStates, ui, useCan, withQuery } from '../../../web/index.ts';
import { AuditPage as AuditPageSchema, AuditQuery, type AuditEntry } from '../../contract.ts';
import { tid } from '../constants.ts';

const Filters = AuditQuery.pick({ user: true, table: true, record: true, from: true, to: true });
type Filters = { user?: string; table?: string; record?: string; from?: string; to?: string };
const empty: Filters = { user: '', table: '', record: '', from: '', to: '' };
const clean = (f: Filters): Filters => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== '' && v !== undefined && v !== null));

export function AuditPage() {
  const { t, i18n } = useTranslation('audit');
  const lang = i18n.language;
  const [filters, setFilters] = useState<Filters>({});
  const form = useForm<Filters>({
    resolver: zodResolver(Filters.extend({}), { error: formErrorMap }) as never,
    defaultValues: empty,
  });
  const query = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/audit', { ...filters, after: pageParam, limit: 50 }), AuditPageSchema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const errors = form.formState.errors;
  const fields = { table: form.register('table'), record: form.register('record'), from: form.register('from'), to: form.register('to') };
  return (
    <>
      <PageHeader title={t('log.title')}>
        <Text>{t('log.intro')}</Text>
      </PageHeader>
      <Paper withBorder p={ui.md} mb={ui.lg} component={ui.section} aria-label={t('log.filters')}>
        <form
          noValidate
          data-testid="audit-filters"
          onSubmit={form.handleSubmit((values) => setFilters(clean({ ...values, ...blankToUndefined(form.getValues()) })))}
          onReset={() => {
            form.reset(empty);
            setFilters({});
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
            <Controller control={form.control} name={ui.user} render={({ field }) => <UserPicker value={field.value ?? ''} onChange={field.onChange} error={fieldMessage(errors.user?.message)} />} />
            <TextInput label={t('log.table')} description={t('log.tablePlaceholder')} dir={ui.ltr} error={fieldMessage(errors.table?.message)} data-testid={tid.auditTable} {...fields.table} />
            <TextInput label={t('log.record')} dir={ui.ltr} error={fieldMessage(errors.record?.message)} data-testid={tid.auditRecord} {...fields.record} />
            <TextInput label={t('log.from')} type="date" error={fieldMessage(errors.from?.message)} data-testid={tid.auditFrom} {...fields.from} />
            <TextInput label={t('log.to')} type="date" error={fieldMessage(errors.to?.message)} data-testid={tid.auditTo} {...fields.to} />
          </SimpleGrid>
          <Group mt={ui.md} gap={ui.sm}>
            <Button type="submit" data-testid={tid.auditApply}>
              {t('log.apply')}
            </Button>
            <Button type="reset" variant={ui.default} data-testid={tid.auditReset}>
              {t('log.reset')}
            </Button>
          </Group>
        </form>
      </Paper>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table data-testid={tid.auditTableLog} verticalSpacing={ui.xs}>
              <caption className="raaya-visually-hidden">{t('log.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope={ui.col}>
                    <span className="raaya-visually-hidden">{t('log.details')}</span>
                  </Table.Th>
                  <Table.Th scope={ui.col}>{t('log.seq')}</Table.Th>
                  <Table.Th scope={ui.col}>{t('log.at')}</Table.Th>
                  <Table.Th scope={ui.col}>{t('log.actor')}</Table.Th>
                  <Table.Th scope={ui.col}>{t('log.table')}</Table.Th>
                  <Table.Th scope={ui.col}>{t('log.record')}</Table.Th>
                  <Table.Th scope={ui.col}>{t('log.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <EntryRows key={e.seq} entry={e} lang={lang} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore query={query} shown={items.length} />
        </>
      )}</QueryStates>
    </>
  );
}

const blankToUndefined = (f: Filters): Filters => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));

const ACTION_COLOR: Record<AuditEntry['action'], string> = { insert: 'green.9', update: 'blue.9', delete: 'red.9', event: 'gray.8' };

function EntryRows({ entry, lang }: { entry: AuditEntry; lang: string }) {
  const { t } = useTranslation('audit');
  const [open, setOpen] = useState(false);
  const detailsId = `audit-entry-${entry.seq}`;
  const label = open ? t('log.hide') : t('log.show');
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td w={48}>
          <Tooltip label={label}>
            <ActionIcon variant={ui.subtle} color={ui.gray8} aria-expanded={open} aria-controls={detailsId} aria-label={label} onClick={() => setOpen((o) => !o)} data-testid={tid.auditExpand}>
              {open ? <IconChevronDown size={16} aria-hidden /> : <DirIcon icon={IconChevronRight} />}
            </ActionIcon>
          </Tooltip>
        </Table.Td>
        <Table.Th scope={ui.row} fw={500} className="raaya-ltr">
          {entry.seq}
        </Table.Th>
        <Table.Td>{formatDateTime(entry.at, lang)}</Table.Td>
        <Table.Td>{entry.actorUsername ? <bdi>{entry.actorUsername}</bdi> : t('log.system')}</Table.Td>
        <Table.Td>
          <bdi>{entry.tableName}</bdi>
        </Table.Td>
        <Table.Td>
          <Code>{entry.recordId ?? ''}</Code>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Group gap={4}>
            <Badge variant={ui.dot} color={ACTION_COLOR[entry.action]} c={ui.dark} tt={ui.none}>
              {t(`actions.${entry.action}`)}
            </Badge>
            {entry.event && <bdi>{entry.event}</bdi>}
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={7}>
            <Diff entry={entry} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

const show = (v: unknown): string => (v === undefined ? '' : JSON.stringify(v, null, 2));

function Diff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  const keys = Array.from(new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])).sort();
  if (keys.length === 0) return <Text size={ui.sm}>{t('log.noChanges')}</Text>;
  return (
    <Table withTableBorder withColumnBorders data-testid={tid.auditDiff}>
      <caption className="raaya-visually-hidden">{t('log.diffCaption', { seq: entry.seq })}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope={ui.col}>{t('log.field')}</Table.Th>
          <Table.Th scope={ui.col}>{t('log.before')}</Table.Th>
          <Table.Th scope={ui.col}>{t('log.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => {
          const before = entry.before?.[k];
          const after = entry.after?.[k];
          const changed = show(before) !== show(after);
          return (
            <Table.Tr key={k}>
              <Table.Th scope={ui.row}>
                <bdi>{k}</bdi>
              </Table.Th>
              <Table.Td className={changed && entry.before ? 'raaya-diff-removed' : undefined}>
                <pre className="raaya-json">{show(before)}</pre>
              </Table.Td>
              <Table.Td className={changed && entry.after ? 'raaya-diff-added' : undefined}>
                <pre className="raaya-json">{show(after)}</pre>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function UserPicker({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t, i18n } = useTranslation('audit');
  const can = useCan();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const users = useQuery({
    queryKey: ['users', 'picker', debounced],
    queryFn: () => api.get(withQuery('/api/users', { q: debounced || undefined, limit: 30 }), UserPage),
    enabled: can('users.read'),
  });
  if (!can('users.read')) {
    return <TextInput label={t('log.userId')} dir={ui.ltr} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} data-testid={tid.auditUser} />;
  }
  return (
    <Select
      label={t('log.user')}
      placeholder={t('log.userPlaceholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${fullNameIn(u, i18n.language)} (${u.username})` }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
      data-testid={tid.auditUser}
    />
  );
}
