/** Stable hooks for browser tests (data-testid), route paths and element ids of these screens. */
export const tid = {
  auditApply: 'audit-apply',
  auditDiff: 'audit-diff',
  auditExpand: 'audit-expand',
  auditFrom: 'audit-from',
  auditRecord: 'audit-record',
  auditReset: 'audit-reset',
  auditTable: 'audit-table',
  auditTableLog: 'audit-table-log',
  auditTo: 'audit-to',
  auditUser: 'audit-user',
  recordHistory: 'record-history',
} as const;
