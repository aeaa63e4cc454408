/**
 * One justification: the tranche's figures (paid, justified, remainder, carried over), its lines,
 * and — while a draft — the association adds ledger payments of the covered institutions or an
 * uploaded statement, then submits; once submitted the delegation reviews it.
 */
import { useState } from 'react';
import { Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Fact, ErrorState, ListTable, LoadMore, LoadingState, PageHeader, ProblemAlert, QueryStates, formatDate, nameIn, ui, useParam, formatMad, serverFieldError } from '../../../../../platform/web/index.ts';
import { DocumentsPanel } from '../../../../../platform/documents/web/index.ts';
import { reviewDecisions, type Justification } from '../../../server/audits/contract.ts';
import { useAddLine, useCandidateEntries, useJustification, useRemoveLine, useReview, useStatements, useSubmitJustification } from '../queries.ts';
import { fld, look, ownerType, path, stateColor, tid, tone } from '../constants.ts';

export function JustificationPage() {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const id = useParam('justificationId');
  const query = useJustification(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const j = query.data;
  const tranche = j.tranche;
  return (
    <>
      <PageHeader title={t('audits.justification.title', { reference: j.conventionReference, year: j.year, position: j.position })} back={path.justifications}>
        <Group gap={ui.sm}>
          <Text>{lang === 'fr' ? j.associationNameFr : j.associationNameAr}</Text>
          <Badge autoContrast color={stateColor[j.state]} variant={ui.filled} data-testid={tid.justificationState}>
            {t(`audits.states.${j.state}`)}
          </Badge>
        </Group>
      </PageHeader>
      <Stack gap={ui.lg}>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} data-testid={tid.figures}>
          <Fact ltr label={t('audits.fields.amount')}>{formatMad(tranche.amountMad, lang)}</Fact>
          <Fact ltr label={t('audits.fields.paid')}>{formatMad(tranche.paidMad, lang)}</Fact>
          <Fact ltr label={t('audits.fields.justified')}>{formatMad(tranche.justifiedMad, lang)}</Fact>
          <Fact ltr label={t('audits.fields.remainder')}>{formatMad(tranche.remainderMad, lang)}</Fact>
          <Fact ltr label={t('audits.fields.carriedOver')}>{formatMad(tranche.carriedOverMad, lang)}</Fact>
          <Fact ltr label={t('audits.fields.presented')}>{formatMad(j.presentedMad, lang)}</Fact>
        </SimpleGrid>
        {j.reviewedOn && (
          <Paper withBorder p={ui.md} component={ui.section}>
            <Title order={2} size={ui.h5} mb={ui.xs}>
              {t('audits.justification.review')}
            </Title>
            <Text>{t('audits.justification.reviewed', { date: formatDate(j.reviewedOn, lang), amount: formatMad(j.acceptedMad ?? '0', lang) })}</Text>
            {j.reviewReason && <Text style={look.preWrap}>{j.reviewReason}</Text>}
          </Paper>
        )}
        <Lines justification={j} />
        {j.can.edit && <EntryPicker justification={j} />}
        {j.can.edit && <StatementLine justification={j} />}
        <DocumentsPanel ownerType={ownerType.justification} ownerId={j.id} />
        {j.can.edit && <SubmitBar justification={j} />}
        {j.can.review && <ReviewForm justification={j} />}
      </Stack>
    </>
  );
}


