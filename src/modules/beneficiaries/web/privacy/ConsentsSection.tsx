/**
 * The legal bases of the processing of a person's data (law 09-08 art. 4): each with its purpose,
 * who consented and when; a consent can be withdrawn (a legal obligation cannot).
 */
import { useEffect, useState } from 'react';
import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconPlus } from '@tabler/icons-react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ListTable, ProblemAlert, QueryStates, applyServerErrors, fieldMessage, formatDate, formErrorMap, todayInMorocco, ui, useCan } from '../../../../platform/web/index.ts';
import { ConsentBody, WithdrawConsentBody, consentGivers, consentPurposes, legalBases, type Consent } from '../../contract/privacy.ts';
import { useConsentMutation, useConsents } from './queries.ts';
import { fld, tid, val } from './constants.ts';

const today = todayInMorocco;

export function ConsentsSection({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const can = useCan();
  const mayWrite = can('beneficiaries.receive');
  const query = useConsents(personId);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const items = query.data?.items ?? [];
  return (
    <section aria-labelledby="privacy-consents-title" data-testid={tid.consents}>
      <Group justify={ui.spaceBetween} mb={ui.sm}>
        <Title order={2} size={ui.h4} id="privacy-consents-title">{t('privacy.consents.heading')}</Title>
        {mayWrite && (
          <Button size={ui.sm} variant={ui.light} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} data-testid={tid.consentAdd}>
            {t('privacy.consents.add')}
          </Button>
        )}
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <ListTable
            minWidth={640}
            testId={`${tid.consents}-table`}
            caption={t('privacy.consents.heading')}
            headers={[t('privacy.consents.basis'), t('privacy.consents.purpose'), t('privacy.consents.givenBy'), t('privacy.consents.givenOn'), t('privacy.consents.active'), ...(mayWrite ? [t('privacy.consents.withdraw')] : [])]}
          >
            {items.map((c, i) => (
              <Table.Tr key={c.id}>
                <Table.Th scope={ui.row} fw={500}>{t(`privacy.enums.legalBasis.${c.basis}`)}</Table.Th>
                <Table.Td>{t(`privacy.enums.consentPurpose.${c.purpose}`)}{c.purposeDetails ? ` — ${c.purposeDetails}` : ''}</Table.Td>
                <Table.Td>
                  {c.givenBy ? t(`privacy.enums.consentGiver.${c.givenBy}`) : ''}
                  {c.givenByName ? <> (<bdi>{c.givenByName}</bdi>)</> : null}
                </Table.Td>
                <Table.Td>{formatDate(c.givenOn, lang)}</Table.Td>
                <Table.Td>
                  {c.active ? (
                    <Badge color={val.greenDark} variant={ui.light}>{t('privacy.consents.active')}</Badge>
                  ) : (
                    <Badge color={ui.gray8} variant={ui.light}>{t('privacy.consents.withdrawn', { date: formatDate(c.withdrawnOn, lang) })}</Badge>
                  )}
                </Table.Td>
                {mayWrite && (
                  <Table.Td>
                    {c.active && c.basis === 'consent' && (
                      <Button size={ui.xs} variant={ui.subtle} color={ui.red} onClick={() => setWithdrawing(c)} data-testid={tid.consentWithdraw(i)}>
                        {t('privacy.consents.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryStates>
      {adding && <ConsentForm personId={personId} onClose={() => setAdding(false)} />}
      {withdrawing && <WithdrawForm personId={personId} consent={withdrawing} onClose={() => setWithdrawing(null)} />}
    </section>
  );
}

type ConsentInput = z.input<typeof ConsentBody>;
const CONSENT_FIELDS = ['basis', 'purpose', 'purposeDetails', 'givenBy', 'givenByName', 'givenOn'] as const;

function ConsentForm({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const mutation = useConsentMutation(personId);
  const resolver = zodResolver(ConsentBody, { error: formErrorMap }) as unknown as Resolver<ConsentInput, unknown, ConsentBody>;
  const form = useForm<ConsentInput, unknown, ConsentBody>({
    resolver,
    defaultValues: { basis: 'consent', purpose: 'social_care', purposeDetails: '', givenBy: 'self', givenByName: '', givenOn: today() },
  });
  const { errors } = form.formState;
  useEffect(() => {
    if (mutation.error) applyServerErrors(mutation.error, form.setError, CONSENT_FIELDS);
  }, [mutation.error, form.setError]);
  const basis = useWatch({ control: form.control, name: fld.basis });
  const bases = legalBases.map((v) => ({ value: v, label: t(`privacy.enums.legalBasis.${v}`) }));
  const purposes = consentPurposes.map((v) => ({ value: v, label: t(`privacy.enums.consentPurpose.${v}`) }));
  const givers = consentGivers.map((v) => ({ value: v, label: t(`privacy.enums.consentGiver.${v}`) }));
  return (
    <Modal opened onClose={onClose} title={t('privacy.consents.add')} size={ui.lg} closeButtonProps={{ 'aria-label': t('privacy.consents.cancel') }}>
      <form noValidate data-testid={tid.consentForm} onSubmit={form.handleSubmit((body) => mutation.mutate({ kind: 'add', body: { ...body, givenBy: body.basis === 'consent' ? body.givenBy : null } }, { onSuccess: onClose }))}>
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller control={form.control} name={fld.basis} render={({ field }) => (
              <Select label={t('privacy.consents.basis')} data={bases} value={field.value} onChange={(v) => field.onChange(v)} allowDeselect={false} error={fieldMessage(errors.basis?.message)} data-testid={tid.consentField(fld.basis)} />
            )} />
            <Controller control={form.control} name={fld.purpose} render={({ field }) => (
              <Select label={t('privacy.consents.purpose')} data={purposes} value={field.value} onChange={(v) => field.onChange(v)} allowDeselect={false} error={fieldMessage(errors.purpose?.message)} data-testid={tid.consentField(fld.purpose)} />
            )} />
            <TextInput label={t('privacy.consents.purposeDetails')} {...form.register(fld.purposeDetails)} error={fieldMessage(errors.purposeDetails?.message)} data-testid={tid.consentField(fld.purposeDetails)} />
            <TextInput type={val.date} label={t('privacy.consents.givenOn')} {...form.register(fld.givenOn)} error={fieldMessage(errors.givenOn?.message)} data-testid={tid.consentField(fld.givenOn)} />
            {basis === 'consent' && (
              <Controller control={form.control} name={fld.givenBy} render={({ field }) => (
                <Select label={t('privacy.consents.givenBy')} data={givers} value={field.value ?? null} onChange={(v) => field.onChange(v)} error={fieldMessage(errors.givenBy?.message)} data-testid={tid.consentField(fld.givenBy)} />
              )} />
            )}
            {basis === 'consent' && (
              <TextInput label={t('privacy.consents.givenByName')} {...form.register(fld.givenByName)} error={fieldMessage(errors.givenByName?.message)} data-testid={tid.consentField(fld.givenByName)} />
            )}
          </SimpleGrid>
          <Group justify={ui.end}>
            <Button variant={ui.default} onClick={onClose}>{t('privacy.consents.cancel')}</Button>
            <Button type={val.submit} loading={mutation.isPending} data-testid={tid.consentSave}>{t('privacy.consents.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type WithdrawInput = z.input<typeof WithdrawConsentBody>;

function WithdrawForm({ personId, consent, onClose }: { personId: string; consent: Consent; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const mutation = useConsentMutation(personId);
  const resolver = zodResolver(WithdrawConsentBody, { error: formErrorMap }) as unknown as Resolver<WithdrawInput, unknown, WithdrawConsentBody>;
  const form = useForm<WithdrawInput, unknown, WithdrawConsentBody>({ resolver, defaultValues: { withdrawnOn: today(), reason: '' } });
  const { errors } = form.formState;
  useEffect(() => {
    if (mutation.error) applyServerErrors(mutation.error, form.setError, ['withdrawnOn', 'reason']);
  }, [mutation.error, form.setError]);
  return (
    <Modal opened onClose={onClose} title={t('privacy.consents.withdraw')} closeButtonProps={{ 'aria-label': t('privacy.consents.cancel') }}>
      <form noValidate data-testid={tid.withdrawForm} onSubmit={form.handleSubmit((body) => mutation.mutate({ kind: 'withdraw', consentId: consent.id, body }, { onSuccess: onClose }))}>
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <TextInput type={val.date} label={t('privacy.consents.withdrawnOn')} {...form.register(fld.withdrawnOn)} error={fieldMessage(errors.withdrawnOn?.message)} />
          <TextInput label={t('privacy.consents.reason')} {...form.register(fld.reason)} error={fieldMessage(errors.reason?.message)} data-testid={tid.consentField(fld.reason)} />
          <Group justify={ui.end}>
            <Button variant={ui.default} onClick={onClose}>{t('privacy.consents.cancel')}</Button>
            <Button type={val.submit} color={ui.red} loading={mutation.isPending} data-testid={tid.withdrawSave}>{t('privacy.consents.confirmWithdraw')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
