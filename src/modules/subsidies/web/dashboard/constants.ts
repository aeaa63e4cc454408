/** Stable hooks for browser tests (data-testid) and the route paths of the dashboard screens. */
export const tid = {
  navDashboard: 'nav-subsidies-dashboard',
  navLate: 'nav-subsidies-late',
  year: 'subsidies-dashboard-year',
  figures: 'subsidies-dashboard-figures',
  figure: (key: string) => `subsidies-figure-${key}`,
  rows: 'subsidies-dashboard-rows',
  drill: (id: string) => `subsidies-drill-${id}`,
  crumbs: 'subsidies-dashboard-crumbs',
  regularity: 'subsidies-regularity',
  lateLink: 'subsidies-late-link',
  lateTable: 'subsidies-late-table',
  lateState: 'subsidies-late-state',
} as const;

export const path = {
  dashboard: '/subsidies/dashboard',
  late: '/subsidies/late-tranches',
  /** The conventions part's page of one convention. */
  convention: '/subsidies/conventions/$conventionId',
} as const;

/** Values used in JSX (lint: no string literal inside JSX). */
export const val = { all: 'all', open: 'open', paid: 'paid', nation: 'nation' } as const;
