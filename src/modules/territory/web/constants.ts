/** Stable hooks for browser tests (data-testid), route paths and element ids of these screens. */
export const tid = {
  delegationProvincesInput: 'delegation-provinces-input',
  delegationProvinces: 'delegation-provinces',
  delegationSave: 'delegation-save',
  delegationsRegion: 'delegations-region',
  delegationsSearch: 'delegations-search',
  delegationsTable: 'delegations-table',
  formSaved: 'form-saved',
  regionDelegationsTable: 'region-delegations-table',
  regionProvincesTable: 'region-provinces-table',
  regionsTable: 'regions-table',
} as const;

export const path = {
  territoryDelegations: '/territory/delegations',
  territoryDelegationsDelegationId: '/territory/delegations/$delegationId',
  territoryRegions: '/territory/regions',
  territoryRegionsRegionId: '/territory/regions/$regionId',
} as const;

export const dom = {
  editDelegationTitle: 'edit-delegation-title',
} as const;

/** Documents attached to a delegation (premises insurance, safety certificate…). */
export const documentOwnerType = 'delegation';
