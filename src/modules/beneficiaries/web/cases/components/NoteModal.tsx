/** A follow-up note: its kind (visit, call, meeting…), its day and what happened. */
import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, applyServerErrors, fieldMessage, todayInMorocco, ui } from '../../../../../platform/web/index.ts';
import { noteKinds } from '../../../contract/cases.ts';
import { caseWrites, useCaseWrite } from '../queries.ts';
import { fld, tid } from '../constants.ts';

interface Values {
  kind: (typeof noteKinds)[number];
  notedOn: string;
  body: string;
}

export function NoteModal({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const mutation = useCaseWrite(caseId, caseWrites.note(caseId));
  const form = useForm<Values>({ defaultValues: { kind: 'note', notedOn: todayInMorocco(), body: '' } });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((v) => mutation.mutate(v, { onSuccess: onClose, onError: (e) => applyServerErrors(e, form.setError, [fld.kind, fld.notedOn, fld.body]) }));
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('cases.close') }} title={t('cases.actions.note')} centered>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Stack gap={ui.sm}>
          <ProblemAlert error={mutation.error} />
          <Controller
            control={form.control}
            name={fld.kind}
            render={({ field }) => (
              <Select label={t('cases.note.kind')} data={noteKinds.map((k) => ({ value: k, label: t(`cases.noteKind.${k}`) }))} value={field.value} onChange={(v) => v && field.onChange(v)} allowDeselect={false} data-testid={tid.f.noteKind} />
            )}
          />
          <TextInput type="date" label={t('cases.note.notedOn')} required error={fieldMessage(errors.notedOn?.message)} {...form.register(fld.notedOn)} data-testid={tid.f.noteDate} />
          <Textarea label={t('cases.note.body')} required autosize minRows={4} maxLength={10000} error={fieldMessage(errors.body?.message)} {...form.register(fld.body)} data-testid={tid.f.noteBody} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.s.note}>
              {t('cases.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
