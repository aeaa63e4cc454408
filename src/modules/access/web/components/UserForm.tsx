/** The account form, for creation (username and initial password) and for editing. */
import { useEffect } from 'react';
import { Button, Fieldset, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { languages } from '../../../../platform/contract/common.ts';
import { ProblemAlert, applyServerErrors, fieldMessage, formErrorMap, useCurrentUser, ui } from '../../../../platform/web/index.ts';
import { CreateUserBody, type Me, type User } from '../../contract.ts';
import type { Role, ScopeLevel } from '../../permissions.ts';
import { ScopePicker, allowedLevels } from './ScopePicker.tsx';
import { tid } from '../constants.ts';

type Input = z.input<typeof CreateUserBody>;
type Output = z.output<typeof CreateUserBody>;
const EditBody = CreateUserBody.omit({ username: true, password: true });
const FIELDS = ['username', 'password', 'fullNameAr', 'fullNameFr', 'email', 'phone', 'language', 'role', 'scope.level', 'scope.id'] as const;

interface Props {
  user?: User;
  readOnly?: boolean;
  pending: boolean;
  error: unknown;
  /** Edit: only the fields that changed are sent. */
  onSubmit: (body: Output | Partial<Output>) => void;
}

/** The id a scope target names for the account's level (none for the nation). */
function scopeIdOf(user: User): string | null {
  const ids = { nation: null, region: user.scope.regionId, delegation: user.scope.delegationId, association: user.scope.associationId, institution: user.scope.institutionId };
  return ids[user.scope.level];
}

/** A level's id when the administrator's own scope fixes it (a delegation admin creates in their delegation). */
function ownScope(level: ScopeLevel, me: Me): { level: ScopeLevel; id: string | null } {
  if (level === 'region' && me.scope.level === 'region') return { level, id: me.scope.regionId };
  if (level === 'delegation' && me.scope.level === 'delegation') return { level, id: me.scope.delegationId };
  return { level, id: null };
}

export function UserForm({ user, readOnly, pending, error, onSubmit }: Props) {
  const { t } = useTranslation(['access', 'web']);
  const me = useCurrentUser();
  const editing = Boolean(user);
  // Only roles that can sit somewhere at or below the administrator's own scope.
  const offered = me.grantableRoles.filter((r) => allowedLevels(r, me.scope.level).length > 0);
  const firstRole = offered[0];
  const defaults: Input = user
    ? {
        username: user.username,
        password: '',
        fullNameAr: user.fullNameAr,
        fullNameFr: user.fullNameFr,
        email: user.email ?? '',
        phone: user.phone ?? '',
        language: user.language,
        role: user.role,
        scope: { level: user.scope.level, id: scopeIdOf(user) },
      }
    : {
        username: '',
        password: '',
        fullNameAr: '',
        fullNameFr: '',
        email: '',
        phone: '',
        language: 'ar',
        role: firstRole ?? 'social_worker',
        scope: ownScope(allowedLevels(firstRole, me.scope.level)[0] ?? me.scope.level, me),
      };
  const resolver = (editing ? zodResolver(EditBody, { error: formErrorMap }) : zodResolver(CreateUserBody, { error: formErrorMap })) as unknown as Resolver<Input, unknown, Output>;
  const form = useForm<Input, unknown, Output>({ resolver, defaultValues: defaults });
  const { errors, dirtyFields } = form.formState;

  useEffect(() => {
    if (error) applyServerErrors(error, form.setError, FIELDS);
  }, [error, form.setError]);

  const role = useWatch({ control: form.control, name: 'role' }) as Role | undefined;
  const fields = {
    username: form.register('username'),
    password: form.register('password'),
    fullNameAr: form.register('fullNameAr'),
    fullNameFr: form.register('fullNameFr'),
    email: form.register('email'),
    phone: form.register('phone'),
  };
  const onRoleChange = (next: Role) => {
    const levels = allowedLevels(next, me.scope.level);
    const current = form.getValues('scope');
    if (!levels.includes(current.level)) form.setValue('scope', ownScope(levels[0] ?? current.level, me), { shouldDirty: true });
  };
  const roleOptions = Array.from(new Set([...offered, ...(user ? [user.role] : [])]));

  return (
    <form
      noValidate
      data-testid="user-form"
      onSubmit={form.handleSubmit((values) => {
        if (!editing) return onSubmit(values);
        const changed: Partial<Output> = {};
        for (const key of Object.keys(dirtyFields) as (keyof Output)[]) {
          if (key !== 'username' && key !== 'password') Object.assign(changed, { [key]: values[key] });
        }
        onSubmit(changed);
      })}
    >
      <Stack gap={ui.lg}>
        <ProblemAlert error={error} />
        <Fieldset legend={t('form.identity')} disabled={readOnly}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {!editing && (
              <>
                <TextInput
                  label={t('form.username')}
                  description={t('form.usernameHint')}
                  required
                  dir={ui.ltr}
                  autoComplete={ui.off}
                  error={fieldMessage(errors.username?.message)}
                  data-testid={tid.userUsername}
                  {...fields.username}
                />
                <PasswordInput
                  label={t('form.password')}
                  description={t('form.passwordHint')}
                  required
                  autoComplete={ui.newPassword}
                  error={fieldMessage(errors.password?.message)}
                  data-testid={tid.userPassword}
                  {...fields.password}
                />
              </>
            )}
            <TextInput label={t('form.fullNameAr')} lang={ui.ar} dir={ui.rtl} required error={fieldMessage(errors.fullNameAr?.message)} data-testid={tid.userFullNameAr} {...fields.fullNameAr} />
            <TextInput label={t('form.fullNameFr')} lang={ui.fr} dir={ui.ltr} required error={fieldMessage(errors.fullNameFr?.message)} data-testid={tid.userFullNameFr} {...fields.fullNameFr} />
            <TextInput
              label={t('form.email')}
              description={t('form.optional')}
              type="email"
              dir={ui.ltr}
              autoComplete={ui.off}
              error={fieldMessage(errors.email?.message)}
              data-testid={tid.userEmail}
              {...fields.email}
            />
            <TextInput
              label={t('form.phone')}
              description={t('form.optional')}
              type="tel"
              dir={ui.ltr}
              autoComplete={ui.off}
              error={fieldMessage(errors.phone?.message)}
              data-testid={tid.userPhone}
              {...fields.phone}
            />
            <Controller
              control={form.control}
              name={ui.language}
              render={({ field }) => (
                <Select
                  label={t('form.language')}
                  required
                  allowDeselect={false}
                  data={languages.map((l) => ({ value: l, label: t(`web:language.${l}`) }))}
                  value={field.value}
                  onChange={(v) => field.onChange(v ?? field.value)}
                  error={fieldMessage(errors.language?.message)}
                  data-testid={tid.userLanguage}
                />
              )}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('form.roleAndScope')} disabled={readOnly}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={form.control}
              name={ui.role}
              render={({ field }) => (
                <Select
                  label={t('form.role')}
                  required
                  allowDeselect={false}
                  disabled={readOnly}
                  data={roleOptions.map((r) => ({ value: r, label: t(`web:roles.${r}`) }))}
                  value={field.value}
                  onChange={(v) => {
                    if (!v) return;
                    field.onChange(v);
                    onRoleChange(v as Role);
                  }}
                  error={fieldMessage(errors.role?.message)}
                  data-testid={tid.userRole}
                />
              )}
            />
            <Controller
              control={form.control}
              name={ui.scope}
              render={({ field }) => (
                <ScopePicker
                  role={role}
                  value={field.value}
                  onChange={(v) => field.onChange(v)}
                  initialRegionId={user?.scope.regionId ?? null}
                  initialName={user?.scope}
                  levelError={errors.scope?.level?.message ?? errors.scope?.message}
                  idError={errors.scope?.id?.message}
                  disabled={readOnly}
                />
              )}
            />
          </SimpleGrid>
        </Fieldset>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={pending} data-testid={tid.userSubmit}>
              {editing ? t('form.save') : t('form.create')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
