/**
 * Recording a receipt or a payment, in the words of someone who is not an accountant, on a phone
 * as well as on a computer: money in or out, how much, when, for what, from or to whom, how, and
 * where it goes. The account's balance on that day is shown as the amount is typed; a payment that
 * exceeds it is flagged and needs a second, explicit confirmation. Once saved, the scanned receipt
 * is attached to the entry. Opened from an unmatched bank statement line, the form starts from that
 * line and the entry is matched with it when saved.
 */
import { useMemo, useState } from 'react';
import { useSearch } from '@tanstack/react-router';
import { Alert, Button, Checkbox, Group, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, PageHeader, ProblemAlert, formatDate, todayInMorocco, ui, useParam, formatMad } from '../../../../platform/web/index.ts';
import { DocumentsPanel } from '../../../../platform/documents/web/index.ts';
import { madToCentimes } from '../../../../platform/contract/money.ts';
import { donorTypes, meansList, type Direction, type DonorType, type Entry, type Journal, type Means } from '../../server/books/contract.ts';
import { CASH, ENTRY_DOCUMENT_OWNER, entryDirections, look, path, tid, pageOf } from './constants.ts';

import { useAccounts, useBalance, useCreateEntry, useEntryLines } from './queries.ts';
import { readStatementPrefill } from './statement-prefill.ts';

const amountPattern = /^\d{1,12}([.,]\d{1,2})?$/;
const normalised = (v: string) => v.trim().replace(/\s/g, '').replace(',', '.');

