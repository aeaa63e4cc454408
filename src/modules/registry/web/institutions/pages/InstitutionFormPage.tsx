/**
 * Create and edit an institution. The contract's schema validates in the browser (messages in
 * the interface language) and the server's field errors land on their fields (a duplicate name,
 * a founder or commune out of scope, a rule only the database knows). Editing sends only what
 * changed. Status and licence are not here: the licensing steps write them.
 */
import { useEffect, useState } from 'react';
import { Button, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from '@tanstack/react-router';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState, PageHeader, ProblemAlert, applyServerErrors, fieldMessage, formErrorMap, nameIn, ui, useParam } from '../../../../../platform/web/index.ts';
import { CommuneSelect } from '../../../../territory/web/index.ts';
import { useProvinces, useRegions } from '../../../../territory/web/queries.ts';
import { areas, careModes, centreTypes, feeModes, legalCategories, sexesServed, targetGroups } from '../../../contract/enums.ts';
import { CreateInstitutionBody, type Institution, type UpdateInstitutionBody } from '../../../contract/institutions.ts';
import { useCreateInstitution, useInstitution, useUpdateInstitution } from '../queries.ts';
import { RegistryPicker } from '../../associations/RegistryPicker.tsx';
import { en, fld, look, path, tid } from '../constants.ts';

/** The form's own shape: what the inputs hold (text, numbers, nulls), checked by the contract's schema. */
interface Values {
  nameAr: string;
  nameFr: string;
  associationId: string | null;
  legalCategory: string | null;
  centreType: string | null;
  communeId: string | null;
  addressAr: string;
  addressFr: string;
  latitude: string;
  longitude: string;
  area: string | null;
  mode: string | null;
  sexServed: string | null;
  capacityMale: number | string;
  capacityFemale: number | string;
  targetGroups: string[];
  feeMode: string;
  directorNameAr: string;
  directorNameFr: string;
  directorAppointedOn: string;
  directorEndorsedOn: string;
  phone: string;
  email: string;
  openedOn: string;
}
type Output = CreateInstitutionBody;
const FIELDS = Object.keys(fld);
/** The founder is picked among the associations (and other founders) the user sees. */
const founderKind = 'association' as const;

function defaultsOf(inst?: Institution): Values {
  return {
    nameAr: inst?.nameAr ?? '',
    nameFr: inst?.nameFr ?? '',
    associationId: inst?.associationId ?? null,
    legalCategory: inst?.legalCategory ?? null,
    centreType: inst?.centreType ?? null,
    communeId: inst?.communeId ?? null,
    addressAr: inst?.addressAr ?? '',
    addressFr: inst?.addressFr ?? '',
    latitude: inst?.latitude ?? '',
    longitude: inst?.longitude ?? '',
    area: inst?.area ?? null,
    mode: inst?.mode ?? null,
    sexServed: inst?.sexServed ?? null,
    capacityMale: inst?.capacityMale ?? 0,
    capacityFemale: inst?.capacityFemale ?? 0,
    targetGroups: inst?.targetGroups ?? [],
    feeMode: inst?.feeMode ?? 'free',
    directorNameAr: inst?.directorNameAr ?? '',
    directorNameFr: inst?.directorNameFr ?? '',
    directorAppointedOn: inst?.directorAppointedOn ?? '',
    directorEndorsedOn: inst?.directorEndorsedOn ?? '',
    phone: inst?.phone ?? '',
    email: inst?.email ?? '',
    openedOn: inst?.openedOn ?? '',
  };
}

export function InstitutionCreatePage() {
  const { t } = useTranslation('registry');
  const navigate = useNavigate();
  const create = useCreateInstitution();
  return (
    <>
      <PageHeader title={t('institutions.form.createTitle')} back={path.list} />
      <InstitutionForm
        pending={create.isPending}
        error={create.error}
        onSubmit={(body) => create.mutate(body as CreateInstitutionBody, { onSuccess: (inst) => void navigate({ to: path.page, params: { institutionId: inst.id } }) })}
      />
    </>
  );
}

