/**
 * One institution's year: budget against actual by section and line (months on demand), the
 * income structure, the cost and food per beneficiary-day against the category's minimum, and the
 * annual financial report (files in both languages, its approval panel).
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileText } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ListTable, PageHeader, ProblemAlert, QueryStates, formatNumber, ui, useCan, useParam } from '../../../../platform/web/index.ts';
import { SubmissionPanel } from '../../../../platform/approvals/web/index.ts';
import { formatAmount } from '../../../planning/web/format.ts';
import type { BudgetLineRow, BudgetVsActual, Indicators } from '../../server/reports/contract.ts';
import { annualReportHref, financialReportKey, useBudgetVsActual, useFinancialReport, useIndicators, usePrepareFinancialReport } from './queries.ts';
import { look, path, reportYears, tid } from './constants.ts';
import { ScrollTable } from './ScrollTable.tsx';

/** An expenditure section above its budget. */
const overspent = (key: string, variance: string) => key !== 'revenue' && !variance.startsWith('-') && /[1-9]/.test(variance);

const percent = (rate: string | null, lang: string) => (rate === null ? '' : `${formatNumber(Math.round(Number(rate) * 1000) / 10, lang)} %`);

export function InstitutionReportsPage() {
  const { t } = useTranslation('finance');
  const navigate = useNavigate();
  const institutionId = useParam('institutionId');
  const year = Number(useParam('year')) || new Date().getFullYear();
  const figures = useBudgetVsActual(institutionId, year);
  const indicators = useIndicators(institutionId, year);
  return (
    <>
      <PageHeader title={`${t('reports.title')} ${year}`} />
      <Group mb={ui.md}>
        <Select
          label={t('reports.year')}
          data={reportYears}
          value={String(year)}
          allowDeselect={false}
          onChange={(value) => value && void navigate({ to: path.institutionReports, params: { institutionId, year: value } })}
          w={{ base: '100%', sm: 200 }}
          data-testid={tid.year}
        />
      </Group>
      <Stack gap={ui.lg}>
        <QueryStates query={figures} empty={() => false}>
          {() => figures.data && <BudgetTables data={figures.data} />}
        </QueryStates>
        <QueryStates query={indicators} empty={() => false}>
          {() => indicators.data && <IndicatorPanel data={indicators.data} />}
        </QueryStates>
        <AnnualReport institutionId={institutionId} year={year} />
      </Stack>
    </>
  );
}

