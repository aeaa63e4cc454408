/**
 * Governance tab: the director with the ministry's endorsement date (law 65-15 art. 20), and the
 * monitoring and control committee (art. 25: one chair, at most two representatives each of the
 * staff, the beneficiaries and the families — the server and the database refuse more).
 */
import { useEffect, useState } from 'react';
import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconTrash } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ListTable, LoadingState, ProblemAlert, applyServerErrors, fieldMessage, formatDate, formErrorMap, ui, useCan } from '../../../../../platform/web/index.ts';
import type { InstitutionTabProps } from '../../institution-tabs.ts';
import { committeeSeats } from '../../../contract/enums.ts';
import { CommitteeMemberBody, type Institution } from '../../../contract/institutions.ts';
import { useAddMember, useInstitution, useRemove } from '../queries.ts';
import { fld, look, tid } from '../constants.ts';
import { ListSection } from '../components/ListSection.tsx';
import { Field } from '../components/Field.tsx';

export function GovernanceTab({ institutionId }: InstitutionTabProps) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const { data: inst } = useInstitution(institutionId);
  if (!inst) return <LoadingState />;
  const none = t('institutions.form.none');
  return (
    <Stack gap={ui.md}>
      <Card withBorder data-testid={tid.director}>
        <Title order={2} size={ui.h4} mb={ui.sm}>
          {t('institutions.governance.director')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('institutions.fields.directorNameAr')} lang={ui.ar}>{inst.directorNameAr ?? none}</Field>
          <Field label={t('institutions.fields.directorNameFr')} lang={ui.fr}>{inst.directorNameFr ?? none}</Field>
          <Field label={t('institutions.fields.directorAppointedOn')}>{inst.directorAppointedOn ? formatDate(inst.directorAppointedOn, lang) : none}</Field>
          <Field label={t('institutions.fields.directorEndorsedOn')}>
            {inst.directorEndorsedOn ? t('institutions.governance.endorsed', { date: formatDate(inst.directorEndorsedOn, lang) }) : t('institutions.governance.notEndorsed')}
          </Field>
        </SimpleGrid>
      </Card>
      <Committee inst={inst} />
    </Stack>
  );
}

type MemberInput = z.input<typeof CommitteeMemberBody>;
const MEMBER_FIELDS = ['seat', 'fullName', 'since', 'until'] as const;

function Committee({ inst }: { inst: Institution }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const can = useCan();
  const mayWrite = can('registry.write');
  const add = useAddMember(inst.id);
  const remove = useRemove(inst.id, 'committee');
  const [adding, setAdding] = useState(false);
  const form = useForm<MemberInput, unknown, z.output<typeof CommitteeMemberBody>>({
    resolver: zodResolver(CommitteeMemberBody, { error: formErrorMap }),
    defaultValues: { seat: 'staff_representative', fullName: '', since: new Date().toISOString().slice(0, 10), until: '' },
  });
  const { errors } = form.formState;
  useEffect(() => {
    if (add.error) applyServerErrors(add.error, form.setError, MEMBER_FIELDS);
  }, [add.error, form.setError]);
  return (
    <ListSection
      title={t('institutions.governance.committee')}
      addLabel={t('institutions.governance.add')}
      emptyText={t('institutions.governance.empty')}
      isEmpty={inst.committee.length === 0}
      canAdd={mayWrite && !adding}
      onAdd={() => setAdding(true)}
      addTestId={tid.memberAdd}
      list={
        <ListTable
          minWidth={520}
          testId={tid.committeeTable}
          caption={t('institutions.governance.table')}
          headers={[t('institutions.governance.fullName'), t('institutions.governance.seat'), t('institutions.governance.since'), t('institutions.governance.until'), t('institutions.governance.actions')]}
        >
          {inst.committee.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope={ui.row}>{m.fullName}</Table.Th>
              <Table.Td>{t(`institutions.governance.seats.${m.seat}`)}</Table.Td>
              <Table.Td>{formatDate(m.since, lang)}</Table.Td>
              <Table.Td>{m.until ? formatDate(m.until, lang) : ''}</Table.Td>
              <Table.Td>
                {mayWrite && (
                  <ActionIcon variant={ui.subtle} color={ui.red} aria-label={t('institutions.governance.delete', { name: m.fullName })} onClick={() => remove.mutate(m.id)} data-testid={tid.memberDelete(m.id)}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      }
    >
      {adding && (
        <form
          noValidate
          onSubmit={form.handleSubmit((body) =>
            add.mutate(body, {
              onSuccess: () => {
                form.reset();
                setAdding(false);
              },
            }),
          )}
        >
          <Stack gap={ui.sm} mt={ui.md}>
            <ProblemAlert error={add.error} />
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <Controller
                control={form.control}
                name={fld.seat}
                render={({ field }) => (
                  <Select
                    label={t('institutions.governance.seat')}
                    required
                    data={committeeSeats.map((s) => ({ value: s, label: t(`institutions.governance.seats.${s}`) }))}
                    value={field.value}
                    onChange={(v) => field.onChange(v)}
                    allowDeselect={false}
                    error={fieldMessage(errors.seat?.message)}
                    data-testid={tid.memberField(fld.seat)}
                  />
                )}
              />
              <TextInput label={t('institutions.governance.fullName')} required error={fieldMessage(errors.fullName?.message)} data-testid={tid.memberField(fld.fullName)} {...form.register(fld.fullName)} />
              <TextInput label={t('institutions.governance.since')} type={look.date} required error={fieldMessage(errors.since?.message)} data-testid={tid.memberField(fld.since)} {...form.register(fld.since)} />
              <TextInput label={t('institutions.governance.until')} type={look.date} error={fieldMessage(errors.until?.message)} data-testid={tid.memberField(fld.until)} {...form.register(fld.until)} />
            </SimpleGrid>
            <Group justify={ui.end}>
              <Button variant={ui.default} onClick={() => setAdding(false)}>
                {t('institutions.form.cancel')}
              </Button>
              <Button type="submit" loading={add.isPending} data-testid={tid.memberSubmit}>
                {t('institutions.form.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </ListSection>
  );
}
