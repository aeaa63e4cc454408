/** Route paths, test ids and technical values of the books' screens. */
export const path = {
  entry: '/finance/institutions/$institutionId/entries/new',
  journals: '/finance/institutions/$institutionId/journals',
  closings: '/finance/institutions/$institutionId/closings',
  grants: '/finance/institutions/$institutionId/grants',
  reconciliation: '/finance/institutions/$institutionId/reconciliation',
  institution: '/registry/institutions/$institutionId',
} as const;

export const tabKey = 'finance';
export const ENTRY_DOCUMENT_OWNER = 'finance_entry';
export const STATEMENT_IMPORT_TARGET = 'finance_bank_statement';

export const tid = {
  tab: 'finance-tab',
  account: (kind: string) => `finance-account-${kind}`,
  openAccount: (kind: string) => `finance-open-${kind}`,
  accountRib: 'finance-account-rib',
  accountBankName: 'finance-account-bank-name',
  accountOpeningDate: 'finance-account-opening-date',
  accountOpeningBalance: 'finance-account-opening-balance',
  accountSave: 'finance-account-save',
  link: (key: string) => `finance-link-${key}`,
  direction: 'entry-direction',
  amount: 'entry-amount',
  date: 'entry-date',
  line: 'entry-line',
  counterparty: 'entry-counterparty',
  means: 'entry-means',
  journal: 'entry-journal',
  reference: 'entry-reference',
  description: 'entry-description',
  donorType: 'entry-donor-type',
  balance: 'entry-balance',
  exceeds: 'entry-exceeds',
  confirmExceeds: 'entry-confirm-exceeds',
  save: 'entry-save',
  saved: 'entry-saved',
  another: 'entry-another',
  journalTabs: 'journal-tabs',
  journalFrom: 'journal-from',
  journalTo: 'journal-to',
  journalTable: 'journal-table',
  journalOpening: 'journal-opening',
  journalExport: 'journal-export',
  reverse: (id: string) => `journal-reverse-${id}`,
  reverseWhy: 'journal-reverse-why',
  reverseDate: 'journal-reverse-date',
  reverseSave: 'journal-reverse-save',
  closingsYear: 'closings-year',
  closingsTable: 'closings-table',
  close: (month: string) => `closings-close-${month}`,
  closeConfirm: 'closings-confirm',
  grantsYear: 'grants-year',
  grantsTable: 'grants-table',
  report: (id: string) => `grants-report-${id}`,
  reportDate: 'grants-report-date',
  reportReference: 'grants-report-reference',
  reportSave: 'grants-report-save',
  recFrom: 'rec-from',
  recTo: 'rec-to',
  recAuto: 'rec-auto',
  recLines: 'rec-lines',
  recEntries: 'rec-entries',
  recMatch: (id: string) => `rec-match-${id}`,
  recUnmatch: (id: string) => `rec-unmatch-${id}`,
  recRecord: (id: string) => `rec-record-${id}`,
  fromStatement: 'entry-from-statement',
} as const;

export const look = {
  date: 'date',
  decimal: 'decimal',
  ltrClass: 'raaya-ltr',
  lateColor: 'red',
  okColor: 'green',
  /** Badges inside table rows, filled: shades whose white text keeps the WCAG AA contrast. */
  okStrong: 'teal.9',
  pendingStrong: 'gray.7',
  pendingColor: 'orange',
} as const;

export const journalKinds = ['bank', 'cash', 'in_kind'] as const;
export const accountKinds = ['bank', 'cash'] as const;
export const entryDirections = ['payment', 'receipt'] as const;
export const CASH = 'cash' as const;

/** A page of the institution's books, as a plain path (PageHeader's back link). */
export const pageOf = (page: string, institutionId: string): string => page.replace('$institutionId', institutionId);
