/**
 * The form of the next step: it offers only what the state machine allows now (and what the
 * user may record: declaring a change is also the founder's), then the fields of that step.
 * The database refuses anything else anyway; its answer shows beside the field.
 */
import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, ui, useCan } from '../../../../platform/web/index.ts';
import { ApiError } from '../../../../platform/web/api.ts';
import { changeSubjects, committeeOpinions, type LicensingAction, type Licensing } from '../../contract/licensing.ts';
import { dateInput, fld, submitType, tid } from './constants.ts';
import { useRecord } from './queries.ts';

type Values = Partial<Record<(typeof fld)[keyof typeof fld], string>>;

const changeOutcomes = ['approved', 'refused'] as const;

const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());

function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem?.errors) return {};
  return Object.fromEntries(error.problem.errors.map((e) => [e.path, e.message]));
}

/** The request of an action: the path and the body the API expects. */
function requestOf(action: LicensingAction, v: Values): { path: 'steps' | 'request-document' | 'file-complete'; body: Record<string, unknown> } {
  const base = { occurredOn: v.occurredOn, ...(v.note && { note: v.note }) };
  switch (action) {
    case 'document_requested':
      return { path: 'request-document', body: { ...base, ...(v.item && { item: v.item }) } };
    case 'file_completed':
      return { path: 'file-complete', body: base };
    case 'committee_opinion':
      return { path: 'steps', body: { kind: action, ...base, opinion: v.opinion } };
    case 'ministry_decision':
      return { path: 'steps', body: { kind: action, ...base, outcome: 'authorised', licenceNumber: v.licenceNumber, licenceDate: v.licenceDate } };
    case 'ministry_refusal':
    case 'suspended':
    case 'withdrawn_temporarily':
    case 'withdrawn_permanently':
      return { path: 'steps', body: { kind: action, ...base, reasons: v.reasons } };
    case 'warning':
    case 'reprimand':
      return { path: 'steps', body: { kind: action, ...base, reasons: v.reasons, ...(v.regulariseBy && { regulariseBy: v.regulariseBy }) } };
    case 'change_declared':
      return { path: 'steps', body: { kind: action, ...base, changeOn: v.changeOn, changeSubject: v.changeSubject, ...(v.changeId && { changeId: v.changeId }) } };
    case 'change_decided':
      return { path: 'steps', body: { kind: action, ...base, changeId: v.changeId, outcome: v.outcome, ...(v.reasons && { reasons: v.reasons }) } };
    default:
      return { path: 'steps', body: { kind: action, ...base } };
  }
}

