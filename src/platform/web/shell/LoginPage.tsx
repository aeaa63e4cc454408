/** Sign-in: username and password, the language switch, errors in the chosen language. */
import { useEffect, useState } from 'react';
import { Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LoginBody } from '../../../modules/access/contract.ts';
import { api, setCsrfToken } from '../api.ts';
import { ProblemAlert } from '../components/states.tsx';
import { formErrorMap, fieldMessage } from '../validation.ts';
import { applyLanguage, login, meQueryKey, useMeQuery } from '../session.tsx';
import { Me } from '../../../modules/access/contract.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { tid } from '../constants.ts';
import { ui } from '../ui.ts';

/** Only paths of this app are followed after sign-in. */
const safeRedirect = (value: unknown): string => (typeof value === 'string' && /^\/[^/\\]/.test(value) && !value.startsWith('/login') ? value : '/');

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const queryClient = useQueryClient();
  const meQuery = useMeQuery();
  const [chosen, setChosen] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(LoginBody, { error: formErrorMap }),
    defaultValues: { username: '', password: '' },
  });

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (meQuery.data) void navigate({ to: safeRedirect(search.redirect), replace: true });
  }, [meQuery.data, navigate, search.redirect]);

  const username = register('username');
  const password = register('password');
  const onSubmit = handleSubmit(async (body) => {
    setFailure(null);
    try {
      let me = await login(body);
      const current = i18n.language === 'fr' ? 'fr' : 'ar';
      if (chosen && me.language !== current) {
        // A language picked on this page becomes the user's preference.
        me = await api.patch('/api/me', { language: current }, Me).catch(() => me);
        setCsrfToken(me.csrfToken);
      } else if (me.language !== current) {
        await applyLanguage(i18n, me.language);
      }
      queryClient.setQueryData(meQueryKey, me);
    } catch (error) {
      setFailure(error);
    }
  });

  return (
    <Box component={ui.main} id="main" className="raaya-login-bg">
      <Center mih={ui.v100vh} p={ui.md}>
        <Paper withBorder shadow={ui.sm} p={ui.xl} radius={ui.md} w={ui.v100pct} maw={420}>
          <Stack gap={ui.lg}>
            <Group justify={ui.spaceBetween} align={ui.flexStart}>
              <Stack gap={2}>
                <Text fw={700} size={ui.xl} c={ui.blue9}>
                  {t('app.name')}
                </Text>
                <Text size={ui.sm} c={ui.dimmed}>
                  {t('login.subtitle')}
                </Text>
              </Stack>
              <LanguageSwitch onChange={() => setChosen(true)} />
            </Group>
            <Title order={1} size={ui.h3}>
              {t('login.title')}
            </Title>
            <form onSubmit={onSubmit} noValidate data-testid="login-form">
              <Stack gap={ui.md}>
                <ProblemAlert error={failure} />
                <TextInput
                  label={t('login.username')}
                  autoComplete={ui.username}
                  dir={ui.ltr}
                  required
                  data-testid={tid.loginUsername}
                  error={fieldMessage(formState.errors.username?.message)}
                  {...username}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete={ui.currentPassword}
                  required
                  data-testid={tid.loginPassword}
                  error={fieldMessage(formState.errors.password?.message)}
                  {...password}
                />
                <Button type="submit" loading={formState.isSubmitting} data-testid={tid.loginSubmit} fullWidth>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