function BudgetTables({ data }: { data: BudgetVsActual }) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const [months, setMonths] = useState(false);
  const monthHeaders = Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(lang === 'ar' ? 'ar-MA' : 'fr-MA', { month: 'short' }).format(new Date(2000, m, 1)));
  const name = (l: BudgetLineRow) => (lang === 'ar' ? l.nameAr : l.nameFr);
  return (
    <Paper withBorder p={ui.md} component={ui.section}>
      <Stack gap={ui.md}>
        <Title order={2} size={ui.h4}>
          {t('reports.budgetVsActual')}
        </Title>
        {data.budgetId === null ? (
          <Alert color={ui.orange}>{t('reports.noBudget')}</Alert>
        ) : data.budgetApproved ? (
          <Badge color={ui.green} variant={ui.light}>
            {t('reports.approvedBudget')}
          </Badge>
        ) : (
          <Alert color={ui.blue}>{t('reports.draftBudget')}</Alert>
        )}
        <ListTable minWidth={640} testId={tid.sections} caption={t('reports.section')} headers={[t('reports.section'), t('reports.budget'), t('reports.actual'), t('reports.variance'), t('reports.executionRate')]}>
          {data.sections.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Th scope={ui.row} fw={500}>
                {t(`reports.sections.${s.key}`)}
              </Table.Th>
              <Table.Td className={look.number}>{formatAmount(s.budgetMad, lang)}</Table.Td>
              <Table.Td className={look.number}>{formatAmount(s.actualMad, lang)}</Table.Td>
              <Table.Td className={look.number} c={overspent(s.key, s.varianceMad) ? ui.red : undefined}>
                {formatAmount(s.varianceMad, lang)}
              </Table.Td>
              <Table.Td>{percent(s.executionRate, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        <Group>
          <Button variant={ui.default} onClick={() => setMonths(!months)} data-testid={tid.toggleMonths}>
            {months ? t('reports.hideMonths') : t('reports.showMonths')}
          </Button>
        </Group>
        {data.lines.length === 0 ? (
          <Text c={ui.dimmed}>{t('reports.noData')}</Text>
        ) : (
          <ScrollTable
            minWidth={months ? 1600 : 720}
            testId={tid.lines}
            caption={t('reports.line')}
            headers={[t('reports.line'), t('reports.section'), t('reports.budget'), t('reports.actual'), t('reports.variance'), t('reports.executionRate'), ...(months ? monthHeaders : [])]}
          >
            {data.lines.map((l) => (
              <Table.Tr key={l.code}>
                <Table.Th scope={ui.row} fw={500}>
                  {name(l)}
                </Table.Th>
                <Table.Td>{t(`reports.sections.${l.kind === 'revenue' ? 'revenue' : (l.section ?? 'operating')}`)}</Table.Td>
                <Table.Td className={look.number}>{formatAmount(l.budgetMad, lang)}</Table.Td>
                <Table.Td className={look.number}>{formatAmount(l.actualMad, lang)}</Table.Td>
                <Table.Td className={look.number}>{formatAmount(l.varianceMad, lang)}</Table.Td>
                <Table.Td>{percent(l.executionRate, lang)}</Table.Td>
                {months && l.months.map((m, i) => <Table.Td key={monthHeaders[i]} className={look.number}>{formatAmount(m, lang)}</Table.Td>)}
              </Table.Tr>
            ))}
          </ScrollTable>
        )}
      </Stack>
    </Paper>
  );
}

function IndicatorPanel({ data }: { data: Indicators }) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  return (
    <Paper withBorder p={ui.md} component={ui.section}>
      <Stack gap={ui.md}>
        <Title order={2} size={ui.h4}>
          {t('reports.indicators')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Figure label={t('reports.occupancyDays')} value={formatNumber(data.occupancyDays, lang)} />
          <Figure label={t('reports.recurrentExpenditure')} value={formatAmount(data.expenditureMad, lang)} />
          <Figure label={t('reports.costPerDay')} value={data.costPerDayMad === null ? '' : formatAmount(data.costPerDayMad, lang)} testId={tid.costPerDay} />
          <Figure label={t('reports.foodPerDay')} value={data.foodPerDayMad === null ? '' : formatAmount(data.foodPerDayMad, lang)} />
        </SimpleGrid>
        {data.occupancyDays === 0 && <Text c={ui.dimmed}>{t('reports.noOccupancy')}</Text>}
        {data.minimumDailyMad === null ? (
          <Text c={ui.dimmed}>{t('reports.noMinimum')}</Text>
        ) : (
          <Group data-testid={tid.minimum}>
            <Text>{t('reports.minimumDaily')}</Text>
            <Text fw={700} className={look.number}>
              {formatAmount(data.minimumDailyMad, lang)}
            </Text>
            {data.costPerDayMad !== null && (
              <Badge color={data.belowMinimum ? ui.red : ui.green} variant={ui.filled} data-testid={tid.belowFlag}>
                {data.belowMinimum ? t('reports.belowMinimum') : t('reports.aboveMinimum')}
              </Badge>
            )}
          </Group>
        )}
        <Title order={3} size={ui.h5}>
          {t('reports.incomeStructure')}
        </Title>
        <ListTable minWidth={480} testId={tid.income} caption={t('reports.incomeStructure')} headers={[t('reports.source'), t('reports.amount'), t('reports.share')]}>
          {data.incomeStructure.map((s) => (
            <Table.Tr key={s.code}>
              <Table.Th scope={ui.row} fw={500}>
                {lang === 'ar' ? s.nameAr : s.nameFr}
              </Table.Th>
              <Table.Td className={look.number}>{formatAmount(s.amountMad, lang)}</Table.Td>
              <Table.Td>{percent(s.share, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size={ui.sm} c={ui.dimmed}>
        {label}
      </Text>
      <Text fw={700} size={ui.lg} className={look.number} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function AnnualReport({ institutionId, year }: { institutionId: string; year: number }) {
  const { t } = useTranslation('finance');
  const report = useFinancialReport(institutionId, year);
  const prepare = usePrepareFinancialReport(institutionId, year);
  const mayPrepare = useCan()('finance.keep');
  const files = [
    { lang: ui.ar, format: 'pdf', label: t('reports.pdfAr') },
    { lang: ui.fr, format: 'pdf', label: t('reports.pdfFr') },
    { lang: ui.ar, format: 'xlsx', label: t('reports.xlsxAr') },
    { lang: ui.fr, format: 'xlsx', label: t('reports.xlsxFr') },
  ];
  return (
    <Paper withBorder p={ui.md} component={ui.section}>
      <Stack gap={ui.md}>
        <Title order={2} size={ui.h4}>
          {t('reports.annualReport')}
        </Title>
        <Text c={ui.dimmed}>{t('reports.annualReportHint')}</Text>
        <Group>
          {files.map((f) => (
            <Anchor key={`${f.format}-${f.lang}`} href={annualReportHref(institutionId, year, f.lang, f.format)} download data-testid={tid.download(f.lang, f.format)}>
              <Group gap={4} component={ui.span}>
                <IconDownload size={16} aria-hidden />
                {f.label}
              </Group>
            </Anchor>
          ))}
        </Group>
        <QueryStates query={report} empty={() => false}>
          {() =>
            report.data ? (
              <SubmissionPanel submission={report.data.submission} sectionLabel={() => t('reports.annualReport')} subjectKey={financialReportKey(institutionId, year)} />
            ) : mayPrepare ? (
              <Group>
                <Button leftSection={<IconFileText size={16} aria-hidden />} onClick={() => prepare.mutate()} loading={prepare.isPending} data-testid={tid.prepare}>
                  {t('reports.createReport')}
                </Button>
                {prepare.error && <ProblemAlert error={prepare.error} />}
              </Group>
            ) : null
          }
        </QueryStates>
      </Stack>
    </Paper>
  );
}
