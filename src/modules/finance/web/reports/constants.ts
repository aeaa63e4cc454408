/** Stable hooks for browser tests (data-testid) and the route paths of the finance reports' screens. */
export const tid = {
  navConsolidation: 'nav-finance-consolidation',
  year: 'finance-report-year',
  sections: 'finance-report-sections',
  lines: 'finance-report-lines',
  toggleMonths: 'finance-report-toggle-months',
  income: 'finance-report-income',
  costPerDay: 'finance-report-cost-per-day',
  minimum: 'finance-report-minimum',
  belowFlag: 'finance-report-below',
  download: (lang: string, format: string) => `finance-report-download-${format}-${lang}`,
  prepare: 'finance-report-prepare',
  consolidationTable: 'finance-consolidation-table',
  consolidationYear: 'finance-consolidation-year',
  consolidationTotal: 'finance-consolidation-total',
  up: 'finance-consolidation-up',
  drill: (id: string) => `finance-consolidation-drill-${id}`,
  rowBelow: (id: string) => `finance-consolidation-below-${id}`,
} as const;

export const path = {
  consolidation: '/finance/consolidation',
  institutionReports: '/finance/institutions/$institutionId/reports/$year',
} as const;

export const look = { number: 'raaya-ltr', region: 'region', button: 'button', scroll: { overflowX: 'auto' } } as const;

const thisYear = new Date().getFullYear();
/** The years offered in the selectors: this one and the nine before. */
export const reportYears = Array.from({ length: 10 }, (_, i) => String(thisYear - i));
