/**
 * The journals of an institution (bank, cash, in-kind donations) over a period: every entry with
 * the balance after it, an Excel export, and the reversal of an entry (a new entry of the opposite
 * amount: entries are never edited). The scanned receipts of an entry open beside it.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { IconDownload, IconPaperclip, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, formatDate, todayInMorocco, ui, useParam, formatMad } from '../../../../platform/web/index.ts';
import { DocumentsPanel } from '../../../../platform/documents/web/index.ts';
import type { Journal, JournalRow } from '../../server/books/contract.ts';
import { ENTRY_DOCUMENT_OWNER, journalKinds, look, path, tid, pageOf } from './constants.ts';
import { journalExportHref, useAccounts, useJournal, useReverse } from './queries.ts';

export function JournalPage() {
  const { t } = useTranslation('finance');
  const institutionId = useParam('institutionId');
  const today = todayInMorocco();
  const [journal, setJournal] = useState<Journal>('bank');
  // This month by default: the page a keeper opens after recording, short enough for a phone.
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const accounts = useAccounts(institutionId);
  const canKeep = accounts.data?.canKeep ?? false;
  return (
    <>
      <PageHeader
        title={t('books.journal.title')}
        back={pageOf(path.institution, institutionId)}
        actions={
          canKeep && (
            <ButtonLink to={path.entry} params={{ institutionId }} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('books.links.newEntry')}
            </ButtonLink>
          )
        }
      />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <TextInput type={look.date} label={t('books.journal.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid={tid.journalFrom} />
        <TextInput type={look.date} label={t('books.journal.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid={tid.journalTo} />
        <Anchor href={journalExportHref(institutionId, journal, from, to)} download data-testid={tid.journalExport}>
          <Group gap={4} component={ui.span}>
            <IconDownload size={16} aria-hidden />
            {t('books.journal.export')}
          </Group>
        </Anchor>
      </Group>
      <Tabs value={journal} onChange={(v) => v && setJournal(v as Journal)} data-testid={tid.journalTabs}>
        <Tabs.List>
          {journalKinds.map((j) => (
            <Tabs.Tab key={j} value={j}>
              {t(`books.journals.${j}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {/^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && <JournalTable institutionId={institutionId} journal={journal} from={from} to={to} canKeep={canKeep} />}
    </>
  );
}

function JournalTable({ institutionId, journal, from, to, canKeep }: { institutionId: string; journal: Journal; from: string; to: string; canKeep: boolean }) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const query = useJournal(institutionId, journal, from, to);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [reversing, setReversing] = useState<JournalRow | null>(null);
  const [attachments, setAttachments] = useState<JournalRow | null>(null);
  return (
    <Stack gap={ui.sm} mt={ui.md}>
      {query.data && (
        <Text data-testid={tid.journalOpening}>
          {t('books.journal.opening')} : <span className={look.ltrClass}>{formatMad(query.data.pages[0]!.openingMad, lang)}</span>
        </Text>
      )}
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={860}
              testId={tid.journalTable}
              caption={t('books.journal.table')}
              headers={[t('books.journal.date'), t('books.journal.counterparty'), t('books.journal.line'), t('books.journal.reference'), t('books.journal.receipt'), t('books.journal.payment'), t('books.journal.balance'), '']}
            >
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDate(e.entryDate, lang)}</Table.Td>
                  <Table.Th scope={ui.row} fw={500}>
                    {e.counterparty}
                    {e.reversesId && (
                      <Badge ms={ui.xs} color={ui.gray} variant={ui.light}>
                        {t('books.journal.reversal')}
                      </Badge>
                    )}
                    {e.reversedById && (
                      <Badge ms={ui.xs} color={look.pendingColor} variant={ui.light}>
                        {t('books.journal.reversed')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{lang === 'fr' ? e.lineNameFr : e.lineNameAr}</Table.Td>
                  <Table.Td>{e.reference ?? ''}</Table.Td>
                  <Table.Td className={look.ltrClass}>{e.direction === 'receipt' ? formatMad(e.amountMad, lang) : ''}</Table.Td>
                  <Table.Td className={look.ltrClass}>{e.direction === 'payment' ? formatMad(e.amountMad, lang) : ''}</Table.Td>
                  <Table.Td className={look.ltrClass} fw={600}>
                    {formatMad(e.balanceMad, lang)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={ui.xs} wrap={ui.nowrap}>
                      <Button size={ui.xs} variant={ui.subtle} onClick={() => setAttachments(e)} aria-label={t('books.journal.documents')}>
                        <IconPaperclip size={16} aria-hidden />
                      </Button>
                      {canKeep && !e.reversesId && !e.reversedById && (
                        <Button size={ui.xs} variant={ui.light} color={ui.red} onClick={() => setReversing(e)} data-testid={tid.reverse(e.id)}>
                          {t('books.journal.reverse')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
      {reversing && <ReverseEntry institutionId={institutionId} entry={reversing} onClose={() => setReversing(null)} />}
      {attachments && (
        <Modal opened onClose={() => setAttachments(null)} title={t('books.journal.documents')} size={ui.lg} centered>
          <DocumentsPanel ownerType={ENTRY_DOCUMENT_OWNER} ownerId={attachments.id} />
        </Modal>
      )}
    </Stack>
  );
}

function ReverseEntry({ institutionId, entry, onClose }: { institutionId: string; entry: JournalRow; onClose: () => void }) {
  const { t } = useTranslation('finance');
  const mutation = useReverse(institutionId);
  const [why, setWhy] = useState('');
  const [date, setDate] = useState(todayInMorocco() < entry.entryDate ? entry.entryDate : todayInMorocco());
  return (
    <Modal opened onClose={onClose} title={t('books.journal.reverseTitle')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ entryId: entry.id, body: { entryDate: date, description: why } }, { onSuccess: onClose });
        }}
      >
        <Stack gap={ui.md}>
          <Text size={ui.sm}>{t('books.journal.reverseHint')}</Text>
          <ProblemAlert error={mutation.error} />
          <TextInput type={look.date} label={t('books.journal.reverseDate')} required value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid={tid.reverseDate} />
          <Textarea label={t('books.journal.reverseWhy')} required value={why} onChange={(e) => setWhy(e.currentTarget.value)} data-testid={tid.reverseWhy} />
          <Group justify={ui.end}>
            <Button type="submit" color={ui.red} loading={mutation.isPending} data-testid={tid.reverseSave}>
              {t('books.journal.reverseSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
