/** Stable hooks for browser tests (data-testid), route paths and element ids of these screens. */
export const tid = {
  backLink: 'back-link',
  empty: 'empty',
  error: 'error',
  forbidden: 'forbidden',
  formError: 'form-error',
  languageSwitch: 'language-switch',
  loadMore: 'load-more',
  loading: 'loading',
  loginPassword: 'login-password',
  loginSubmit: 'login-submit',
  loginUsername: 'login-username',
  logout: 'logout',
  menuChangePassword: 'menu-change-password',
  navHome: 'nav-home',
  notFound: 'not-found',
  userMenu: 'user-menu',
  userSummary: 'user-summary',
} as const;

export const path = {
  accountPassword: '/account/password',
  app: '/app/',
  home: '/',
  login: '/login',
} as const;
