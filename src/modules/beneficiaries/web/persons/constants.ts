/** Stable hooks for browser tests (data-testid) and route paths of the persons screens. */
export const tid = {
  nav: 'nav-persons',
  picker: 'person-picker',
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
  addRelative: 'person-add-relative',
  relativeSave: 'relative-save',
  relativeRow: (id: string) => `relative-row-${id}`,
  relativeDelete: (id: string) => `relative-delete-${id}`,
  household: 'person-household',
  householdPicker: 'person-household-picker',
  householdCreate: 'person-household-create',
} as const;

export const path = {
  list: '/app/beneficiaries/persons',
  person: (id: string) => `/app/beneficiaries/persons/${id}`,
} as const;

