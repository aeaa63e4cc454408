/**
 * The three forms of the timeline, each in a dialog: plan a tranche (date, amount, conditions and
 * whether each blocks), release it (with the override reason when a blocking condition is unmet),
 * record a payment (order, reference, date, amount, the association's RIB proposed), and confirm
 * the cancellation of a tranche.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, serverFieldError, todayInMorocco, ui, useCan } from '../../../../platform/web/index.ts';
import { conditionCodes, type Tranche } from '../../contract/tranches.ts';
import { fld, look, tid } from './constants.ts';
import { useCancelTranche, useDisburse, usePlanTranche, useReleaseTranche } from './queries.ts';

const submit = (run: () => void) => (e: FormEvent) => {
  e.preventDefault();
  run();
};

export function PlanModal({ conventionId, startsOn, endsOn, onClose }: { conventionId: string; startsOn: string; endsOn: string; onClose: () => void }) {
  const { t } = useTranslation('subsidies');
  const mutation = usePlanTranche(conventionId);
  const [plannedOn, setPlannedOn] = useState('');
  const [amount, setAmount] = useState('');
  const [blocking, setBlocking] = useState<Record<string, boolean>>(Object.fromEntries(conditionCodes.map((c) => [c, true])));
  const conditions = conditionCodes.map((code) => ({ code, blocking: blocking[code] ?? true }));
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('tranches.closeDialog') }} title={t('tranches.plan.title')} centered size={ui.lg}>
      <form noValidate onSubmit={submit(() => mutation.mutate({ plannedOn, amountMad: amount.trim(), conditions }, { onSuccess: onClose }))}>
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <TextInput type={look.date} label={t('tranches.plannedOn')} required min={startsOn} max={endsOn} value={plannedOn}
            onChange={(e) => setPlannedOn(e.currentTarget.value)} error={serverFieldError(mutation.error, fld.plannedOn)} data-testid={tid.planDate} />
          <TextInput label={t('tranches.amount')} required inputMode={look.decimal} dir={ui.ltr} value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)} error={serverFieldError(mutation.error, fld.amountMad)} data-testid={tid.planAmount} />
          <Text size={ui.sm}>{t('tranches.plan.conditionsHelp')}</Text>
          {conditionCodes.map((code) => (
            <Checkbox key={code} label={t('tranches.plan.blockingLabel', { name: t(`tranches.conditionNames.${code}`) })} checked={blocking[code] ?? true}
              onChange={(e) => setBlocking({ ...blocking, [code]: e.currentTarget.checked })} />
          ))}
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.planSubmit}>{t('tranches.plan.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ReleaseModal({ conventionId, tranche, onClose }: { conventionId: string; tranche: Tranche; onClose: () => void }) {
  const { t } = useTranslation('subsidies');
  const can = useCan();
  const mutation = useReleaseTranche(conventionId, tranche.id);
  const [reason, setReason] = useState('');
  const mayOverride = can('subsidies.override');
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('tranches.closeDialog') }} title={t('tranches.release.title')} centered>
      <form noValidate onSubmit={submit(() => mutation.mutate(tranche.blocked && reason.trim() ? { overrideReason: reason } : {}, { onSuccess: onClose }))}>
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          {tranche.blocked && <Alert color={look.orange} variant={ui.light}>{t('tranches.release.blockedHelp')}</Alert>}
          {tranche.blocked && mayOverride && (
            <Textarea label={t('tranches.release.overrideReason')} required minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
              error={serverFieldError(mutation.error, fld.overrideReason)} data-testid={tid.overrideReason} />
          )}
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} color={tranche.blocked ? look.red : undefined} data-testid={tid.releaseSubmit}>
              {t(tranche.blocked && mayOverride ? 'tranches.release.override' : 'tranches.release.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function PayModal({ conventionId, tranche, rib, onClose }: { conventionId: string; tranche: Tranche; rib: string | null; onClose: () => void }) {
  const { t } = useTranslation('subsidies');
  const mutation = useDisburse(conventionId, tranche.id);
  const [form, setForm] = useState({ paymentOrder: '', paymentReference: '', paidOn: todayInMorocco(), amountMad: tranche.remainingMad, rib: rib ?? '' });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const error = (path: string) => serverFieldError(mutation.error, path);
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('tranches.closeDialog') }} title={t('tranches.pay.title')} centered>
      <form noValidate onSubmit={submit(() => mutation.mutate({ ...form, amountMad: form.amountMad.trim() }, { onSuccess: onClose }))}>
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <TextInput label={t('tranches.pay.paymentOrder')} required value={form.paymentOrder} onChange={set(fld.paymentOrder)} error={error(fld.paymentOrder)} data-testid={tid.payOrder} />
          <TextInput label={t('tranches.pay.paymentReference')} required value={form.paymentReference} onChange={set(fld.paymentReference)} error={error(fld.paymentReference)} data-testid={tid.payReference} />
          <TextInput type={look.date} label={t('tranches.pay.paidOn')} required value={form.paidOn} onChange={set(fld.paidOn)} error={error(fld.paidOn)} data-testid={tid.payDate} />
          <TextInput label={t('tranches.pay.amount')} required inputMode={look.decimal} dir={ui.ltr} value={form.amountMad} onChange={set(fld.amountMad)} error={error(fld.amountMad)} data-testid={tid.payAmount} />
          <TextInput label={t('tranches.pay.rib')} required inputMode={look.numeric} dir={ui.ltr} value={form.rib} onChange={set(fld.rib)} error={error(fld.rib)} data-testid={tid.payRib} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.paySubmit}>{t('tranches.pay.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CancelModal({ conventionId, tranche, name, onClose }: { conventionId: string; tranche: Tranche; name: string; onClose: () => void }) {
  const { t } = useTranslation('subsidies');
  const mutation = useCancelTranche(conventionId, tranche.id);
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('tranches.closeDialog') }} title={t('tranches.cancelTitle', { name })} centered>
      <Stack gap={ui.md}>
        <ProblemAlert error={mutation.error} />
        <Text>{t('tranches.cancelConfirm')}</Text>
        <Group justify={ui.end}>
          <Button variant={ui.default} onClick={onClose}>{t('tranches.cancelBack')}</Button>
          <Button color={look.red} loading={mutation.isPending} onClick={() => mutation.mutate(undefined, { onSuccess: onClose })} data-testid={tid.cancelConfirm}>
            {t('tranches.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
