/**
 * Health, disability and violence/court-order data of a person, for the roles that need them
 * (beneficiaries.sensitive; the database hides the rows from the others anyway). Opening the
 * section reads the data, and every read is written to the person's access log.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconEdit, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, ListTable, ProblemAlert, QueryStates, formatDate, ui } from '../../../../platform/web/index.ts';
import { disabilityDegrees, disabilityKinds, healthStatuses, perpetratorRelations, protectionKinds } from '../../contract/enums.ts';
import { sensitiveKinds, type SensitiveKind } from '../../contract/privacy.ts';
import { useSensitive, useSensitiveMutation } from './queries.ts';
import { tid, val } from './constants.ts';

type Values = Record<string, string | boolean | null>;
type FieldKind = 'select' | 'date' | 'text' | 'textarea' | 'check';
interface FieldSpec {
  name: string;
  kind: FieldKind;
  options?: { value: string; label: string }[];
  required?: boolean;
}

function useSpecs(): Record<SensitiveKind, FieldSpec[]> {
  const { t } = useTranslation('beneficiaries');
  return {
    health: [
      { name: 'status', kind: 'select', required: true, options: healthStatuses.map((v) => ({ value: v, label: t(`enums.healthStatus.${v}`) })) },
      { name: 'recordedOn', kind: 'date' },
      { name: 'details', kind: 'textarea' },
    ],
    disabilities: [
      { name: 'kind', kind: 'select', required: true, options: disabilityKinds.map((v) => ({ value: v, label: t(`enums.disabilityKind.${v}`) })) },
      { name: 'degree', kind: 'select', options: disabilityDegrees.map((v) => ({ value: v, label: t(`enums.disabilityDegree.${v}`) })) },
      { name: 'cardNumber', kind: 'text' },
      { name: 'since', kind: 'date' },
      { name: 'details', kind: 'textarea' },
    ],
    protection: [
      { name: 'kind', kind: 'select', required: true, options: protectionKinds.map((v) => ({ value: v, label: t(`enums.protectionKind.${v}`) })) },
      { name: 'occurredOn', kind: 'date' },
      { name: 'perpetratorRelation', kind: 'select', options: perpetratorRelations.map((v) => ({ value: v, label: t(`enums.perpetratorRelation.${v}`) })) },
      { name: 'complaintFiled', kind: 'check' },
      { name: 'courtReference', kind: 'text' },
      { name: 'details', kind: 'textarea' },
    ],
  };
}

const DETAILS: FieldSpec = { name: 'details', kind: 'textarea' };

const fieldLabelKey = (name: string) => `privacy.sensitive.${name}` as 'privacy.sensitive.details';

export function SensitiveSection({ personId }: { personId: string }) {
  const { t } = useTranslation('beneficiaries');
  return (
    <section aria-labelledby="privacy-sensitive-title" data-testid={tid.sensitive}>
      <Title order={2} size={ui.h4} id="privacy-sensitive-title" mb={ui.sm}>{t('privacy.sensitive.heading')}</Title>
      <Alert icon={<IconLock size={18} aria-hidden />} color={ui.blue} variant={ui.light} mb={ui.md}>{t('privacy.sensitive.notice')}</Alert>
      <Stack gap={ui.lg}>
        {sensitiveKinds.map((kind) => <SensitiveKindList key={kind} personId={personId} kind={kind} />)}
      </Stack>
    </section>
  );
}

function SensitiveKindList({ personId, kind }: { personId: string; kind: SensitiveKind }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const specs = useSpecs()[kind];
  const query = useSensitive(personId, kind, true);
  const [editing, setEditing] = useState<Values | typeof val.new | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const items = (query.data?.items ?? []) as unknown as Values[];
  const headingId = `privacy-sensitive-${kind}`;
  const show = (spec: FieldSpec, value: Values[string]): ReactNode => {
    if (value === null || value === undefined || value === '') return t('privacy.sensitive.none');
    if (spec.kind === 'check') return value ? t('privacy.export.yes') : t('privacy.export.no');
    if (spec.kind === 'date') return formatDate(String(value), lang);
    if (spec.kind === 'select') return spec.options?.find((o) => o.value === value)?.label ?? String(value);
    return String(value);
  };
  const shown = specs.filter((s) => s.kind !== 'textarea');
  return (
    <div data-testid={tid.sensitiveKind(kind)}>
      <Group justify={ui.spaceBetween} mb={ui.xs}>
        <Title order={3} size={ui.h5} id={headingId}>{t(`privacy.sensitive.${kind}`)}</Title>
        <Button size={ui.xs} variant={ui.light} leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing(val.new)} data-testid={tid.sensitiveAdd(kind)}>
          {t('privacy.sensitive.add')}
        </Button>
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <ListTable
            minWidth={560}
            testId={`${tid.sensitiveKind(kind)}-table`}
            caption={t(`privacy.sensitive.${kind}`)}
            headers={[...shown.map((s) => t(fieldLabelKey(s.name))), t('privacy.sensitive.details'), t('privacy.sensitive.edit')]}
          >
            {items.map((item, i) => (
              <Table.Tr key={String(item.id)}>
                {shown.map((s) => <Table.Td key={s.name}>{show(s, item[s.name] ?? null)}</Table.Td>)}
                <Table.Td><Text size={ui.sm} lineClamp={2}>{show(DETAILS, item.details ?? null)}</Text></Table.Td>
                <Table.Td>
                  <Group gap={ui.xs} wrap={ui.nowrap}>
                    <Button size={ui.xs} variant={ui.subtle} leftSection={<IconEdit size={14} aria-hidden />} onClick={() => setEditing(item)}>
                      {t('privacy.sensitive.edit')}
                    </Button>
                    <Button size={ui.xs} variant={ui.subtle} color={ui.red} leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(String(item.id))} data-testid={tid.sensitiveDelete(kind, i)}>
                      {t('privacy.sensitive.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryStates>
      {editing && <SensitiveForm personId={personId} kind={kind} specs={specs} item={editing === val.new ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteSensitive personId={personId} kind={kind} id={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}

function DeleteSensitive({ personId, kind, id, onClose }: { personId: string; kind: SensitiveKind; id: string; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const mutation = useSensitiveMutation(personId, kind);
  return (
    <Modal opened onClose={onClose} title={t('privacy.sensitive.delete')} centered closeButtonProps={{ 'aria-label': t('privacy.sensitive.cancel') }}>
      <Stack gap={ui.md}>
        <ProblemAlert error={mutation.error} />
        <Text>{t('privacy.sensitive.confirmDelete')}</Text>
        <Group justify={ui.end}>
          <Button variant={ui.default} onClick={onClose}>{t('privacy.sensitive.cancel')}</Button>
          <Button color={ui.red} loading={mutation.isPending} onClick={() => mutation.mutate({ kind: val.delete, id }, { onSuccess: onClose })} data-testid={tid.sensitiveConfirm}>
            {t('privacy.sensitive.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SensitiveForm({ personId, kind, specs, item, onClose }: { personId: string; kind: SensitiveKind; specs: FieldSpec[]; item: Values | null; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const mutation = useSensitiveMutation(personId, kind);
  const [values, setValues] = useState<Values>(() => Object.fromEntries(specs.map((s) => [s.name, item?.[s.name] ?? (s.kind === 'check' ? null : '')])));
  // The server's field errors (already in the user's language) under their inputs.
  const errors = new Map((mutation.error instanceof ApiError ? (mutation.error.problem?.errors ?? []) : []).map((e) => [e.path, e.message]));
  const set = (name: string, value: Values[string]) => setValues((v) => ({ ...v, [name]: value }));
  const submit = () => {
    // Empty optional fields are sent as absent (creation) or cleared (edit).
    const body = Object.fromEntries(specs.map((s) => [s.name, values[s.name] === '' ? (item ? null : undefined) : values[s.name]]).filter(([, v]) => v !== undefined));
    mutation.mutate(item ? { kind: 'edit', id: String(item.id), body } : { kind: 'add', body }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t(`privacy.sensitive.${kind}`)} size={ui.lg} closeButtonProps={{ 'aria-label': t('privacy.sensitive.cancel') }}>
      <form noValidate data-testid={tid.sensitiveForm} onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {specs.map((s) => {
              const common = { label: t(fieldLabelKey(s.name)), error: errors.get(s.name), 'data-testid': tid.sensitiveField(s.name) };
              const value = values[s.name];
              if (s.kind === 'select')
                return <Select key={s.name} {...common} data={s.options ?? []} value={(value as string) || null} onChange={(v) => set(s.name, v ?? '')} clearable={!s.required} withAsterisk={s.required} />;
              if (s.kind === 'check')
                return <Checkbox key={s.name} {...common} checked={value === true} onChange={(e) => set(s.name, e.currentTarget.checked)} mt={ui.lg} />;
              if (s.kind === 'textarea')
                return <Textarea key={s.name} {...common} value={(value as string) ?? ''} onChange={(e) => set(s.name, e.currentTarget.value)} autosize minRows={3} />;
              return <TextInput key={s.name} {...common} type={s.kind === 'date' ? val.date : undefined} value={(value as string) ?? ''} onChange={(e) => set(s.name, e.currentTarget.value)} />;
            })}
          </SimpleGrid>
          <Group justify={ui.end}>
            <Button variant={ui.default} onClick={onClose}>{t('privacy.sensitive.cancel')}</Button>
            <Button type={val.submit} loading={mutation.isPending} data-testid={tid.sensitiveSave}>{t('privacy.sensitive.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
