/**
 * One annual budget: revenue by source and expenditure by section, each editable while open or
 * returned to its author; the live totals and balance (a budget is sent only when it balances);
 * "start from last year's actuals"; revisions of an approved budget; the approval panel.
 */
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Fact, AnchorLink, ErrorState, LoadingState, PageHeader, ProblemAlert, ui, useParam, formatMad } from '../../../../../platform/web/index.ts';
import { SubmissionPanel, stateColor } from '../../../../../platform/approvals/web/index.ts';
import { Mad, centimesToMad, madToCentimes } from '../../../../../platform/contract/money.ts';
import { budgetSectionKeys, type Budget, type ChartLine, type LineKind } from '../../../server/budget/contract.ts';
import { budgetKey, useBudget, useFromActuals, useRevise, useSaveAmounts } from '../queries.ts';
import { kindOf, look, path, tid } from '../constants.ts';

type Drafts = Record<string, string>;

const draftsOf = (budget: Budget): Drafts => Object.fromEntries(budget.amounts.map((a) => [a.lineCode, a.amountMad]));
const valid = (v: string) => Mad.safeParse(v).success;
/** Sum of well-formed amounts, in exact centimes. */
const sumOf = (lines: ChartLine[], drafts: Drafts) =>
  lines.reduce((sum, l) => {
    const v = (drafts[l.code] ?? '').trim();
    return v && valid(v) ? sum + madToCentimes(v) : sum;
  }, 0n);

export function BudgetPage() {
  const id = useParam('budgetId');
  const query = useBudget(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  // Another budget or an approval step starts a fresh editor (its drafts are the stored amounts);
  // saving and "from actuals" put the amounts they answer into the drafts themselves.
  const version = `${query.data.id}:${query.data.submission.state}:${query.data.submission.levelIndex}`;
  return <BudgetView key={version} budget={query.data} />;
}

function BudgetView({ budget }: { budget: Budget }) {
  const { t, i18n } = useTranslation('finance');
  const { t: tA } = useTranslation('approvals');
  const lang = i18n.language;
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(budget));
  const name = lang === 'fr' ? budget.institutionNameFr : budget.institutionNameAr;
  const editable = (kind: LineKind) => budget.submission.can.edit.includes(kind);
  const postable = budget.lines.filter((l) => l.postable);
  const revenue = sumOf(postable.filter((l) => l.kind === 'revenue'), drafts);
  const expenditure = sumOf(postable.filter((l) => l.kind === 'expenditure'), drafts);
  const balance = revenue - expenditure;
  return (
    <>
      <PageHeader title={t('budget.editor.title', { year: budget.year, institution: name })} back={path.budgets}>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Fact ltr label={t('budget.list.state')}>
            <Badge color={stateColor[budget.state]} variant={ui.filled}>
              {tA(`states.${budget.state}`)}
            </Badge>
          </Fact>
          <Fact ltr label={t('budget.list.version')}>{budget.version}</Fact>
          <Fact ltr label={t('budget.editor.revenue')} testId={tid.total(kindOf.revenue)}>{formatMad(centimesToMad(revenue), lang)}</Fact>
          <Fact ltr label={t('budget.editor.expenditure')} testId={tid.total(kindOf.expenditure)}>{formatMad(centimesToMad(expenditure), lang)}</Fact>
          <Fact ltr label={t('budget.editor.balance')} testId={tid.balance}>{formatMad(centimesToMad(balance), lang)}</Fact>
        </SimpleGrid>
      </PageHeader>
      <Stack gap={ui.lg}>
        {budget.state === 'approved' ? (
          <Alert color={ui.green} variant={ui.light}>
            {t('budget.editor.locked')}
          </Alert>
        ) : (
          <Alert color={balance === 0n && revenue > 0n ? ui.green : ui.orange} variant={ui.light} role={ui.status}>
            {balance === 0n && revenue > 0n ? t('budget.editor.balanced') : t('budget.editor.unbalanced', { amount: formatMad(centimesToMad(balance < 0n ? -balance : balance), lang) })}
          </Alert>
        )}
        <Tools budget={budget} setDrafts={setDrafts} />
        <AmountsForm budget={budget} drafts={drafts} setDrafts={setDrafts} editable={editable} />
        <SubmissionPanel submission={budget.submission} sectionLabel={(key) => t(`budget.kinds.${key as LineKind}`)} subjectKey={budgetKey(budget.id)} />
      </Stack>
    </>
  );
}


