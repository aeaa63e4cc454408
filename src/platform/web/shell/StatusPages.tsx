/** Not found and forbidden pages. */
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../components/links.tsx';
import { PageHeader } from '../components/page.tsx';
import { path, tid } from '../constants.ts';
import { ui } from '../ui.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack p={ui.md} data-testid={tid.notFound}>
      <PageHeader title={t('common.notFoundTitle')} />
      <Alert color={ui.gray} variant={ui.light}>
        {t('common.notFound')}
      </Alert>
      <AnchorLink to={path.home}>{t('common.toHome')}</AnchorLink>
    </Stack>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid={tid.forbidden}>
      <PageHeader title={t('common.forbiddenTitle')} />
      <Alert color={ui.orange} variant={ui.light}>
        {t('common.forbidden')}
      </Alert>
      <AnchorLink to={path.home}>{t('common.toHome')}</AnchorLink>
    </Stack>
  );
}
