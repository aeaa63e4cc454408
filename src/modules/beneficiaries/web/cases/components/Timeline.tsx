/**
 * The case file's timeline: every step of the pathway in date order (reception, diagnoses,
 * referrals, admissions and exits, plans, notes, follow-ups after exit), each with its own line.
 */
import type { ReactNode } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Timeline as MTimeline, Title } from '@mantine/core';
import { IconBuildingCommunity, IconClipboardHeart, IconDirections, IconDoorExit, IconInbox, IconNote, IconRoute } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, listIn, nameIn, ui } from '../../../../../platform/web/index.ts';
import type { CaseFile, TimelineItem } from '../../../contract/cases.ts';
import { dom, look, tid } from '../constants.ts';
import { done, neutral, referralColor } from '../format.ts';
import { PlanCard } from './PlanCard.tsx';

const icons = {
  request: IconInbox,
  diagnosis: IconClipboardHeart,
  referral: IconDirections,
  admission: IconBuildingCommunity,
  plan: IconRoute,
  note: IconNote,
  follow_up: IconDoorExit,
} as const;

export function Timeline({ file, onRecordFollowUp }: { file: CaseFile; onRecordFollowUp: (id: string) => void }) {
  const { t } = useTranslation('beneficiaries');
  return (
    <Paper withBorder p={ui.lg} component={ui.section} aria-labelledby={dom.timelineTitle}>
      <Title order={2} size={ui.h4} id={dom.timelineTitle} mb={ui.md}>
        {t('cases.timeline.title')}
      </Title>
      {file.timeline.length === 0 ? (
        <Text c={ui.dimmed}>{t('cases.timeline.empty')}</Text>
      ) : (
        <MTimeline bulletSize={28} lineWidth={2} data-testid={tid.timeline}>
          {file.timeline.map((item) => {
            const Icon = icons[item.kind];
            return (
              <MTimeline.Item key={`${item.kind}-${item.id}`} bullet={<Icon size={16} aria-hidden />} data-testid={tid.timelineItem(item.kind)}>
                <Entry item={item} file={file} onRecordFollowUp={onRecordFollowUp} />
              </MTimeline.Item>
            );
          })}
        </MTimeline>
      )}
    </Paper>
  );
}

function Head({ title, date, badge }: { title: string; date: string; badge?: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <Group gap={ui.xs} justify={ui.spaceBetween} wrap={ui.wrap}>
      <Text fw={600}>{title}</Text>
      <Group gap={ui.xs}>
        {badge}
        <Text size={ui.sm} c={ui.dimmed}>
          {formatDate(date.slice(0, 10), i18n.language)}
        </Text>
      </Group>
    </Group>
  );
}

function Entry({ item, file, onRecordFollowUp }: { item: TimelineItem; file: CaseFile; onRecordFollowUp: (id: string) => void }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const { t: tR } = useTranslation('registry');
  const lang = i18n.language;
  switch (item.kind) {
    case 'request':
      return (
        <Stack gap={2}>
          <Head title={t('cases.timeline.request', { number: item.number })} date={item.at} badge={<Badge color={neutral} variant={ui.filled}>{t(`enums.requestStatus.${item.status}`)}</Badge>} />
          {item.summary && <Text size={ui.sm}>{item.summary}</Text>}
          <Text size={ui.sm} c={ui.dimmed}>
            {t(`enums.urgency.${item.urgency}`)}
            {item.needs.length > 0 && ` · ${listIn(item.needs.map((n) => tR(`enums.targetGroup.${n}`)), lang)}`}
          </Text>
        </Stack>
      );
    case 'diagnosis':
      return (
        <Stack gap={2}>
          <Head title={lang === 'fr' ? item.formTitleFr : item.formTitleAr} date={item.at} badge={<Badge color={neutral} variant={ui.filled}>{t(`cases.diagnosis.status.${item.status}`)}</Badge>} />
          <Text size={ui.sm}>
            {t('cases.diagnosis.score', { total: formatNumber(item.totalScore, lang), max: formatNumber(item.maxScore, lang), version: item.version })}
          </Text>
        </Stack>
      );
    case 'referral':
      return (
        <Stack gap={2}>
          <Head
            title={t('cases.timeline.referral', { to: item.institution ? nameIn(item.institution, lang) : (item.outsideService ?? '') })}
            date={item.at}
            badge={
              <Badge color={referralColor[item.state]} variant={ui.filled}>
                {t(`enums.referralState.${item.state}`)}
              </Badge>
            }
          />
          <Text size={ui.sm}>{tR(`enums.serviceType.${item.service}`)}</Text>
          {item.note && <Text size={ui.sm} style={look.preWrap}>{item.note}</Text>}
          {item.declineReason && <Text size={ui.sm} c={ui.red}>{t('cases.referral.declinedBecause', { reason: item.declineReason })}</Text>}
        </Stack>
      );
    case 'admission':
      return (
        <Stack gap={2}>
          <Head title={t('cases.timeline.admission', { institution: nameIn(item.institution, lang) })} date={item.at} badge={<Badge color={neutral} variant={ui.filled}><bdi>{item.registrationNumber}</bdi></Badge>} />
          {item.exitDate && (
            <Text size={ui.sm}>
              {t('cases.timeline.exit', { date: formatDate(item.exitDate, lang), reason: item.exitReason ? t(`enums.exitReason.${item.exitReason}`) : '' })}
              {item.exitDestination && ` · ${item.exitDestination}`}
            </Text>
          )}
        </Stack>
      );
    case 'plan':
      return <PlanCard plan={item} caseId={file.id} />;
    case 'note':
      return (
        <Stack gap={2}>
          <Head title={t(`cases.noteKind.${item.noteKind}`)} date={item.at} />
          <Text size={ui.sm} style={look.preWrap}>
            {item.body}
          </Text>
          <Text size={ui.xs} c={ui.dimmed}>
            {(lang === 'fr' ? item.authorNameFr : item.authorNameAr) ?? ''}
          </Text>
        </Stack>
      );
    case 'follow_up':
      return (
        <Stack gap={2}>
          <Head
            title={t('cases.followUp.title', { months: item.months })}
            date={item.at}
            badge={<Badge color={item.doneOn ? done : neutral} variant={ui.filled}>{item.doneOn ? t(`cases.outcome.${item.outcome ?? 'other'}`) : t('cases.followUp.pending')}</Badge>}
          />
          {item.doneOn && <Text size={ui.sm}>{t('cases.followUp.doneOn', { date: formatDate(item.doneOn, lang) })}</Text>}
          {item.note && <Text size={ui.sm} style={look.preWrap}>{item.note}</Text>}
          {!item.doneOn && file.stage !== 'closed' && (
            <Group>
              <Button size={ui.xs} variant={ui.light} onClick={() => onRecordFollowUp(item.id)} data-testid={tid.followUpRecord(item.id)}>
                {t('cases.followUp.record')}
              </Button>
            </Group>
          )}
        </Stack>
      );
  }
}
