/** Stable hooks for browser tests (data-testid) and route paths of the persons screens. */
export const tid = {
  nav: 'nav-persons',
  picker: 'person-picker',
  privacyLink: 'person-privacy-link',
  search: 'persons-search',
  filterSex: 'persons-filter-sex',
  filterBirthYear: 'persons-filter-birth-year',
  table: 'persons-table',
  row: (id: string) => `person-row-${id}`,
  title: 'person-title',
  identity: 'person-identity',
  edit: 'person-edit',
  save: 'person-save',
  relatives: 'person-relatives',
  relativesTable: 'person-relatives-table',
  addRelative: 'person-add-relative',
  relativeSave: 'relative-save',
  relativeRow: (id: string) => `relative-row-${id}`,
  relativeDelete: (id: string) => `relative-delete-${id}`,
  household: 'person-household',
  householdPicker: 'person-household-picker',
  householdCreate: 'person-household-create',
} as const;

export const path = {
  list: '/beneficiaries/persons',
  person: (id: string) => `/beneficiaries/persons/${id}`,
} as const;


/** Test id of a person field (reception form and person form). */
export const fld = (name: string) => `person-field-${name}`;

/** Technical input values (keyboards, types, directions) used in JSX. */
export const val = { numeric: 'numeric', tel: 'tel', date: 'date', number: 'number', rtl: 'rtl', ltr: 'ltr' } as const;
