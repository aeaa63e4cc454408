/** Stable hooks for browser tests (data-testid), route paths and technical values of the association screens. */
export const tid = {
  nav: 'nav-associations',
  table: 'associations-table',
  search: 'associations-search',
  filterRegion: 'associations-filter-region',
  filterProvince: 'associations-filter-province',
  filterLegalForm: 'associations-filter-legal-form',
  filterStatus: 'associations-filter-status',
  filterPublicUtility: 'associations-filter-public-utility',
  filterBoardExpired: 'associations-filter-board-expired',
  sort: 'associations-sort',
  export: 'associations-export',
  create: 'association-create',
  edit: 'association-edit',
  form: 'association-form',
  field: (name: string) => `association-field-${name}`,
  submit: 'association-submit',
  title: 'association-title',
  identity: 'association-identity',
  board: 'association-board',
  boardAdd: 'board-add',
  boardEdit: (i: number) => `board-edit-${i}`,
  boardRemove: (i: number) => `board-remove-${i}`,
  boardConfirm: 'board-remove-confirm',
  boardForm: 'board-form',
  boardField: (name: string) => `board-field-${name}`,
  boardSubmit: 'board-submit',
  institutions: 'association-institutions',
  picker: 'association-picker',
} as const;

export const path = {
  list: '/registry/associations',
  page: '/registry/associations/$associationId',
  institution: '/registry/institutions/$institutionId',
} as const;

export const val = {
  all: '',
  yes: 'true',
  no: 'false',
  xlsx: 'xlsx',
  dateType: 'date',
  numeric: 'numeric',
  email: 'email',
  tel: 'tel',
} as const;

/** Field names used as values in JSX (registered fields). */
export const fld = {
  legalForm: 'legalForm',
  status: 'status',
  communeId: 'communeId',
  publicUtility: 'publicUtility',
  role: 'role',
  region: 'region',
  province: 'province',
} as const;

/** Badge colours dark enough for white text at WCAG AA (Mantine's light variants are not, in small text). */
export const look = { warning: '#9c3a00' } as const;
