/** User accounts within the administrator's scope: search, role and status filters, paging. */
import { useState } from 'react';
import { Badge, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink, formatDateTime, fullNameIn, LoadMore, nameIn, PageHeader, QueryStates, ui, useCan, ListTable } from '../../../../platform/web/index.ts';
import { Role, UserStatus, type User } from '../../contract.ts';
import { roles } from '../../permissions.ts';
import { useUsers } from '../queries.ts';
import { jobsPath, jobsTid, ReportButton } from '../../../../platform/jobs/web/index.ts';
import { path, tid } from '../constants.ts';

const REPORT = 'users';
const REPORT_TITLE = 'report.users';

export function UsersPage() {
  const { t, i18n } = useTranslation(['access', 'web', 'jobs']);
  const lang = i18n.language;
  const can = useCan();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const roleFilter = Role.safeParse(role);
  const statusFilter = UserStatus.safeParse(status);
  const query = useUsers({
    q: debouncedQ || undefined,
    role: roleFilter.success ? roleFilter.data : undefined,
    status: statusFilter.success ? statusFilter.data : undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = can('users.manage');
  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <>
            <ReportButton report={REPORT} titleKey={REPORT_TITLE} />
            {canManage && (
              <ButtonLink to={jobsPath.importUsers} variant={ui.default} leftSection={<IconFileImport size={18} aria-hidden />} data-testid={jobsTid.importButton}>
                {t('jobs:import.button')}
              </ButtonLink>
            )}
            {canManage && (
              <ButtonLink to={path.usersNew} leftSection={<IconUserPlus size={18} aria-hidden />} data-testid={tid.createUser}>
                {t('users.create')}
              </ButtonLink>
            )}
          </>
        }
      />
      <Group align={ui.flexEnd} mb={ui.md} wrap={ui.wrap}>
        <TextInput
          label={t('users.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          w={{ base: '100%', sm: 280 }}
          data-testid={tid.usersSearch}
        />
        <Select
          label={t('users.role')}
          placeholder={t('users.allRoles')}
          data={roles.map((r) => ({ value: r, label: t(`web:roles.${r}`) }))}
          value={role}
          onChange={setRole}
          clearable
          w={{ base: '100%', sm: 240 }}
          data-testid={tid.usersRole}
        />
        <Select
          label={t('users.status')}
          placeholder={t('users.allStatuses')}
          data={UserStatus.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={{ base: '100%', sm: 180 }}
          data-testid={tid.usersStatus}
        />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
        <>
          <ListTable minWidth={760} testId={tid.usersTable} caption={t('users.table')} headers={[t('users.fullName'), t('users.username'), t('users.role'), t('users.scope'), t('users.status'), t('users.lastLogin')]}>
                {items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Th scope={ui.row} fw={500}>
                      <AnchorLink to={path.usersUserId} params={{ userId: u.id }}>
                        {fullNameIn(u, lang)}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td>
                      <bdi>{u.username}</bdi>
                    </Table.Td>
                    <Table.Td>{t(`web:roles.${u.role}`)}</Table.Td>
                    <Table.Td>{scopeLabel(u, lang, t(`web:scopeLevels.${u.scope.level}`))}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <StatusBadge status={u.status} />
                    </Table.Td>
                    <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : <Text size={ui.sm}>{t('users.never')}</Text>}</Table.Td>
                  </Table.Tr>
                ))}
          </ListTable>
          <LoadMore query={query} shown={items.length} />
        </>
      )}</QueryStates>
    </>
  );
}

/** The scope's own name says its level ("Délégation provinciale de …"); the nation has no name of its own. */
const scopeLabel = (u: User, lang: string, level: string) => (u.scope.level === 'nation' ? level : nameIn(u.scope, lang));

const STATUS_COLOR: Record<User['status'], string> = { active: 'green.7', disabled: 'gray.6' };

export function StatusBadge({ status }: { status: User['status'] }) {
  const { t } = useTranslation('access');
  return (
    <Badge variant={ui.dot} color={STATUS_COLOR[status]} c={ui.dark} tt={ui.none} style={{ overflow: 'visible', minWidth: 'max-content' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
