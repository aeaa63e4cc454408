/**
 * A person's page: identity (editable by the receiving roles), family and legal guardian, household.
 * Below: the person's case files, the data protection page (consents, sensitive data, access log,
 * export, history) and the national duplicates of this record, from which a merge is proposed.
 */
import { useState } from 'react';
import { Button, Card, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, PageHeader, ProblemAlert, QueryStates, formatDate, nameIn, ui, useCan, useParam } from '../../../../platform/web/index.ts';
import type { MatchInput } from '../../contract/matching.ts';
import type { Person } from '../../contract/persons.ts';
import { path, tid } from './constants.ts';
import { HouseholdSection } from './HouseholdSection.tsx';
import { otherScriptName, personName } from './names.ts';
import { PersonFields, personBody, type PersonDraft } from './PersonFields.tsx';
import { fieldErrors, usePerson, useUpdatePerson } from './queries.ts';
import { RelativesSection } from './RelativesSection.tsx';
import { PersonCasesSection } from '../cases/components/PersonCasesSection.tsx';
import { CandidatesPanel } from '../matching/CandidatesPanel.tsx';
import { personPrivacyHref } from '../privacy/constants.ts';

export function PersonPage() {
  const id = useParam('personId');
  const query = usePerson(id);
  return (
    <QueryStates query={query} empty={() => false}>
      {() => <PersonView person={query.data!} />}
    </QueryStates>
  );
}

function PersonView({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const mayWrite = can('beneficiaries.receive');
  const mayMerge = can('beneficiaries.merge');
  const row = (label: string, value: string | null | undefined, isolate = false) => (
    <div>
      <Text size={ui.sm} c={ui.dimmed}>
        {label}
      </Text>
      <Text>{isolate ? <bdi>{value || '—'}</bdi> : value || '—'}</Text>
    </div>
  );
  const birth = person.birthDatePrecision === 'year' ? person.birthDate?.slice(0, 4) : formatDate(person.birthDate, lang);
  return (
    <>
      <PageHeader
        title={personName(person, lang)}
        back={path.list}
        actions={
          mayWrite && (
            <Button onClick={() => setEditing(true)} data-testid={tid.edit}>
              {t('persons.edit')}
            </Button>
          )
        }
      />
      <Stack gap={ui.lg}>
        <Card withBorder data-testid={tid.identity}>
          <Text size={ui.sm} c={ui.dimmed} mb={ui.sm}>
            <bdi data-testid={tid.title}>{otherScriptName(person, lang)}</bdi>
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {row(t('persons.fields.sex'), t(`enums.sex.${person.sex}`))}
            {row(t('persons.fields.birthDate'), birth)}
            {row(t('persons.fields.birthPlace'), person.birthPlace)}
            {row(t('persons.fields.cnie'), person.cnie, true)}
            {row(t('persons.fields.idcs'), person.idcs, true)}
            {row(t('persons.fields.phone'), person.phone, true)}
            {row(t('persons.fields.address'), person.address)}
            {row(t('persons.fields.commune'), person.communeNameAr !== null ? nameIn({ nameAr: person.communeNameAr, nameFr: person.communeNameFr ?? person.communeNameAr }, lang) : null)}
            {row(t('persons.fields.familyStatus'), person.familyStatus ? t(`enums.familyStatus.${person.familyStatus}`) : null)}
            {row(t('persons.fields.schoolingLevel'), person.schoolingLevel ? t(`enums.schoolingLevel.${person.schoolingLevel}`) : null)}
            {row(t('persons.holder'), nameIn({ nameAr: person.delegationNameAr, nameFr: person.delegationNameFr }, lang))}
            {person.institutionNameAr && row(t('persons.institution'), nameIn({ nameAr: person.institutionNameAr, nameFr: person.institutionNameFr ?? '' }, lang))}
          </SimpleGrid>
        </Card>
        <RelativesSection person={person} />
        <HouseholdSection person={person} />
        <PersonCasesSection personId={person.id} />
        <AnchorLink to={personPrivacyHref(person.id)} data-testid={tid.privacyLink}>
          {t('persons.privacyLink')}
        </AnchorLink>
        {mayMerge && <CandidatesPanel input={matchInputOf(person)} mergeFrom={person.id} />}
      </Stack>
      {editing && <EditPerson person={person} onClose={() => setEditing(false)} />}
    </>
  );
}

/** This record's own fields, to look for its duplicates nationally (itself excluded). */
const matchInputOf = (p: Person): MatchInput => ({
  firstNameAr: p.firstNameAr,
  lastNameAr: p.lastNameAr,
  firstNameLat: p.firstNameLat,
  lastNameLat: p.lastNameLat,
  sex: p.sex,
  birthDate: p.birthDate,
  birthPlace: p.birthPlace,
  cnie: p.cnie,
  idcs: p.idcs,
  phone: p.phone,
  excludePersonId: p.id,
});

const draftOf = (p: Person): PersonDraft => ({
  firstNameAr: p.firstNameAr ?? '',
  lastNameAr: p.lastNameAr ?? '',
  firstNameLat: p.firstNameLat ?? '',
  lastNameLat: p.lastNameLat ?? '',
  sex: p.sex,
  birthDate: p.birthDate ?? '',
  birthYearOnly: p.birthDatePrecision === 'year',
  birthPlace: p.birthPlace ?? '',
  cnie: p.cnie ?? '',
  idcs: p.idcs ?? '',
  phone: p.phone ?? '',
  address: p.address ?? '',
  communeId: p.communeId ?? '',
  commune: p.communeId && p.communeNameAr !== null ? { nameAr: p.communeNameAr, nameFr: p.communeNameFr ?? p.communeNameAr } : null,
  familyStatus: p.familyStatus ?? '',
  schoolingLevel: p.schoolingLevel ?? '',
});

function EditPerson({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const [draft, setDraft] = useState(draftOf(person));
  const mutation = useUpdatePerson(person.id);
  const errors = fieldErrors(mutation.error);
  return (
    <Modal opened onClose={onClose} title={t('persons.editTitle')} size={ui.xl} closeButtonProps={{ 'aria-label': t('persons.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(personBody(draft), { onSuccess: onClose });
        }}
      >
        <Stack>
          <ProblemAlert error={Object.keys(errors).length ? null : mutation.error} />
          <PersonFields value={draft} onChange={setDraft} errors={errors} />
          <Group justify={ui.flexEnd}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.save}>
              {t('persons.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
