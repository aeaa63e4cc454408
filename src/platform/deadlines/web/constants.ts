/** Stable hooks for browser tests (data-testid) and technical values of the deadlines page. */
export const tid = {
  table: 'deadlines-table',
  kind: 'deadlines-kind',
  state: 'deadlines-state',
} as const;

export const states = ['overdue', 'due_today', 'upcoming'] as const;
export const stateColor = { overdue: 'red.9', due_today: '#9c3a00', upcoming: 'blue.9' } as const;
export const anyValue = '';