/** Versions, "start from last year's actuals" and the revision of an approved budget. */
function Tools({ budget, setDrafts }: { budget: Budget; setDrafts: (d: Drafts) => void }) {
  const { t } = useTranslation('finance');
  const { t: tA } = useTranslation('approvals');
  const actuals = useFromActuals(budget.id);
  const [done, setDone] = useState(false);
  const [revising, setRevising] = useState(false);
  const canFill = budget.submission.can.edit.includes('revenue') && budget.submission.can.edit.includes('expenditure');
  return (
    <Paper withBorder p={ui.md}>
      <Stack gap={ui.sm}>
        <ProblemAlert error={actuals.error} />
        {done && (
          <Alert color={ui.green} variant={ui.light} role={ui.status}>
            {t('budget.editor.fromActualsDone', { year: budget.year - 1 })}
          </Alert>
        )}
        <Group wrap={ui.wrap}>
          <Text fw={500}>{t('budget.editor.versions')}</Text>
          {budget.versions.map((v) =>
            v.id === budget.id ? (
              <Badge key={v.id} variant={ui.outline} data-testid={tid.version(v.version)}>
                {t('budget.editor.versionLink', { version: v.version, state: tA(`states.${v.state}`) })}
              </Badge>
            ) : (
              <AnchorLink key={v.id} to={path.budget} params={{ budgetId: v.id }} data-testid={tid.version(v.version)}>
                {t('budget.editor.versionLink', { version: v.version, state: tA(`states.${v.state}`) })}
              </AnchorLink>
            ),
          )}
        </Group>
        {canFill && (
          <Group wrap={ui.wrap}>
            <Button variant={ui.default} loading={actuals.isPending} onClick={() => actuals.mutate(undefined, { onSuccess: (next) => { setDrafts(draftsOf(next)); setDone(true); } })} data-testid={tid.fromActuals}>
              {t('budget.editor.fromActuals')}
            </Button>
            <Text size={ui.sm} c={ui.dimmed}>
              {t('budget.editor.fromActualsHelp', { year: budget.year - 1 })}
            </Text>
          </Group>
        )}
        {budget.canRevise && (
          <Group>
            <Button variant={ui.default} onClick={() => setRevising(true)} data-testid={tid.revise}>
              {t('budget.editor.revise')}
            </Button>
          </Group>
        )}
      </Stack>
      {revising && <Revise budget={budget} onClose={() => setRevising(false)} />}
    </Paper>
  );
}

