/** The signed-in shell: header (name, language, user menu), navigation by module, main area. */
import { AppShell, Burger, Group, Menu, Stack, Text, UnstyledButton, Avatar, Box, Anchor, Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconHome, IconKey, IconLanguage, IconLogout } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { languages } from '../../contract/common.ts';
import { formatNumber, fullNameIn, nameIn } from '../format.ts';
import { NavLinkLink } from '../components/links.tsx';
import { ErrorState, LoadingState } from '../components/states.tsx';
import { visibleNav, type WebModule } from '../module.ts';
import { MeProvider, useLanguage, useLogout, useMeQuery } from '../session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { appNamespaces } from '../i18n/types.ts';
import type { Me } from '../../../modules/access/contract.ts';
import { path, tid } from '../constants.ts';
import { ui } from '../ui.ts';
import { NotificationBell } from '../../notifications/web/index.ts';

export function AppLayout({ modules }: { modules: readonly WebModule[] }) {
  const meQuery = useMeQuery();
  const location = useLocation();
  if (meQuery.isPending) return <LoadingState />;
  if (meQuery.isError) return <ErrorState error={meQuery.error} onRetry={() => void meQuery.refetch()} />;
  if (!meQuery.data) return <ToLogin redirect={location.href === '/' ? undefined : location.href} />;
  return (
    <MeProvider value={meQuery.data}>
      <Shell me={meQuery.data} modules={modules} />
    </MeProvider>
  );
}

/** Sends a visitor without a session to the sign-in page, to come back here afterwards. */
function ToLogin({ redirect }: { redirect: string | undefined }) {
  const navigate = useNavigate();
  // The place to come back to is the one asked for at first: while the navigation is pending the
  // router's location already changes, and following it would redirect to the redirect, forever.
  const [comeBackTo] = useState(redirect);
  useEffect(() => {
    void navigate({ to: path.login, search: { redirect: comeBackTo }, replace: true });
  }, [navigate, comeBackTo]);
  return <LoadingState />;
}

function Shell({ me, modules }: { me: Me; modules: readonly WebModule[] }) {
  const { t } = useTranslation();
  const { t: tAll } = useTranslation(appNamespaces);
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const navigation = modules.map((m) => ({ module: m, pages: visibleNav(m, me.permissions) })).filter((n) => n.pages.length > 0);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: ui.sm, collapsed: { mobile: !opened } }} padding={ui.md}>
      <a href="#main" className="raaya-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h={ui.v100pct} px={ui.md} justify={ui.spaceBetween} wrap={ui.nowrap}>
          <Group gap={ui.sm} wrap={ui.nowrap}>
            <Burger opened={opened} onClick={toggle} hiddenFrom={ui.sm} size={ui.sm} aria-label={t('nav.toggle')} />
            <AppName />
          </Group>
          <Group gap={ui.sm} wrap={ui.nowrap}>
            <Box visibleFrom={ui.xs}>
              <LanguageSwitch />
            </Box>
            <NotificationBell />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p={ui.sm} aria-label={t('nav.main')} component={ui.nav} className="raaya-navbar">
        <NavLinkLink to={path.home} label={t('nav.home')} leftSection={<IconHome size={18} aria-hidden />} active={pathname === '/app/' || pathname === '/app'} onClick={close} data-testid={tid.navHome} />
        {navigation.map(({ module, pages }) => (
          <Stack key={module.id} gap={0} mt={ui.sm} role={ui.group} aria-labelledby={`nav-${module.id}`}>
            <Group gap={6} px={ui.sm} py={4}>
              <module.icon size={16} aria-hidden />
              <Text id={`nav-${module.id}`} size={ui.xs} fw={700} tt={ui.uppercase} c={ui.gray8}>
                {tAll(module.labelKey)}
              </Text>
            </Group>
            {pages.map((p) => {
              const to = `/${p.path}`;
              const Icon = p.nav!.icon;
              return (
                <NavLinkLink
                  key={p.path}
                  to={to}
                  label={tAll(p.nav!.labelKey)}
                  leftSection={<Icon size={18} aria-hidden />}
                  rightSection={p.nav!.useBadge && <NavBadge useCount={p.nav!.useBadge} testId={`${p.nav!.testId}-badge`} />}
                  active={pathname === `/app${to}` || pathname.startsWith(`/app${to}/`)}
                  onClick={close}
                  data-testid={p.nav!.testId}
                />
              );
            })}
          </Stack>
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

/** The count a navigation entry shows (items waiting), read through the entry's own hook. */
function NavBadge({ useCount, testId }: { useCount: () => number | undefined; testId: string }) {
  const { i18n } = useTranslation();
  const count = useCount();
  if (!count) return null;
  return (
    <Badge size={ui.sm} color={ui.blue9} variant={ui.filled} data-testid={testId}>
      {formatNumber(count, i18n.language)}
    </Badge>
  );
}

function AppName() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'fr' ? 'ar' : 'fr';
  const otherName = i18n.getFixedT(other)('app.name');
  return (
    <Anchor href={path.app} underline={ui.never} c={ui.blue9} title={t('app.tagline')}>
      <Group gap={8} wrap={ui.nowrap} component={ui.span}>
        <Text component={ui.span} fw={800} size={ui.xl}>
          {t('app.name')}
        </Text>
        <Text component={ui.span} size={ui.sm} c={ui.gray7} lang={other} visibleFrom={ui.xs}>
          {otherName}
        </Text>
      </Group>
    </Anchor>
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const logout = useLogout();
  const navigate = useNavigate();
  const name = fullNameIn(me, i18n.language);
  const openPassword = () => void navigate({ to: path.accountPassword });
  const signOut = () => void logout().then(() => navigate({ to: path.login }));
  return (
    <Menu position={ui.bottomEnd} width={280} withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid={tid.userMenu} className="raaya-user-button">
          <Group gap={8} wrap={ui.nowrap}>
            <span className="raaya-visually-hidden">{t('user.menu')}</span>
            <Avatar size={ui.sm} color={ui.blue} variant={ui.filled} aria-hidden>
              {name.slice(0, 1)}
            </Avatar>
            <Box visibleFrom={ui.sm}>
              <Text size={ui.sm} fw={600} lh={1.2}>
                {name}
              </Text>
              <Text size={ui.xs} c={ui.gray7} lh={1.2}>
                {t(`roles.${me.role}`)}
              </Text>
            </Box>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px={ui.sm} py={ui.xs} data-testid={tid.userSummary}>
          <Text size={ui.sm} fw={700}>
            {name}
          </Text>
          <Text size={ui.xs} c={ui.gray7}>
            {t('user.role')}: {t(`roles.${me.role}`)}
          </Text>
          <Text size={ui.xs} c={ui.gray7}>
            {t('user.scope')}: {t(`scopeLevels.${me.scope.level}`)}
            {me.scope.level !== 'nation' && ` — ${nameIn(me.scope, i18n.language)}`}
          </Text>
        </Box>
        <Menu.Divider />
        <Menu.Label>{t('language.label')}</Menu.Label>
        {languages.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            leftSection={<IconLanguage size={16} aria-hidden />}
            onClick={() => void setLanguage(l)}
            disabled={l === language}
            data-testid={`menu-language-${l}`}
          >
            {t(`language.${l}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={openPassword} data-testid={tid.menuChangePassword}>
          {t('user.changePassword')}
        </Menu.Item>
        <Menu.Item
          color={ui.red}
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={signOut}
          data-testid={tid.logout}
        >
          {t('user.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
