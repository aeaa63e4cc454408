/**
 * What the public sees of one institution: published or not, which optional fields, and the
 * opening hours in both languages. Read-only for those who may not publish (they see the choice).
 */
import { useEffect } from 'react';
import { Button, Checkbox, Group, SimpleGrid, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ProblemAlert, applyServerErrors, fieldMessage, formErrorMap, ui } from '../../../platform/web/index.ts';
import { PublicationBody, isOperating, publicFields, type Publication } from '../contract.ts';
import { useSavePublication } from './queries.ts';
import { look, tid } from './constants.ts';

type Input = z.input<typeof PublicationBody>;
const fld = { published: 'published', publicFields: 'publicFields', openingHoursAr: 'openingHoursAr', openingHoursFr: 'openingHoursFr' } as const;
const FIELDS = Object.values(fld);

export function PublicationForm({ publication, mayPublish }: { publication: Publication; mayPublish: boolean }) {
  const { t } = useTranslation('directory');
  const save = useSavePublication();
  const form = useForm<Input, unknown, z.output<typeof PublicationBody>>({
    resolver: zodResolver(PublicationBody, { error: formErrorMap }),
    defaultValues: {
      published: publication.published,
      publicFields: publication.publicFields,
      openingHoursAr: publication.openingHoursAr ?? '',
      openingHoursFr: publication.openingHoursFr ?? '',
    },
  });
  const { errors, isDirty } = form.formState;
  useEffect(() => {
    if (save.error) applyServerErrors(save.error, form.setError, FIELDS);
  }, [save.error, form.setError]);
  const operating = isOperating(publication.status);

  return (
    <form
      noValidate
      data-testid={tid.publicationForm}
      onSubmit={form.handleSubmit((body) =>
        save.mutate({ id: publication.institutionId, body }, { onSuccess: (saved) => form.reset({ ...body, openingHoursAr: saved.openingHoursAr ?? '', openingHoursFr: saved.openingHoursFr ?? '' }) }),
      )}
    >
      <Stack gap={ui.sm}>
          <Title order={2} size={ui.h4}>
            {t('tab.publicationTitle')}
          </Title>
          {!operating && <Text size={ui.sm}>{t('tab.notOperating')}</Text>}
          <Controller
            control={form.control}
            name={fld.published}
            render={({ field }) => (
              <Switch
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
                label={t('tab.published')}
                description={t('tab.publishedHint')}
                color={look.switchOn}
                disabled={!mayPublish || (!field.value && !operating)}
                data-testid={tid.published}
              />
            )}
          />
          <Controller
            control={form.control}
            name={fld.publicFields}
            render={({ field }) => (
              <Checkbox.Group value={field.value ?? []} onChange={field.onChange} label={t('tab.fields')} description={t('tab.fieldsHint')} error={fieldMessage(errors.publicFields?.message)}>
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing={ui.xs} mt={ui.xs}>
                  {publicFields.map((f) => (
                    <Checkbox key={f} value={f} label={t(`fields.${f}`)} disabled={!mayPublish} data-testid={tid.field(f)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={ui.sm}>
            <Textarea
              label={t('tab.hoursAr')}
              description={t('tab.hoursHint')}
              lang={ui.ar}
              dir={ui.rtl}
              autosize
              minRows={2}
              error={fieldMessage(errors.openingHoursAr?.message)}
              data-testid={tid.hoursAr}
              disabled={!mayPublish}
              {...form.register(fld.openingHoursAr)}
            />
            <Textarea
              label={t('tab.hoursFr')}
              description={t('tab.hoursHint')}
              lang={ui.fr}
              dir={ui.ltr}
              autosize
              minRows={2}
              error={fieldMessage(errors.openingHoursFr?.message)}
              data-testid={tid.hoursFr}
              disabled={!mayPublish}
              {...form.register(fld.openingHoursFr)}
            />
          </SimpleGrid>
          <ProblemAlert error={save.error && !Object.keys(errors).length ? save.error : null} />
          {mayPublish && (
            <Group justify={ui.flexEnd}>
              {save.isSuccess && !isDirty && (
                <Text size={ui.sm} role={ui.status} data-testid={tid.saved}>
                  {t('tab.saved')}
                </Text>
              )}
              <Button type="submit" loading={save.isPending} data-testid={tid.savePublication}>
                {t('tab.save')}
              </Button>
            </Group>
          )}
      </Stack>
    </form>
  );
}