export function StepForm({ licensing }: { licensing: Licensing }) {
  const { t } = useTranslation('registry');
  const can = useCan();
  const mutation = useRecord(licensing.institutionId);
  const actions = (licensing.allowed as LicensingAction[]).filter((a) => (a === 'change_declared' ? can('licensing.declare') : can('licensing.record')));
  const [action, setAction] = useState<LicensingAction | null>(null);
  const [values, setValues] = useState<Values>({ occurredOn: todayIso() });
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(mutation.error);
  const set = (name: keyof Values) => (value: string | null) => setValues((v) => ({ ...v, [name]: value ?? '' }));
  const input = (name: keyof Values) => ({
    value: values[name] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => set(name)(e.currentTarget.value),
    error: errors[name],
    'data-testid': tid.field(name),
  });
  const current = action && actions.includes(action) ? action : null;
  const has = (...kinds: LicensingAction[]) => current !== null && kinds.includes(current);
  const changes = [
    ...licensing.openChanges.map((c) => ({ value: c.id, label: `${t(`licensing.subjects.${c.changeSubject}`)} — ${c.changeOn}` })),
  ];
  const approvals = licensing.awaitingApproval.map((c) => ({ value: c.id, label: `${t(`licensing.subjects.${c.changeSubject}`)} — ${c.changeOn}` }));
  const show = {
    opinion: has('committee_opinion'),
    licence: has('ministry_decision'),
    item: has('document_requested'),
    declaration: has('change_declared'),
    decision: has('change_decided'),
    reasons: has('ministry_refusal', 'warning', 'reprimand', 'suspended', 'withdrawn_temporarily', 'withdrawn_permanently', 'change_decided'),
    reasonsRequired: !has('change_decided'),
    regularise: has('warning', 'reprimand'),
  };
  const items = licensing.checklist.map((c) => ({ value: c.item, label: t(`licensing.items.${c.item}`) }));

  return (
    <Paper withBorder p={ui.md}>
      <Title order={2} size={ui.h4} mb={ui.sm}>
        {t('licensing.nextStep')}
      </Title>
      {actions.length === 0 ? (
        <Alert color={ui.gray}>{t('licensing.noNextStep')}</Alert>
      ) : (
        <form
          noValidate
          data-testid={tid.form}
          aria-label={t('licensing.nextStep')}
          onSubmit={(e) => {
            e.preventDefault();
            if (!current) return;
            setSaved(false);
            mutation.mutate(requestOf(current, values), {
              onSuccess: () => {
                setSaved(true);
                setAction(null);
                setValues({ occurredOn: todayIso() });
              },
            });
          }}
        >
          <Stack gap={ui.sm}>
            {saved && (
              <Alert color={ui.green} role={ui.status} data-testid={tid.saved}>
                {t('licensing.recorded')}
              </Alert>
            )}
            <ProblemAlert error={mutation.error} />
            <Select
              label={t('licensing.action')}
              required
              data={actions.map((a) => ({ value: a, label: t(`licensing.kinds.${a}`) }))}
              value={current}
              onChange={(v) => {
                setAction(v as LicensingAction | null);
                mutation.reset();
              }}
              error={errors.kind}
              data-testid={tid.action}
            />
            {current && (
              <>
                <TextInput type={dateInput} label={t('licensing.occurredOn')} required {...input(fld.occurredOn)} />
                {show.opinion && (
                  <Select label={t('licensing.opinion')} required data={committeeOpinions.map((o) => ({ value: o, label: t(`licensing.opinions.${o}`) }))} value={values.opinion ?? null} onChange={set(fld.opinion)} error={errors.opinion} data-testid={tid.field(fld.opinion)} />
                )}
                {show.licence && (
                  <>
                    <TextInput label={t('licensing.licenceNumber')} required {...input(fld.licenceNumber)} />
                    <TextInput type={dateInput} label={t('licensing.licenceDate')} required {...input(fld.licenceDate)} />
                  </>
                )}
                {show.item && (
                  <Select label={t('licensing.requestedItem')} placeholder={t('licensing.noItem')} clearable data={items} value={values.item ?? null} onChange={set(fld.item)} error={errors.item} data-testid={tid.field(fld.item)} />
                )}
                {show.declaration && (
                  <>
                    <Select label={t('licensing.changeSubject')} required data={changeSubjects.map((s) => ({ value: s, label: t(`licensing.subjects.${s}`) }))} value={values.changeSubject ?? null} onChange={set(fld.changeSubject)} error={errors.changeSubject} data-testid={tid.field(fld.changeSubject)} />
                    <TextInput type={dateInput} label={t('licensing.changeOn')} required {...input(fld.changeOn)} />
                    {changes.length > 0 && (
                      <Select label={t('licensing.changeId')} clearable data={changes} value={values.changeId ?? null} onChange={set(fld.changeId)} error={errors.changeId} data-testid={tid.field(fld.changeId)} />
                    )}
                  </>
                )}
                {show.decision && (
                  <>
                    <Select label={t('licensing.changeId')} required data={approvals} value={values.changeId ?? null} onChange={set(fld.changeId)} error={errors.changeId} data-testid={tid.field(fld.changeId)} />
                    <Select label={t('licensing.changeOutcome')} required data={changeOutcomes.map((o) => ({ value: o, label: t(`licensing.outcomes.${o}`) }))} value={values.outcome ?? null} onChange={set(fld.outcome)} error={errors.outcome} data-testid={tid.field(fld.outcome)} />
                  </>
                )}
                {show.reasons && (
                  <Textarea label={t('licensing.reasons')} required={show.reasonsRequired} autosize minRows={2} {...input(fld.reasons)} />
                )}
                {show.regularise && <TextInput type={dateInput} label={t('licensing.regulariseBy')} {...input(fld.regulariseBy)} />}
                <Textarea label={t('licensing.note')} autosize minRows={2} {...input(fld.note)} />
                <Group justify={ui.end}>
                  <Button type={submitType} loading={mutation.isPending} data-testid={tid.submit}>
                    {t('licensing.record')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </form>
      )}
    </Paper>
  );
}