export function InstitutionEditPage() {
  const { t, i18n } = useTranslation('registry');
  const id = useParam('institutionId');
  const navigate = useNavigate();
  const institution = useInstitution(id);
  const update = useUpdateInstitution(id);
  if (institution.isPending) return <LoadingState />;
  if (institution.isError) return <ErrorState error={institution.error} />;
  return (
    <>
      <PageHeader title={`${t('institutions.form.editTitle')} — ${nameIn(institution.data, i18n.language)}`} back={`/registry/institutions/${id}`} />
      <InstitutionForm
        institution={institution.data}
        pending={update.isPending}
        error={update.error}
        onSubmit={(body) => update.mutate(body, { onSuccess: () => void navigate({ to: path.page, params: { institutionId: id } }) })}
      />
    </>
  );
}

function InstitutionForm({ institution, pending, error, onSubmit }: { institution?: Institution; pending: boolean; error: unknown; onSubmit: (body: CreateInstitutionBody | UpdateInstitutionBody) => void }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(CreateInstitutionBody, { error: formErrorMap }) as unknown as Resolver<Values, unknown, Output>,
    defaultValues: defaultsOf(institution),
  });
  const { errors, dirtyFields } = form.formState;
  const [regionId, setRegionId] = useState<string | null>(institution?.regionId ?? null);
  const [provinceId, setProvinceId] = useState<string | null>(institution?.provinceId ?? null);
  const regions = useRegions();
  const provinces = useProvinces(regionId ?? undefined);
  useEffect(() => {
    if (error) applyServerErrors(error, form.setError, FIELDS);
  }, [error, form.setError]);

  const err = (key: keyof Values) => fieldMessage(errors[key]?.message as string | undefined);
  const options = (name: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`enums.${name}.${v}` as never) }));
  const select = (name: keyof Values, label: string, data: { value: string; label: string }[], extra: { required?: boolean; clearable?: boolean } = {}) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          data={data}
          value={(field.value as string | null) ?? null}
          onChange={(v) => field.onChange(v)}
          onBlur={field.onBlur}
          required={extra.required}
          clearable={extra.clearable}
          allowDeselect={Boolean(extra.clearable)}
          searchable={data.length > 8}
          error={err(name)}
          data-testid={tid.field(name)}
        />
      )}
    />
  );
  const text = (name: keyof Values, label: string, extra: { required?: boolean; dir?: 'rtl' | 'ltr'; type?: string; inputMode?: 'decimal' } = {}) => (
    <TextInput label={label} required={extra.required} dir={extra.dir} type={extra.type} inputMode={extra.inputMode} error={err(name)} data-testid={tid.field(name)} {...form.register(name)} />
  );
  const number = (name: 'capacityMale' | 'capacityFemale', label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => <NumberInput label={label} allowDecimal={false} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={err(name)} data-testid={tid.field(name)} />}
    />
  );

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        if (!institution) return onSubmit(values);
        const changed: Record<string, unknown> = {};
        for (const key of Object.keys(dirtyFields)) changed[key] = values[key as keyof Output];
        onSubmit(changed as UpdateInstitutionBody);
      })}
    >
      <Stack gap={ui.lg}>
        <ProblemAlert error={error} />
        <Fieldset legend={t('institutions.form.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text(fld.nameAr, t('institutions.fields.nameAr'), { required: true, dir: ui.rtl })}
            {text(fld.nameFr, t('institutions.fields.nameFr'), { required: true, dir: ui.ltr })}
            <Controller
              control={form.control}
              name={fld.associationId}
              render={({ field }) => (
                <RegistryPicker
                  kind={founderKind}
                  label={t('institutions.fields.associationId')}
                  placeholder={t('institutions.founderPicker.placeholder')}
                  required
                  value={field.value}
                  initialName={institution && { nameAr: institution.associationNameAr, nameFr: institution.associationNameFr }}
                  onChange={(v) => field.onChange(v)}
                  error={err(fld.associationId)}
                  testId={tid.founder}
                />
              )}
            />
            {select(fld.legalCategory, t('institutions.fields.legalCategory'), options(en.legalCategory, legalCategories), { clearable: true })}
            {select(fld.centreType, t('institutions.fields.centreType'), options(en.centreType, centreTypes), { clearable: true })}
            <Controller
              control={form.control}
              name={fld.targetGroups}
              render={({ field }) => (
                <MultiSelect label={t('institutions.fields.targetGroups')} data={options(en.targetGroup, targetGroups)} value={field.value} onChange={field.onChange} error={err(fld.targetGroups)} data-testid={tid.field(fld.targetGroups)} />
              )}
            />
            {text(fld.openedOn, t('institutions.fields.openedOn'), { type: look.date })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('institutions.form.place')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('institutions.fields.region')}
              required
              searchable
              data={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: nameIn(r, lang) }))}
              value={regionId}
              onChange={(v) => {
                setRegionId(v);
                setProvinceId(null);
                form.setValue(fld.communeId, null, { shouldDirty: true });
              }}
              data-testid={tid.region}
            />
            <Select
              label={t('institutions.fields.province')}
              required
              searchable
              disabled={!regionId}
              data={(provinces.data?.items ?? []).map((p) => ({ value: p.id, label: nameIn(p, lang) }))}
              value={provinceId}
              onChange={(v) => {
                setProvinceId(v);
                form.setValue(fld.communeId, null, { shouldDirty: true });
              }}
              data-testid={tid.province}
            />
            <Controller
              control={form.control}
              name={fld.communeId}
              render={({ field }) => <CommuneSelect provinceId={provinceId} value={field.value} onChange={(v) => field.onChange(v)} error={err(fld.communeId)} required testId={tid.commune} />}
            />
            {select(fld.area, t('institutions.fields.area'), options(en.area, areas), { required: true })}
            {text(fld.addressAr, t('institutions.fields.addressAr'), { dir: ui.rtl })}
            {text(fld.addressFr, t('institutions.fields.addressFr'), { dir: ui.ltr })}
            {text(fld.latitude, t('institutions.fields.latitude'), { dir: ui.ltr, inputMode: look.decimal })}
            {text(fld.longitude, t('institutions.fields.longitude'), { dir: ui.ltr, inputMode: look.decimal })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('institutions.form.capacity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {select(fld.mode, t('institutions.fields.mode'), options(en.careMode, careModes), { required: true })}
            {select(fld.sexServed, t('institutions.fields.sexServed'), options(en.sexServed, sexesServed), { required: true })}
            {number(fld.capacityMale, t('institutions.fields.capacityMale'))}
            {number(fld.capacityFemale, t('institutions.fields.capacityFemale'))}
            {select(fld.feeMode, t('institutions.fields.feeMode'), feeModes.map((m) => ({ value: m, label: t(`institutions.feeModes.${m}`) })), { required: true })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('institutions.form.director')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text(fld.directorNameAr, t('institutions.fields.directorNameAr'), { dir: ui.rtl })}
            {text(fld.directorNameFr, t('institutions.fields.directorNameFr'), { dir: ui.ltr })}
            {text(fld.directorAppointedOn, t('institutions.fields.directorAppointedOn'), { type: look.date })}
            {text(fld.directorEndorsedOn, t('institutions.fields.directorEndorsedOn'), { type: look.date })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('institutions.form.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text(fld.phone, t('institutions.fields.phone'), { dir: ui.ltr, type: look.telephone })}
            {text(fld.email, t('institutions.fields.email'), { dir: ui.ltr, type: look.email })}
          </SimpleGrid>
        </Fieldset>
        <Group justify={ui.end}>
          <Button type="submit" loading={pending} data-testid={tid.submit}>
            {t('institutions.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
