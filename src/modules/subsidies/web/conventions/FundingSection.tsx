/**
 * The 'funding' section: partners with their amount per year (the running sum against the total,
 * exact in centimes), and the obligations of each party. Read-only unless open or returned.
 */
import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useForm, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, applyServerErrors, fieldMessage, formErrorMap, nameIn, ui, formatMad } from '../../../../platform/web/index.ts';
import { FundingBody, fundingTotal, parties, partnerKinds, type Convention, type FundingInput } from '../../server/conventions/contract.ts';
import { useConventionWrite } from './queries.ts';
import { fld, look, sec, tid, val } from './constants.ts';
import { useFieldText } from './format.ts';
import { Saved, SectionCard } from './SectionCard.tsx';

const valuesOf = (c: Convention): FundingInput => ({
  partners: c.partners.map((p) => ({ kind: p.kind, nameAr: p.nameAr, nameFr: p.nameFr, sggDeclaredOn: p.sggDeclaredOn ?? '', sggReference: p.sggReference ?? '', amounts: p.amounts })),
  obligations: c.obligations.map((o) => ({ party: o.party, partnerIndex: o.partnerId ? c.partners.findIndex((p) => p.id === o.partnerId) : null, textAr: o.textAr, textFr: o.textFr })),
});

const firstYear = (c: Convention) => Number(c.startsOn.slice(0, 4));

/** Where the server's field errors go: each input first, then the whole list (the sum against the total). */
const serverFields = (body: FundingBody): string[] => [
  ...body.partners.flatMap((p, i) => [...p.amounts.flatMap((_, j) => [`partners.${i}.amounts.${j}.year`, `partners.${i}.amounts.${j}.amountMad`]), `partners.${i}.nameAr`, `partners.${i}.nameFr`, `partners.${i}.sggReference`]),
  ...body.obligations.map((_, i) => `obligations.${i}.partnerIndex`),
  'partners',
  'obligations',
];

export function FundingSection({ convention }: { convention: Convention }) {
  const { t } = useTranslation('subsidies');
  const editable = convention.editable.includes(sec.funding);
  return (
    <SectionCard id={sec.funding} title={t('conventions.sections.funding')} convention={convention} approvalSection={sec.funding}>
      {editable ? <FundingForm convention={convention} /> : <FundingView convention={convention} />}
    </SectionCard>
  );
}

