/**
 * Signatories (who signs for which party), editable until the signature; then, once the
 * convention is approved, the signature itself: one date per signatory.
 */
import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, fieldMessage, formErrorMap, formatDate, nameIn, todayInMorocco, ui } from '../../../../platform/web/index.ts';
import { SignatoriesBody, parties, type Convention } from '../../server/conventions/contract.ts';
import { useConventionWrite } from './queries.ts';
import { fld, look, sec, tid, val } from './constants.ts';
import { useFieldText } from './format.ts';
import { Saved, SectionCard } from './SectionCard.tsx';

function usePartyName(c: Convention) {
  const { t, i18n } = useTranslation('subsidies');
  return (party: string, partnerId: string | null) => {
    const p = c.partners.find((x) => x.id === partnerId);
    return party === 'partner' && p ? nameIn(p, i18n.language) : t(`conventions.enums.party.${party as 'association'}`);
  };
}

export function SignatoriesSection({ convention }: { convention: Convention }) {
  const { t, i18n } = useTranslation('subsidies');
  const partyName = usePartyName(convention);
  return (
    <SectionCard id={sec.signatories} title={t('conventions.signatories.title')}>
      <Stack gap={ui.md}>
        {convention.signatories.length === 0 ? (
          <Text c={ui.dimmed}>{t('conventions.signatories.none')}</Text>
        ) : (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope={ui.col}>{t('conventions.signatories.fullName')}</Table.Th>
                <Table.Th scope={ui.col}>{t('conventions.signatories.function')}</Table.Th>
                <Table.Th scope={ui.col}>{t('conventions.signatories.party')}</Table.Th>
                <Table.Th scope={ui.col}>{t('conventions.signatories.signedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {convention.signatories.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.fullName}</Table.Td>
                  <Table.Td>{s.title}</Table.Td>
                  <Table.Td>{partyName(s.party, s.partnerId)}</Table.Td>
                  <Table.Td>{formatDate(s.signedOn, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {convention.can.editSignatories && <SignatoriesForm convention={convention} />}
        {convention.can.sign && <SignForm convention={convention} />}
      </Stack>
    </SectionCard>
  );
}

function SignatoriesForm({ convention }: { convention: Convention }) {
  const { t, i18n } = useTranslation('subsidies');
  const text = useFieldText();
  const message = (m: string | undefined) => text(m, fieldMessage);
  const mutation = useConventionWrite(convention.id, '/signatories', 'patch');
  const [saved, setSaved] = useState(false);
  const form = useForm({
    resolver: zodResolver(SignatoriesBody, { error: formErrorMap }),
    defaultValues: { items: convention.signatories.map((s) => ({ party: s.party, partnerId: s.partnerId, fullName: s.fullName, title: s.title })) },
  });
  const items = useFieldArray({ control: form.control, name: 'items' });
  const e = form.formState.errors.items;
  const partners = convention.partners.map((p) => ({ value: p.id, label: nameIn(p, i18n.language) }));
  return (
    <form noValidate onSubmit={form.handleSubmit((body) => { setSaved(false); mutation.mutate(body, { onSuccess: () => setSaved(true) }); })}>
      <Stack gap={ui.sm}>
        <Saved show={saved} id={sec.signatories} />
        <ProblemAlert error={mutation.error} />
        {items.fields.map((field, i) => (
          <Group key={field.id} align={ui.flexStart} wrap={ui.wrap}>
            <TextInput label={t('conventions.signatories.fullName')} error={message(e?.[i]?.fullName?.message)} {...form.register(`items.${i}.fullName`)} data-testid={tid.signatoryField(i, fld.fullName)} />
            <TextInput label={t('conventions.signatories.function')} error={message(e?.[i]?.title?.message)} {...form.register(`items.${i}.title`)} data-testid={tid.signatoryField(i, fld.title)} />
            <Controller
              control={form.control}
              name={`items.${i}.party`}
              render={({ field: f }) => (
                <Select label={t('conventions.signatories.party')} data={parties.map((p) => ({ value: p, label: t(`conventions.enums.party.${p}`) }))} value={f.value} onChange={(v) => f.onChange(v ?? val.association)} allowDeselect={false} w={180} data-testid={tid.signatoryField(i, fld.party)} />
              )}
            />
            <Controller
              control={form.control}
              name={`items.${i}.partnerId`}
              render={({ field: f }) => <Select label={t('conventions.signatories.partner')} data={partners} value={f.value ?? null} onChange={(v) => f.onChange(v)} clearable w={200} />}
            />
            <ActionIcon mt={28} variant={ui.subtle} color={ui.red} onClick={() => items.remove(i)} aria-label={t('conventions.signatories.remove', { n: i + 1 })}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant={ui.default} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => items.append({ party: val.association, partnerId: null, fullName: '', title: '' })} data-testid={tid.addSignatory}>
            {t('conventions.signatories.add')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid={tid.save(sec.signatories)}>
            {t('conventions.signatories.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SignForm({ convention }: { convention: Convention }) {
  const { t } = useTranslation('subsidies');
  const mutation = useConventionWrite(convention.id, '/sign', 'post');
  const today = todayInMorocco();
  const [dates, setDates] = useState<Record<string, string>>(() => Object.fromEntries(convention.signatories.map((s) => [s.id, today])));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ signatures: convention.signatories.map((s) => ({ signatoryId: s.id, signedOn: dates[s.id] ?? '' })) });
      }}
    >
      <Stack gap={ui.sm}>
        <Alert color={ui.blue} variant={ui.light}>
          {t('conventions.sign.intro')}
        </Alert>
        <ProblemAlert error={mutation.error} />
        {convention.signatories.map((s, i) => (
          <TextInput
            key={s.id}
            type={look.date}
            label={t('conventions.sign.signatoryLabel', { name: s.fullName, title: s.title })}
            max={today}
            value={dates[s.id] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDates((d) => ({ ...d, [s.id]: value }));
            }}
            w={{ base: '100%', sm: 320 }}
            data-testid={tid.signDate(i)}
          />
        ))}
        <Group>
          <Button type="submit" color={ui.green} loading={mutation.isPending} data-testid={tid.signSubmit}>
            {t('conventions.sign.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
