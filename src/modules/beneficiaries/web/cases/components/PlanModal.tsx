/** Drafts a new accompaniment plan, or corrects a draft or returned one: goals (one per line), dates, actions. */
import { ActionIcon, Button, Group, Modal, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, applyServerErrors, fieldMessage, todayInMorocco, ui } from '../../../../../platform/web/index.ts';
import { planActionStatuses, type TimelinePlan } from '../../../contract/cases.ts';
import { caseWrites, useCaseWrite } from '../queries.ts';
import { fld, tid } from '../constants.ts';

interface Values {
  title: string;
  goals: string;
  responsibleName: string;
  startsOn: string;
  endsOn: string;
  actions: { description: string; responsible: string; dueOn: string; status: (typeof planActionStatuses)[number] }[];
}

const blankAction: Values['actions'][number] = { description: '', responsible: '', dueOn: '', status: planActionStatuses[0] };

const fields = ['title', 'goals', 'responsibleName', 'startsOn', 'endsOn', 'actions'] as const;

export function PlanModal({ caseId, plan, onClose }: { caseId: string; plan?: TimelinePlan; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const mutation = useCaseWrite(caseId, plan ? caseWrites.updatePlan(plan.id) : caseWrites.plan(caseId));
  const form = useForm<Values>({
    defaultValues: {
      title: plan?.title ?? '',
      goals: plan?.goals.join('\n') ?? '',
      responsibleName: plan?.responsibleName ?? '',
      startsOn: plan?.startsOn ?? todayInMorocco(),
      endsOn: plan?.endsOn ?? '',
      actions: plan?.actions.map((a) => ({ description: a.description, responsible: a.responsible ?? '', dueOn: a.dueOn ?? '', status: a.status })) ?? [],
    },
  });
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((v) =>
    mutation.mutate(
      {
        title: v.title,
        goals: v.goals.split('\n').map((g) => g.trim()).filter(Boolean),
        responsibleName: v.responsibleName,
        startsOn: v.startsOn,
        endsOn: v.endsOn || null,
        actions: v.actions.map((a) => ({ description: a.description, responsible: a.responsible, dueOn: a.dueOn || null, status: a.status })),
      },
      { onSuccess: onClose, onError: (e) => applyServerErrors(e, form.setError, fields) },
    ),
  );
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('cases.close') }} title={plan ? t('cases.plan.edit') : t('cases.actions.plan')} size={ui.lg} centered>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Stack gap={ui.sm}>
          <ProblemAlert error={mutation.error} />
          <TextInput label={t('cases.plan.title')} required maxLength={200} error={fieldMessage(errors.title?.message)} {...form.register(fld.title)} data-testid={tid.f.planTitle} />
          <Textarea label={t('cases.plan.goals')} description={t('cases.plan.goalsHelp')} autosize minRows={3} error={fieldMessage(errors.goals?.message)} {...form.register(fld.goals)} data-testid={tid.f.planGoals} />
          <TextInput label={t('cases.plan.responsibleLabel')} maxLength={160} {...form.register(fld.responsibleName)} data-testid={tid.f.planResponsible} />
          <Group grow>
            <TextInput type="date" label={t('cases.plan.startsOn')} required error={fieldMessage(errors.startsOn?.message)} {...form.register(fld.startsOn)} data-testid={tid.f.planStarts} />
            <TextInput type="date" label={t('cases.plan.endsOn')} error={fieldMessage(errors.endsOn?.message)} {...form.register(fld.endsOn)} data-testid={tid.f.planEnds} />
          </Group>
          <Title order={3} size={ui.h5}>
            {t('cases.plan.actions')}
          </Title>
          {actions.fields.map((f, i) => (
            <Group key={f.id} align={ui.flexEnd} wrap={ui.wrap}>
              <TextInput label={t('cases.plan.actionDescription', { n: i + 1 })} required maxLength={1000} style={{ flex: 2 }} {...form.register(`actions.${i}.description`)} />
              <TextInput label={t('cases.plan.actionResponsible')} maxLength={160} {...form.register(`actions.${i}.responsible`)} />
              <TextInput type="date" label={t('cases.plan.actionDue')} {...form.register(`actions.${i}.dueOn`)} />
              <Controller
                control={form.control}
                name={`actions.${i}.status`}
                render={({ field }) => (
                  <Select
                    label={t('cases.plan.actionStatus')}
                    data={planActionStatuses.map((s) => ({ value: s, label: t(`cases.actionStatus.${s}`) }))}
                    value={field.value}
                    onChange={(v) => v && field.onChange(v)}
                    allowDeselect={false}
                  />
                )}
              />
              <ActionIcon variant={ui.subtle} color={ui.red} onClick={() => actions.remove(i)} aria-label={t('cases.plan.removeAction', { n: i + 1 })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant={ui.light} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => actions.append(blankAction)} data-testid={tid.a.addPlanAction}>
              {t('cases.plan.addAction')}
            </Button>
          </Group>
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.s.plan}>
              {t('cases.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
