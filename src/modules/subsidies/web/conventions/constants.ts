/** Stable hooks for browser tests (data-testid), route paths and technical values of the convention screens. */
export const tid = {
  navList: 'nav-conventions',
  table: 'conventions-table',
  filterStatus: 'conventions-status',
  filterPartner: 'conventions-partner',
  filterPartnerName: 'conventions-partner-name',
  filterFrom: 'conventions-from',
  filterTo: 'conventions-to',
  filterLate: 'conventions-late',
  export: 'conventions-export',
  create: 'convention-create',
  createAssociation: 'convention-create-association',
  createSubmit: 'convention-create-submit',
  termsField: (name: string) => `convention-terms-${name}`,
  institution: (i: number) => `convention-institution-${i}`,
  section: (key: string) => `convention-section-${key}`,
  sectionState: (key: string) => `convention-section-state-${key}`,
  save: (key: string) => `convention-save-${key}`,
  saved: (key: string) => `convention-saved-${key}`,
  partnerField: (i: number, name: string) => `convention-partner-${i}-${name}`,
  amountField: (i: number, j: number, name: string) => `convention-partner-${i}-amount-${j}-${name}`,
  addPartner: 'convention-add-partner',
  addYear: (i: number) => `convention-partner-${i}-add-year`,
  fundingSum: 'convention-funding-sum',
  obligationField: (i: number, name: string) => `convention-obligation-${i}-${name}`,
  addObligation: 'convention-add-obligation',
  signatoryField: (i: number, name: string) => `convention-signatory-${i}-${name}`,
  addSignatory: 'convention-add-signatory',
  signDate: (i: number) => `convention-sign-date-${i}`,
  signSubmit: 'convention-sign-submit',
  status: 'convention-status',
  amendmentOpen: 'convention-amendment-open',
  amendmentField: (name: string) => `convention-amendment-${name}`,
  amendmentSubmit: 'convention-amendment-submit',
  amendmentSignDate: 'convention-amendment-sign-date',
  amendmentSign: 'convention-amendment-sign',
  pdf: (lang: string) => `convention-pdf-${lang}`,
  endOpen: (ending: string) => `convention-${ending}`,
  endReason: 'convention-end-reason',
  endConfirm: 'convention-end-confirm',
  ended: 'convention-ended',
} as const;

export const path = {
  list: '/subsidies/conventions',
  convention: '/subsidies/conventions/$conventionId',
} as const;

export const dom = {
  sectionTitle: (key: string) => `convention-section-title-${key}`,
} as const;

/** A dark red for text: the default shade misses the WCAG AA contrast on white. */
export const look = { preWrap: { whiteSpace: 'pre-wrap' }, date: 'date', search: 'search', decimal: 'decimal', ltr: 'raaya-ltr', badText: 'red.9' } as const;

/** Field names used as JSX values (registered form fields, section keys). */
export const sec = { terms: 'terms', funding: 'funding', signatories: 'signatories', amendments: 'amendments', sign: 'sign', tranches: 'tranches', documents: 'documents' } as const;
export const fld = {
  objectAr: 'objectAr',
  objectFr: 'objectFr',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  totalMad: 'totalMad',
  kind: 'kind',
  nameAr: 'nameAr',
  nameFr: 'nameFr',
  sggDeclaredOn: 'sggDeclaredOn',
  sggReference: 'sggReference',
  year: 'year',
  amountMad: 'amountMad',
  party: 'party',
  partner: 'partner',
  textAr: 'textAr',
  textFr: 'textFr',
  fullName: 'fullName',
  title: 'title',
  reasonAr: 'reasonAr',
  reasonFr: 'reasonFr',
  reason: 'reason',
  note: 'note',
} as const;
export const ownerTypeDocuments = 'subsidy_convention';

/** Values given to inputs and API filters (never shown as such). */
export const val = {
  other: 'other',
  association: 'association',
  region: 'region',
  delegation: 'delegation',
  institutionIds: 'institutionIds',
  year: 'year',
  amountMad: 'amountMad',
} as const;
export const lateValues = ['true', 'false'] as const;
export const printLanguages = ['ar', 'fr'] as const;
