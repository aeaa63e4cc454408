/** The form's own details (purpose, titles, institution categories, target groups), edited by designers. */
import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ProblemAlert, api, applyServerErrors, fieldMessage, formErrorMap, ui } from '../../../web/index.ts';
import { Form, FormPurpose, UpdateFormBody, type FormVersion } from '../../contract.ts';
import { dom, names, tid } from '../constants.ts';
import { formsKey } from '../queries.ts';

const Body = UpdateFormBody.required();
type Input = z.input<typeof Body>;
type Output = z.output<typeof Body>;
const FIELDS = ['purpose', 'titleAr', 'titleFr', 'institutionCategories', 'targetGroups'] as const;

export function FormDetails({ form }: { form: FormVersion['form'] }) {
  const { t } = useTranslation('forms');
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const editor = useForm<Input, unknown, Output>({
    resolver: zodResolver(Body, { error: formErrorMap }) as unknown as Resolver<Input, unknown, Output>,
    defaultValues: { purpose: form.purpose, titleAr: form.titleAr, titleFr: form.titleFr, institutionCategories: form.institutionCategories, targetGroups: form.targetGroups },
  });
  const mutation = useMutation({
    mutationFn: (body: Output) => api.patch(`/api/forms/${form.id}`, body, Form),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: formsKey });
    },
    onError: (error) => applyServerErrors(error, editor.setError, FIELDS),
  });
  const errors = editor.formState.errors;
  const fields = { titleAr: editor.register('titleAr'), titleFr: editor.register('titleFr') };
  return (
    <Paper withBorder p={ui.md} mb={ui.lg} component={ui.section} aria-labelledby={dom.detailsTitle}>
      <Title order={2} size={ui.h4} id={dom.detailsTitle} mb={ui.sm}>
        {t('details.title')}
      </Title>
      <form
        noValidate
        onSubmit={editor.handleSubmit((body) => {
          setSaved(false);
          mutation.mutate(body);
        })}
      >
        <Stack gap={ui.sm}>
          <ProblemAlert error={mutation.error} />
          {saved && (
            <Alert color={ui.green} variant={ui.light} role={ui.status}>
              {t('details.saved')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('create.titleAr')} lang={ui.ar} dir={ui.rtl} required error={fieldMessage(errors.titleAr?.message)} {...fields.titleAr} />
            <TextInput label={t('create.titleFr')} lang={ui.fr} dir={ui.ltr} required error={fieldMessage(errors.titleFr?.message)} {...fields.titleFr} />
            <Controller
              control={editor.control}
              name={names.purpose}
              render={({ field }) => (
                <Select
                  label={t('create.purpose')}
                  required
                  allowDeselect={false}
                  data={FormPurpose.options.map((p) => ({ value: p, label: t(`purposes.${p}`) }))}
                  value={field.value}
                  onChange={(v) => field.onChange(v ?? field.value)}
                />
              )}
            />
            <Controller
              control={editor.control}
              name={names.institutionCategories}
              render={({ field }) => <TagsInput label={t('create.categories')} dir={ui.ltr} value={field.value} onChange={field.onChange} error={fieldMessage(errors.institutionCategories?.message)} />}
            />
            <Controller
              control={editor.control}
              name={names.targetGroups}
              render={({ field }) => <TagsInput label={t('create.targetGroups')} dir={ui.ltr} value={field.value} onChange={field.onChange} error={fieldMessage(errors.targetGroups?.message)} />}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" variant={ui.default} loading={mutation.isPending} data-testid={tid.detailsSave}>
              {t('details.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
