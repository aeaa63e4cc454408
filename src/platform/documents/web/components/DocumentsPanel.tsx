/**
 * Documents attached to one record: the list with each document's current version, an upload
 * form (category, title, expiry, file), a new version of a document, its history and downloads.
 * Drop it into any detail page: <DocumentsPanel ownerType="delegation" ownerId={id} />.
 */
import { Fragment, useState } from 'react';
import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconHistory, IconPlus, IconUpload } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, formatDate, formatDateTime, formatNumber, fullNameIn, LoadMore, ProblemAlert, QueryStates, ui, useCan, withQuery } from '../../../web/index.ts';
import { ApiError } from '../../../web/api.ts';
import { DocumentDetail, DocumentPage, OwnerTypeInfo, type DocumentSummary, type DocumentVersion } from '../../contract.ts';
import { acceptedFiles, contentUrl, dateInput, documentsKey, look, panes, SOON_DAYS, tid } from '../constants.ts';
import { daysBetween, todayInMorocco } from '../dates.ts';

export interface DocumentsPanelProps {
  ownerType: string;
  ownerId: string;
}

export function DocumentsPanel({ ownerType, ownerId }: DocumentsPanelProps) {
  const { t } = useTranslation('documents');
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const info = useQuery({ queryKey: [...documentsKey, 'owner-type', ownerType], queryFn: () => api.get(`/api/documents/owner-types/${ownerType}`, OwnerTypeInfo), staleTime: Infinity });
  const query = useInfiniteQuery({
    queryKey: [...documentsKey, ownerType, ownerId],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/documents', { ownerType, ownerId, after: pageParam, limit: 20 }), DocumentPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const canWrite = can('documents.write');
  const headingId = `documents-${ownerType}-${ownerId}`;
  return (
    <Paper withBorder p={ui.lg} mb={ui.xl} component={ui.section} aria-labelledby={headingId} data-testid={tid.panel}>
      <Group justify={ui.spaceBetween} mb={ui.md}>
        <Title order={2} size={ui.h4} id={headingId}>
          {t('panel.title')}
        </Title>
        {canWrite && !adding && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} variant={ui.light} onClick={() => { setSaved(null); setAdding(true); }} data-testid={tid.add}>
            {t('panel.add')}
          </Button>
        )}
      </Group>
      {saved && (
        <Alert color={ui.green} variant={ui.light} role={ui.status} mb={ui.md} data-testid={tid.saved}>
          {saved}
        </Alert>
      )}
      {adding && info.data && (
        <UploadForm
          ownerType={ownerType}
          ownerId={ownerId}
          info={info.data}
          onDone={() => {
            setAdding(false);
            setSaved(t('panel.uploaded'));
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <QueryStates query={query} empty={() => false}>
        {() =>
          items.length === 0 ? (
            <Text c={ui.gray7}>{t('panel.empty')}</Text>
          ) : (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table data-testid={tid.table} verticalSpacing={ui.xs}>
                <caption className="raaya-visually-hidden">{t('panel.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope={ui.col}>{t('panel.docTitle')}</Table.Th>
                    <Table.Th scope={ui.col}>{t('panel.category')}</Table.Th>
                    <Table.Th scope={ui.col}>{t('panel.expiresOn')}</Table.Th>
                    <Table.Th scope={ui.col}>{t('panel.version')}</Table.Th>
                    <Table.Th scope={ui.col}>{t('panel.uploadedAt')}</Table.Th>
                    <Table.Th scope={ui.col}>{t('panel.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((d) => (
                    <DocumentRows key={d.id} document={d} canWrite={canWrite} onVersion={() => setSaved(t('panel.versionAdded'))} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMore query={query} shown={items.length} />
          </>
          )
        }
      </QueryStates>
    </Paper>
  );
}

function ExpiryCell({ expiresOn }: { expiresOn: string | null }) {
  const { t, i18n } = useTranslation('documents');
  if (!expiresOn) return <Text c={ui.gray7}>{t('panel.noExpiry')}</Text>;
  const left = daysBetween(todayInMorocco(), expiresOn);
  return (
    <Group gap={ui.xs} wrap={ui.nowrap}>
      <Text size={ui.sm}>{formatDate(expiresOn, i18n.language)}</Text>
      {left < 0 && (
        <Badge color={look.red9} variant={ui.filled} size={ui.sm}>
          {t('panel.expired')}
        </Badge>
      )}
      {left >= 0 && left <= SOON_DAYS && (
        <Badge color={look.orange9} variant={ui.filled} size={ui.sm}>
          {t('panel.expiresSoon')}
        </Badge>
      )}
    </Group>
  );
}

type Pane = (typeof panes)[keyof typeof panes];

/** The label of a category code; an owner's own code without a label shows as it is. */
function useCategoryLabel(): (code: string) => string {
  const { t } = useTranslation('documents');
  return (code) => String(t(`categories.${code}` as never, { defaultValue: code } as never));
}

function DocumentRows({ document: d, canWrite, onVersion }: { document: DocumentSummary; canWrite: boolean; onVersion: () => void }) {
  const { t, i18n } = useTranslation('documents');
  const categoryLabel = useCategoryLabel();
  const lang = i18n.language;
  const [open, setOpen] = useState<Pane | null>(null);
  const historyId = `document-history-${d.id}`;
  return (
    <Fragment>
      <Table.Tr data-testid={tid.row}>
        <Table.Td>
          <Text fw={600}>{d.title}</Text>
          <Text size={ui.xs} c={ui.gray7} dir={look.auto}>
            {d.current.originalName}
          </Text>
        </Table.Td>
        <Table.Td>{categoryLabel(d.category)}</Table.Td>
        <Table.Td>
          <ExpiryCell expiresOn={d.expiresOn} />
        </Table.Td>
        <Table.Td>{t('panel.versionN', { n: formatNumber(d.currentVersion, lang) })}</Table.Td>
        <Table.Td>{formatDateTime(d.current.uploadedAt, lang)}</Table.Td>
        <Table.Td>
          <Group gap={ui.xs} wrap={ui.nowrap}>
            <Anchor href={contentUrl(d.id, d.currentVersion)} download={d.current.originalName} aria-label={t('panel.downloadVersion', { title: d.title, n: formatNumber(d.currentVersion, lang) })} data-testid={tid.download}>
              <Group gap={4} component={ui.span} wrap={ui.nowrap}>
                <IconDownload size={16} aria-hidden />
                {t('panel.download')}
              </Group>
            </Anchor>
            <Button
              size={ui.xs}
              variant={ui.subtle}
              leftSection={<IconHistory size={14} aria-hidden />}
              aria-expanded={open === panes.history}
              aria-controls={historyId}
              onClick={() => setOpen(open === panes.history ? null : panes.history)}
              data-testid={tid.history}
            >
              {t('panel.history')}
            </Button>
            {canWrite && (
              <Button size={ui.xs} variant={ui.subtle} leftSection={<IconUpload size={14} aria-hidden />} onClick={() => setOpen(open === panes.version ? null : panes.version)} data-testid={tid.newVersion}>
                {t('panel.newVersion')}
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={6} id={historyId}>
            {open === panes.history ? (
              <VersionHistory document={d} />
            ) : (
              <VersionForm
                document={d}
                onDone={() => {
                  setOpen(panes.history);
                  onVersion();
                }}
              />
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function VersionHistory({ document: d }: { document: DocumentSummary }) {
  const { t, i18n } = useTranslation('documents');
  const lang = i18n.language;
  const detail = useQuery({ queryKey: [...documentsKey, 'detail', d.id, d.currentVersion], queryFn: () => api.get(`/api/documents/${d.id}`, DocumentDetail) });
  return (
    <QueryStates query={detail} empty={() => false}>
      {() => (
        <Table data-testid={tid.versions} verticalSpacing={4}>
          <caption className="raaya-visually-hidden">{t('panel.historyOf', { title: d.title })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope={ui.col}>{t('panel.version')}</Table.Th>
              <Table.Th scope={ui.col}>{t('panel.file_name')}</Table.Th>
              <Table.Th scope={ui.col}>{t('panel.size')}</Table.Th>
              <Table.Th scope={ui.col}>{t('panel.uploadedAt')}</Table.Th>
              <Table.Th scope={ui.col}>{t('panel.uploadedBy')}</Table.Th>
              <Table.Th scope={ui.col}>{t('panel.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(detail.data?.versions ?? []).map((v: DocumentVersion) => (
              <Table.Tr key={v.version}>
                <Table.Td>{t('panel.versionN', { n: formatNumber(v.version, lang) })}</Table.Td>
                <Table.Td dir={look.auto}>{v.originalName}</Table.Td>
                <Table.Td>{t('panel.sizeKb', { n: formatNumber(Math.max(1, Math.round(v.size / 1024)), lang) })}</Table.Td>
                <Table.Td>{formatDateTime(v.uploadedAt, lang)}</Table.Td>
                <Table.Td>{v.uploadedBy ? fullNameIn(v.uploadedBy, lang) : ''}</Table.Td>
                <Table.Td>
                  <Anchor href={contentUrl(d.id, v.version)} download={v.originalName} aria-label={t('panel.downloadVersion', { title: d.title, n: formatNumber(v.version, lang) })}>
                    {t('panel.download')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryStates>
  );
}

/** Field errors of a failed upload, by field name. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem?.errors) return {};
  return Object.fromEntries(error.problem.errors.map((e) => [e.path, e.message]));
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: documentsKey });
}

function UploadForm({ ownerType, ownerId, info, onDone, onCancel }: { ownerType: string; ownerId: string; info: OwnerTypeInfo; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('documents');
  const categoryLabel = useCategoryLabel();
  const invalidate = useInvalidate();
  const [category, setCategory] = useState<string | null>(info.categories[0] ?? null);
  const [title, setTitle] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('ownerType', ownerType);
      form.append('ownerId', ownerId);
      form.append('category', category ?? '');
      form.append('title', title);
      form.append('expiresOn', expiresOn);
      form.append('file', file!);
      return api.postForm('/api/documents', form, DocumentDetail);
    },
    onSuccess: () => {
      invalidate();
      onDone();
    },
  });
  const errors = { ...fieldErrors(mutation.error), ...missing };
  const submit = () => {
    const needed: Record<string, string> = {};
    if (!title.trim()) needed.title = t('panel.titleRequired');
    if (!file) needed.file = t('panel.fileRequired');
    setMissing(needed);
    if (Object.keys(needed).length === 0) mutation.mutate();
  };
  return (
    <Paper withBorder p={ui.md} mb={ui.md} bg={look.gray0}>
      <form noValidate data-testid={tid.form} onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap={ui.sm} maw={560}>
          <ProblemAlert error={mutation.error} />
          <Select
            label={t('panel.category')}
            required
            allowDeselect={false}
            data={info.categories.map((c) => ({ value: c, label: categoryLabel(c) }))}
            value={category}
            onChange={setCategory}
            error={errors.category}
            data-testid={tid.category}
          />
          <TextInput label={t('panel.docTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} maxLength={200} data-testid={tid.title} />
          <TextInput
            label={t('panel.expiresOn')}
            description={t('panel.expiresOnHint')}
            type={dateInput}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={errors.expiresOn}
            data-testid={tid.expiresOn}
          />
          <FileInput
            label={t('panel.file')}
            description={t('panel.fileHint', { max: info.maxUploadMb })}
            required
            clearable
            placeholder={t('panel.choose')}
            clearButtonProps={{ 'aria-label': t('panel.clear') }}
            accept={acceptedFiles}
            value={file}
            onChange={setFile}
            error={errors.file}
            data-testid={tid.file}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.submit}>
              {t('panel.upload')}
            </Button>
            <Button variant={ui.default} onClick={onCancel}>
              {t('panel.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function VersionForm({ document: d, onDone }: { document: DocumentSummary; onDone: () => void }) {
  const { t } = useTranslation('documents');
  const invalidate = useInvalidate();
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('expiresOn', expiresOn);
      form.append('file', file!);
      return api.postForm(`/api/documents/${d.id}/versions`, form, DocumentDetail);
    },
    onSuccess: () => {
      invalidate();
      onDone();
    },
  });
  const errors = fieldErrors(mutation.error);
  return (
    <form
      noValidate
      data-testid={tid.versionForm}
      aria-label={t('panel.newVersionOf', { title: d.title })}
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!file);
        if (file) mutation.mutate();
      }}
    >
      <Stack gap={ui.sm} maw={560}>
        <ProblemAlert error={mutation.error} />
        <FileInput label={t('panel.file')} required clearable placeholder={t('panel.choose')} clearButtonProps={{ 'aria-label': t('panel.clear') }} accept={acceptedFiles} value={file} onChange={setFile} error={missing ? t('panel.fileRequired') : errors.file} data-testid={tid.file} />
        {d.expiresOn && <TextInput label={t('panel.newExpiry')} type={dateInput} value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} error={errors.expiresOn} data-testid={tid.expiresOn} />}
        <Group>
          <Button type="submit" loading={mutation.isPending} data-testid={tid.submit}>
            {t('panel.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
