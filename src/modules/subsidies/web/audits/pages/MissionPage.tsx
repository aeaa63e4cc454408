/**
 * One audit mission: its facts and team, the step it is at (one button moves it on), its findings
 * (severity, amount in question) with their recommendations followed up to closure, its reports.
 * The association reads it and reports its follow-up; auditors run everything else.
 */
import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fact, ErrorState, LoadingState, PageHeader, ProblemAlert, formatDate, ui, useParam, formatMad, serverFieldError } from '../../../../../platform/web/index.ts';
import { DocumentsPanel } from '../../../../../platform/documents/web/index.ts';
import { recommendationStatuses, severities, type Finding, type Mission } from '../../../server/audits/contract.ts';
import { useAddFinding, useAddRecommendation, useCloseFinding, useMission, useUpdateMission, useUpdateRecommendation } from '../queries.ts';
import { fld, look, tone, missionColor, nextMissionStatus, ownerType, path, severityColor, tid } from '../constants.ts';

export function MissionPage() {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const id = useParam('missionId');
  const query = useMission(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;
  return (
    <>
      <PageHeader title={t('audits.mission.title', { association: lang === 'fr' ? m.associationNameFr : m.associationNameAr })} back={path.audits}>
        <Group gap={ui.sm}>
          <Badge autoContrast color={missionColor[m.status]} variant={ui.filled} data-testid={tid.missionStatus}>
            {t(`audits.missionStatus.${m.status}`)}
          </Badge>
          <Badge autoContrast color={tone.neutral} variant={ui.outline}>{t(`audits.kinds.${m.kind}`)}</Badge>
          {m.openCritical > 0 && (
            <Badge autoContrast color={tone.danger} variant={ui.filled}>
              {t('audits.missions.critical', { n: m.openCritical })}
            </Badge>
          )}
        </Group>
      </PageHeader>
      <Stack gap={ui.lg}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('audits.fields.dates')}>{t('audits.fields.fromTo', { from: formatDate(m.startsOn, lang), to: formatDate(m.endsOn, lang) })}</Fact>
          <Fact label={t('audits.fields.convention')}>{m.conventionReference ?? t('audits.missions.wholeAssociation')}</Fact>
          <Fact label={t('audits.fields.team')}>{m.team.map((x) => t('audits.mission.member', { name: x.name, role: x.role })).join(' · ')}</Fact>
        </SimpleGrid>
        {m.can.manage && <Advance mission={m} />}
        {!m.can.manage && m.summary && (
          <Paper withBorder p={ui.lg}>
            <Title order={2} size={ui.h4} mb={ui.xs}>
              {t('audits.fields.summary')}
            </Title>
            <Text style={look.preWrap}>{m.summary}</Text>
          </Paper>
        )}
        <Paper withBorder p={ui.lg} component={ui.section}>
          <Title order={2} size={ui.h4} mb={ui.md}>
            {t('audits.mission.findings')}
          </Title>
          <Stack gap={ui.md}>
            {m.findings.length === 0 && <Text c={ui.dimmed}>{t('audits.mission.noFindings')}</Text>}
            {m.findings.map((f) => (
              <FindingCard key={f.id} mission={m} finding={f} />
            ))}
            {m.can.manage && (m.status === 'in_progress' || m.status === 'reported') && <AddFinding mission={m} />}
          </Stack>
        </Paper>
        <DocumentsPanel ownerType={ownerType.mission} ownerId={m.id} />
      </Stack>
    </>
  );
}


