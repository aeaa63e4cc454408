/**
 * The register's three forms, each in a modal: admission (from an accepted referral or a person
 * picked), exit, and transfer (with the consent the database requires for a minor or a person with
 * a mental disability). The server's rules answer in the user's language under the fields.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, ProblemAlert, applyServerErrors, fieldMessage, formErrorMap, todayInMorocco, ui } from '../../../../platform/web/index.ts';
import { RegistryPicker } from '../../../registry/web/associations/RegistryPicker.tsx';
import { AdmissionBody, ExitBody, TransferBody, transferConsentGivers } from '../../contract/register.ts';
import { exitReasons } from '../../contract/enums.ts';
import { PersonPicker } from '../persons/PersonPicker.tsx';
import { useAdmit, useExit, useTransfer } from './queries.ts';
import { fld, noConsent, tid } from './constants.ts';

/** The server refused the place beyond capacity: the justification field is then shown. */
const isFull = (error: unknown) => error instanceof ApiError && Boolean(error.problem?.errors?.some((e) => e.path === fld.overCapacityJustification));

const today = todayInMorocco;
const dateType = 'date';
const institutionKind = 'institution';

/** The school year a date falls in (from September), as the database fills it. */
const schoolYearOf = (date: string) => {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
};

function Actions({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation('beneficiaries');
  return (
    <Group justify={ui.end}>
      <Button variant={ui.default} onClick={onCancel}>
        {t('register.actions.cancel')}
      </Button>
      <Button type="submit" loading={pending} data-testid={tid.submit}>
        {t('register.actions.save')}
      </Button>
    </Group>
  );
}

export interface AdmitTarget {
  personId: string | null;
  personName: string | null;
  caseId?: string;
  referralId?: string;
}

type AdmitInput = z.input<typeof AdmissionBody>;
const ADMIT_FIELDS = ['personId', fld.admissionDate, fld.schoolYear, fld.schoolName, fld.schoolLevel, fld.overCapacityJustification] as const;

export function AdmitModal({ institutionId, schooled, target, onClose }: { institutionId: string; schooled: boolean; target: AdmitTarget; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const admit = useAdmit(institutionId);
  const date = today();
  const form = useForm<AdmitInput, unknown, z.output<typeof AdmissionBody>>({
    resolver: zodResolver(AdmissionBody, { error: formErrorMap }),
    defaultValues: {
      personId: target.personId ?? '',
      caseId: target.caseId ?? null,
      referralId: target.referralId ?? null,
      admissionDate: date,
      schoolYear: schooled ? schoolYearOf(date) : '',
      schoolName: '',
      schoolLevel: '',
      overCapacityJustification: '',
    },
  });
  const { errors } = form.formState;
  const [showJustification, setShowJustification] = useState(false);
  useEffect(() => {
    if (admit.error) applyServerErrors(admit.error, form.setError, ADMIT_FIELDS);
  }, [admit.error, form.setError]);
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('register.actions.cancel') }} title={t('register.admit.title', { name: target.personName ?? '' })} size={ui.lg}>
      <form noValidate onSubmit={form.handleSubmit((body) => admit.mutate(body, { onSuccess: onClose, onError: (e) => isFull(e) && setShowJustification(true) }))}>
        <Stack gap={ui.sm}>
          <Text size={ui.sm}>{t('register.admit.hint')}</Text>
          <ProblemAlert error={admit.error && !Object.keys(errors).length ? admit.error : null} />
          {!target.personId && (
            <Controller
              control={form.control}
              name={fld.personId}
              render={({ field }) => <PersonPicker value={field.value || null} onChange={(id) => field.onChange(id ?? '')} required error={fieldMessage(errors.personId?.message)} testId={tid.admitPerson} />}
            />
          )}
          {target.personId && errors.personId && (
            <Alert color={ui.red} variant={ui.light} role={ui.alert}>
              {fieldMessage(errors.personId.message)}
            </Alert>
          )}
          <TextInput label={t('register.fields.admissionDate')} type={dateType} required error={fieldMessage(errors.admissionDate?.message)} data-testid={tid.field(fld.admissionDate)} {...form.register(fld.admissionDate)} />
          {schooled && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('register.fields.schoolYear')} dir={ui.ltr} error={fieldMessage(errors.schoolYear?.message)} data-testid={tid.field(fld.schoolYear)} {...form.register(fld.schoolYear)} />
              <TextInput label={t('register.fields.schoolName')} error={fieldMessage(errors.schoolName?.message)} data-testid={tid.field(fld.schoolName)} {...form.register(fld.schoolName)} />
              <TextInput label={t('register.fields.schoolLevel')} error={fieldMessage(errors.schoolLevel?.message)} data-testid={tid.field(fld.schoolLevel)} {...form.register(fld.schoolLevel)} />
            </SimpleGrid>
          )}
          {showJustification && (
            <>
              <Alert color={ui.orange} variant={ui.light}>
                {t('register.admit.full')}
              </Alert>
              <Textarea label={t('register.fields.overCapacityJustification')} required autosize minRows={2} error={fieldMessage(errors.overCapacityJustification?.message)} data-testid={tid.field(fld.overCapacityJustification)} {...form.register(fld.overCapacityJustification)} />
            </>
          )}
          <Actions pending={admit.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

type ExitInput = z.input<typeof ExitBody>;
const EXIT_FIELDS = [fld.exitDate, fld.exitReason, fld.exitDestination] as const;

export function ExitModal({ institutionId, admissionId, name, onClose }: { institutionId: string; admissionId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const exit = useExit(institutionId, admissionId);
  const form = useForm<ExitInput, unknown, z.output<typeof ExitBody>>({
    resolver: zodResolver(ExitBody, { error: formErrorMap }),
    defaultValues: { exitDate: today(), exitReason: undefined as unknown as ExitInput['exitReason'], exitDestination: '' },
  });
  const { errors } = form.formState;
  useEffect(() => {
    if (exit.error) applyServerErrors(exit.error, form.setError, EXIT_FIELDS);
  }, [exit.error, form.setError]);
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('register.actions.cancel') }} title={t('register.exit.title', { name })}>
      <form noValidate onSubmit={form.handleSubmit((body) => exit.mutate(body, { onSuccess: onClose }))}>
        <Stack gap={ui.sm}>
          <ProblemAlert error={exit.error && !Object.keys(errors).length ? exit.error : null} />
          <TextInput label={t('register.fields.exitDate')} type={dateType} required error={fieldMessage(errors.exitDate?.message)} data-testid={tid.field(fld.exitDate)} {...form.register(fld.exitDate)} />
          <Controller
            control={form.control}
            name={fld.exitReason}
            render={({ field }) => (
              <Select
                label={t('register.fields.exitReason')}
                required
                data={exitReasons.filter((r) => r !== 'transfer').map((r) => ({ value: r, label: t(`enums.exitReason.${r}`) }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? undefined)}
                error={fieldMessage(errors.exitReason?.message)}
                data-testid={tid.field(fld.exitReason)}
              />
            )}
          />
          <TextInput label={t('register.fields.exitDestination')} error={fieldMessage(errors.exitDestination?.message)} data-testid={tid.field(fld.exitDestination)} {...form.register(fld.exitDestination)} />
          <Actions pending={exit.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

type TransferInput = z.input<typeof TransferBody>;
const TRANSFER_FIELDS = [fld.toInstitutionId, fld.date, fld.reason, fld.consentBy, fld.consentName, fld.consentDate, fld.overCapacityJustification] as const;

export function TransferModal({ institutionId, admissionId, name, onClose }: { institutionId: string; admissionId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const transfer = useTransfer(institutionId, admissionId);
  const form = useForm<TransferInput, unknown, z.output<typeof TransferBody>>({
    resolver: zodResolver(TransferBody, { error: formErrorMap }),
    defaultValues: { toInstitutionId: '', date: today(), reason: '', consentBy: null, consentName: '', consentDate: null, overCapacityJustification: '' },
  });
  const { errors } = form.formState;
  const consentBy = useWatch({ control: form.control, name: fld.consentBy });
  const [full, setFull] = useState(false);
  useEffect(() => {
    if (transfer.error) applyServerErrors(transfer.error, form.setError, TRANSFER_FIELDS);
  }, [transfer.error, form.setError]);
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('register.actions.cancel') }} title={t('register.transfer.title', { name })} size={ui.lg}>
      <form noValidate onSubmit={form.handleSubmit((body) => transfer.mutate(body, { onSuccess: onClose, onError: (e) => isFull(e) && setFull(true) }))}>
        <Stack gap={ui.sm}>
          <ProblemAlert error={transfer.error && !Object.keys(errors).length ? transfer.error : null} />
          <Controller
            control={form.control}
            name={fld.toInstitutionId}
            render={({ field }) => (
              <RegistryPicker kind={institutionKind} value={field.value || null} onChange={(id) => field.onChange(id ?? '')} label={t('register.transfer.toInstitution')} required error={fieldMessage(errors.toInstitutionId?.message)} testId={tid.field(fld.toInstitutionId)} />
            )}
          />
          <TextInput label={t('register.transfer.date')} type={dateType} required error={fieldMessage(errors.date?.message)} data-testid={tid.field(fld.date)} {...form.register(fld.date)} />
          <Textarea label={t('register.transfer.reason')} required autosize minRows={2} error={fieldMessage(errors.reason?.message)} data-testid={tid.field(fld.reason)} {...form.register(fld.reason)} />
          <Controller
            control={form.control}
            name={fld.consentBy}
            render={({ field }) => (
              <Select
                label={t('register.transfer.consentBy')}
                description={t('register.transfer.consentHint')}
                data={[{ value: noConsent, label: t('register.transfer.consentNone') }, ...transferConsentGivers.map((c) => ({ value: c, label: t(`register.consentBy.${c}`) }))]}
                value={field.value ?? noConsent}
                onChange={(v) => field.onChange(!v || v === noConsent ? null : v)}
                allowDeselect={false}
                error={fieldMessage(errors.consentBy?.message)}
                data-testid={tid.field(fld.consentBy)}
              />
            )}
          />
          {consentBy && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('register.transfer.consentName')} required error={fieldMessage(errors.consentName?.message)} data-testid={tid.field(fld.consentName)} {...form.register(fld.consentName)} />
              <TextInput label={t('register.transfer.consentDate')} type={dateType} required error={fieldMessage(errors.consentDate?.message)} data-testid={tid.field(fld.consentDate)} {...form.register(fld.consentDate, { setValueAs: (v: string) => v || null })} />
            </SimpleGrid>
          )}
          {full && (
            <Textarea label={t('register.fields.overCapacityJustification')} required autosize minRows={2} error={fieldMessage(errors.overCapacityJustification?.message)} data-testid={tid.field(fld.overCapacityJustification)} {...form.register(fld.overCapacityJustification)} />
          )}
          <Actions pending={transfer.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
