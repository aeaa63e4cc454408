/** Error codes of the access module; messages in server/i18n/{ar,fr}.json under access.errors. */
import { AppError, type FieldError } from '../../server/errors.ts';

export const AccessError = {
  invalidCredentials: 'access.errors.invalid_credentials',
  accountLocked: 'access.errors.account_locked',
  wrongPassword: 'access.errors.wrong_password',
  userNotManageable: 'access.errors.user_not_manageable',
  userHasHistory: 'access.errors.user_has_history',
  usernameTaken: 'access.errors.username_taken',
} as const;

export const FieldErrorKey = {
  roleNotGrantable: 'access.fields.role_not_grantable',
  roleNotAtLevel: 'access.fields.role_not_at_level',
  scopeOutside: 'access.fields.scope_outside',
  scopeIdRequired: 'access.fields.scope_id_required',
  scopeLevelUnavailable: 'access.fields.scope_level_unavailable',
  cannotChangeSelf: 'access.fields.cannot_change_self',
  samePassword: 'access.fields.same_password',
} as const;

export const accessError = (status: number, key: (typeof AccessError)[keyof typeof AccessError], fields: FieldError[] = [], headers: Record<string, string> = {}) =>
  new AppError(status, key, fields, headers);