/** The summary and the one button that moves the mission to its next step. */
function Advance({ mission: m }: { mission: Mission }) {
  const { t } = useTranslation('subsidies');
  const update = useUpdateMission(m.id);
  const [summary, setSummary] = useState(m.summary ?? '');
  const next = nextMissionStatus[m.status];
  return (
    <Paper withBorder p={ui.lg}>
      <Stack gap={ui.sm}>
        <ProblemAlert error={update.error} />
        <Textarea label={t('audits.fields.summary')} autosize minRows={3} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} data-testid={tid.missionSummary} />
        <Group justify={ui.end}>
          <Button variant={ui.light} loading={update.isPending} onClick={() => update.mutate({ summary })}>
            {t('audits.mission.saveSummary')}
          </Button>
          {next && (
            <Button loading={update.isPending} onClick={() => update.mutate({ status: next, summary })} data-testid={tid.missionAdvance}>
              {t(`audits.mission.advance.${next}`)}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function FindingCard({ mission: m, finding: f }: { mission: Mission; finding: Finding }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const close = useCloseFinding(m.id);
  const add = useAddRecommendation(m.id);
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState('');
  return (
    <Paper withBorder p={ui.md} data-testid={tid.finding(f.id)}>
      <Stack gap={ui.sm}>
        <Group justify={ui.spaceBetween}>
          <Group gap={ui.xs}>
            <Badge autoContrast color={severityColor[f.severity]} variant={ui.filled}>
              {t(`audits.severities.${f.severity}`)}
            </Badge>
            <Badge autoContrast color={f.status === 'open' ? tone.warning : tone.done} variant={ui.filled}>
              {f.status === 'open' ? t('audits.mission.findingOpen') : t('audits.mission.findingClosed', { date: formatDate(f.closedOn, lang) })}
            </Badge>
          </Group>
          {f.amountInQuestionMad && (
            <Text fw={600} className="raaya-ltr">
              {t('audits.mission.inQuestion', { amount: formatMad(f.amountInQuestionMad, lang) })}
            </Text>
          )}
        </Group>
        <Text style={look.preWrap}>{f.description}</Text>
        <ProblemAlert error={close.error ?? add.error} />
        {f.recommendations.map((r) => (
          <RecommendationRow key={r.id} mission={m} recommendation={r} />
        ))}
        {m.can.manage && f.status === 'open' && (
          <Group align={ui.flexEnd} wrap={ui.wrap}>
            <TextInput label={t('audits.fields.recommendation')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={serverFieldError(add.error, fld.text)} style={look.grow} data-testid={tid.recommendationText(f.id)} />
            <TextInput type={look.date} label={t('audits.fields.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} data-testid={tid.recommendationDue(f.id)} />
            <Button variant={ui.light} loading={add.isPending} onClick={() => add.mutate({ findingId: f.id, text, dueOn: dueOn || null }, { onSuccess: () => { setText(''); setDueOn(''); } })} data-testid={tid.recommendationAdd(f.id)}>
              {t('audits.mission.addRecommendation')}
            </Button>
            <Button variant={ui.outline} color={tone.done} loading={close.isPending} onClick={() => close.mutate(f.id)} data-testid={tid.findingClose(f.id)}>
              {t('audits.mission.closeFinding')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function RecommendationRow({ mission: m, recommendation: r }: { mission: Mission; recommendation: Finding['recommendations'][number] }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const update = useUpdateRecommendation(m.id);
  const [status, setStatus] = useState<string | null>(r.status);
  const [followUp, setFollowUp] = useState(r.followUp ?? '');
  const closed = r.status === 'done' || r.status === 'dropped';
  // The association reports progress; done and dropped are the auditors' (the server refuses otherwise).
  const choices = m.can.manage ? recommendationStatuses : recommendationStatuses.filter((s) => s === 'open' || s === 'in_progress');
  return (
    <Paper withBorder p={ui.sm} bg={closed ? look.closedBg : undefined} data-testid={tid.recommendation(r.id)}>
      <Stack gap={ui.xs}>
        <Group justify={ui.spaceBetween}>
          <Text fw={500}>{r.text}</Text>
          <Text size={ui.sm} c={ui.dimmed}>
            {r.dueOn ? t('audits.mission.due', { date: formatDate(r.dueOn, lang) }) : ''}
          </Text>
        </Group>
        {closed ? (
          <>
            <Badge autoContrast color={tone.done} variant={ui.filled}>
              {t('audits.mission.recommendationClosed', { status: t(`audits.recommendationStatus.${r.status}`), date: formatDate(r.closedOn, lang) })}
            </Badge>
            {r.followUp && <Text size={ui.sm} style={look.preWrap}>{r.followUp}</Text>}
          </>
        ) : (
          m.can.followUp && (
            <Group align={ui.flexEnd} wrap={ui.wrap}>
              <Select label={t('audits.fields.status')} data={choices.map((s) => ({ value: s, label: t(`audits.recommendationStatus.${s}`) }))} value={status} onChange={setStatus} w={200} data-testid={tid.recommendationStatus(r.id)} />
              <TextInput label={t('audits.fields.followUp')} value={followUp} onChange={(e) => setFollowUp(e.currentTarget.value)} error={serverFieldError(update.error, fld.followUp)} style={look.grow} data-testid={tid.recommendationFollowUp(r.id)} />
              <Button variant={ui.light} loading={update.isPending} onClick={() => update.mutate({ recommendationId: r.id, status: (status ?? r.status) as typeof r.status, followUp })} data-testid={tid.recommendationSave(r.id)}>
                {t('audits.mission.saveFollowUp')}
              </Button>
            </Group>
          )
        )}
        <ProblemAlert error={update.error} />
      </Stack>
    </Paper>
  );
}

function AddFinding({ mission: m }: { mission: Mission }) {
  const { t } = useTranslation('subsidies');
  const add = useAddFinding(m.id);
  const [severity, setSeverity] = useState<string | null>('medium');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  return (
    <Paper withBorder p={ui.md} bg={look.closedBg}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { severity: (severity ?? 'medium') as Finding['severity'], description, amountInQuestionMad: amount || null },
            { onSuccess: () => { setDescription(''); setAmount(''); } },
          );
        }}
      >
        <Stack gap={ui.sm}>
          <Title order={3} size={ui.h5}>
            {t('audits.mission.addFinding')}
          </Title>
          <ProblemAlert error={add.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('audits.fields.severity')} required data={severities.map((s) => ({ value: s, label: t(`audits.severities.${s}`) }))} value={severity} onChange={setSeverity} data-testid={tid.findingSeverity} />
            <TextInput label={t('audits.fields.amountInQuestion')} inputMode={look.decimal} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={serverFieldError(add.error, fld.amountInQuestionMad)} data-testid={tid.findingAmount} />
          </SimpleGrid>
          <Textarea label={t('audits.fields.description')} required autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={serverFieldError(add.error, fld.description)} data-testid={tid.findingDescription} />
          <Group justify={ui.end}>
            <Button type="submit" loading={add.isPending} data-testid={tid.findingAdd}>
              {t('audits.mission.saveFinding')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
