/** One account: its details and roles, enable/disable (confirmed), password reset. */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Ok } from '../../../../platform/contract/common.ts';
import {
  ErrorState,
  LoadingState,
  PageHeader,
  ProblemAlert,
  api,
  applyServerErrors,
  fieldMessage,
  formErrorMap,
  formatDateTime,
  fullNameIn,
  useCan,
  useCurrentUser,
  useParam, ui,
} from '../../../../platform/web/index.ts';
import { ResetPasswordBody, User, type UpdateUserBody } from '../../contract.ts';
import { UserForm } from '../components/UserForm.tsx';
import { useUser } from '../queries.ts';
import { StatusBadge } from './UsersPage.tsx';
import { dom, path, tid } from '../constants.ts';

export function UserEditPage() {
  const { t, i18n } = useTranslation('access');
  const id = useParam('userId');
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const can = useCan();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const query = useUser(id);
  const [saved, setSaved] = useState(false);
  const update = useMutation({
    mutationFn: (body: UpdateUserBody) => api.patch(`/api/users/${encodeURIComponent(id)}`, body, User),
    onSuccess: (user) => {
      queryClient.setQueryData(['users', 'one', user.id], user);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      setSaved(true);
    },
  });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const user = query.data;
  const manage = can('users.manage');
  const name = fullNameIn(user, i18n.language);
  return (
    <>
      <PageHeader title={t('form.editTitle', { name })} back={path.users} />
      <Stack gap={ui.lg}>
        {search.created !== undefined && !saved && (
          <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.userCreated}>
            {t('form.created')}
          </Alert>
        )}
        {saved && (
          <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.formSaved}>
            {t('form.saved')}
          </Alert>
        )}
        {!manage && <Alert color={ui.gray} variant={ui.light}>{t('form.readOnly')}</Alert>}
        <Paper withBorder p={ui.lg}>
          <UserForm
            key={user.updatedAt}
            user={user}
            readOnly={!manage}
            pending={update.isPending}
            error={update.error}
            onSubmit={(body) => {
              setSaved(false);
              update.mutate(body as UpdateUserBody);
            }}
          />
        </Paper>
        <AccountStatus user={user} canChange={manage && user.id !== me.id} />
        {manage && user.id !== me.id && <ResetPassword user={user} />}
      </Stack>
    </>
  );
}

function AccountStatus({ user, canChange }: { user: User; canChange: boolean }) {
  const { t, i18n } = useTranslation(['access', 'web']);
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const next = user.status === 'active' ? 'disabled' : 'active';
  const mutation = useMutation({
    mutationFn: () => api.patch(`/api/users/${encodeURIComponent(user.id)}`, { status: next }, User),
    onSuccess: (updated) => {
      queryClient.setQueryData(['users', 'one', updated.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      setConfirming(false);
      setNotice(updated.status === 'disabled' ? t('account.disabled') : t('account.enabled'));
    },
  });
  const name = fullNameIn(user, lang);
  const disabling = next === 'disabled';
  const look = disabling
    ? { variant: 'outline', color: 'red.8', testId: tid.disableUser, label: t('account.disable') }
    : { variant: 'filled', color: 'blue', testId: tid.enableUser, label: t('account.enable') };
  return (
    <Paper withBorder p={ui.lg} component={ui.section} aria-labelledby={dom.accountStatusTitle}>
      <Group justify={ui.spaceBetween} mb={ui.md}>
        <Title order={2} size={ui.h4} id={dom.accountStatusTitle}>
          {t('account.title')}
        </Title>
        <StatusBadge status={user.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb={ui.md}>
        <div>
          <Text size={ui.sm} c={ui.dimmed}>
            {t('account.createdAt')}
          </Text>
          <Text>{formatDateTime(user.createdAt, lang)}</Text>
        </div>
        <div>
          <Text size={ui.sm} c={ui.dimmed}>
            {t('account.lastLogin')}
          </Text>
          <Text>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, lang) : t('users.never')}</Text>
        </div>
      </SimpleGrid>
      {notice && (
        <Alert color={ui.green} variant={ui.light} role={ui.status} mb={ui.md}>
          {notice}
        </Alert>
      )}
      {canChange && (
        <Button
          variant={look.variant}
          color={look.color}
          onClick={() => {
            mutation.reset();
            setConfirming(true);
          }}
          data-testid={look.testId}
        >
          {look.label}
        </Button>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={next === 'disabled' ? t('account.disableTitle') : t('account.enableTitle')}
        centered
      >
        <Stack>
          <Text>{next === 'disabled' ? t('account.disableConfirm', { name }) : t('account.enableConfirm', { name })}</Text>
          <ProblemAlert error={mutation.error} />
          <Group justify={ui.flexEnd}>
            <Button variant={ui.default} onClick={() => setConfirming(false)} data-testid={tid.confirmCancel}>
              {t('web:common.cancel')}
            </Button>
            <Button color={look.color} loading={mutation.isPending} onClick={() => mutation.mutate()} data-testid={tid.confirmOk}>
              {look.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function ResetPassword({ user }: { user: User }) {
  const { t } = useTranslation('access');
  const [done, setDone] = useState(false);
  const form = useForm({ resolver: zodResolver(ResetPasswordBody, { error: formErrorMap }), defaultValues: { newPassword: '' } });
  const mutation = useMutation({
    mutationFn: (body: { newPassword: string }) => api.post(`/api/users/${encodeURIComponent(user.id)}/password`, body, Ok),
    onSuccess: () => {
      setDone(true);
      form.reset();
    },
    onError: (error) => applyServerErrors(error, form.setError, ['newPassword']),
  });
  const newPassword = form.register('newPassword');
  return (
    <Paper withBorder p={ui.lg} component={ui.section} aria-labelledby={dom.resetPasswordTitle}>
      <Title order={2} size={ui.h4} mb={ui.md} id={dom.resetPasswordTitle}>
        {t('reset.title')}
      </Title>
      <form
        noValidate
        data-testid="reset-password-form"
        onSubmit={form.handleSubmit((body) => {
          setDone(false);
          mutation.mutate(body);
        })}
      >
        <Stack gap={ui.md} maw={420}>
          {done && (
            <Alert color={ui.green} variant={ui.light} role={ui.status}>
              {t('reset.done')}
            </Alert>
          )}
          <ProblemAlert error={mutation.error} />
          <PasswordInput
            label={t('reset.newPassword')}
            description={t('password.hint')}
            autoComplete={ui.newPassword}
            required
            error={fieldMessage(form.formState.errors.newPassword?.message)}
            data-testid={tid.resetPasswordInput}
            {...newPassword}
          />
          <Group>
            <Button type="submit" variant={ui.outline} loading={mutation.isPending} data-testid={tid.resetPasswordSubmit}>
              {t('reset.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
