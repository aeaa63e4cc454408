/** Landing page after sign-in: a greeting and the work spaces the user may open. */
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fullNameIn } from '../format.ts';
import { AnchorLink, DirIcon } from '../components/links.tsx';
import { PageHeader } from '../components/page.tsx';
import { visibleNav, type WebModule } from '../module.ts';
import { useCurrentUser } from '../session.tsx';
import { appNamespaces } from '../i18n/types.ts';
import { ui } from '../ui.ts';

export function HomePage({ modules }: { modules: readonly WebModule[] }) {
  const { t, i18n } = useTranslation();
  const { t: tAll } = useTranslation(appNamespaces);
  const me = useCurrentUser();
  const visible = modules.map((m) => ({ module: m, pages: visibleNav(m, me.permissions) })).filter((v) => v.pages.length > 0);
  return (
    <>
      <PageHeader title={t('home.welcome', { name: fullNameIn(me, i18n.language) })}>
        <Text>{t('home.intro')}</Text>
      </PageHeader>
      <Title order={2} size={ui.h4} mb={ui.sm}>
        {t('home.modules')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {visible.map(({ module, pages }) => (
          <Card key={module.id} withBorder padding={ui.lg}>
            <Group gap={ui.sm} mb={ui.sm}>
              <module.icon size={24} aria-hidden />
              <Title order={3} size={ui.h5}>
                {tAll(module.labelKey)}
              </Title>
            </Group>
            <Stack gap={6}>
              {pages.map((p) => (
                <AnchorLink key={p.path} to={`/${p.path}`}>
                  <Group gap={4} component={ui.span}>
                    {tAll(p.nav!.labelKey)}
                    <DirIcon icon={IconChevronRight} size={14} />
                  </Group>
                </AnchorLink>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
