/**
 * The 'terms' section as a form: object in both languages, period, total, and the institutions of
 * the association that the convention covers. Used to draft a convention and to edit its terms.
 */
import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldMessage, formErrorMap, nameIn, ui } from '../../../../platform/web/index.ts';
import { TermsBody } from '../../server/conventions/contract.ts';
import { useInstitutionOptions } from './queries.ts';
import { fld, look, tid, val } from './constants.ts';
import { useFieldText } from './format.ts';

export interface TermsFormProps {
  associationId: string | null;
  defaultValues: Partial<TermsBody>;
  pending: boolean;
  submitLabel: string;
  submitTestId: string;
  onSubmit: (body: TermsBody) => void;
}

export function TermsForm({ associationId, defaultValues, pending, submitLabel, submitTestId, onSubmit }: TermsFormProps) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const text = useFieldText();
  const message = (m: string | undefined) => text(m, fieldMessage);
  const institutions = useInstitutionOptions(associationId);
  const form = useForm({
    resolver: zodResolver(TermsBody, { error: formErrorMap }),
    defaultValues: { objectAr: '', objectFr: '', startsOn: '', endsOn: '', totalMad: '', institutionIds: [], ...defaultValues },
  });
  const e = form.formState.errors;
  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap={ui.sm}>
        <Textarea label={t('conventions.terms.objectAr')} dir={ui.rtl} autosize minRows={2} maxLength={2000} error={message(e.objectAr?.message)} {...form.register(fld.objectAr)} data-testid={tid.termsField(fld.objectAr)} />
        <Textarea label={t('conventions.terms.objectFr')} dir={ui.ltr} autosize minRows={2} maxLength={2000} error={message(e.objectFr?.message)} {...form.register(fld.objectFr)} data-testid={tid.termsField(fld.objectFr)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type={look.date} label={t('conventions.terms.startsOn')} error={message(e.startsOn?.message)} {...form.register(fld.startsOn)} data-testid={tid.termsField(fld.startsOn)} />
          <TextInput type={look.date} label={t('conventions.terms.endsOn')} error={message(e.endsOn?.message)} {...form.register(fld.endsOn)} data-testid={tid.termsField(fld.endsOn)} />
          <TextInput label={t('conventions.terms.totalMad')} inputMode={look.decimal} dir={ui.ltr} error={message(e.totalMad?.message)} {...form.register(fld.totalMad)} data-testid={tid.termsField(fld.totalMad)} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name={val.institutionIds}
          render={({ field }) => (
            <Checkbox.Group label={t('conventions.terms.institutions')} value={field.value} onChange={field.onChange} error={message(e.institutionIds?.message ?? e.institutionIds?.root?.message)}>
              <Stack gap={ui.xs} mt={ui.xs}>
                {(institutions.data?.items ?? []).map((i, index) => (
                  <Checkbox key={i.id} value={i.id} label={nameIn(i, lang)} data-testid={tid.institution(index)} />
                ))}
                {institutions.data && institutions.data.items.length === 0 && (
                  <Text size={ui.sm} c={ui.dimmed}>
                    {t('conventions.terms.noInstitution')}
                  </Text>
                )}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <Group>
          <Button type="submit" loading={pending} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
