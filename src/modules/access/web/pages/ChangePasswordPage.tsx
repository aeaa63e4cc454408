/** The signed-in user's own password. */
import { useState } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Ok } from '../../../../platform/contract/common.ts';
import { PageHeader, ProblemAlert, api, applyServerErrors, fieldMessage, formErrorMap, ui } from '../../../../platform/web/index.ts';
import { ChangePasswordBody } from '../../contract.ts';
import { tid } from '../constants.ts';

const Form = ChangePasswordBody.extend({ confirm: ChangePasswordBody.shape.newPassword }).refine((v) => v.confirm === v.newPassword, {
  path: ['confirm'],
  error: 'password_mismatch',
});

export function ChangePasswordPage() {
  const { t } = useTranslation('access');
  const [done, setDone] = useState(false);
  const form = useForm({ resolver: zodResolver(Form, { error: formErrorMap }), defaultValues: { currentPassword: '', newPassword: '', confirm: '' } });
  const mutation = useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post('/api/me/password', body, Ok),
    onSuccess: () => {
      setDone(true);
      form.reset();
    },
    onError: (error) => applyServerErrors(error, form.setError, ['currentPassword', 'newPassword']),
  });
  const errors = form.formState.errors;
  const fields = { currentPassword: form.register('currentPassword'), newPassword: form.register('newPassword'), confirm: form.register('confirm') };
  return (
    <>
      <PageHeader title={t('password.title')} />
      <Paper withBorder p={ui.lg} maw={480}>
        <form
          noValidate
          data-testid="change-password-form"
          onSubmit={form.handleSubmit(({ currentPassword, newPassword }) => {
            setDone(false);
            mutation.mutate({ currentPassword, newPassword });
          })}
        >
          <Stack gap={ui.md}>
            {done && (
              <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.formSaved}>
                {t('password.done')}
              </Alert>
            )}
            <ProblemAlert error={mutation.error} />
            <PasswordInput
              label={t('password.current')}
              autoComplete={ui.currentPassword}
              required
              error={fieldMessage(errors.currentPassword?.message)}
              data-testid={tid.currentPassword}
              {...fields.currentPassword}
            />
            <PasswordInput
              label={t('password.new')}
              description={t('password.hint')}
              autoComplete={ui.newPassword}
              required
              error={fieldMessage(errors.newPassword?.message)}
              data-testid={tid.newPassword}
              {...fields.newPassword}
            />
            <PasswordInput
              label={t('password.confirm')}
              autoComplete={ui.newPassword}
              required
              error={fieldMessage(errors.confirm?.message)}
              data-testid={tid.confirmPassword}
              {...fields.confirm}
            />
            <Button type="submit" loading={mutation.isPending} data-testid={tid.changePasswordSubmit}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
