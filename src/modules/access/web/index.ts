/** The access module's screens: user administration and the user's own password. */
import { IconKey, IconUsers } from '@tabler/icons-react';
import type { WebModule } from '../../../platform/web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import { ChangePasswordPage } from './pages/ChangePasswordPage.tsx';
import { UserCreatePage } from './pages/UserCreatePage.tsx';
import { UserEditPage } from './pages/UserEditPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';

export const messages = { ar, fr };

export const accessWeb: WebModule = {
  id: 'access',
  labelKey: 'access:module.title',
  icon: IconKey,
  permission: 'users.read',
  messages,
  routes: [
    { path: 'users', component: UsersPage, permission: 'users.read', nav: { labelKey: 'access:nav.users', icon: IconUsers, testId: 'nav-users' } },
    { path: 'users/new', component: UserCreatePage, permission: 'users.manage' },
    { path: 'users/$userId', component: UserEditPage, permission: 'users.read' },
    // Every signed-in user changes their own password (reached from the user menu).
    { path: 'account/password', component: ChangePasswordPage, permission: null },
  ],
};
