/** Stable hooks for browser tests (data-testid), route paths and technical values of the tranche screens. */
export const tid = {
  navDue: 'nav-subsidies-due',
  timeline: 'tranches-timeline',
  tranche: (year: number, position: number) => `tranche-${year}-${position}`,
  trancheStatus: (year: number, position: number) => `tranche-status-${year}-${position}`,
  blocked: (year: number, position: number) => `tranche-blocked-${year}-${position}`,
  delay: (year: number, position: number) => `tranche-delay-${year}-${position}`,
  condition: (code: string) => `tranche-condition-${code}`,
  confirm: (code: string) => `tranche-confirm-${code}`,
  planOpen: 'tranche-plan-open',
  planDate: 'tranche-plan-date',
  planAmount: 'tranche-plan-amount',
  planSubmit: 'tranche-plan-submit',
  releaseOpen: (year: number, position: number) => `tranche-release-${year}-${position}`,
  overrideReason: 'tranche-override-reason',
  releaseSubmit: 'tranche-release-submit',
  payOpen: (year: number, position: number) => `tranche-pay-${year}-${position}`,
  payOrder: 'tranche-pay-order',
  payReference: 'tranche-pay-reference',
  payDate: 'tranche-pay-date',
  payAmount: 'tranche-pay-amount',
  payRib: 'tranche-pay-rib',
  paySubmit: 'tranche-pay-submit',
  cancel: (year: number, position: number) => `tranche-cancel-${year}-${position}`,
  cancelConfirm: 'tranche-cancel-confirm',
  statementAr: 'tranche-statement-ar',
  statementFr: 'tranche-statement-fr',
  dueTable: 'tranches-due-table',
  dueMonth: 'tranches-due-month',
  dueSummary: 'tranches-due-summary',
} as const;

export const path = {
  conventionTranches: '/subsidies/conventions/$conventionId/tranches',
  due: '/subsidies/tranches/due',
} as const;

/** Technical prop values the screens use in JSX (no literal strings there). */
export const look = {
  // Shade 9 keeps light badges and coloured text above the 4.5:1 contrast ratio.
  teal: 'teal.9',
  yellow: 'yellow.9',
  red: 'red.9',
  orange: 'orange.9',
  date: 'date',
  month: 'month',
  decimal: 'decimal',
  numeric: 'numeric',
  bold: 700,
} as const;

export const statusColor = { planned: 'gray.7', released: 'blue.9', paid: 'teal.9', cancelled: 'dark' } as const;

/** Field names of the forms (values in JSX, and the paths of the server's field errors). */
export const fld = {
  plannedOn: 'plannedOn', amountMad: 'amountMad', overrideReason: 'overrideReason', paymentOrder: 'paymentOrder',
  paymentReference: 'paymentReference', paidOn: 'paidOn', rib: 'rib',
} as const;
