/** Stable hooks for browser tests (data-testid), route paths and technical values of these screens. */
export const tid = {
  action: (action: string) => `approval-action-${action}`,
  confirm: 'approval-confirm',
  comment: 'approval-comment',
  history: 'approval-history',
  inboxTable: 'inbox-table',
  inboxType: 'inbox-type',
  navInbox: 'nav-inbox',
  panel: 'approval-panel',
  returnSection: (key: string) => `approval-return-${key}`,
  state: 'approval-state',
} as const;

export const path = { inbox: '/approvals/inbox' } as const;

export const dom = { panelTitle: 'approval-panel-title', historyTitle: 'approval-history-title' } as const;

/** Badge colours by state, chosen for contrast with white text. */
export const stateColor: Record<string, string> = {
  draft: 'gray.7',
  open: 'gray.7',
  submitted: 'blue.9',
  returned: 'red.9',
  approved: 'teal.9',
};

export const look = { ordered: 'ordered', italic: 'italic' } as const;
