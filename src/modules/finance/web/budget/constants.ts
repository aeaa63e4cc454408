/** Stable hooks for browser tests (data-testid) and route paths of the budget screens. */
export const tid = {
  navBudgets: 'nav-finance-budgets',
  navChart: 'nav-finance-chart',
  navDailyCosts: 'nav-finance-daily-costs',
  budgetsTable: 'budgets-table',
  budgetsYear: 'budgets-year',
  budgetsState: 'budgets-state',
  budgetCreate: 'budget-create',
  budgetCreateYear: 'budget-create-year',
  budgetCreateSubmit: 'budget-create-submit',
  kindTable: (kind: string) => `budget-table-${kind}`,
  amount: (code: string) => `budget-amount-${code}`,
  total: (key: string) => `budget-total-${key}`,
  balance: 'budget-balance',
  save: 'budget-save',
  saved: 'budget-saved',
  fromActuals: 'budget-from-actuals',
  revise: 'budget-revise',
  reviseSubmit: 'budget-revise-submit',
  version: (n: number) => `budget-version-${n}`,
  chartTable: 'chart-table',
  chartYear: 'chart-year',
  chartAdd: 'chart-add',
  chartEdit: (code: string) => `chart-edit-${code}`,
  chartField: (name: string) => `chart-field-${name}`,
  chartSave: 'chart-save',
  costsTable: 'daily-costs-table',
  costsYear: 'daily-costs-year',
  costSet: 'daily-cost-set',
  costEdit: (category: string, year: number) => `daily-cost-edit-${category}-${year}`,
  costRemove: (category: string, year: number) => `daily-cost-remove-${category}-${year}`,
  costField: (name: string) => `daily-cost-field-${name}`,
  costSave: 'daily-cost-save',
} as const;

export const path = {
  budgets: '/finance/budgets',
  budget: '/finance/budgets/$budgetId',
  chart: '/finance/chart',
  dailyCosts: '/finance/daily-costs',
} as const;

/** Values used in JSX that are not visible text. */
export const look = { decimal: 'decimal', amountWidth: 160 } as const;

/** Field names and values used in JSX (error lookups, test ids, the two kinds, "a new one"). */
export const fld = {
  code: 'code',
  section: 'section',
  parentCode: 'parentCode',
  nameAr: 'nameAr',
  nameFr: 'nameFr',
  pcaAccount: 'pcaAccount',
  validFrom: 'validFrom',
  validTo: 'validTo',
  isGrant: 'isGrant',
  isFood: 'isFood',
  category: 'category',
  year: 'year',
  amount: 'amount',
} as const;
export const kindOf = { revenue: 'revenue', expenditure: 'expenditure' } as const;
export const NEW = 'new';