function FundingView({ convention: c }: { convention: Convention }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const partnerName = (id: string | null) => {
    const p = c.partners.find((x) => x.id === id);
    return p ? nameIn(p, lang) : '';
  };
  return (
    <Stack gap={ui.md}>
      <Table striped withTableBorder>
        <Table.Caption>{t('conventions.funding.partners')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope={ui.col}>{t('conventions.funding.partner')}</Table.Th>
            <Table.Th scope={ui.col}>{t('conventions.funding.kind')}</Table.Th>
            <Table.Th scope={ui.col}>{t('conventions.funding.year')}</Table.Th>
            <Table.Th scope={ui.col}>{t('conventions.funding.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.partners.flatMap((p) =>
            p.amounts.map((a) => (
              <Table.Tr key={`${p.id}-${a.year}`}>
                <Table.Td>{nameIn(p, lang)}</Table.Td>
                <Table.Td>{t(`conventions.enums.partnerKind.${p.kind}`)}</Table.Td>
                <Table.Td>{a.year}</Table.Td>
                <Table.Td className={look.ltr}>{formatMad(a.amountMad, lang)}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
      <Text fw={500}>{t('conventions.funding.obligations')}</Text>
      {c.obligations.length === 0 ? (
        <Text c={ui.dimmed}>{t('conventions.funding.noObligation')}</Text>
      ) : (
        <Stack gap={ui.xs} component={ui.section}>
          {c.obligations.map((o) => (
            <Text key={o.id} style={look.preWrap}>
              <Text component={ui.span} fw={500}>
                {o.party === 'partner' ? partnerName(o.partnerId) : t(`conventions.enums.party.${o.party}`)}
              </Text>
              {t('conventions.funding.obligationSeparator')}
              {lang === 'fr' ? o.textFr : o.textAr}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function FundingForm({ convention }: { convention: Convention }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const text = useFieldText();
  const message = (m: string | undefined) => text(m, fieldMessage);
  const mutation = useConventionWrite(convention.id, '/funding', 'patch');
  const [saved, setSaved] = useState(false);
  const form = useForm<FundingInput, unknown, FundingBody>({ resolver: zodResolver(FundingBody, { error: formErrorMap }), defaultValues: valuesOf(convention) });
  const partners = useFieldArray({ control: form.control, name: 'partners' });
  const obligations = useFieldArray({ control: form.control, name: 'obligations' });
  const watched = useWatch({ control: form.control, name: 'partners' });
  const sum = fundingTotal(watched ?? []);
  const e = form.formState.errors;
  const partnerOptions = (watched ?? []).map((p, i) => ({ value: String(i), label: p.nameFr || p.nameAr || t('conventions.funding.partnerNumber', { n: i + 1 }) }));
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((body) => {
        setSaved(false);
        mutation.mutate(body, { onSuccess: () => setSaved(true), onError: (error) => applyServerErrors(error, form.setError, serverFields(body)) });
      })}
    >
      <Stack gap={ui.md}>
        <Saved show={saved} id={sec.funding} />
        <ProblemAlert error={mutation.error} />
        {message(e.partners?.message ?? e.partners?.root?.message) && (
          <Alert color={ui.red} variant={ui.light} role={ui.alert}>
            {message(e.partners?.message ?? e.partners?.root?.message)}
          </Alert>
        )}
        {partners.fields.map((field, i) => (
          <Paper key={field.id} withBorder p={ui.md}>
            <Stack gap={ui.sm}>
              <Group justify={ui.spaceBetween}>
                <Text fw={500}>{t('conventions.funding.partnerNumber', { n: i + 1 })}</Text>
                <ActionIcon variant={ui.subtle} color={ui.red} onClick={() => partners.remove(i)} aria-label={t('conventions.funding.removePartner', { n: i + 1 })}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Controller
                  control={form.control}
                  name={`partners.${i}.kind`}
                  render={({ field: f }) => (
                    <Select label={t('conventions.funding.kind')} data={partnerKinds.map((k) => ({ value: k, label: t(`conventions.enums.partnerKind.${k}`) }))} value={f.value} onChange={(v) => f.onChange(v ?? val.other)} allowDeselect={false} data-testid={tid.partnerField(i, fld.kind)} />
                  )}
                />
                <TextInput label={t('conventions.funding.nameAr')} dir={ui.rtl} error={message(e.partners?.[i]?.nameAr?.message)} {...form.register(`partners.${i}.nameAr`)} data-testid={tid.partnerField(i, fld.nameAr)} />
                <TextInput label={t('conventions.funding.nameFr')} dir={ui.ltr} error={message(e.partners?.[i]?.nameFr?.message)} {...form.register(`partners.${i}.nameFr`)} data-testid={tid.partnerField(i, fld.nameFr)} />
              </SimpleGrid>
              {watched?.[i]?.kind === 'foreign_funder' && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput type={look.date} label={t('conventions.funding.sggDeclaredOn')} error={message(e.partners?.[i]?.sggDeclaredOn?.message)} {...form.register(`partners.${i}.sggDeclaredOn`)} />
                  <TextInput label={t('conventions.funding.sggReference')} dir={ui.ltr} error={message(e.partners?.[i]?.sggReference?.message)} {...form.register(`partners.${i}.sggReference`)} />
                </SimpleGrid>
              )}
              <PartnerAmounts control={form.control} register={form.register} index={i} defaultYear={firstYear(convention)} message={(j, name) => message(e.partners?.[i]?.amounts?.[j]?.[name]?.message)} />
            </Stack>
          </Paper>
        ))}
        <Group justify={ui.spaceBetween}>
          <Button variant={ui.default} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => partners.append({ kind: val.other, nameAr: '', nameFr: '', sggDeclaredOn: '', sggReference: '', amounts: [{ year: firstYear(convention), amountMad: '' }] })} data-testid={tid.addPartner}>
            {t('conventions.funding.addPartner')}
          </Button>
          <Text fw={500} c={sum === convention.totalMad ? undefined : look.badText} className={look.ltr} role={ui.status} data-testid={tid.fundingSum}>
            {t('conventions.funding.sum', { sum: formatMad(sum, lang), total: formatMad(convention.totalMad, lang) })}
          </Text>
        </Group>

        <Text fw={500}>{t('conventions.funding.obligations')}</Text>
        {obligations.fields.map((field, i) => (
          <Paper key={field.id} withBorder p={ui.sm}>
            <Group align={ui.flexStart} wrap={ui.wrap}>
              <Controller
                control={form.control}
                name={`obligations.${i}.party`}
                render={({ field: f }) => (
                  <Select label={t('conventions.funding.party')} data={parties.map((p) => ({ value: p, label: t(`conventions.enums.party.${p}`) }))} value={f.value} onChange={(v) => f.onChange(v ?? val.association)} allowDeselect={false} w={{ base: '100%', sm: 180 }} data-testid={tid.obligationField(i, fld.party)} />
                )}
              />
              <Controller
                control={form.control}
                name={`obligations.${i}.partnerIndex`}
                render={({ field: f }) => (
                  <Select
                    label={t('conventions.funding.partner')}
                    data={partnerOptions}
                    value={f.value === null || f.value === undefined ? null : String(f.value)}
                    onChange={(v) => f.onChange(v === null ? null : Number(v))}
                    clearable
                    error={message(e.obligations?.[i]?.partnerIndex?.message)}
                    w={{ base: '100%', sm: 200 }}
                  />
                )}
              />
              <Textarea label={t('conventions.funding.textAr')} dir={ui.rtl} autosize error={message(e.obligations?.[i]?.textAr?.message)} {...form.register(`obligations.${i}.textAr`)} style={{ flex: 1 }} miw={200} data-testid={tid.obligationField(i, fld.textAr)} />
              <Textarea label={t('conventions.funding.textFr')} dir={ui.ltr} autosize error={message(e.obligations?.[i]?.textFr?.message)} {...form.register(`obligations.${i}.textFr`)} style={{ flex: 1 }} miw={200} data-testid={tid.obligationField(i, fld.textFr)} />
              <ActionIcon mt={28} variant={ui.subtle} color={ui.red} onClick={() => obligations.remove(i)} aria-label={t('conventions.funding.removeObligation', { n: i + 1 })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button variant={ui.default} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => obligations.append({ party: val.association, partnerIndex: null, textAr: '', textFr: '' })} data-testid={tid.addObligation}>
            {t('conventions.funding.addObligation')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid={tid.save(sec.funding)}>
            {t('conventions.page.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PartnerAmounts({ control, register, index, defaultYear, message }: { control: Control<FundingInput>; register: UseFormRegister<FundingInput>; index: number; defaultYear: number; message: (j: number, name: 'year' | 'amountMad') => string | undefined }) {
  const { t } = useTranslation('subsidies');
  const amounts = useFieldArray({ control, name: `partners.${index}.amounts` });
  return (
    <Stack gap={ui.xs}>
      {amounts.fields.map((field, j) => (
        <Group key={field.id} align={ui.flexStart}>
          <TextInput label={t('conventions.funding.year')} inputMode={look.decimal} dir={ui.ltr} w={110} error={message(j, val.year)} {...register(`partners.${index}.amounts.${j}.year`, { valueAsNumber: true })} data-testid={tid.amountField(index, j, fld.year)} />
          <TextInput label={t('conventions.funding.amount')} inputMode={look.decimal} dir={ui.ltr} w={200} error={message(j, val.amountMad)} {...register(`partners.${index}.amounts.${j}.amountMad`)} data-testid={tid.amountField(index, j, fld.amountMad)} />
          <ActionIcon mt={28} variant={ui.subtle} color={ui.red} onClick={() => amounts.remove(j)} aria-label={t('conventions.funding.removeYear', { n: j + 1 })}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size={ui.xs} variant={ui.subtle} leftSection={<IconPlus size={14} aria-hidden />} onClick={() => amounts.append({ year: defaultYear + amounts.fields.length, amountMad: '' })} data-testid={tid.addYear(index)}>
          {t('conventions.funding.addYear')}
        </Button>
      </Group>
    </Stack>
  );
}
