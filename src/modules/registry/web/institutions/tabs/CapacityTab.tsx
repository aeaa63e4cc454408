/**
 * Capacity and services tab: licensed capacity per sex, the rooms and their places, and the 15
 * services of law 65-15 art. 5, each offered permanently or temporarily, fully or partly.
 */
import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconTrash } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ListTable, LoadingState, ProblemAlert, applyServerErrors, fieldMessage, formatNumber, formErrorMap, ui, useCan } from '../../../../../platform/web/index.ts';
import type { InstitutionTabProps } from '../../institution-tabs.ts';
import { roomKinds, serviceExtents, servicePermanences, serviceTypes, sexesServed } from '../../../contract/enums.ts';
import { RoomBody, type Institution, type InstitutionService } from '../../../contract/institutions.ts';
import { useAddRoom, useInstitution, useRemove, useSaveServices } from '../queries.ts';
import { fld, look, tid } from '../constants.ts';
import { ListSection } from '../components/ListSection.tsx';
import { Field } from '../components/Field.tsx';

export function CapacityTab({ institutionId }: InstitutionTabProps) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const { data: inst } = useInstitution(institutionId);
  if (!inst) return <LoadingState />;
  return (
    <Stack gap={ui.md}>
      <Card withBorder>
        <Title order={2} size={ui.h4} mb={ui.sm}>
          {t('institutions.form.capacity')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Field label={t('institutions.fields.sexServed')}>{t(`enums.sexServed.${inst.sexServed}`)}</Field>
          <Field label={t('institutions.fields.capacityMale')}>{formatNumber(inst.capacityMale, lang)}</Field>
          <Field label={t('institutions.fields.capacityFemale')}>{formatNumber(inst.capacityFemale, lang)}</Field>
          <Field label={t('institutions.fields.capacityTotal')}>{formatNumber(inst.capacityTotal, lang)}</Field>
        </SimpleGrid>
      </Card>
      <Rooms inst={inst} />
      <Services inst={inst} />
    </Stack>
  );
}

type RoomInput = z.input<typeof RoomBody>;
const ROOM_FIELDS = ['name', 'kind', 'sex', 'areaM2', 'places'] as const;

