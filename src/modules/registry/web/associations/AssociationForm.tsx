/**
 * The association form (creation and edit): identity, declaration receipt, board renewal, public
 * utility, bank account (RIB checked with its key as you type it), seat (province then commune),
 * contact. Validated with the API's own schema; the server's field errors land under their fields.
 */
import { useEffect, useState } from 'react';
import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, applyServerErrors, fieldMessage, formErrorMap, nameIn, ui, useCurrentUser } from '../../../../platform/web/index.ts';
import { CommuneSelect } from '../../../territory/web/index.ts';
import { CreateAssociationBody, UpdateAssociationBody, associationStatuses, legalForms, type Association, type CreateAssociationBodyInput } from '../../contract/index.ts';
import { useProvinceOptions, useRegionOptions } from './queries.ts';
import { fld, tid, val } from './constants.ts';

type Input = CreateAssociationBodyInput & { status?: string };
type Output = CreateAssociationBody;

const FIELDS = ['legalForm', 'nameAr', 'nameFr', 'receiptNumber', 'receiptDate', 'boardRenewalDate', 'publicUtility', 'rib', 'bankName', 'address', 'communeId', 'phone', 'email', 'status'] as const;

interface Props {
  association?: Association;
  pending: boolean;
  error: unknown;
  onSubmit: (body: Output) => void;
}

export function AssociationForm({ association, pending, error, onSubmit }: Props) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const me = useCurrentUser();
  const a = association;
  const defaults: Input = {
    legalForm: a?.legalForm ?? 'association',
    nameAr: a?.nameAr ?? '',
    nameFr: a?.nameFr ?? '',
    receiptNumber: a?.receiptNumber ?? '',
    receiptDate: a?.receiptDate ?? '',
    boardRenewalDate: a?.boardRenewalDate ?? '',
    publicUtility: a?.publicUtility ?? false,
    rib: a?.rib ?? '',
    bankName: a?.bankName ?? '',
    address: a?.address ?? '',
    communeId: a?.communeId ?? '',
    phone: a?.phone ?? '',
    email: a?.email ?? '',
    ...(a && { status: a.status }),
  };
  const schema = a ? UpdateAssociationBody : CreateAssociationBody;
  const resolver = zodResolver(schema, { error: formErrorMap }) as unknown as Resolver<Input, unknown, Output>;
  const form = useForm<Input, unknown, Output>({ resolver, defaultValues: defaults });
  const { errors } = form.formState;

  useEffect(() => {
    if (error) applyServerErrors(error, form.setError, FIELDS);
  }, [error, form.setError]);

  const nation = me.scope.level === 'nation';
  const [region, setRegion] = useState<string | null>(a?.regionId ?? me.scope.regionId);
  const [province, setProvince] = useState<string | null>(a?.provinceId ?? null);
  const regions = useRegionOptions(nation);
  const provinces = useProvinceOptions(region);
  const provinceOptions = (provinces.data?.items ?? [])
    .filter((p) => me.scope.level !== 'delegation' || p.delegationId === me.scope.delegationId || p.id === a?.provinceId)
    .map((p) => ({ value: p.id, label: nameIn(p, lang) }));
  type Field = (typeof FIELDS)[number];
  const errorOf = (name: Field) => fieldMessage((errors as Partial<Record<Field, { message?: string }>>)[name]?.message);
  // Each registered input's props (registration, test id, error) prepared outside the JSX.
  const p = Object.fromEntries(FIELDS.map((name) => [name, { ...form.register(name as never), error: errorOf(name), 'data-testid': tid.field(name) }])) as unknown as Record<Field, ReturnType<typeof form.register> & { error: string | undefined; 'data-testid': string }>;
  const ids = { legalForm: tid.field(fld.legalForm), status: tid.field(fld.status), region: tid.field(fld.region), province: tid.field(fld.province), communeId: tid.field(fld.communeId) };
  const clearCommune = () => form.setValue(fld.communeId, '');

  return (
    <form noValidate data-testid={tid.form} onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap={ui.lg}>
        <ProblemAlert error={error} />
        <Fieldset legend={t('associations.form.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={form.control}
              name={fld.legalForm}
              render={({ field }) => (
                <Select
                  label={t('associations.legalForm')}
                  required
                  allowDeselect={false}
                  data={legalForms.map((f) => ({ value: f, label: t(`enums.legalForm.${f}`) }))}
                  value={field.value as string}
                  onChange={(v) => field.onChange(v)}
                  error={fieldMessage(errors.legalForm?.message)}
                  data-testid={ids.legalForm}
                />
              )}
            />
            {a && (
              <Controller
                control={form.control}
                name={fld.status}
                render={({ field }) => (
                  <Select
                    label={t('associations.status')}
                    required
                    allowDeselect={false}
                    data={associationStatuses.map((s) => ({ value: s, label: t(`enums.associationStatus.${s}`) }))}
                    value={field.value ?? null}
                    onChange={(v) => field.onChange(v)}
                    error={fieldMessage(errors.status?.message)}
                    data-testid={ids.status}
                  />
                )}
              />
            )}
            <TextInput label={t('associations.nameAr')} required dir={ui.rtl} lang={ui.ar} {...p.nameAr} />
            <TextInput label={t('associations.nameFr')} required dir={ui.ltr} lang={ui.fr} {...p.nameFr} />
            <TextInput label={t('associations.receiptNumber')} description={t('associations.form.receiptHint')} {...p.receiptNumber} />
            <TextInput label={t('associations.receiptDate')} type={val.dateType} {...p.receiptDate} />
            <TextInput label={t('associations.boardRenewalDate')} type={val.dateType} {...p.boardRenewalDate} />
            <Checkbox mt={ui.lg} label={t('associations.publicUtility')} {...p.publicUtility} error={undefined} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('associations.form.bank')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('associations.rib')}
              description={t('associations.form.ribHint')}
              dir={ui.ltr}
              inputMode={val.numeric}
              autoComplete={ui.off}
              {...p.rib}
            />
            <TextInput label={t('associations.bankName')} {...p.bankName} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('associations.form.seat')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {nation && (
              <Select
                label={t('associations.region')}
                searchable
                data={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: nameIn(r, lang) }))}
                value={region}
                onChange={(v) => {
                  setRegion(v);
                  setProvince(null);
                  clearCommune();
                }}
                data-testid={ids.region}
              />
            )}
            <Select
              label={t('associations.province')}
              searchable
              required
              data={provinceOptions}
              value={province}
              onChange={(v) => {
                setProvince(v);
                clearCommune();
              }}
              data-testid={ids.province}
            />
            <Controller
              control={form.control}
              name={fld.communeId}
              render={({ field }) => (
                <CommuneSelect
                  provinceId={province}
                  required
                  value={(field.value as string) || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  error={fieldMessage(errors.communeId?.message)}
                  testId={ids.communeId}
                />
              )}
            />
            <TextInput label={t('associations.address')} {...p.address} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('associations.form.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('associations.phone')} description={t('associations.form.phoneHint')} type={val.tel} dir={ui.ltr} {...p.phone} />
            <TextInput label={t('associations.email')} type={val.email} dir={ui.ltr} {...p.email} />
          </SimpleGrid>
        </Fieldset>
        <Group justify={ui.end}>
          <Button type="submit" loading={pending} data-testid={tid.submit}>
            {t('associations.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
