/** Page title with an optional way back and actions, and the route parameter helper. */
import { useEffect, type ReactNode } from 'react';
import { Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, DirIcon } from './links.tsx';
import { tid } from '../constants.ts';
import { ui } from '../ui.ts';

export function PageHeader({ title, back, actions, children }: { title: string; back?: string; actions?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Stack gap={ui.xs} mb={ui.lg}>
      {back && (
        <AnchorLink to={back} size={ui.sm} data-testid={tid.backLink}>
          <Group gap={4} component={ui.span}>
            <span className="raaya-back-icon">
              <DirIcon icon={IconArrowLeft} size={14} />
            </span>
            {t('common.back')}
          </Group>
        </AnchorLink>
      )}
      <Group justify={ui.spaceBetween} align={ui.center} wrap={ui.wrap}>
        <Title order={1} size={ui.h2}>
          {title}
        </Title>
        {actions && <Group gap={ui.sm}>{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

/** A path parameter of the current route ('' when absent). */
export function useParam(name: string): string {
  const params = useParams({ strict: false }) as Record<string, string | undefined>;
  return params[name] ?? '';
}
