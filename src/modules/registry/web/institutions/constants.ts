/** Stable hooks for browser tests (data-testid), route paths and technical values of these screens. */
export const tid = {
  nav: 'nav-institutions',
  table: 'institutions-table',
  search: 'institutions-search',
  filterRegion: 'institutions-filter-region',
  filterProvince: 'institutions-filter-province',
  filterDelegation: 'institutions-filter-delegation',
  filterCategory: 'institutions-filter-category',
  filterCentreType: 'institutions-filter-centre-type',
  filterStatus: 'institutions-filter-status',
  filterArea: 'institutions-filter-area',
  filterCapacityMin: 'institutions-filter-capacity-min',
  filterCapacityMax: 'institutions-filter-capacity-max',
  sort: 'institutions-sort',
  reset: 'institutions-reset',
  export: 'institutions-export',
  create: 'institutions-create',
  row: (id: string) => `institution-row-${id}`,
  title: 'institution-title',
  licence: 'institution-licence',
  edit: 'institution-edit',
  tabs: 'institution-tabs',
  tab: (key: string) => `institution-tab-${key}`,
  field: (name: string) => `institution-field-${name}`,
  submit: 'institution-submit',
  founder: 'institution-founder',
  region: 'institution-region',
  province: 'institution-province',
  commune: 'institution-commune',
  roomsTable: 'institution-rooms',
  roomAdd: 'institution-room-add',
  roomSubmit: 'institution-room-submit',
  roomField: (name: string) => `institution-room-${name}`,
  roomDelete: (id: string) => `institution-room-delete-${id}`,
  servicesTable: 'institution-services',
  serviceOffered: (s: string) => `institution-service-${s}`,
  servicePermanence: (s: string) => `institution-service-permanence-${s}`,
  serviceExtent: (s: string) => `institution-service-extent-${s}`,
  servicesSave: 'institution-services-save',
  servicesSaved: 'institution-services-saved',
  committeeTable: 'institution-committee',
  memberAdd: 'institution-member-add',
  memberSubmit: 'institution-member-submit',
  memberField: (name: string) => `institution-member-${name}`,
  memberDelete: (id: string) => `institution-member-delete-${id}`,
  identity: 'institution-identity',
  director: 'institution-director',
} as const;

export const path = {
  list: '/registry/institutions',
  create: '/registry/institutions/new',
  page: '/registry/institutions/$institutionId',
  edit: '/registry/institutions/$institutionId/edit',
} as const;

export const look = { number: 'number', date: 'date', decimal: 'decimal', telephone: 'tel', email: 'email', search: 'search' } as const;

/** Field names of the forms, used as values in JSX. */
export const fld = {
  nameAr: 'nameAr', nameFr: 'nameFr', associationId: 'associationId', legalCategory: 'legalCategory', centreType: 'centreType', communeId: 'communeId',
  addressAr: 'addressAr', addressFr: 'addressFr', latitude: 'latitude', longitude: 'longitude', area: 'area', mode: 'mode', sexServed: 'sexServed',
  capacityMale: 'capacityMale', capacityFemale: 'capacityFemale', targetGroups: 'targetGroups', feeMode: 'feeMode',
  directorNameAr: 'directorNameAr', directorNameFr: 'directorNameFr', directorAppointedOn: 'directorAppointedOn', directorEndorsedOn: 'directorEndorsedOn',
  phone: 'phone', email: 'email', openedOn: 'openedOn',
  name: 'name', kind: 'kind', sex: 'sex', areaM2: 'areaM2', places: 'places', seat: 'seat', fullName: 'fullName', since: 'since', until: 'until',
} as const;

/** Names of the enum label groups (`registry:enums.<name>.<value>`). */
export const en = {
  legalCategory: 'legalCategory',
  centreType: 'centreType',
  institutionStatus: 'institutionStatus',
  area: 'area',
  careMode: 'careMode',
  sexServed: 'sexServed',
  targetGroup: 'targetGroup',
} as const;

/** The documents owner type of an institution (server/institutions/documents.ts). */
export const documentOwnerType = 'institution';
/** The record-history kind of an institution (server/history.ts). */
export const historyOwnerType = 'institution';
