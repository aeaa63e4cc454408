/** One provincial delegation: its region and provinces, and its edit form for organisation managers. */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, List, MultiSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  AnchorLink,
  ErrorState,
  LoadingState,
  PageHeader,
  ProblemAlert,
  api,
  applyServerErrors,
  fieldMessage,
  formErrorMap,
  formatDateTime,
  nameIn,
  useCan,
  useParam, ui,
} from '../../../../platform/web/index.ts';
import { DocumentsPanel } from '../../../../platform/documents/web/index.ts';
import { Delegation, UpdateDelegationBody } from '../../contract.ts';
import { useDelegation, useProvinces } from '../queries.ts';
import { documentOwnerType, dom, path, tid } from '../constants.ts';

export function DelegationPage() {
  const { t, i18n } = useTranslation('territory');
  const lang = i18n.language;
  const id = useParam('delegationId');
  const can = useCan();
  const query = useDelegation(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const canEdit = can('organisation.manage');
  return (
    <>
      <PageHeader title={nameIn(d, lang)} back={path.territoryDelegations}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Paper withBorder p={ui.sm}>
            <Text size={ui.sm} c={ui.dimmed}>
              {t('delegation.region')}
            </Text>
            <AnchorLink to={path.territoryRegionsRegionId} params={{ regionId: d.regionId }} fw={500}>
              {lang === 'fr' ? d.regionNameFr : d.regionNameAr}
            </AnchorLink>
          </Paper>
          <Paper withBorder p={ui.sm}>
            <Text size={ui.sm} c={ui.dimmed}>
              {t('delegation.code')}
            </Text>
            <Text fw={500} className="raaya-ltr">
              {d.code}
            </Text>
          </Paper>
          <Paper withBorder p={ui.sm}>
            <Text size={ui.sm} c={ui.dimmed}>
              {t('delegation.updatedAt')}
            </Text>
            <Text fw={500}>{formatDateTime(d.updatedAt, lang)}</Text>
          </Paper>
        </SimpleGrid>
      </PageHeader>
      <Title order={2} size={ui.h4} mb={ui.sm}>
        {t('delegation.provincesTitle')}
      </Title>
      <List mb={ui.xl} data-testid={tid.delegationProvinces}>
        {d.provinces.map((p) => (
          <List.Item key={p.id}>{nameIn(p, lang)}</List.Item>
        ))}
      </List>
      <DocumentsPanel ownerType={documentOwnerType} ownerId={d.id} />
      {canEdit && <EditDelegation delegation={d} />}
    </>
  );
}

const EditBody = UpdateDelegationBody.required();
const fields = ['nameAr', 'nameFr', 'provinceIds'] as const;

function EditDelegation({ delegation }: { delegation: Delegation }) {
  const { t, i18n } = useTranslation('territory');
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const provinces = useProvinces(delegation.regionId);
  const [saved, setSaved] = useState(false);
  const defaults = { nameAr: delegation.nameAr, nameFr: delegation.nameFr, provinceIds: delegation.provinces.map((p) => p.id) };
  const form = useForm({ resolver: zodResolver(EditBody, { error: formErrorMap }), defaultValues: defaults });
  const { reset } = form;
  useEffect(() => {
    reset({ nameAr: delegation.nameAr, nameFr: delegation.nameFr, provinceIds: delegation.provinces.map((p) => p.id) });
  }, [delegation, reset]);
  const mutation = useMutation({
    mutationFn: (body: UpdateDelegationBody) => api.patch(`/api/organisation/delegations/${delegation.id}`, body, Delegation),
    onSuccess: (updated) => {
      queryClient.setQueryData(['organisation', 'delegation', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['organisation', 'delegations'] });
      void queryClient.invalidateQueries({ queryKey: ['territory'] });
      setSaved(true);
    },
    onError: (error) => applyServerErrors(error, form.setError, fields),
  });
  const errors = form.formState.errors;
  const nameAr = form.register('nameAr');
  const nameFr = form.register('nameFr');
  return (
    <Paper withBorder p={ui.lg} component={ui.section} aria-labelledby={dom.editDelegationTitle}>
      <Title order={2} size={ui.h4} mb={ui.md} id={dom.editDelegationTitle}>
        {t('delegation.editTitle')}
      </Title>
      <form
        noValidate
        data-testid="delegation-form"
        onSubmit={form.handleSubmit((body) => {
          setSaved(false);
          mutation.mutate(body);
        })}
      >
        <Stack gap={ui.md} maw={640}>
          {saved && (
            <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.formSaved}>
              {t('delegation.saved')}
            </Alert>
          )}
          <ProblemAlert error={mutation.error} />
          <TextInput label={t('delegation.nameAr')} lang={ui.ar} dir={ui.rtl} required error={fieldMessage(errors.nameAr?.message)} {...nameAr} />
          <TextInput label={t('delegation.nameFr')} lang={ui.fr} dir={ui.ltr} required error={fieldMessage(errors.nameFr?.message)} {...nameFr} />
          <Controller
            control={form.control}
            name={ui.provinceIds}
            render={({ field }) => (
              <MultiSelect
                label={t('delegation.provinceIds')}
                description={t('delegation.provinceHint')}
                required
                searchable
                data={(provinces.data?.items ?? delegation.provinces).map((p) => ({ value: p.id, label: nameIn(p, lang) }))}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldMessage(errors.provinceIds?.message ?? errors.provinceIds?.root?.message)}
                data-testid={tid.delegationProvincesInput}
              />
            )}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.delegationSave}>
              {t('delegation.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
