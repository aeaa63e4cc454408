/**
 * The licensing tab of an institution: where it stands and the days left on the current step
 * (a warning under 7 days), the timeline of its steps with who and when, the form of the next
 * allowed step, the application file's checklist and the PDFs.
 */
import { Badge, Button, Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryStates, formatDate, fullNameIn, ui, useCan } from '../../../../platform/web/index.ts';
import type { Licensing, Step } from '../../contract/licensing.ts';
import type { InstitutionTabProps } from '../institution-tabs.ts';
import { Checklist } from './Checklist.tsx';
import { StepForm } from './StepForm.tsx';
import { WARNING_DAYS, look, pdfUrl, tid } from './constants.ts';
import { useLicensing } from './queries.ts';

export function LicensingTab({ institutionId }: InstitutionTabProps) {
  const query = useLicensing(institutionId);
  return (
    <QueryStates query={query} empty={() => !query.data}>
      {() => <LicensingView licensing={query.data!} />}
    </QueryStates>
  );
}

function LicensingView({ licensing }: { licensing: Licensing }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const can = useCan();
  const id = licensing.institutionId;
  const licenceHref = pdfUrl(id, 'licence', lang);
  const extractHref = pdfUrl(id, 'extract', lang);
  const mayWrite = can('licensing.record') || can('licensing.declare');
  return (
    <Stack gap={ui.lg} data-testid={tid.tab}>
      <Paper withBorder p={ui.md}>
        <Stack gap={ui.sm}>
          <Group justify={ui.spaceBetween} wrap={ui.wrap}>
            <Title order={2} size={ui.h3}>
              {t('licensing.title')}
            </Title>
            <Group gap={ui.sm}>
              {licensing.status === 'authorised' && (
                <Button component={ui.a} href={licenceHref} variant={ui.light} leftSection={<IconDownload size={16} aria-hidden />} data-testid={tid.licencePdf}>
                  {t('licensing.licencePdf')}
                </Button>
              )}
              <Button component={ui.a} href={extractHref} variant={ui.light} leftSection={<IconDownload size={16} aria-hidden />} data-testid={tid.extractPdf}>
                {t('licensing.extractPdf')}
              </Button>
            </Group>
          </Group>
          <Group gap={ui.md} wrap={ui.wrap}>
            <Text>
              {t('licensing.status')}{' '}
              <Badge variant={ui.filled} color={look.gray7} data-testid={tid.status}>
                {t(`enums.institutionStatus.${licensing.status}`)}
              </Badge>
            </Text>
            <Text data-testid={tid.stage}>{t(`licensing.stages.${licensing.stage ?? 'none'}`)}</Text>
          </Group>
          {licensing.licenceNumber && (
            <Text data-testid={tid.licence}>
              {t('licensing.licenceNumber')}: <bdi>{licensing.licenceNumber}</bdi> — {t('licensing.licenceDate')}: {formatDate(licensing.licenceDate, lang)}
            </Text>
          )}
          <ClockLine licensing={licensing} />
          {licensing.openChanges.length > 0 && (
            <div>
              <Text fw={700}>{t('licensing.openChanges')}</Text>
              <List>
                {licensing.openChanges.map((c) => (
                  <List.Item key={c.id}>
                    {t('licensing.changeDue', { subject: t(`licensing.subjects.${c.changeSubject}`), date: formatDate(c.changeOn, lang), due: formatDate(c.dueOn, lang) })}{' '}
                    <DaysBadge daysLeft={c.daysLeft} />
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {licensing.awaitingApproval.length > 0 && (
            <div>
              <Text fw={700}>{t('licensing.awaitingApproval')}</Text>
              <List>
                {licensing.awaitingApproval.map((c) => (
                  <List.Item key={c.id}>
                    {t(`licensing.subjects.${c.changeSubject}`)} — {formatDate(c.changeOn, lang)}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
        </Stack>
      </Paper>
      {mayWrite && <StepForm licensing={licensing} />}
      <Paper withBorder p={ui.md}>
        <Title order={2} size={ui.h4} mb={ui.sm}>
          {t('licensing.timeline')}
        </Title>
        {licensing.steps.length === 0 ? (
          <Text>{t('licensing.notFiled')}</Text>
        ) : (
          <Timeline active={licensing.steps.length - 1} bulletSize={14} data-testid={tid.timeline}>
            {[...licensing.steps].reverse().map((s) => (
              <Timeline.Item key={s.id} title={stepTitle(s, t)} data-testid={tid.step(s.kind)}>
                <StepDetails step={s} />
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Paper>
      {licensing.applicationId && <Checklist licensing={licensing} />}
    </Stack>
  );
}

type T = ReturnType<typeof useTranslation<'registry'>>['t'];
const stepTitle = (s: Step, t: T) => t(`licensing.kinds.${s.kind === 'ministry_decision' && s.outcome === 'refused' ? 'ministry_refusal' : s.kind}`);

function StepDetails({ step: s }: { step: Step }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  return (
    <Stack gap={2}>
      <Text size={ui.sm} c={look.gray7}>
        {t('licensing.on', { date: formatDate(s.occurredOn, lang) })}
        {s.createdBy && ` — ${t('licensing.by', { name: fullNameIn(s.createdBy, lang) })}`}
      </Text>
      {s.opinion && <Text size={ui.sm}>{t(`licensing.opinions.${s.opinion}`)}</Text>}
      {s.outcome && <Text size={ui.sm}>{t(`licensing.decisionOutcomes.${s.outcome}`)}</Text>}
      {s.licenceNumber && (
        <Text size={ui.sm}>
          {t('licensing.licenceNumber')}: <bdi>{s.licenceNumber}</bdi> — {formatDate(s.licenceDate, lang)}
        </Text>
      )}
      {s.changeSubject && (
        <Text size={ui.sm}>
          {t(`licensing.subjects.${s.changeSubject}`)} — {formatDate(s.changeOn, lang)}
        </Text>
      )}
      {s.declaredLate && (
        <Badge color={look.red9} variant={ui.filled}>
          {t('licensing.declaredLate')}
        </Badge>
      )}
      {s.requestedItem && <Text size={ui.sm}>{t(`licensing.items.${s.requestedItem as 'statutes'}`)}</Text>}
      {s.noticeEnd && <Text size={ui.sm}>{t('licensing.dueOn', { date: formatDate(s.noticeEnd, lang) })}</Text>}
      {s.regulariseBy && (
        <Text size={ui.sm}>
          {t('licensing.regulariseBy')} {formatDate(s.regulariseBy, lang)}
        </Text>
      )}
      {s.reasons && (
        <Text size={ui.sm} style={look.preWrap}>
          {t('licensing.reasons')}: {s.reasons}
        </Text>
      )}
      {s.note && (
        <Text size={ui.sm} style={look.preWrap}>
          {s.note}
        </Text>
      )}
    </Stack>
  );
}

function ClockLine({ licensing }: { licensing: Licensing }) {
  const { t, i18n } = useTranslation('registry');
  const clock = licensing.clock;
  if (!clock) return null;
  return (
    <Group gap={ui.sm} data-testid={tid.clock}>
      <Text fw={700}>{t(`licensing.clocks.${clock.kind}`)}</Text>
      {clock.stoppedOn ? (
        <Badge color={look.gray7} variant={ui.filled}>
          {t('licensing.clockStopped', { date: formatDate(clock.stoppedOn, i18n.language) })}
        </Badge>
      ) : (
        <>
          <Text>{t('licensing.dueOn', { date: formatDate(clock.dueOn, i18n.language) })}</Text>
          <DaysBadge daysLeft={clock.daysLeft ?? 0} />
        </>
      )}
    </Group>
  );
}

/** Days left, red once overdue, orange under 7 days (with the words, not colour alone). */
function DaysBadge({ daysLeft }: { daysLeft: number }) {
  const { t } = useTranslation('registry');
  if (daysLeft < 0) {
    return (
      <Badge color={look.red9} variant={ui.filled} data-testid={tid.warning}>
        {t('licensing.daysOverdue', { count: -daysLeft })}
      </Badge>
    );
  }
  return (
    <Badge color={daysLeft < WARNING_DAYS ? look.orange9 : look.green9} variant={ui.filled} data-testid={daysLeft < WARNING_DAYS ? tid.warning : undefined}>
      {t('licensing.daysLeft', { count: daysLeft })}
      {daysLeft < WARNING_DAYS && ` — ${t('licensing.warning')}`}
    </Badge>
  );
}
