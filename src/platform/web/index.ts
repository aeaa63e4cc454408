/** The web kit that module pages use: API client, session, formatting, forms, shared components. */
export { api, ApiError, postForm, request, serverFieldError, withQuery } from './api.ts';
export { formatDate, formatDateTime, formatDecimal, formatMad, formatNumber, fullNameIn, listIn, nameIn, todayInMorocco } from './format.ts';
export { useCan, useCurrentUser, useLanguage, meQueryKey } from './session.tsx';
export { formErrorMap, fieldMessage } from './validation.ts';
export { applyServerErrors } from './components/forms.ts';
export { EmptyState, ErrorState, LoadingState, QueryStates, LoadMore, ProblemAlert, useErrorText } from './components/states.tsx';
export { ListTable } from './components/list-table.tsx';
export { AnchorLink, ButtonLink, DirIcon, NavLinkLink } from './components/links.tsx';
export { PageHeader, useParam } from './components/page.tsx';
export { ui } from './ui.ts';
export type { Catalog, IconProps, WebModule, WebPage } from './module.ts';
export { lazyPage } from './module.ts';
export { Fact, type FactProps } from './components/fact.tsx';
