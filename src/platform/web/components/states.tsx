/** Loading, empty and error states shared by every list and detail page. */
import type { ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { formatNumber } from '../format.ts';
import { tid } from '../constants.ts';
import { ui } from '../ui.ts';

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Center py={ui.xl} role={ui.status} aria-live={ui.polite} data-testid={tid.loading}>
      <Group gap={ui.sm}>
        <Loader size={ui.sm} aria-hidden />
        <Text>{t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center py={ui.xl} data-testid={tid.empty}>
      <Stack align={ui.center} gap={ui.xs}>
        <IconInbox size={32} aria-hidden stroke={1.5} />
        <Text>{children ?? t('common.empty')}</Text>
      </Stack>
    </Center>
  );
}

/** The user-facing text of an error: the server's problem detail or title, else a generic message. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('errors.network');
      if (error.problem) return error.problem.detail ?? error.problem.title;
    }
    return t('errors.unknown');
  };
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Alert color={ui.red} variant={ui.light} icon={<IconAlertCircle aria-hidden />} title={t('common.error')} role={ui.alert} data-testid={tid.error}>
      <Stack gap={ui.xs} align={ui.flexStart}>
        <Text size={ui.sm}>{text(error)}</Text>
        {onRetry && (
          <Button size={ui.xs} variant={ui.outline} color={ui.red} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** The error of a failed form submission (field errors are shown under their fields). */
export function ProblemAlert({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert color={ui.red} variant={ui.light} icon={<IconAlertCircle aria-hidden />} role={ui.alert} data-testid={tid.formError}>
      {text(error)}
    </Alert>
  );
}

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function LoadMore({ query, shown }: { query: PagedQuery; shown: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Group justify={ui.spaceBetween} mt={ui.md}>
      <Text size={ui.sm} aria-live={ui.polite}>
        {t('common.shown', { n: formatNumber(shown, i18n.language) })}
      </Text>
      {query.hasNextPage && (
        <Button variant={ui.default} onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid={tid.loadMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </Group>
  );
}

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** Loading, then error or empty, then the content: the one sequence every list page shows. */
export function QueryStates({ query, empty, children }: { query: QueryLike; empty: () => boolean; children: () => ReactNode }) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty()) return <EmptyState />;
  return <>{children()}</>;
}
