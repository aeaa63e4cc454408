/**
 * One accompaniment plan in the timeline: goals and actions, the approval panel of the platform
 * (the institution submits, the delegation approves; a returned plan is corrected and submitted
 * again), editing while it is a draft or returned, and its status once approved.
 */
import { useState } from 'react';
import { Badge, Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, formatDate, ProblemAlert, ui, useCan } from '../../../../../platform/web/index.ts';
import { SubmissionPanel } from '../../../../../platform/approvals/web/index.ts';
import { Submission } from '../../../../../platform/approvals/contract.ts';
import { planStatuses, type TimelinePlan } from '../../../contract/cases.ts';
import { caseKey, caseWrites, useCaseWrite } from '../queries.ts';
import { perm, tid } from '../constants.ts';
import { PlanModal } from './PlanModal.tsx';
import { neutral } from '../format.ts';

export function PlanCard({ plan, caseId }: { plan: TimelinePlan; caseId: string }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const submissionId = plan.approval?.submissionId ?? null;
  const submission = useQuery({
    queryKey: [...caseKey(caseId), 'plan-submission', submissionId, plan.approval?.state],
    queryFn: () => api.get(`/api/approvals/submissions/${encodeURIComponent(submissionId!)}`, Submission),
    enabled: Boolean(submissionId),
  });
  const status = useCaseWrite(caseId, caseWrites.updatePlan(plan.id));
  const editable = submission.data?.can.edit.includes('plan') ?? false;
  return (
    <Stack gap={ui.xs} data-testid={tid.planCard(plan.id)}>
      <Group justify={ui.spaceBetween} wrap={ui.wrap}>
        <Text fw={600}>{t('cases.plan.heading', { title: plan.title })}</Text>
        <Badge color={neutral} variant={ui.filled}>{t(`cases.planStatus.${plan.status}`)}</Badge>
      </Group>
      <Text size={ui.sm} c={ui.dimmed}>
        {t('cases.plan.period', { from: formatDate(plan.startsOn, lang), to: plan.endsOn ? formatDate(plan.endsOn, lang) : '…' })}
        {plan.responsibleName && ` · ${t('cases.plan.responsible', { name: plan.responsibleName })}`}
      </Text>
      {plan.goals.length > 0 && (
        <>
          <Text size={ui.sm} fw={500}>
            {t('cases.plan.goals')}
          </Text>
          <List size={ui.sm}>
            {plan.goals.map((g, i) => (
              <List.Item key={i}>{g}</List.Item>
            ))}
          </List>
        </>
      )}
      {plan.actions.length > 0 && (
        <>
          <Text size={ui.sm} fw={500}>
            {t('cases.plan.actions')}
          </Text>
          <List size={ui.sm} type="ordered">
            {plan.actions.map((a) => (
              <List.Item key={a.id}>
                {a.description}
                {a.responsible && ` · ${a.responsible}`}
                {a.dueOn && ` · ${formatDate(a.dueOn, lang)}`}
                {` · ${t(`cases.actionStatus.${a.status}`)}`}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {editable && can(perm.case) && (
        <Group>
          <Button size={ui.xs} variant={ui.light} onClick={() => setEditing(true)} data-testid={tid.action(`edit-plan-${plan.id}`)}>
            {t('cases.plan.edit')}
          </Button>
        </Group>
      )}
      {plan.approval?.state === 'approved' && can(perm.case) && (
        <>
          <ProblemAlert error={status.error} />
          <Select
            label={t('cases.plan.status')}
            data={planStatuses.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t(`cases.planStatus.${s}`) }))}
            value={plan.status}
            onChange={(value) => value && value !== plan.status && status.mutate({ status: value })}
            w={{ base: '100%', sm: 240 }}
            data-testid={tid.field(`plan-status-${plan.id}`)}
          />
        </>
      )}
      {submission.data && <SubmissionPanel submission={submission.data} sectionLabel={() => t('cases.plan.section')} subjectKey={caseKey(caseId)} />}
      {editing && <PlanModal caseId={caseId} plan={plan} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
