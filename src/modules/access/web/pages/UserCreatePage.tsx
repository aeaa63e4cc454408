/** New account. */
import { Paper } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader, api, ui } from '../../../../platform/web/index.ts';
import { User, type CreateUserBody } from '../../contract.ts';
import { UserForm } from '../components/UserForm.tsx';
import { path } from '../constants.ts';

export function UserCreatePage() {
  const { t } = useTranslation('access');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: CreateUserBody) => api.post('/api/users', body, User),
    onSuccess: (user) => {
      queryClient.setQueryData(['users', 'one', user.id], user);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      void navigate({ to: '/users/$userId', params: { userId: user.id }, search: { created: 1 } });
    },
  });
  return (
    <>
      <PageHeader title={t('form.createTitle')} back={path.users} />
      <Paper withBorder p={ui.lg}>
        <UserForm pending={mutation.isPending} error={mutation.error} onSubmit={(body) => mutation.mutate(body as CreateUserBody)} />
      </Paper>
    </>
  );
}
