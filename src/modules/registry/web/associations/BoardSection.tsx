/**
 * The association's board: members in the order of their offices, each with role, CNIE, phone
 * and mandate; add, edit, and remove after a confirmation. The board's renewal date is on the
 * association itself (identity).
 */
import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EmptyState, ListTable, ProblemAlert, applyServerErrors, fieldMessage, formErrorMap, formatDate, ui } from '../../../../platform/web/index.ts';
import { BoardMemberBody, boardRoles, type Association, type BoardMember, type BoardMemberBodyInput } from '../../contract/index.ts';
import { useBoardMutation } from './queries.ts';
import { fld, tid, val } from './constants.ts';

const NEW = 'new';
const FIELDS = ['fullNameAr', 'fullNameFr', 'role', 'cnie', 'phone', 'mandateStart', 'mandateEnd'] as const;

export function BoardSection({ association, mayWrite }: { association: Association; mayWrite: boolean }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const [editing, setEditing] = useState<BoardMember | typeof NEW | null>(null);
  const [removing, setRemoving] = useState<BoardMember | null>(null);
  const members = association.boardMembers;
  const nameOf = (m: BoardMember) => (lang === 'fr' ? (m.fullNameFr ?? m.fullNameAr) : (m.fullNameAr ?? m.fullNameFr)) ?? '';
  return (
    <section aria-labelledby="association-board" data-testid={tid.board}>
      <Group justify={ui.spaceBetween} mb={ui.sm}>
        <Title order={2} size={ui.h4} id="association-board">
          {t('associations.board.title')}
        </Title>
        {mayWrite && (
          <Button size={ui.sm} variant={ui.light} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(NEW)} data-testid={tid.boardAdd}>
            {t('associations.board.add')}
          </Button>
        )}
      </Group>
      {members.length === 0 ? (
        <EmptyState />
      ) : (
        <ListTable
          minWidth={640}
          testId={`${tid.board}-table`}
          caption={t('associations.board.title')}
          headers={[t('associations.board.name'), t('associations.board.role'), t('associations.board.cnie'), t('associations.board.phone'), t('associations.board.mandate'), ...(mayWrite ? [t('associations.board.actions')] : [])]}
        >
          {members.map((m, i) => (
            <Table.Tr key={m.id}>
              <Table.Th scope={ui.row} fw={500}>
                {nameOf(m)}
              </Table.Th>
              <Table.Td>{t(`enums.boardRole.${m.role}`)}</Table.Td>
              <Table.Td className="raaya-ltr">{m.cnie}</Table.Td>
              <Table.Td className="raaya-ltr">{m.phone}</Table.Td>
              <Table.Td>{t('associations.board.period', { from: formatDate(m.mandateStart, lang), to: formatDate(m.mandateEnd, lang) })}</Table.Td>
              {mayWrite && (
                <Table.Td>
                  <Group gap={ui.xs} wrap={ui.nowrap}>
                    <Button size={ui.xs} variant={ui.subtle} leftSection={<IconEdit size={14} aria-hidden />} onClick={() => setEditing(m)} data-testid={tid.boardEdit(i)} aria-label={t('associations.board.editOf', { name: nameOf(m) })}>
                      {t('associations.board.edit')}
                    </Button>
                    <Button size={ui.xs} variant={ui.subtle} color={ui.red} leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setRemoving(m)} data-testid={tid.boardRemove(i)} aria-label={t('associations.board.removeOf', { name: nameOf(m) })}>
                      {t('associations.board.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </ListTable>
      )}
      {editing && <MemberForm associationId={association.id} member={editing === NEW ? undefined : editing} onClose={() => setEditing(null)} />}
      {removing && <RemoveMember associationId={association.id} member={removing} name={nameOf(removing)} onClose={() => setRemoving(null)} />}
    </section>
  );
}

function RemoveMember({ associationId, member, name, onClose }: { associationId: string; member: BoardMember; name: string; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const mutation = useBoardMutation(associationId);
  const remove = () => mutation.mutate({ kind: 'remove', memberId: member.id }, { onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('associations.close') }} title={t('associations.board.removeTitle')} centered>
      <Stack gap={ui.md}>
        <ProblemAlert error={mutation.error} />
        <Text>{t('associations.board.removeConfirm', { name })}</Text>
        <Group justify={ui.end}>
          <Button variant={ui.default} onClick={onClose}>
            {t('associations.cancel')}
          </Button>
          <Button color={ui.red} loading={mutation.isPending} onClick={remove} data-testid={tid.boardConfirm}>
            {t('associations.board.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function MemberForm({ associationId, member, onClose }: { associationId: string; member?: BoardMember; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const mutation = useBoardMutation(associationId);
  const defaults: BoardMemberBodyInput = {
    fullNameAr: member?.fullNameAr ?? '',
    fullNameFr: member?.fullNameFr ?? '',
    role: member?.role ?? 'member',
    cnie: member?.cnie ?? '',
    phone: member?.phone ?? '',
    mandateStart: member?.mandateStart ?? '',
    mandateEnd: member?.mandateEnd ?? '',
  };
  const resolver = zodResolver(BoardMemberBody, { error: formErrorMap }) as unknown as Resolver<BoardMemberBodyInput, unknown, BoardMemberBody>;
  const form = useForm<BoardMemberBodyInput, unknown, BoardMemberBody>({ resolver, defaultValues: defaults });
  const { errors } = form.formState;
  useEffect(() => {
    if (mutation.error) applyServerErrors(mutation.error, form.setError, FIELDS);
  }, [mutation.error, form.setError]);
  type Field = (typeof FIELDS)[number];
  // Each input's props (registration, test id, error) prepared outside the JSX.
  const p = Object.fromEntries(
    FIELDS.map((name) => [name, { ...form.register(name), error: fieldMessage(errors[name]?.message), 'data-testid': tid.boardField(name) }]),
  ) as unknown as Record<Field, ReturnType<typeof form.register> & { error: string | undefined; 'data-testid': string }>;
  const roleTestId = tid.boardField(fld.role);
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('associations.close') }} title={member ? t('associations.board.edit') : t('associations.board.add')} size={ui.lg}>
      <form
        noValidate
        data-testid={tid.boardForm}
        onSubmit={form.handleSubmit((body) =>
          mutation.mutate(member ? { kind: 'edit', memberId: member.id, body } : { kind: 'add', body }, { onSuccess: onClose }),
        )}
      >
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('associations.board.nameAr')} dir={ui.rtl} lang={ui.ar} {...p.fullNameAr} />
            <TextInput label={t('associations.board.nameFr')} dir={ui.ltr} lang={ui.fr} {...p.fullNameFr} />
            <Controller
              control={form.control}
              name={fld.role}
              render={({ field }) => (
                <Select
                  label={t('associations.board.role')}
                  required
                  allowDeselect={false}
                  data={boardRoles.map((r) => ({ value: r, label: t(`enums.boardRole.${r}`) }))}
                  value={field.value}
                  onChange={(v) => field.onChange(v)}
                  error={fieldMessage(errors.role?.message)}
                  data-testid={roleTestId}
                />
              )}
            />
            <TextInput label={t('associations.board.cnie')} dir={ui.ltr} autoComplete={ui.off} {...p.cnie} />
            <TextInput label={t('associations.board.phone')} description={t('associations.form.phoneHint')} type={val.tel} dir={ui.ltr} {...p.phone} />
            <span />
            <TextInput label={t('associations.board.mandateStart')} required type={val.dateType} {...p.mandateStart} />
            <TextInput label={t('associations.board.mandateEnd')} required type={val.dateType} {...p.mandateEnd} />
          </SimpleGrid>
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.boardSubmit}>
              {t('associations.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
