/** The access module's screens: user administration and the user's own password. */
import { IconKey, IconUsers } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../../platform/web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';

const ChangePasswordPage = lazyPage(() => import('./pages/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const UserCreatePage = lazyPage(() => import('./pages/UserCreatePage.tsx'), 'UserCreatePage');
const UserEditPage = lazyPage(() => import('./pages/UserEditPage.tsx'), 'UserEditPage');
const UsersPage = lazyPage(() => import('./pages/UsersPage.tsx'), 'UsersPage');

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
