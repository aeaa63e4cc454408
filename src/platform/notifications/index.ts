/**
 * The notifications platform service: in-app notifications per user, created by any module with
 * notify() inside its transaction, and the recipients found with usersCovering().
 */
export { notificationsModule } from './module.ts';
export { notify, usersCovering, rolesOf, type NewNotification, type ScopeKeys, type Audience } from './server/notify.ts';
