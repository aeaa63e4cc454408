/**
 * Place availability of one institution (available, few places, full, or not said) and the number
 * of free places. Institution directors keep it current for their own house; it shows on the
 * public page when "availability" is one of its public fields.
 */
import { useEffect } from 'react';
import { Button, Group, NumberInput, Radio, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ProblemAlert, applyServerErrors, fieldMessage, formErrorMap, ui } from '../../../platform/web/index.ts';
import { AvailabilityBody, availabilities, type Publication } from '../contract.ts';
import { AvailabilityText } from './DirectoryPage.tsx';
import { useSaveAvailability } from './queries.ts';
import { tid } from './constants.ts';

type Input = z.input<typeof AvailabilityBody>;
const fld = { availability: 'availability', placesAvailable: 'placesAvailable' } as const;
const FIELDS = Object.values(fld);
/** The radio value of "not said" (the API's null). */
const NONE = 'unknown';

export function AvailabilityForm({ publication, mayEdit }: { publication: Publication; mayEdit: boolean }) {
  const { t } = useTranslation('directory');
  const save = useSaveAvailability();
  const form = useForm<Input, unknown, z.output<typeof AvailabilityBody>>({
    resolver: zodResolver(AvailabilityBody, { error: formErrorMap }),
    defaultValues: { availability: publication.availability, placesAvailable: publication.placesAvailable },
  });
  const { errors, isDirty } = form.formState;
  useEffect(() => {
    if (save.error) applyServerErrors(save.error, form.setError, FIELDS);
  }, [save.error, form.setError]);

  return (
    <form
      noValidate
      data-testid={tid.availabilityForm}
      onSubmit={form.handleSubmit((body) => save.mutate({ id: publication.institutionId, body }, { onSuccess: () => form.reset(body) }))}
    >
      <Stack gap={ui.sm}>
        <Title order={2} size={ui.h4}>
          {t('tab.availabilityTitle')}
        </Title>
        <AvailabilityText item={publication} />
        {!publication.publicFields.includes('availability') && <Text size={ui.sm}>{t('tab.availabilityNotShown')}</Text>}
        <Controller
          control={form.control}
          name={fld.availability}
          render={({ field }) => (
            <Radio.Group
              value={field.value ?? NONE}
              onChange={(v) => field.onChange(v === NONE ? null : v)}
              label={t('tab.availability')}
              error={fieldMessage(errors.availability?.message)}
              data-testid={tid.availability}
            >
              <Group gap={ui.md} mt={ui.xs}>
                {[...availabilities, NONE].map((v) => (
                  <Radio key={v} value={v} label={t(`availability.${v as 'full'}`)} disabled={!mayEdit} data-testid={tid.field(`availability-${v}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Controller
          control={form.control}
          name={fld.placesAvailable}
          render={({ field }) => (
            <NumberInput
              label={t('tab.places')}
              description={t('tab.placesHint', { capacity: publication.capacityTotal })}
              min={0}
              max={10000}
              allowDecimal={false}
              allowNegative={false}
              value={typeof field.value === 'number' ? field.value : ''}
              onChange={(v) => field.onChange(v === '' ? null : Number(v))}
              disabled={!mayEdit}
              error={fieldMessage(errors.placesAvailable?.message)}
              maw={240}
              data-testid={tid.places}
            />
          )}
        />
        <ProblemAlert error={save.error && !Object.keys(errors).length ? save.error : null} />
        {mayEdit && (
          <Group justify={ui.flexEnd}>
            {save.isSuccess && !isDirty && (
              <Text size={ui.sm} role={ui.status}>
                {t('tab.saved')}
              </Text>
            )}
            <Button type="submit" loading={save.isPending} data-testid={tid.saveAvailability}>
              {t('tab.saveAvailability')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
