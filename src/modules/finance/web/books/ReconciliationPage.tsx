/**
 * Bank reconciliation: import the bank's statement (platform import wizard), match automatically
 * what is unambiguous, then pair the rest by hand; the totals left unmatched explain the difference
 * between the bank's balance and the books'. A line with no entry behind it (bank charges, a
 * transfer received) opens the entry form filled from it, and is matched when the entry is saved.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, PageHeader, ProblemAlert, QueryStates, formatDate, todayInMorocco, ui, useParam, formatMad } from '../../../../platform/web/index.ts';
import { ImportWizard } from '../../../../platform/jobs/web/components/ImportWizard.tsx';
import { STATEMENT_IMPORT_TARGET, look, path, tid, pageOf } from './constants.ts';
import { useAccounts, useAutoMatch, useMatch, useReconciliation, useUnmatch } from './queries.ts';
import { statementPrefillSearch } from './statement-prefill.ts';

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export function ReconciliationPage() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const institutionId = useParam('institutionId');
  const today = todayInMorocco();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const canKeep = useAccounts(institutionId).data?.canKeep ?? false;
  const valid = isDay(from) && isDay(to);
  const query = useReconciliation(institutionId, valid ? from : today, valid ? to : today);
  const auto = useAutoMatch(institutionId);
  const match = useMatch(institutionId);
  const unmatch = useUnmatch(institutionId);
  const [choice, setChoice] = useState<Record<string, string | null>>({});
  return (
    <>
      <PageHeader title={t('books.reconciliation.title')} back={pageOf(path.institution, institutionId)} />
      <Stack gap={ui.md}>
        {canKeep && (
          <Card withBorder>
            <Title order={4} mb={ui.sm}>
              {t('books.reconciliation.import')}
            </Title>
            <ImportWizard target={STATEMENT_IMPORT_TARGET} />
          </Card>
        )}
        <Group align={ui.flexEnd} wrap={ui.wrap}>
          <TextInput type={look.date} label={t('books.reconciliation.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid={tid.recFrom} />
          <TextInput type={look.date} label={t('books.reconciliation.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid={tid.recTo} />
          {canKeep && (
            <Button loading={auto.isPending} onClick={() => auto.mutate({ from, to })} disabled={!valid} data-testid={tid.recAuto}>
              {t('books.reconciliation.auto')}
            </Button>
          )}
        </Group>
        {auto.data && <Alert color={ui.green}>{t('books.reconciliation.autoDone', { count: auto.data.matched })}</Alert>}
        <ProblemAlert error={auto.error ?? match.error ?? unmatch.error} />
        <QueryStates query={query} empty={() => false}>
          {() => {
            const rec = query.data!;
            const entryOptions = rec.unmatchedEntries.map((e) => ({ value: e.id, label: `${e.entryDate} · ${e.counterparty} · ${formatMad(e.signedMad, lang)}` }));
            return (
              <>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Summary label={t('books.reconciliation.bookBalance')} value={formatMad(rec.bookBalanceMad, lang)} />
                  <Summary label={t('books.reconciliation.unmatchedLines')} value={formatMad(rec.unmatchedLinesMad, lang)} />
                  <Summary label={t('books.reconciliation.unmatchedEntries')} value={formatMad(rec.unmatchedEntriesMad, lang)} />
                </SimpleGrid>
                <Title order={3}>{t('books.reconciliation.statement')}</Title>
                {rec.lines.length === 0 ? (
                  <Text>{t('books.reconciliation.noLines')}</Text>
                ) : (
                  <ListTable minWidth={820} testId={tid.recLines} caption={t('books.reconciliation.statement')} headers={[t('books.reconciliation.date'), t('books.reconciliation.label'), t('books.reconciliation.amount'), t('books.reconciliation.state')]}>
                    {rec.lines.map((l) => (
                      <Table.Tr key={l.id}>
                        <Table.Td>{formatDate(l.lineDate, lang)}</Table.Td>
                        <Table.Th scope={ui.row} fw={500}>
                          {l.label}
                        </Table.Th>
                        <Table.Td className={look.ltrClass}>{formatMad(l.amountMad, lang)}</Table.Td>
                        <Table.Td>
                          {l.entryId ? (
                            <Group gap={ui.xs}>
                              <Badge color={look.okStrong} variant={ui.filled}>
                                {t('books.reconciliation.matched')}
                              </Badge>
                              {canKeep && (
                                <Button size={ui.xs} variant={ui.subtle} onClick={() => unmatch.mutate(l.id)} data-testid={tid.recUnmatch(l.id)}>
                                  {t('books.reconciliation.unmatch')}
                                </Button>
                              )}
                            </Group>
                          ) : canKeep ? (
                            <Group gap={ui.xs} wrap={ui.nowrap}>
                              {entryOptions.length > 0 && (
                                <>
                                  <Select
                                    size={ui.xs}
                                    placeholder={t('books.reconciliation.choose')}
                                    aria-label={t('books.reconciliation.choose')}
                                    data={entryOptions}
                                    value={choice[l.id] ?? null}
                                    onChange={(v) => setChoice((c) => ({ ...c, [l.id]: v }))}
                                  />
                                  <Button size={ui.xs} disabled={!choice[l.id]} onClick={() => match.mutate({ lineId: l.id, entryId: choice[l.id]! })} data-testid={tid.recMatch(l.id)}>
                                    {t('books.reconciliation.match')}
                                  </Button>
                                </>
                              )}
                              <AnchorLink size={ui.xs} to={path.entry} params={{ institutionId }} search={statementPrefillSearch(l)} data-testid={tid.recRecord(l.id)}>
                                {t('books.reconciliation.record')}
                              </AnchorLink>
                            </Group>
                          ) : (
                            <Badge color={look.pendingStrong} variant={ui.filled}>
                              {t('books.reconciliation.unmatched')}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </ListTable>
                )}
                <Title order={3}>{t('books.reconciliation.entries')}</Title>
                {rec.unmatchedEntries.length === 0 ? (
                  <Text>{t('books.reconciliation.noEntries')}</Text>
                ) : (
                  <ListTable minWidth={640} testId={tid.recEntries} caption={t('books.reconciliation.entries')} headers={[t('books.reconciliation.date'), t('books.reconciliation.label'), t('books.reconciliation.amount')]}>
                    {rec.unmatchedEntries.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td>{formatDate(e.entryDate, lang)}</Table.Td>
                        <Table.Th scope={ui.row} fw={500}>
                          {e.counterparty} {e.reference ?? ''}
                        </Table.Th>
                        <Table.Td className={look.ltrClass}>{formatMad(e.signedMad, lang)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </ListTable>
                )}
              </>
            );
          }}
        </QueryStates>
      </Stack>
    </>
  );
}

function Summary({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder>
      <Text size={ui.sm} c={ui.dimmed}>
        {label}
      </Text>
      <Text size={ui.xl} fw={700} className={look.ltrClass}>
        {value}
      </Text>
    </Card>
  );
}