export function EntryPage() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const institutionId = useParam('institutionId');
  const accounts = useAccounts(institutionId);
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const [fromStatement, setFromStatement] = useState(() => readStatementPrefill(search));
  const [direction, setDirection] = useState<Direction>(fromStatement?.direction ?? 'payment');
  const [amount, setAmount] = useState(fromStatement?.amount ?? '');
  const [entryDate, setEntryDate] = useState(fromStatement?.entryDate ?? todayInMorocco());
  const [lineCode, setLineCode] = useState<string | null>(null);
  const [counterparty, setCounterparty] = useState(fromStatement?.counterparty ?? '');
  const [means, setMeans] = useState<Means>(fromStatement ? 'transfer' : 'cash');
  const [journal, setJournal] = useState<Journal>(fromStatement ? 'bank' : 'cash');
  const [reference, setReference] = useState(fromStatement?.reference ?? '');
  const [description, setDescription] = useState('');
  const [donorType, setDonorType] = useState<DonorType | null>(null);
  const [acknowledge, setAcknowledge] = useState(false);
  const [saved, setSaved] = useState<Entry | null>(null);
  const year = Number(entryDate.slice(0, 4)) || new Date().getFullYear();
  const lines = useEntryLines(institutionId, year);
  const mutation = useCreateEntry(institutionId);
  const balance = useBalance(institutionId, journal, entryDate, direction === 'payment');
  const kind = direction === 'receipt' ? 'revenue' : 'expenditure';
  const lineOptions = useMemo(
    () => (lines.data?.items ?? []).filter((l) => l.kind === kind).map((l) => ({ value: l.code, label: lang === 'fr' ? l.nameFr : l.nameAr })),
    [lines.data, kind, lang],
  );
  const line = lines.data?.items.find((l) => l.code === lineCode);
  const amountOk = amountPattern.test(normalised(amount));
  const exceeds = direction === 'payment' && amountOk && balance.data !== undefined && madToCentimes(normalised(amount)) > madToCentimes(balance.data.balanceMad);
  const refusedForBalance = mutation.error instanceof ApiError && mutation.error.problem?.code === 'exceeds_balance';
  const journals: Journal[] = [...(accounts.data?.accounts.map((a) => a.kind) ?? []), ...(direction === 'receipt' ? (['in_kind'] as const) : [])];
  const meansFor = journal === 'in_kind' ? (['in_kind'] as const) : meansList.filter((m) => m !== 'in_kind' && (journal === 'cash' ? m === 'cash' : m !== 'cash'));

  const chooseJournal = (j: Journal) => {
    setJournal(j);
    setMeans(j === 'in_kind' ? 'in_kind' : j === 'cash' ? 'cash' : 'transfer');
    setAcknowledge(false);
  };
  const reset = () => {
    setSaved(null);
    setFromStatement(null);
    setAmount('');
    setCounterparty('');
    setReference('');
    setDescription('');
    setAcknowledge(false);
    mutation.reset();
  };

  if (saved) {
    return (
      <>
        <PageHeader title={t('books.entry.title')} back={pageOf(path.journals, institutionId)} />
        <Stack gap={ui.md}>
          <Alert color={ui.green} icon={<IconCheck aria-hidden />} data-testid={tid.saved}>
            {t('books.entry.saved')} {formatMad(saved.amountMad, lang)} · {lang === 'fr' ? saved.lineNameFr : saved.lineNameAr} · {saved.counterparty}
          </Alert>
          <Text fw={600}>{t('books.entry.attach')}</Text>
          <DocumentsPanel ownerType={ENTRY_DOCUMENT_OWNER} ownerId={saved.id} />
          <Group>
            <Button onClick={reset} data-testid={tid.another}>
              {t('books.entry.another')}
            </Button>
          </Group>
        </Stack>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('books.entry.title')} back={pageOf(path.journals, institutionId)} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(
            {
              journal,
              entryDate,
              direction,
              lineCode: lineCode ?? '',
              amountMad: normalised(amount),
              counterparty,
              means,
              reference,
              description,
              ...(line?.isGrant && { donorType }),
              acknowledgeBalance: acknowledge,
              ...(fromStatement && { statementLineId: fromStatement.lineId }),
            },
            { onSuccess: setSaved },
          );
        }}
      >
        <Stack gap={ui.md} maw={560}>
          {fromStatement && (
            <Alert color={ui.blue} data-testid={tid.fromStatement}>
              {t('books.entry.fromStatement', { date: formatDate(fromStatement.entryDate, lang), label: fromStatement.counterparty })}
            </Alert>
          )}
          <Text fw={600}>{t('books.entry.what')}</Text>
          <SegmentedControl
            fullWidth
            value={direction}
            onChange={(v) => {
              setDirection(v as Direction);
              setLineCode(null);
              if (v === 'payment' && journal === 'in_kind') chooseJournal(CASH);
            }}
            data={entryDirections.map((d) => ({ value: d, label: t(`books.entry.${d}`) }))}
            data-testid={tid.direction}
          />
          <TextInput
            label={t('books.entry.amount')}
            description={t('books.entry.amountHint')}
            required
            inputMode={look.decimal}
            dir={ui.ltr}
            size={ui.lg}
            value={amount}
            onChange={(e) => {
              setAmount(e.currentTarget.value);
              setAcknowledge(false);
            }}
            data-testid={tid.amount}
          />
          <TextInput type={look.date} label={t('books.entry.date')} required value={entryDate} onChange={(e) => setEntryDate(e.currentTarget.value)} data-testid={tid.date} />
          <Select label={t('books.entry.line')} placeholder={t('books.entry.lineHint')} required searchable data={lineOptions} value={lineCode} onChange={setLineCode} data-testid={tid.line} />
          {line?.isGrant && (
            <>
              <Text size={ui.sm} c={ui.dimmed}>
                {t('books.entry.grantNotice')}
              </Text>
              <Select
                label={t('books.entry.donorType')}
                required
                data={donorTypes.map((d) => ({ value: d, label: t(`books.donorTypes.${d}`) }))}
                value={donorType}
                onChange={(v) => setDonorType(v as DonorType | null)}
                data-testid={tid.donorType}
              />
            </>
          )}
          <TextInput
            label={t(direction === 'receipt' ? 'books.entry.counterpartyReceipt' : 'books.entry.counterpartyPayment')}
            required
            value={counterparty}
            onChange={(e) => setCounterparty(e.currentTarget.value)}
            data-testid={tid.counterparty}
          />
          <Select
            label={t('books.entry.journal')}
            required
            data={journals.map((j) => ({ value: j, label: t(`books.journals.${j}`) }))}
            value={journal}
            onChange={(v) => v && chooseJournal(v as Journal)}
            allowDeselect={false}
            data-testid={tid.journal}
          />
          <Select
            label={t('books.entry.means')}
            required
            data={meansFor.map((m) => ({ value: m, label: t(`books.means.${m}`) }))}
            value={means}
            onChange={(v) => v && setMeans(v as Means)}
            allowDeselect={false}
            data-testid={tid.means}
          />
          {direction === 'payment' && balance.data && (
            <Text size={ui.sm} data-testid={tid.balance}>
              {t('books.entry.balance', { amount: formatMad(balance.data.balanceMad, lang) })}
            </Text>
          )}
          {(exceeds || refusedForBalance) && (
            <Alert color={look.pendingColor} icon={<IconAlertTriangle aria-hidden />} data-testid={tid.exceeds}>
              <Stack gap={ui.xs}>
                <Text size={ui.sm}>{t('books.entry.exceeds', { amount: formatMad(balance.data?.balanceMad ?? '0', lang) })}</Text>
                <Checkbox label={t('books.entry.confirmExceeds')} checked={acknowledge} onChange={(e) => setAcknowledge(e.currentTarget.checked)} data-testid={tid.confirmExceeds} />
              </Stack>
            </Alert>
          )}
          <TextInput label={t('books.entry.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-testid={tid.reference} />
          <Textarea label={t('books.entry.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} data-testid={tid.description} />
          {!refusedForBalance && <ProblemAlert error={mutation.error} />}
          <Button type="submit" size={ui.lg} loading={mutation.isPending} disabled={exceeds && !acknowledge} data-testid={tid.save}>
            {t('books.entry.save')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