function Rooms({ inst }: { inst: Institution }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const can = useCan();
  const mayWrite = can('registry.write');
  const add = useAddRoom(inst.id);
  const remove = useRemove(inst.id, 'rooms');
  const [adding, setAdding] = useState(false);
  const form = useForm<RoomInput, unknown, z.output<typeof RoomBody>>({
    resolver: zodResolver(RoomBody, { error: formErrorMap }),
    defaultValues: { name: '', kind: 'dormitory', sex: inst.sexServed, areaM2: '', places: 0 },
  });
  const { errors } = form.formState;
  useEffect(() => {
    if (add.error) applyServerErrors(add.error, form.setError, ROOM_FIELDS);
  }, [add.error, form.setError]);
  const total = inst.rooms.reduce((sum, r) => sum + r.places, 0);
  return (
    <ListSection
      title={t('institutions.rooms.title')}
      addLabel={t('institutions.rooms.add')}
      emptyText={t('institutions.rooms.empty')}
      isEmpty={inst.rooms.length === 0}
      canAdd={mayWrite && !adding}
      onAdd={() => setAdding(true)}
      addTestId={tid.roomAdd}
      list={
        <>
          <ListTable
            minWidth={520}
            testId={tid.roomsTable}
            caption={t('institutions.rooms.table')}
            headers={[t('institutions.rooms.name'), t('institutions.rooms.kind'), t('institutions.rooms.sex'), t('institutions.rooms.areaM2'), t('institutions.rooms.places'), t('institutions.rooms.actions')]}
          >
            {inst.rooms.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope={ui.row}>{r.name}</Table.Th>
                <Table.Td>{t(`institutions.roomKinds.${r.kind}`)}</Table.Td>
                <Table.Td>{t(`enums.sexServed.${r.sex}`)}</Table.Td>
                <Table.Td>{r.areaM2 ?? ''}</Table.Td>
                <Table.Td>{formatNumber(r.places, lang)}</Table.Td>
                <Table.Td>
                  {mayWrite && (
                    <ActionIcon variant={ui.subtle} color={ui.red} aria-label={t('institutions.rooms.delete', { name: r.name })} onClick={() => remove.mutate(r.id)} data-testid={tid.roomDelete(r.id)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          <Text size={ui.sm} mt={ui.xs}>
            {t('institutions.rooms.total', { places: formatNumber(total, lang) })}
          </Text>
        </>
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
            <SimpleGrid cols={{ base: 1, sm: 5 }}>
              <TextInput label={t('institutions.rooms.name')} required error={fieldMessage(errors.name?.message)} data-testid={tid.roomField(fld.name)} {...form.register(fld.name)} />
              <Controller
                control={form.control}
                name={fld.kind}
                render={({ field }) => (
                  <Select label={t('institutions.rooms.kind')} required data={roomKinds.map((k) => ({ value: k, label: t(`institutions.roomKinds.${k}`) }))} value={field.value} onChange={(v) => field.onChange(v)} allowDeselect={false} error={fieldMessage(errors.kind?.message)} />
                )}
              />
              <Controller
                control={form.control}
                name={fld.sex}
                render={({ field }) => (
                  <Select label={t('institutions.rooms.sex')} required data={sexesServed.map((s) => ({ value: s, label: t(`enums.sexServed.${s}`) }))} value={field.value} onChange={(v) => field.onChange(v)} allowDeselect={false} error={fieldMessage(errors.sex?.message)} />
                )}
              />
              <TextInput label={t('institutions.rooms.areaM2')} inputMode={look.decimal} dir={ui.ltr} error={fieldMessage(errors.areaM2?.message)} data-testid={tid.roomField(fld.areaM2)} {...form.register(fld.areaM2)} />
              <Controller
                control={form.control}
                name={fld.places}
                render={({ field }) => (
                  <NumberInput label={t('institutions.rooms.places')} required allowDecimal={false} value={field.value as number} onChange={field.onChange} error={fieldMessage(errors.places?.message)} data-testid={tid.roomField(fld.places)} />
                )}
              />
            </SimpleGrid>
            <Group justify={ui.end}>
              <Button variant={ui.default} onClick={() => setAdding(false)}>
                {t('institutions.form.cancel')}
              </Button>
              <Button type="submit" loading={add.isPending} data-testid={tid.roomSubmit}>
                {t('institutions.form.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </ListSection>
  );
}

type Row = { offered: boolean; permanence: InstitutionService['permanence']; extent: InstitutionService['extent'] };

function Services({ inst }: { inst: Institution }) {
  const { t } = useTranslation('registry');
  const can = useCan();
  const mayWrite = can('registry.write');
  const save = useSaveServices(inst.id);
  const initial = () =>
    Object.fromEntries(
      serviceTypes.map((s) => {
        const found = inst.services.find((x) => x.service === s);
        return [s, { offered: Boolean(found), permanence: found?.permanence ?? 'permanent', extent: found?.extent ?? 'full' }];
      }),
    ) as Record<(typeof serviceTypes)[number], Row>;
  const [rows, setRows] = useState(initial);
  const readOnly = !mayWrite;
  const set = (s: (typeof serviceTypes)[number], patch: Partial<Row>) => setRows((r) => ({ ...r, [s]: { ...r[s], ...patch } }));
  return (
    <Card withBorder>
      <Title order={2} size={ui.h4} mb={ui.sm}>
        {t('institutions.services.title')}
      </Title>
      <ProblemAlert error={save.error} />
      <ListTable
        minWidth={560}
        testId={tid.servicesTable}
        caption={t('institutions.services.table')}
        headers={[t('institutions.services.service'), t('institutions.services.offered'), t('institutions.services.permanence'), t('institutions.services.extent')]}
      >
        {serviceTypes.map((s) => {
          const row = rows[s];
          const label = t(`institutions.services.types.${s}`);
          return (
            <Table.Tr key={s}>
              <Table.Th scope={ui.row} fw={400}>
                {label}
              </Table.Th>
              <Table.Td>
                <Checkbox aria-label={label} checked={row.offered} disabled={readOnly} onChange={(e) => set(s, { offered: e.currentTarget.checked })} data-testid={tid.serviceOffered(s)} />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${label} — ${t('institutions.services.permanence')}`}
                  size={ui.xs}
                  data={servicePermanences.map((p) => ({ value: p, label: t(`institutions.services.permanences.${p}`) }))}
                  value={row.permanence}
                  onChange={(v) => v && set(s, { permanence: v as Row['permanence'] })}
                  disabled={readOnly || !row.offered}
                  allowDeselect={false}
                  data-testid={tid.servicePermanence(s)}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${label} — ${t('institutions.services.extent')}`}
                  size={ui.xs}
                  data={serviceExtents.map((x) => ({ value: x, label: t(`institutions.services.extents.${x}`) }))}
                  value={row.extent}
                  onChange={(v) => v && set(s, { extent: v as Row['extent'] })}
                  disabled={readOnly || !row.offered}
                  allowDeselect={false}
                  data-testid={tid.serviceExtent(s)}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
      {!readOnly && (
        <Group justify={ui.end} mt={ui.sm}>
          {save.isSuccess && (
            <Alert variant={ui.light} color={ui.green} py={4} role={ui.status} data-testid={tid.servicesSaved}>
              {t('institutions.services.saved')}
            </Alert>
          )}
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ services: serviceTypes.filter((s) => rows[s].offered).map((s) => ({ service: s, permanence: rows[s].permanence, extent: rows[s].extent })) })}
            data-testid={tid.servicesSave}
          >
            {t('institutions.services.save')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
