/**
 * One annual action plan: its three sections (diagnosis, objectives, activities), each editable
 * only while open or returned to its author, and the approval panel with the history.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Fact, ErrorState, LoadingState, PageHeader, ProblemAlert, fieldMessage, formErrorMap, ui, useParam } from '../../../../platform/web/index.ts';
import { SubmissionPanel, stateColor } from '../../../../platform/approvals/web/index.ts';
import { ActivitiesBody, DiagnosisBody, ObjectivesBody, type Plan, type PlanSection } from '../../contract.ts';
import { planKey, usePlan, useSaveSection } from '../queries.ts';
import { dom, fld, look, path, sec, tid } from '../constants.ts';
import { formatAmount, formatQuantity } from '../format.ts';

export function PlanPage() {
  const { t, i18n } = useTranslation('planning');
  const { t: tA } = useTranslation('approvals');
  const lang = i18n.language;
  const id = useParam('planId');
  const query = usePlan(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const plan = query.data;
  const name = lang === 'fr' ? plan.delegationNameFr : plan.delegationNameAr;
  const sectionLabel = (key: string) => t(`sections.${key as PlanSection}`);
  return (
    <>
      <PageHeader title={t('plan.title', { year: plan.year, delegation: name })} back={path.plans}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('plans.state')}>
            <Badge color={stateColor[plan.state]} variant={ui.filled}>
              {tA(`states.${plan.state}`)}
            </Badge>
          </Fact>
          <Fact label={t('plans.year')}>{plan.year}</Fact>
          <Fact label={t('plans.budget')}>{formatAmount(plan.totalBudgetMad, lang)}</Fact>
        </SimpleGrid>
      </PageHeader>
      {plan.state === 'approved' && (
        <Alert color={ui.green} variant={ui.light} mb={ui.md}>
          {t('plan.locked')}
        </Alert>
      )}
      <Stack gap={ui.lg}>
        <DiagnosisSection plan={plan} />
        <ObjectivesSection plan={plan} />
        <ActivitiesSection plan={plan} />
        <SubmissionPanel submission={plan.submission} sectionLabel={sectionLabel} subjectKey={planKey(plan.id)} />
      </Stack>
    </>
  );
}


function SectionCard({ plan, section, children }: { plan: Plan; section: PlanSection; children: ReactNode }) {
  const { t } = useTranslation('planning');
  const { t: tA } = useTranslation('approvals');
  const state = plan.submission.sections.find((s) => s.key === section)?.state ?? 'open';
  return (
    <Paper withBorder p={ui.lg} component={ui.section} aria-labelledby={dom.sectionTitle(section)} data-testid={tid.section(section)}>
      <Group justify={ui.spaceBetween} mb={ui.md}>
        <Title order={2} size={ui.h4} id={dom.sectionTitle(section)}>
          {t(`sections.${section}`)}
        </Title>
        <Badge color={stateColor[state]} variant={ui.filled} data-testid={tid.sectionState(section)}>
          {tA(`states.${state}`)}
        </Badge>
      </Group>
      {children}
    </Paper>
  );
}

function Saved({ show }: { show: boolean }) {
  const { t } = useTranslation('planning');
  if (!show) return null;
  return (
    <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.saved}>
      {t('plan.saved')}
    </Alert>
  );
}

function DiagnosisSection({ plan }: { plan: Plan }) {
  const { t } = useTranslation('planning');
  const editable = plan.submission.can.edit.includes(sec.diagnosis);
  const mutation = useSaveSection(plan.id, sec.diagnosis);
  const [saved, setSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(DiagnosisBody, { error: formErrorMap }), defaultValues: { diagnosis: plan.diagnosis } });
  const { reset } = form;
  useEffect(() => reset({ diagnosis: plan.diagnosis }), [plan.diagnosis, reset]);
  return (
    <SectionCard plan={plan} section={sec.diagnosis}>
      {editable ? (
        <form noValidate onSubmit={form.handleSubmit((body) => { setSaved(false); mutation.mutate(body, { onSuccess: () => setSaved(true) }); })}>
          <Stack gap={ui.sm}>
            <Saved show={saved} />
            <ProblemAlert error={mutation.error} />
            <Textarea label={t('plan.diagnosis')} autosize minRows={4} maxLength={20000} error={fieldMessage(form.formState.errors.diagnosis?.message)} {...form.register(sec.diagnosis)} data-testid={tid.diagnosisInput} />
            <Group>
              <Button type="submit" loading={mutation.isPending} data-testid={tid.sectionSave(sec.diagnosis)}>
                {t('plan.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text style={look.preWrap}>{plan.diagnosis || t('plan.empty')}</Text>
      )}
    </SectionCard>
  );
}

function ObjectivesSection({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation('planning');
  const lang = i18n.language;
  const editable = plan.submission.can.edit.includes(sec.objectives);
  const mutation = useSaveSection(plan.id, sec.objectives);
  const [saved, setSaved] = useState(false);
  const values = () => ({ items: plan.objectives.map(({ id: _id, ...o }) => o) });
  const form = useForm({ resolver: zodResolver(ObjectivesBody, { error: formErrorMap }), defaultValues: values() });
  const lines = useFieldArray({ control: form.control, name: 'items' });
  const { reset } = form;
  useEffect(() => reset({ items: plan.objectives.map(({ id: _id, ...o }) => o) }), [plan.objectives, reset]);
  const errors = form.formState.errors.items;
  const headers = [t('objectives.title'), t('objectives.indicator'), t('objectives.baseline'), t('objectives.target')];
  if (!editable) {
    return (
      <SectionCard plan={plan} section={sec.objectives}>
        <ReadOnlyTable caption={t('sections.objectives')} headers={headers} rows={plan.objectives.map((o) => [o.title, o.indicator, formatQuantity(o.baseline, lang), formatQuantity(o.target, lang)])} />
      </SectionCard>
    );
  }
  return (
    <SectionCard plan={plan} section={sec.objectives}>
      <LinesForm
        section={sec.objectives}
        columns={4}
        lineKeys={lines.fields.map((f) => f.id)}
        addLabel={t('objectives.add')}
        onAdd={() => lines.append({ title: '', indicator: '', baseline: '', target: '' })}
        onRemove={lines.remove}
        saved={saved}
        mutation={mutation}
        onSubmit={form.handleSubmit((body) => { setSaved(false); mutation.mutate(body, { onSuccess: () => setSaved(true) }); })}
        renderLine={(i) => (
          <>
          <TextInput label={t('objectives.title')} required error={fieldMessage(errors?.[i]?.title?.message)} {...form.register(`items.${i}.title`)} data-testid={tid.field(sec.objectives, i, fld.title)} />
          <TextInput label={t('objectives.indicator')} required error={fieldMessage(errors?.[i]?.indicator?.message)} {...form.register(`items.${i}.indicator`)} data-testid={tid.field(sec.objectives, i, fld.indicator)} />
          <TextInput label={t('objectives.baseline')} required inputMode={look.decimal} error={fieldMessage(errors?.[i]?.baseline?.message)} {...form.register(`items.${i}.baseline`)} data-testid={tid.field(sec.objectives, i, fld.baseline)} />
          <TextInput label={t('objectives.target')} required inputMode={look.decimal} error={fieldMessage(errors?.[i]?.target?.message)} {...form.register(`items.${i}.target`)} data-testid={tid.field(sec.objectives, i, fld.target)} />
          </>
        )}
      />
    </SectionCard>
  );
}

function ActivitiesSection({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation('planning');
  const lang = i18n.language;
  const editable = plan.submission.can.edit.includes(sec.activities);
  const mutation = useSaveSection(plan.id, sec.activities);
  const [saved, setSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(ActivitiesBody, { error: formErrorMap }), defaultValues: { items: plan.activities.map(({ id: _id, ...a }) => a) } });
  const lines = useFieldArray({ control: form.control, name: 'items' });
  const { reset } = form;
  useEffect(() => reset({ items: plan.activities.map(({ id: _id, ...a }) => a) }), [plan.activities, reset]);
  const errors = form.formState.errors.items;
  const headers = [t('activities.title'), t('activities.quarter'), t('activities.budget')];
  if (!editable) {
    return (
      <SectionCard plan={plan} section={sec.activities}>
        <ReadOnlyTable caption={t('sections.activities')} headers={headers} rows={plan.activities.map((a) => [a.title, t('activities.q', { n: a.quarter }), formatAmount(a.budgetMad, lang)])} />
      </SectionCard>
    );
  }
  return (
    <SectionCard plan={plan} section={sec.activities}>
      <LinesForm
        section={sec.activities}
        columns={3}
        lineKeys={lines.fields.map((f) => f.id)}
        addLabel={t('activities.add')}
        onAdd={() => lines.append({ title: '', quarter: 1, budgetMad: '' })}
        onRemove={lines.remove}
        saved={saved}
        mutation={mutation}
        onSubmit={form.handleSubmit((body) => { setSaved(false); mutation.mutate(body, { onSuccess: () => setSaved(true) }); })}
        renderLine={(i) => (
          <>
          <TextInput label={t('activities.title')} required error={fieldMessage(errors?.[i]?.title?.message)} {...form.register(`items.${i}.title`)} data-testid={tid.field(sec.activities, i, fld.title)} />
          <Controller
            control={form.control}
            name={`items.${i}.quarter`}
            render={({ field: f }) => (
              <NumberInput label={t('activities.quarter')} required min={1} max={4} allowDecimal={false} value={f.value} onChange={(v) => f.onChange(typeof v === 'number' ? v : Number(v))} onBlur={f.onBlur} error={fieldMessage(errors?.[i]?.quarter?.message)} data-testid={tid.field(sec.activities, i, fld.quarter)} />
            )}
          />
          <TextInput label={t('activities.budget')} required inputMode={look.decimal} error={fieldMessage(errors?.[i]?.budgetMad?.message)} {...form.register(`items.${i}.budgetMad`)} data-testid={tid.field(sec.activities, i, fld.budgetMad)} />
          </>
        )}
      />
    </SectionCard>
  );
}

/** The editor of a section made of lines (objectives, activities): each line, add, remove, save. */
function LinesForm(props: {
  section: PlanSection;
  columns: number;
  lineKeys: string[];
  renderLine: (index: number) => ReactNode;
  addLabel: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onSubmit: () => void;
  saved: boolean;
  mutation: { error: unknown; isPending: boolean };
}) {
  const { t } = useTranslation('planning');
  const { section } = props;
  return (
    <form noValidate onSubmit={props.onSubmit}>
      <Stack gap={ui.sm}>
        <Saved show={props.saved} />
        <ProblemAlert error={props.mutation.error} />
        {props.lineKeys.map((key, i) => (
          <Paper key={key} withBorder p={ui.sm}>
            <SimpleGrid cols={{ base: 1, sm: props.columns }}>{props.renderLine(i)}</SimpleGrid>
            <Button mt={ui.xs} size={ui.xs} variant={ui.subtle} color={ui.red} leftSection={<IconTrash size={14} aria-hidden />} onClick={() => props.onRemove(i)} data-testid={tid.removeLine(section, i)}>
              {t('plan.removeLine')}
            </Button>
          </Paper>
        ))}
        <Group>
          <Button variant={ui.default} leftSection={<IconPlus size={16} aria-hidden />} onClick={props.onAdd} data-testid={tid.addLine(section)}>
            {props.addLabel}
          </Button>
          <Button type="submit" loading={props.mutation.isPending} data-testid={tid.sectionSave(section)}>
            {t('plan.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReadOnlyTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }) {
  const { t } = useTranslation('planning');
  if (rows.length === 0) return <Text c={ui.dimmed}>{t('plan.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <caption className="raaya-visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h} scope={ui.col}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              {r.map((cell, j) => (
                <Table.Td key={j}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