function Revise({ budget, onClose }: { budget: Budget; onClose: () => void }) {
  const { t } = useTranslation('finance');
  const navigate = useNavigate();
  const mutation = useRevise(budget.id);
  const [note, setNote] = useState('');
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('budget.close') }} title={t('budget.editor.revise')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ note }, { onSuccess: (next) => { onClose(); void navigate({ to: path.budget, params: { budgetId: next.id } }); } });
        }}
      >
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <Textarea label={t('budget.editor.reviseNote')} autosize minRows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.reviseSubmit}>
              {t('budget.editor.reviseSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Both tables in one form: saving sends every section open to the user, each replaced whole. */
function AmountsForm(props: { budget: Budget; drafts: Drafts; setDrafts: (d: Drafts) => void; editable: (kind: LineKind) => boolean }) {
  const { t } = useTranslation('finance');
  const { budget, drafts, setDrafts, editable } = props;
  const mutation = useSaveAmounts(budget.id);
  const [saved, setSaved] = useState(false);
  const kinds = (['revenue', 'expenditure'] as const).filter(editable);
  const invalid = useMemo(() => new Set(Object.entries(drafts).filter(([, v]) => v.trim() !== '' && !valid(v)).map(([code]) => code)), [drafts]);
  const tables = (
    <>
      <KindTable kind={kindOf.revenue} budget={budget} drafts={drafts} setDrafts={setDrafts} editable={editable(kindOf.revenue)} invalid={invalid} />
      <KindTable kind={kindOf.expenditure} budget={budget} drafts={drafts} setDrafts={setDrafts} editable={editable(kindOf.expenditure)} invalid={invalid} />
    </>
  );
  if (kinds.length === 0) return tables;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        if (invalid.size > 0) return;
        const items = budget.lines
          .filter((l) => l.postable && kinds.includes(l.kind) && (drafts[l.code] ?? '').trim() !== '')
          .map((l) => ({ lineCode: l.code, amountMad: drafts[l.code]!.trim() }));
        mutation.mutate({ kinds, items }, { onSuccess: (next) => { setDrafts(draftsOf(next)); setSaved(true); } });
      }}
    >
      <Stack gap={ui.lg}>
        <Text size={ui.sm} c={ui.dimmed}>
          {t('budget.editor.editHint')}
        </Text>
        {tables}
        {saved && (
          <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.saved}>
            {t('budget.editor.saved')}
          </Alert>
        )}
        <ProblemAlert error={mutation.error} />
        <Group>
          <Button type="submit" loading={mutation.isPending} data-testid={tid.save}>
            {t('budget.editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One kind's lines: revenue as one list; expenditure by section, headings summing their sub-lines. */
function KindTable(props: { kind: LineKind; budget: Budget; drafts: Drafts; setDrafts: (d: Drafts) => void; editable: boolean; invalid: Set<string> }) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const { kind, budget, drafts } = props;
  const lines = budget.lines.filter((l) => l.kind === kind);
  const groups = kind === 'revenue' ? [{ key: 'revenue', label: null, lines }] : budgetSectionKeys.map((s) => ({ key: s, label: t(`budget.lineSections.${s}`), lines: lines.filter((l) => l.section === s) }));
  const nameOf = (l: ChartLine) => (lang === 'fr' ? l.nameFr : l.nameAr);
  const amountCell = (l: ChartLine) =>
    props.editable ? (
      <TextInput
        aria-label={nameOf(l)}
        inputMode={look.decimal}
        w={look.amountWidth}
        value={drafts[l.code] ?? ''}
        error={props.invalid.has(l.code) ? t('budget.fields.amount') : undefined}
        onChange={(e) => props.setDrafts({ ...drafts, [l.code]: e.currentTarget.value })}
        data-testid={tid.amount(l.code)}
      />
    ) : (
      <Text className="raaya-ltr" data-testid={tid.amount(l.code)}>
        {drafts[l.code] ? formatMad(drafts[l.code]!, lang) : ''}
      </Text>
    );
  return (
    <Paper withBorder p={ui.lg} component={ui.section} data-testid={tid.kindTable(kind)}>
      <Title order={2} size={ui.h4} mb={ui.md}>
        {t(`budget.kinds.${kind}`)}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table>
          <caption className="raaya-visually-hidden">{t(`budget.kinds.${kind}`)}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope={ui.col}>{t('budget.editor.line')}</Table.Th>
              <Table.Th scope={ui.col}>{t('budget.editor.pca')}</Table.Th>
              <Table.Th scope={ui.col}>{t('budget.editor.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => {
              const top = g.lines.filter((l) => !l.parentCode);
              return [
                g.label && (
                  <Table.Tr key={`${g.key}-head`}>
                    <Table.Th scope={ui.col} colSpan={3}>
                      {g.label}
                    </Table.Th>
                  </Table.Tr>
                ),
                ...top.flatMap((l) => {
                  const subs = g.lines.filter((s) => s.parentCode === l.code);
                  const own = (
                    <Table.Tr key={l.code}>
                      <Table.Th scope={ui.row} fw={subs.length ? 600 : 400}>
                        {subs.length ? t('budget.editor.heading', { name: nameOf(l) }) : nameOf(l)}
                      </Table.Th>
                      <Table.Td className="raaya-ltr">{l.pcaAccount ?? ''}</Table.Td>
                      <Table.Td>{l.postable ? amountCell(l) : <Text className="raaya-ltr">{formatMad(centimesToMad(sumOf(subs, drafts)), lang)}</Text>}</Table.Td>
                    </Table.Tr>
                  );
                  return [
                    own,
                    ...subs.map((s) => (
                      <Table.Tr key={s.code}>
                        <Table.Th scope={ui.row} fw={400} ps={ui.xl}>
                          {nameOf(s)}
                        </Table.Th>
                        <Table.Td className="raaya-ltr">{s.pcaAccount ?? ''}</Table.Td>
                        <Table.Td>{amountCell(s)}</Table.Td>
                      </Table.Tr>
                    )),
                  ];
                }),
                g.label && (
                  <Table.Tr key={`${g.key}-total`}>
                    <Table.Th scope={ui.row}>{t('budget.editor.sectionTotal', { section: g.label })}</Table.Th>
                    <Table.Td />
                    <Table.Td className="raaya-ltr" fw={600} data-testid={tid.total(g.key)}>
                      {formatMad(centimesToMad(sumOf(g.lines.filter((l) => l.postable), drafts)), lang)}
                    </Table.Td>
                  </Table.Tr>
                ),
              ];
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
