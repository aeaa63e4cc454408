/** Stable hooks for browser tests (data-testid), route paths and element ids of these screens. */
export const tid = {
  navPlans: 'nav-plans',
  plansTable: 'plans-table',
  plansYear: 'plans-year',
  plansState: 'plans-state',
  planCreate: 'plan-create',
  planCreateYear: 'plan-create-year',
  planCreateSubmit: 'plan-create-submit',
  section: (key: string) => `plan-section-${key}`,
  sectionState: (key: string) => `plan-section-state-${key}`,
  sectionSave: (key: string) => `plan-section-save-${key}`,
  diagnosisInput: 'plan-diagnosis-input',
  addLine: (key: string) => `plan-add-${key}`,
  removeLine: (key: string, i: number) => `plan-remove-${key}-${i}`,
  field: (key: string, i: number, name: string) => `plan-${key}-${i}-${name}`,
  saved: 'plan-saved',
} as const;

export const path = {
  plans: '/planning/plans',
  plan: '/planning/plans/$planId',
} as const;

export const dom = {
  sectionTitle: (key: string) => `plan-section-title-${key}`,
  createTitle: 'plan-create-title',
} as const;

export const look = { decimal: 'decimal', preWrap: { whiteSpace: 'pre-wrap' } } as const;

/** Section and field names used as values in JSX (test ids, registered fields). */
export const sec = { diagnosis: 'diagnosis', objectives: 'objectives', activities: 'activities' } as const;
export const fld = { title: 'title', indicator: 'indicator', baseline: 'baseline', target: 'target', quarter: 'quarter', budgetMad: 'budgetMad' } as const;
