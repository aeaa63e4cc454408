/** The bell in the header: the unread count, a link to the notifications page. */
import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';
import type { ActionIconProps } from '@mantine/core';
import { formatNumber } from '../../web/format.ts';
import { ui } from '../../web/ui.ts';
import { badgeColor, path, tid } from './constants.ts';
import { useUnreadCount } from './queries.ts';

function ActionIconBase(props: ActionIconProps & ComponentPropsWithRef<'a'>) {
  return <ActionIcon component={ui.a} {...props} />;
}
const ActionIconLink = createLink(ActionIconBase);

export function NotificationBell() {
  const { t, i18n } = useTranslation('notifications');
  const count = useUnreadCount().data?.count ?? 0;
  const label = count > 0 ? t('bell.unread', { n: formatNumber(count, i18n.language) }) : t('bell.label');
  return (
    <Indicator
      label={<span data-testid={tid.bellCount}>{formatNumber(count, i18n.language)}</span>}
      disabled={count === 0}
      size={18}
      color={badgeColor}
      offset={4}
    >
      <ActionIconLink to={path.notifications} variant={ui.subtle} color={ui.gray8} size={ui.lg} aria-label={label} title={label} data-testid={tid.bell}>
        <IconBell size={22} aria-hidden />
      </ActionIconLink>
    </Indicator>
  );
}
