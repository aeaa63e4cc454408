/**
 * The end of a convention: closing it once its tranches are settled, or cancelling (terminating)
 * it with a reason, each after a confirmation; once ended, how, when, by whom and why.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, fieldMessage, formErrorMap, formatDate, nameIn, ui } from '../../../../platform/web/index.ts';
import { CancelConventionBody, CloseConventionBody, type Convention } from '../../server/conventions/contract.ts';
import { useConventionEnd } from './queries.ts';
import { fld, look, tid } from './constants.ts';

const endings = { close: 'close', cancel: 'cancel' } as const;
type Ending = keyof typeof endings;

export function EndingSection({ convention: c }: { convention: Convention }) {
  const { t } = useTranslation('subsidies');
  const [asking, setAsking] = useState<Ending | null>(null);
  if (c.ending) return <Ended convention={c} />;
  if (!c.can.close && !c.can.cancel) return null;
  return (
    <Group gap={ui.sm}>
      {c.can.close && (
        <Button variant={ui.default} onClick={() => setAsking(endings.close)} data-testid={tid.endOpen(endings.close)}>
          {t('conventions.ending.close')}
        </Button>
      )}
      {c.can.cancel && (
        <Button variant={ui.default} color={ui.red} onClick={() => setAsking(endings.cancel)} data-testid={tid.endOpen(endings.cancel)}>
          {t('conventions.ending.cancel')}
        </Button>
      )}
      {asking && <EndDialog convention={c} ending={asking} onClose={() => setAsking(null)} />}
    </Group>
  );
}

function Ended({ convention: c }: { convention: Convention }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const e = c.ending!;
  const key = c.status === 'cancelled' ? 'conventions.ending.cancelledOn' : 'conventions.ending.closedOn';
  return (
    <Alert color={c.status === 'cancelled' ? ui.red : ui.gray} variant={ui.light} data-testid={tid.ended}>
      <Text>{t(key, { date: formatDate(e.on, lang), name: e.by ? nameIn(e.by, lang) : '—' })}</Text>
      {e.reason && <Text style={look.preWrap}>{e.reason}</Text>}
    </Alert>
  );
}

function EndDialog({ convention: c, ending, onClose }: { convention: Convention; ending: Ending; onClose: () => void }) {
  const { t } = useTranslation('subsidies');
  const mutation = useConventionEnd(c.id, ending);
  const schema = ending === 'cancel' ? CancelConventionBody : CloseConventionBody;
  const form = useForm<{ reason?: string; note?: string }>({ resolver: zodResolver(schema, { error: formErrorMap }) });
  const field = ending === 'cancel' ? fld.reason : fld.note;
  const error = ending === 'cancel' ? form.formState.errors.reason : form.formState.errors.note;
  const submit = form.handleSubmit((body) => mutation.mutate(body, { onSuccess: onClose }));
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('conventions.closeDialog') }} title={t(`conventions.ending.${ending}Title`, { reference: c.reference })} centered>
      <form noValidate onSubmit={submit}>
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <Text>{t(`conventions.ending.${ending}Confirm`)}</Text>
          <Textarea
            label={t(`conventions.ending.${field}`)}
            required={ending === 'cancel'}
            autosize
            minRows={3}
            error={fieldMessage(error?.message)}
            {...form.register(field, { setValueAs: (v: string) => (v.trim() === '' && ending === 'close' ? undefined : v) })}
            data-testid={tid.endReason}
          />
          <Group justify={ui.end}>
            <Button variant={ui.default} onClick={onClose}>
              {t('conventions.ending.back')}
            </Button>
            <Button type="submit" color={ending === 'cancel' ? ui.red : undefined} loading={mutation.isPending} data-testid={tid.endConfirm}>
              {t(`conventions.ending.${ending}Submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
