/** Stable hooks for browser tests (data-testid), paths and technical values of the register screens. */
export const tid = {
  tab: 'register-tab',
  occupancy: 'register-occupancy',
  schoolYears: 'register-school-years',
  table: 'register-table',
  row: (id: string) => `register-row-${id}`,
  search: 'register-search',
  year: 'register-year',
  status: 'register-status',
  pdfAr: 'register-pdf-ar',
  pdfFr: 'register-pdf-fr',
  admit: 'register-admit',
  admitPerson: 'register-admit-person',
  exit: (id: string) => `register-exit-${id}`,
  transfer: (id: string) => `register-transfer-${id}`,
  waiting: 'register-waiting',
  waitingTable: 'register-waiting-table',
  admitReferral: (id: string) => `register-admit-referral-${id}`,
  field: (name: string) => `register-field-${name}`,
  submit: 'register-submit',
  board: 'occupancy-board',
  boardRow: (id: string) => `occupancy-row-${id}`,
  boardCategory: 'occupancy-filter-category',
  boardCentreType: 'occupancy-filter-centre-type',
  navBoard: 'nav-occupancy-board',
} as const;

export const path = {
  board: 'beneficiaries/occupancy',
  institution: '/app/registry/institutions/$institutionId',
} as const;

/** Form field names (react-hook-form paths). */
export const fld = {
  personId: 'personId',
  admissionDate: 'admissionDate',
  schoolYear: 'schoolYear',
  schoolName: 'schoolName',
  schoolLevel: 'schoolLevel',
  overCapacityJustification: 'overCapacityJustification',
  exitDate: 'exitDate',
  exitReason: 'exitReason',
  exitDestination: 'exitDestination',
  toInstitutionId: 'toInstitutionId',
  date: 'date',
  reason: 'reason',
  consentBy: 'consentBy',
  consentName: 'consentName',
  consentDate: 'consentDate',
} as const;

export const registerTabKey = 'register';
export const noConsent = 'none';
