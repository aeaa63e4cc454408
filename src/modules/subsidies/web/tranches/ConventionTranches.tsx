/**
 * The tranches of a convention as a timeline (the convention page shows it): per tranche its date,
 * amount, state, what is paid and justified, the delays in days, its release conditions (what the
 * data says, what was confirmed by hand and by whom), and the actions the user may take: plan,
 * confirm a condition, release (or override with a written reason), record a payment.
 */
import { useState } from 'react';
import { Badge, Button, Card, Group, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconLock, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryStates, formatDate, formatDateTime, nameIn, ui, useCan } from '../../../../platform/web/index.ts';
import type { ConventionTranches as Timeline_, Tranche, TrancheCondition } from '../../contract/tranches.ts';
import { look, statusColor, tid } from './constants.ts';
import { formatMad } from './format.ts';
import { CancelModal, PayModal, PlanModal, ReleaseModal } from './TrancheForms.tsx';
import { useConfirmCondition, useConventionTranches } from './queries.ts';

export function ConventionTranches({ conventionId }: { conventionId: string }) {
  const query = useConventionTranches(conventionId);
  return <QueryStates query={query} empty={() => false}>{() => <TimelineView data={query.data!} />}</QueryStates>;
}

function TimelineView({ data }: { data: Timeline_ }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const can = useCan();
  const [planning, setPlanning] = useState(false);
  const mayPlan = ['draft', 'approved', 'signed'].includes(data.conventionStatus) && can('subsidies.manage');
  const statement = (l: string) => `/api/subsidies/conventions/${encodeURIComponent(data.conventionId)}/tranches/statement.pdf?lang=${l}`;
  return (
    <Stack gap={ui.md} data-testid={tid.timeline}>
      <Group justify={ui.spaceBetween} align={ui.flexStart} wrap={ui.wrap}>
        <Stack gap={4}>
          <Title order={2} size={ui.h3}>{t('tranches.timeline')}</Title>
          {data.years.map((y) => (
            <Text key={y.year} size={ui.sm}>
              {t('tranches.yearLine', { year: y.year, planned: formatMad(y.plannedMad, lang), allowed: formatMad(y.entraideMad, lang) })}
            </Text>
          ))}
          <Text size={ui.sm} c={ui.dimmed}>
            {data.associationRib ? t('tranches.associationRib') : t('tranches.noRib')}
            {data.associationRib && <bdi className="raaya-ltr">{` ${data.associationRib}`}</bdi>}
          </Text>
        </Stack>
        <Group gap={ui.sm}>
          <Button component={ui.a} href={statement(ui.ar)} variant={ui.light} leftSection={<IconDownload size={16} aria-hidden />} data-testid={tid.statementAr} lang={ui.ar}>
            {t('tranches.statementAr')}
          </Button>
          <Button component={ui.a} href={statement(ui.fr)} variant={ui.light} leftSection={<IconDownload size={16} aria-hidden />} data-testid={tid.statementFr}>
            {t('tranches.statementFr')}
          </Button>
          {mayPlan && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setPlanning(true)} data-testid={tid.planOpen}>
              {t('tranches.plan.open')}
            </Button>
          )}
        </Group>
      </Group>
      {data.tranches.length === 0 ? (
        <Text c={ui.dimmed}>{t('tranches.empty')}</Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={data.tranches.filter((x) => x.status === 'paid').length - 1}>
          {data.tranches.map((x) => (
            <Timeline.Item key={x.id} bullet={x.status === 'paid' ? <IconCheck size={12} aria-hidden /> : x.blocked ? <IconLock size={12} aria-hidden /> : null}>
              <TrancheCard tranche={x} data={data} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {planning && <PlanModal conventionId={data.conventionId} startsOn={data.startsOn} endsOn={data.endsOn} onClose={() => setPlanning(false)} />}
    </Stack>
  );
}

function TrancheCard({ tranche: x, data }: { tranche: Tranche; data: Timeline_ }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const can = useCan();
  const [releasing, setReleasing] = useState(false);
  const [paying, setPaying] = useState(false);
  const mayRelease = x.status === 'planned' && can('subsidies.manage') && data.conventionStatus === 'signed';
  const mayPay = x.status === 'released' && can('subsidies.pay');
  const mayCancel = (x.status === 'planned' || x.status === 'released') && x.disbursements.length === 0 && can('subsidies.manage');
  const [cancelling, setCancelling] = useState(false);
  const name = t('tranches.trancheName', { year: x.year, position: x.position });
  return (
    <Card withBorder padding={ui.md} data-testid={tid.tranche(x.year, x.position)} aria-label={name}>
      <Stack gap={ui.xs}>
        <Group justify={ui.spaceBetween} wrap={ui.wrap}>
          <Title order={3} size={ui.h4}>{name}</Title>
          <Group gap={ui.xs}>
            <Badge color={statusColor[x.status]} variant={ui.filled} data-testid={tid.trancheStatus(x.year, x.position)}>{t(`tranches.status.${x.status}`)}</Badge>
            {x.blocked && <Badge color={look.red} variant={ui.light} data-testid={tid.blocked(x.year, x.position)}>{t('tranches.blocked')}</Badge>}
            {x.late && <Badge color={look.orange} variant={ui.light}>{t('tranches.late')}</Badge>}
          </Group>
        </Group>
        <Text size={ui.sm}>
          {t('tranches.plannedLine', { date: formatDate(x.plannedOn, lang), amount: formatMad(x.amountMad, lang) })}
        </Text>
        <Text size={ui.sm}>
          {t('tranches.moneyLine', { paid: formatMad(x.paidMad, lang), remaining: formatMad(x.remainingMad, lang), justified: formatMad(x.justifiedMad, lang) })}
        </Text>
        <Stack gap={2} data-testid={tid.delay(x.year, x.position)}>
          {x.overdueDays !== null && <Text size={ui.sm} c={look.red}>{t('tranches.overdueDays', { count: x.overdueDays })}</Text>}
          {x.delayPlannedDays !== null && <Text size={ui.sm}>{t('tranches.delayPlanned', { count: x.delayPlannedDays })}</Text>}
          {x.delayConditionsDays !== null && <Text size={ui.sm}>{t('tranches.delayConditions', { count: x.delayConditionsDays })}</Text>}
          {x.conditionsMetOn && <Text size={ui.sm} c={ui.dimmed}>{t('tranches.conditionsMetOn', { date: formatDate(x.conditionsMetOn, lang) })}</Text>}
          {x.releasedOn && (
            <Text size={ui.sm} c={ui.dimmed}>{t('tranches.releasedOn', { date: formatDate(x.releasedOn, lang), name: x.releasedBy ? nameIn(x.releasedBy, lang) : '' })}</Text>
          )}
          {x.overrideReason && (
            <Text size={ui.sm} fw={look.bold}>{t('tranches.overridden', { name: x.overriddenBy ? nameIn(x.overriddenBy, lang) : '', reason: x.overrideReason })}</Text>
          )}
        </Stack>
        {x.conditions.length > 0 && <Conditions tranche={x} conventionId={data.conventionId} />}
        {x.disbursements.length > 0 && (
          <Stack gap={2}>
            <Text size={ui.sm} fw={look.bold}>{t('tranches.disbursements')}</Text>
            <List size={ui.sm}>
              {x.disbursements.map((d) => (
                <List.Item key={d.id}>
                  {t('tranches.disbursementLine', { date: formatDate(d.paidOn, lang), amount: formatMad(d.amountMad, lang), order: d.paymentOrder, reference: d.paymentReference })}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Group gap={ui.sm}>
          {mayRelease && (
            <Button size={ui.sm} variant={x.blocked ? ui.outline : ui.filled} onClick={() => setReleasing(true)} data-testid={tid.releaseOpen(x.year, x.position)}>
              {t('tranches.release.open')}
            </Button>
          )}
          {mayPay && (
            <Button size={ui.sm} onClick={() => setPaying(true)} data-testid={tid.payOpen(x.year, x.position)}>
              {t('tranches.pay.open')}
            </Button>
          )}
          {mayCancel && (
            <Button size={ui.sm} variant={ui.subtle} color={look.red} onClick={() => setCancelling(true)} data-testid={tid.cancel(x.year, x.position)}>
              {t('tranches.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
      {releasing && <ReleaseModal conventionId={data.conventionId} tranche={x} onClose={() => setReleasing(false)} />}
      {paying && <PayModal conventionId={data.conventionId} tranche={x} rib={data.associationRib} onClose={() => setPaying(false)} />}
      {cancelling && <CancelModal conventionId={data.conventionId} tranche={x} name={name} onClose={() => setCancelling(false)} />}
    </Card>
  );
}

function conditionBadge(c: TrancheCondition): { color: string; key: 'tranches.conditions.met' | 'tranches.conditions.unmet' | 'tranches.conditions.unknown' } {
  if (c.met) return { color: look.teal, key: 'tranches.conditions.met' };
  if (c.autoMet === false || c.confirmed === false) return { color: look.red, key: 'tranches.conditions.unmet' };
  return { color: look.yellow, key: 'tranches.conditions.unknown' };
}

function Conditions({ tranche: x, conventionId }: { tranche: Tranche; conventionId: string }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const can = useCan();
  const confirm = useConfirmCondition(conventionId, x.id);
  const editable = x.status === 'planned' && can('subsidies.manage');
  return (
    <Stack gap={4}>
      <Text size={ui.sm} fw={look.bold}>{t('tranches.conditions.title')}</Text>
      {x.conditions.map((c) => {
        const badge = conditionBadge(c);
        return (
          <Group key={c.code} gap={ui.xs} wrap={ui.wrap} data-testid={tid.condition(c.code)}>
            <Badge color={badge.color} variant={ui.light}>{t(badge.key)}</Badge>
            <Text size={ui.sm}>{nameIn(c, lang)}</Text>
            <Text size={ui.xs} c={ui.dimmed}>
              {t('tranches.conditions.meta', { evaluation: t(c.evaluation === 'auto' ? 'tranches.conditions.auto' : 'tranches.conditions.manual'), blocking: t(c.blocking ? 'tranches.conditions.blocking' : 'tranches.conditions.notBlocking') })}
            </Text>
            {c.confirmedBy && c.confirmedAt && (
              <Text size={ui.xs} c={ui.dimmed}>{t('tranches.conditions.confirmedBy', { name: nameIn(c.confirmedBy, lang), date: formatDateTime(c.confirmedAt, lang) })}</Text>
            )}
            {editable && c.autoMet === null && (
              c.confirmed === null ? (
                <Group gap={4}>
                  <Button size={ui.xs} variant={ui.light} leftSection={<IconCheck size={14} aria-hidden />} loading={confirm.isPending}
                    onClick={() => confirm.mutate({ code: c.code, confirmed: true })} data-testid={tid.confirm(c.code)}>
                    {t('tranches.conditions.confirm')}
                  </Button>
                  <Button size={ui.xs} variant={ui.subtle} color={look.red} leftSection={<IconX size={14} aria-hidden />} loading={confirm.isPending}
                    onClick={() => confirm.mutate({ code: c.code, confirmed: false })}>
                    {t('tranches.conditions.deny')}
                  </Button>
                </Group>
              ) : (
                <Button size={ui.xs} variant={ui.subtle} loading={confirm.isPending} onClick={() => confirm.mutate({ code: c.code, confirmed: null })}>
                  {t('tranches.conditions.withdraw')}
                </Button>
              )
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
