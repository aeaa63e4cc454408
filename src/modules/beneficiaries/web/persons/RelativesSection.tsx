/**
 * Family and legal guardian of a person (decree 2.19.693 art. 11: name, CNIE, residence, phone,
 * profession and social situation of the father, the mother or the legal representative).
 */
import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ListTable, ProblemAlert, ui, useCan } from '../../../../platform/web/index.ts';
import { relations, socialSituations } from '../../contract/enums.ts';
import type { Person, Relative, RelativeBody } from '../../contract/persons.ts';
import { tid, val } from './constants.ts';
import { fieldErrors, useRelativeMutation } from './queries.ts';

const NEW = 'new' as const;
const TEXTS = [['fullNameAr', val.rtl], ['fullNameLat', val.ltr], ['cnie', val.ltr], ['phone', val.ltr], ['address', undefined], ['profession', undefined]] as const;
const FATHER = relations[0];

type Draft = { relation: string; isLegalRepresentative: boolean; fullNameAr: string; fullNameLat: string; cnie: string; phone: string; address: string; profession: string; socialSituation: string; alive: boolean };

const draftOf = (r?: Relative): Draft => ({
  relation: r?.relation ?? FATHER,
  isLegalRepresentative: r?.isLegalRepresentative ?? false,
  fullNameAr: r?.fullNameAr ?? '',
  fullNameLat: r?.fullNameLat ?? '',
  cnie: r?.cnie ?? '',
  phone: r?.phone ?? '',
  address: r?.address ?? '',
  profession: r?.profession ?? '',
  socialSituation: r?.socialSituation ?? '',
  alive: r?.alive ?? true,
});

export function RelativesSection({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const can = useCan();
  const mayWrite = can('beneficiaries.receive');
  const mutation = useRelativeMutation(person.id);
  const [editing, setEditing] = useState<Relative | typeof NEW | null>(null);
  const startNew = () => setEditing(NEW);
  const remove = (id: string) => mutation.mutate({ kind: 'remove', id });
  const save = (body: RelativeBody) =>
    mutation.mutate(editing === NEW || !editing ? { kind: 'add', body } : { kind: 'edit', id: editing.id, body }, { onSuccess: () => setEditing(null) });
  const name = (r: Relative) => (i18n.language === 'fr' ? r.fullNameLat || r.fullNameAr : r.fullNameAr || r.fullNameLat);
  return (
    <Stack gap={ui.sm} data-testid={tid.relatives}>
      <Group justify={ui.spaceBetween}>
        <Title order={2} size={ui.h4}>
          {t('persons.family')}
        </Title>
        {mayWrite && (
          <Button variant={ui.light} leftSection={<IconPlus size={16} aria-hidden />} onClick={startNew} data-testid={tid.addRelative}>
            {t('persons.addRelative')}
          </Button>
        )}
      </Group>
      {person.relatives.length === 0 ? (
        <EmptyState>{t('persons.noRelatives')}</EmptyState>
      ) : (
        <ListTable minWidth={640} testId={tid.relativesTable} caption={t('persons.family')} headers={[t('persons.relation'), t('persons.name'), t('persons.fields.cnie'), t('persons.fields.phone'), t('persons.profession'), t('persons.socialSituation'), t('persons.actions')]}>
          {person.relatives.map((r) => (
            <Table.Tr key={r.id} data-testid={tid.relativeRow(r.id)}>
              <Table.Td>
                {t(`enums.relation.${r.relation}`)}
                {r.isLegalRepresentative && (
                  <Badge ms={ui.xs} size={ui.sm} variant={ui.light}>
                    {t('persons.legalRepresentative')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Th scope={ui.row} fw={500}>
                <bdi>{name(r)}</bdi>
              </Table.Th>
              <Table.Td>
                <bdi>{r.cnie}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi>{r.phone}</bdi>
              </Table.Td>
              <Table.Td>{r.profession}</Table.Td>
              <Table.Td>{r.socialSituation ? t(`enums.socialSituation.${r.socialSituation}`) : ''}</Table.Td>
              <Table.Td>
                {mayWrite && (
                  <Group gap={ui.xs} wrap={ui.nowrap}>
                    <Button size={ui.xs} variant={ui.subtle} onClick={() => setEditing(r)}>
                      {t('persons.edit')}
                    </Button>
                    <Button size={ui.xs} variant={ui.subtle} color={ui.red} onClick={() => remove(r.id)} data-testid={tid.relativeDelete(r.id)}>
                      {t('persons.remove')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      {editing && (
        <RelativeModal
          initial={editing === NEW ? undefined : editing}
          pending={mutation.isPending}
          error={mutation.error}
          onClose={() => {
            mutation.reset();
            setEditing(null);
          }}
          onSave={save}
        />
      )}
    </Stack>
  );
}

function RelativeModal({ initial, pending, error, onClose, onSave }: { initial?: Relative; pending: boolean; error: unknown; onClose: () => void; onSave: (body: RelativeBody) => void }) {
  const { t } = useTranslation('beneficiaries');
  const [d, setD] = useState<Draft>(draftOf(initial));
  const errors = fieldErrors(error);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD({ ...d, [k]: v });
  const input = ([k, dir]: (typeof TEXTS)[number]) => (
    <TextInput key={k} label={t(`persons.relativeFields.${k}`)} value={d[k]} onChange={(e) => setD({ ...d, [k]: e.currentTarget.value })} error={errors[k]} dir={dir} />
  );
  const onRelation = (v: string | null) => set('relation', v ?? FATHER);
  const onSituation = (v: string | null) => setD({ ...d, socialSituation: v ?? '' });
  const onRepresentative = (checked: boolean) => setD({ ...d, isLegalRepresentative: checked });
  const onAlive = (checked: boolean) => setD({ ...d, alive: checked });
  return (
    <Modal opened onClose={onClose} title={t(initial ? 'persons.editRelative' : 'persons.addRelative')} size={ui.lg} closeButtonProps={{ 'aria-label': t('persons.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ ...d, socialSituation: d.socialSituation || null } as unknown as RelativeBody);
        }}
      >
        <Stack>
          <ProblemAlert error={Object.keys(errors).length ? null : error} />
          <Select label={t('persons.relation')} data={relations.map((r) => ({ value: r, label: t(`enums.relation.${r}`) }))} value={d.relation} onChange={onRelation} allowDeselect={false} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {TEXTS.map(input)}
          </SimpleGrid>
          <Select
            label={t('persons.socialSituation')}
            data={socialSituations.map((s) => ({ value: s, label: t(`enums.socialSituation.${s}`) }))}
            value={d.socialSituation || null}
            onChange={onSituation}
            clearable
          />
          <Checkbox label={t('persons.legalRepresentative')} checked={d.isLegalRepresentative} onChange={(e) => onRepresentative(e.currentTarget.checked)} />
          <Checkbox label={t('persons.alive')} checked={d.alive} onChange={(e) => onAlive(e.currentTarget.checked)} />
          <Group justify={ui.flexEnd}>
            <Button type="submit" loading={pending} data-testid={tid.relativeSave}>
              {t('persons.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
