/** The person's household (RSU registers households): its members, or linking one (existing or new). */
import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ProblemAlert, ui, useCan } from '../../../../platform/web/index.ts';
import type { Person } from '../../contract/persons.ts';
import { path, tid } from './constants.ts';
import { personName } from './names.ts';
import { fieldErrors, useCreateHousehold, useHousehold, useHouseholds, useUpdatePerson } from './queries.ts';

export function HouseholdSection({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const can = useCan();
  const mayWrite = can('beneficiaries.receive');
  const household = useHousehold(person.household?.id ?? null);
  const update = useUpdatePerson(person.id);
  const create = useCreateHousehold();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const households = useHouseholds(q);
  const [label, setLabel] = useState('');
  const [rsu, setRsu] = useState(false);
  const errors = fieldErrors(create.error);
  return (
    <Stack gap={ui.sm} data-testid={tid.household}>
      <Title order={2} size={ui.h4}>
        {t('persons.household')}
      </Title>
      {person.household ? (
        <>
          <Group>
            <Text fw={500}>{person.household.label}</Text>
            {household.data?.rsuRegistered && <Badge variant={ui.light}>{t('persons.rsu')}</Badge>}
            {mayWrite && (
              <Button size={ui.xs} variant={ui.subtle} onClick={() => update.mutate({ householdId: null })}>
                {t('persons.unlinkHousehold')}
              </Button>
            )}
          </Group>
          <Stack gap={4}>
            {(household.data?.members ?? []).map((m) => (
              <AnchorLink key={m.id} to={path.person(m.id)}>
                <bdi>{personName(m, i18n.language)}</bdi>
              </AnchorLink>
            ))}
          </Stack>
        </>
      ) : (
        <Text c={ui.dimmed}>{t('persons.noHousehold')}</Text>
      )}
      {!person.household && mayWrite && (
        <Stack gap={ui.xs}>
          <Select
            label={t('persons.linkHousehold')}
            searchable
            data={(households.data?.items ?? []).map((h) => ({ value: h.id, label: h.label }))}
            filter={({ options }) => options}
            searchValue={search}
            onSearchChange={setSearch}
            value={null}
            onChange={(id) => id && update.mutate({ householdId: id })}
            data-testid={tid.householdPicker}
          />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ label, rsuRegistered: rsu }, { onSuccess: (h) => update.mutate({ householdId: h.id }) });
            }}
          >
            <Group align={ui.flexEnd}>
              <TextInput label={t('persons.newHousehold')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} />
              <Checkbox label={t('persons.rsu')} checked={rsu} onChange={(e) => setRsu(e.currentTarget.checked)} />
              <Button type="submit" variant={ui.light} loading={create.isPending} data-testid={tid.householdCreate}>
                {t('persons.createHousehold')}
              </Button>
            </Group>
          </form>
        </Stack>
      )}
      <ProblemAlert error={update.error} />
    </Stack>
  );
}
