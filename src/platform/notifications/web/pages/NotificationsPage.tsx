/** My notifications: newest first, all or unread only; each one is rendered from its catalog key and links to its record. */
import { useState } from 'react';
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, AnchorLink, formatDateTime, LoadMore, PageHeader, QueryStates, ui, withQuery } from '../../../web/index.ts';
import { appNamespaces } from '../../../web/i18n/types.ts';
import { MarkedRead, NotificationPage, type Notification } from '../../contract.ts';
import { el, filterValues, notificationsKey, tid, unreadKey } from '../constants.ts';

type Filter = (typeof filterValues)[keyof typeof filterValues];

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [filter, setFilter] = useState<Filter>(filterValues.all);
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: [...notificationsKey, filter],
    queryFn: ({ pageParam }) =>
      api.get(withQuery('/api/notifications', { unread: filter === filterValues.unread ? 'true' : undefined, after: pageParam, limit: 30 }), NotificationPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: notificationsKey });
    void queryClient.invalidateQueries({ queryKey: unreadKey });
  };
  const markAll = useMutation({ mutationFn: () => api.post('/api/notifications/read-all', {}, MarkedRead), onSuccess: refresh });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('page.title')}
        actions={
          <Button variant={ui.default} onClick={() => markAll.mutate()} loading={markAll.isPending} data-testid={tid.markAllRead}>
            {t('page.markAllRead')}
          </Button>
        }
      >
        <Text>{t('page.intro')}</Text>
      </PageHeader>
      <SegmentedControl
        mb={ui.md}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        aria-label={t('page.show')}
        data={[
          { value: filterValues.all, label: t('page.all') },
          { value: filterValues.unread, label: t('page.unread') },
        ]}
        data-testid={tid.filter}
      />
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <Stack gap={ui.sm} component={el.ul} aria-label={t('page.list')} data-testid={tid.list} className="raaya-plain-list">
              {items.map((n) => (
                <NotificationItem key={n.id} notification={n} onRead={refresh} />
              ))}
            </Stack>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </>
  );
}

function NotificationItem({ notification: n, onRead }: { notification: Notification; onRead: () => void }) {
  const { t, i18n } = useTranslation('notifications');
  const { t: tAll } = useTranslation(appNamespaces);
  const markRead = useMutation({ mutationFn: () => api.post(`/api/notifications/${n.id}/read`, {}, MarkedRead), onSuccess: onRead });
  const text = String(tAll(n.messageKey as never, n.params as never));
  const unread = n.readAt === null;
  return (
    <Paper component={el.li} withBorder p={ui.sm} data-testid={tid.item} data-unread={unread}>
      <Group justify={ui.spaceBetween} wrap={ui.nowrap} align={ui.flexStart}>
        <Stack gap={4}>
          <Group gap={ui.xs}>
            {unread && (
              <Badge color={ui.blue} variant={ui.filled} size={ui.sm}>
                {t('page.new')}
              </Badge>
            )}
            {n.link ? (
              <AnchorLink to={n.link} fw={unread ? 700 : 400} onClick={() => unread && markRead.mutate()}>
                {text}
              </AnchorLink>
            ) : (
              <Text fw={unread ? 700 : 400}>{text}</Text>
            )}
          </Group>
          <Text size={ui.xs} c={ui.gray7}>
            {formatDateTime(n.createdAt, i18n.language)}
          </Text>
        </Stack>
        {unread && (
          <Button size={ui.xs} variant={ui.subtle} onClick={() => markRead.mutate()} loading={markRead.isPending}>
            {t('page.markRead')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
