/** Stable hooks for browser tests (data-testid), paths and technical values of the directory's staff screens. */
export const tid = {
  nav: 'nav-directory',
  page: 'directory-page',
  table: 'directory-table',
  row: (id: string) => `directory-row-${id}`,
  search: 'directory-search',
  filterPublished: 'directory-filter-published',
  filterAvailability: 'directory-filter-availability',
  filterCategory: 'directory-filter-category',
  export: 'directory-export',
  publishSwitch: (id: string) => `directory-publish-${id}`,
  confirm: 'directory-confirm',
  publicLink: (id: string) => `directory-public-link-${id}`,
  tab: 'directory-tab',
  publicationForm: 'directory-publication-form',
  published: 'directory-published',
  field: (name: string) => `directory-field-${name}`,
  hoursAr: 'directory-hours-ar',
  hoursFr: 'directory-hours-fr',
  savePublication: 'directory-save-publication',
  availabilityForm: 'directory-availability-form',
  availability: 'directory-availability',
  places: 'directory-places',
  saveAvailability: 'directory-save-availability',
  saved: 'directory-saved',
  history: 'directory-history',
} as const;

export const path = {
  list: 'directory',
  institution: '/app/registry/institutions/$institutionId',
} as const;

/** The institution page's tab of this module (?tab=public). */
export const tabKey = 'public';

/** The public page of an institution, in the reader's language (Arabic at the root, French under /fr). */
export const publicPageUrl = (id: string, lang: string) => `${lang === 'fr' ? '/fr' : ''}/institutions/${encodeURIComponent(id)}`;

export const look = { search: 'search', blank: '_blank', noopener: 'noopener', number: 'number', switchOn: 'teal.9', visibleBadge: '#1f6f34' } as const;
