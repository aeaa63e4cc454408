/** Stable hooks for browser tests (data-testid), route paths and element ids of these screens. */
export const tid = {
  createUser: 'create-user',
  enableUser: 'enable-user',
  disableUser: 'disable-user',
  userRole: 'user-role',
  userLanguage: 'user-language',
  changePasswordSubmit: 'change-password-submit',
  confirmCancel: 'confirm-cancel',
  confirmOk: 'confirm-ok',
  confirmPassword: 'confirm-password',
  currentPassword: 'current-password',
  formSaved: 'form-saved',
  newPassword: 'new-password',
  resetPasswordInput: 'reset-password-input',
  resetPasswordSubmit: 'reset-password-submit',
  scopeDelegation: 'scope-delegation',
  scopeRegistry: 'user-scope-registry',
  scopeDelegationRegion: 'scope-delegation-region',
  scopeLevel: 'scope-level',
  scopeRegion: 'scope-region',
  userCreated: 'user-created',
  userEmail: 'user-email',
  userFullNameAr: 'user-fullNameAr',
  userFullNameFr: 'user-fullNameFr',
  userPassword: 'user-password',
  userPhone: 'user-phone',
  userSubmit: 'user-submit',
  userUsername: 'user-username',
  usersRole: 'users-role',
  usersSearch: 'users-search',
  usersStatus: 'users-status',
  usersTable: 'users-table',
} as const;

export const path = {
  usersNew: '/users/new',
  users: '/users',
  usersUserId: '/users/$userId',
} as const;

export const dom = {
  accountStatusTitle: 'account-status-title',
  resetPasswordTitle: 'reset-password-title',
} as const;