function Lines({ justification: j }: { justification: Justification }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const remove = useRemoveLine(j.id);
  return (
    <Paper withBorder p={ui.lg} component={ui.section}>
      <Title order={2} size={ui.h4} mb={ui.md}>
        {t('audits.justification.lines')}
      </Title>
      <ProblemAlert error={remove.error} />
      {j.lines.length === 0 ? (
        <Text c={ui.dimmed}>{t('audits.justification.noLines')}</Text>
      ) : (
        <ListTable
          minWidth={760}
          testId={tid.linesTable}
          caption={t('audits.justification.lines')}
          headers={[t('audits.fields.spentOn'), t('audits.fields.institution'), t('audits.fields.description'), t('audits.fields.evidence'), t('audits.fields.amount'), t('audits.fields.actions')]}
        >
          {j.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{formatDate(l.spentOn, lang)}</Table.Td>
              <Table.Td>{lang === 'fr' ? l.institutionNameFr : l.institutionNameAr}</Table.Td>
              <Table.Th scope={ui.row} fw={400}>
                {l.description}
              </Table.Th>
              <Table.Td>{l.financeEntryId ? t('audits.justification.fromLedger', { reference: l.entryReference ?? '' }) : t('audits.justification.fromStatement', { title: l.documentTitle ?? '' })}</Table.Td>
              <Table.Td className="raaya-ltr">{formatMad(l.amountMad, lang)}</Table.Td>
              <Table.Td>
                {j.can.edit && (
                  <Button size={ui.xs} variant={ui.outline} color={tone.danger} leftSection={<IconTrash size={14} aria-hidden />} onClick={() => remove.mutate(l.id)} data-testid={tid.removeLine(l.id)}>
                    {t('audits.justification.remove')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Paper>
  );
}

/** The covered institutions' payments not yet presented: one click adds the line (date, amount, wording from the ledger). */
function EntryPicker({ justification: j }: { justification: Justification }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const query = useCandidateEntries(j.id, true);
  const add = useAddLine(j.id);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder p={ui.lg} component={ui.section}>
      <Title order={2} size={ui.h4} mb={ui.xs}>
        {t('audits.justification.fromLedgerTitle')}
      </Title>
      <Text size={ui.sm} c={ui.dimmed} mb={ui.md}>
        {t('audits.justification.fromLedgerHelp')}
      </Text>
      <ProblemAlert error={add.error} />
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={760}
              testId={tid.candidatesTable}
              caption={t('audits.justification.fromLedgerTitle')}
              headers={[t('audits.fields.spentOn'), t('audits.fields.institution'), t('audits.fields.counterparty'), t('audits.fields.amount'), t('audits.fields.actions')]}
            >
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDate(e.entryDate, lang)}</Table.Td>
                  <Table.Td>{lang === 'fr' ? e.institutionNameFr : e.institutionNameAr}</Table.Td>
                  <Table.Th scope={ui.row} fw={400}>
                    {e.counterparty}
                    {e.description && (
                      <Text size={ui.xs} c={ui.dimmed}>
                        {e.description}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td className="raaya-ltr">{formatMad(e.amountMad, lang)}</Table.Td>
                  <Table.Td>
                    <Button size={ui.xs} variant={ui.light} loading={add.isPending} onClick={() => add.mutate({ institutionId: e.institutionId, financeEntryId: e.id })} data-testid={tid.entryPick(e.id)}>
                      {t('audits.justification.present')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </Paper>
  );
}

/** A line on an uploaded statement (upload it in the documents panel below first). */
function StatementLine({ justification: j }: { justification: Justification }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const statements = useStatements(j.id);
  const add = useAddLine(j.id);
  const [institutionId, setInstitutionId] = useState<string | null>(j.institutions[0]?.id ?? null);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [spentOn, setSpentOn] = useState('');
  const [description, setDescription] = useState('');
  const [amountMad, setAmountMad] = useState('');
  const fieldError = (name: string) => serverFieldError(add.error, name);
  return (
    <Paper withBorder p={ui.lg} component={ui.section}>
      <Title order={2} size={ui.h4} mb={ui.xs}>
        {t('audits.justification.fromStatementTitle')}
      </Title>
      <Text size={ui.sm} c={ui.dimmed} mb={ui.md}>
        {t('audits.justification.fromStatementHelp')}
      </Text>
      <form
        noValidate
        data-testid={tid.statementForm}
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { institutionId: institutionId ?? '', documentId: documentId ?? undefined, spentOn: spentOn || undefined, description, amountMad: amountMad || undefined },
            { onSuccess: () => { setDescription(''); setAmountMad(''); } },
          );
        }}
      >
        <Stack gap={ui.sm}>
          <ProblemAlert error={add.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('audits.fields.institution')} required data={j.institutions.map((i) => ({ value: i.id, label: nameIn(i, lang) }))} value={institutionId} onChange={setInstitutionId} data-testid={tid.statementInstitution} />
            <Select
              label={t('audits.fields.statement')}
              required
              data={(statements.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }))}
              value={documentId}
              onChange={setDocumentId}
              error={fieldError(fld.financeEntryId)}
              nothingFoundMessage={t('audits.justification.noStatement')}
              data-testid={tid.statementDocument}
            />
            <TextInput type={look.date} label={t('audits.fields.spentOn')} required value={spentOn} onChange={(e) => setSpentOn(e.currentTarget.value)} error={fieldError(fld.spentOn)} data-testid={tid.statementDate} />
            <TextInput label={t('audits.fields.amount')} required inputMode={look.decimal} value={amountMad} onChange={(e) => setAmountMad(e.currentTarget.value)} error={fieldError(fld.amountMad)} data-testid={tid.statementAmount} />
          </SimpleGrid>
          <TextInput label={t('audits.fields.description')} required value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldError(fld.description)} data-testid={tid.statementDescription} />
          <Group justify={ui.end}>
            <Button type="submit" loading={add.isPending} data-testid={tid.statementAdd}>
              {t('audits.justification.addLine')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function SubmitBar({ justification: j }: { justification: Justification }) {
  const { t } = useTranslation('subsidies');
  const submit = useSubmitJustification(j.id);
  return (
    <Paper withBorder p={ui.lg}>
      <ProblemAlert error={submit.error} />
      <Group justify={ui.spaceBetween}>
        <Text>{t('audits.justification.submitHelp')}</Text>
        <Button onClick={() => submit.mutate(undefined)} loading={submit.isPending} data-testid={tid.submit}>
          {t('audits.justification.submit')}
        </Button>
      </Group>
    </Paper>
  );
}

function ReviewForm({ justification: j }: { justification: Justification }) {
  const { t } = useTranslation('subsidies');
  const review = useReview(j.id);
  const [decision, setDecision] = useState<string>('justified');
  const [acceptedMad, setAcceptedMad] = useState('');
  const [reason, setReason] = useState('');
  const fieldError = (name: string) => serverFieldError(review.error, name);
  return (
    <Paper withBorder p={ui.lg} component={ui.section}>
      <Title order={2} size={ui.h4} mb={ui.md}>
        {t('audits.justification.review')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          review.mutate({
            decision: decision as (typeof reviewDecisions)[number],
            acceptedMad: decision === 'partly_justified' ? acceptedMad : undefined,
            reason: reason || undefined,
          });
        }}
      >
        <Stack gap={ui.sm}>
          <ProblemAlert error={review.error} />
          <SegmentedControl
            value={decision}
            onChange={setDecision}
            data={reviewDecisions.map((d) => ({ value: d, label: t(`audits.states.${d}`) }))}
            data-testid={tid.reviewDecision}
          />
          {decision === 'partly_justified' && (
            <TextInput label={t('audits.fields.accepted')} required inputMode={look.decimal} value={acceptedMad} onChange={(e) => setAcceptedMad(e.currentTarget.value)} error={fieldError(fld.acceptedMad)} data-testid={tid.reviewAmount} />
          )}
          <Textarea label={t('audits.fields.reason')} required={decision !== 'justified'} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(fld.reason)} data-testid={tid.reviewReason} />
          <Group justify={ui.end}>
            <Button type="submit" loading={review.isPending} data-testid={tid.reviewSave}>
              {t('audits.justification.saveReview')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
