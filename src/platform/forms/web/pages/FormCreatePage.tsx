/** A new form: code, purpose, titles, targets; its draft version 1 then opens in the designer. */
import { Button, Group, Paper, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PageHeader, ProblemAlert, api, applyServerErrors, fieldMessage, formErrorMap, ui } from '../../../web/index.ts';
import { CreateFormBody, Form, FormPurpose } from '../../contract.ts';
import { names, path, tid } from '../constants.ts';
import { formsKey } from '../queries.ts';

type Input = z.input<typeof CreateFormBody>;
type Output = z.output<typeof CreateFormBody>;
const FIELDS = ['code', 'purpose', 'titleAr', 'titleFr', 'institutionCategories', 'targetGroups'] as const;

export function FormCreatePage() {
  const { t } = useTranslation('forms');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(CreateFormBody, { error: formErrorMap }) as unknown as Resolver<Input, unknown, Output>,
    defaultValues: { code: '', purpose: 'self_diagnosis', titleAr: '', titleFr: '', institutionCategories: [], targetGroups: [] },
  });
  const mutation = useMutation({
    mutationFn: (body: Output) => api.post('/api/forms', body, Form),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: formsKey });
      void navigate({ to: path.version, params: { versionId: created.versions[0]!.id } });
    },
    onError: (error) => applyServerErrors(error, form.setError, FIELDS),
  });
  const errors = form.formState.errors;
  const fields = { code: form.register('code'), titleAr: form.register('titleAr'), titleFr: form.register('titleFr') };
  return (
    <>
      <PageHeader title={t('create.title')} back={path.forms} />
      <Paper withBorder p={ui.lg}>
        <form noValidate onSubmit={form.handleSubmit((body) => mutation.mutate(body))}>
          <Stack gap={ui.md} maw={760}>
            <ProblemAlert error={mutation.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('create.code')} description={t('create.codeHint')} required dir={ui.ltr} error={fieldMessage(errors.code?.message)} data-testid={tid.formCode} {...fields.code} />
              <Controller
                control={form.control}
                name={names.purpose}
                render={({ field }) => (
                  <Select
                    label={t('create.purpose')}
                    required
                    allowDeselect={false}
                    data={FormPurpose.options.map((p) => ({ value: p, label: t(`purposes.${p}`) }))}
                    value={field.value}
                    onChange={(v) => field.onChange(v ?? field.value)}
                    data-testid={tid.formPurpose}
                  />
                )}
              />
              <TextInput label={t('create.titleAr')} lang={ui.ar} dir={ui.rtl} required error={fieldMessage(errors.titleAr?.message)} data-testid={tid.formTitleAr} {...fields.titleAr} />
              <TextInput label={t('create.titleFr')} lang={ui.fr} dir={ui.ltr} required error={fieldMessage(errors.titleFr?.message)} data-testid={tid.formTitleFr} {...fields.titleFr} />
              <Controller
                control={form.control}
                name={names.institutionCategories}
                render={({ field }) => (
                  <TagsInput label={t('create.categories')} description={t('create.codesHint')} dir={ui.ltr} value={field.value ?? []} onChange={field.onChange} error={fieldMessage(errors.institutionCategories?.message)} />
                )}
              />
              <Controller
                control={form.control}
                name={names.targetGroups}
                render={({ field }) => (
                  <TagsInput label={t('create.targetGroups')} description={t('create.codesHint')} dir={ui.ltr} value={field.value ?? []} onChange={field.onChange} error={fieldMessage(errors.targetGroups?.message)} />
                )}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={mutation.isPending} data-testid={tid.formSubmit}>
                {t('create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
