/** API contract of the subsidies dashboard, the regularity indicator and the late-tranches list (decision 0029). */
import { z } from 'zod';
import { PageQuery, Uuid, pageOf } from '../../../../platform/contract/common.ts';
import { MadOut } from '../../../../platform/contract/money.ts';
import { TrancheListRow } from '../../contract/tranches.ts';

/** The drill-down levels: the nation, a region, a delegation, an association (its conventions). */
export const dashboardLevels = ['nation', 'region', 'delegation', 'association'] as const;
export const DashboardLevel = z.enum(dashboardLevels);
export type DashboardLevel = z.infer<typeof DashboardLevel>;

/** A row's kind: the next level down, or the conventions signed above it (central, regional) which go no further. */
export const DashboardRowKind = z.enum(['region', 'delegation', 'association', 'convention', 'central', 'regional']);
export type DashboardRowKind = z.infer<typeof DashboardRowKind>;

const Year = z.coerce.number().int().min(2000).max(2100);

export const DashboardQuery = z.strictObject({
  level: DashboardLevel.optional(),
  id: Uuid.optional(),
  year: Year.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** The figures of one scope for one year; money as exact strings, delays in days (one decimal). */
export const Figures = z.object({
  committedMad: MadOut,
  releasedMad: MadOut,
  paidMad: MadOut,
  justifiedMad: MadOut,
  tranches: z.number().int(),
  /** Tranches whose punctuality is known: planned before today, or already fully paid. */
  assessed: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  averageDelayDays: z.number().nullable(),
  averageConditionsDelayDays: z.number().nullable(),
  /** Regularity indicator: on time ÷ assessed, in percent (one decimal); null when nothing is assessed. */
  regularityPercent: z.number().nullable(),
});
export type Figures = z.infer<typeof Figures>;

export const DashboardNode = z.object({ level: DashboardLevel, id: Uuid.nullable(), nameAr: z.string(), nameFr: z.string() });
export type DashboardNode = z.infer<typeof DashboardNode>;

export const DashboardRow = Figures.extend({
  kind: DashboardRowKind,
  id: Uuid.nullable(),
  nameAr: z.string(),
  nameFr: z.string(),
  /** A convention's reference (CONV-YYYY-NNNNNN). */
  reference: z.string().nullable(),
});
export type DashboardRow = z.infer<typeof DashboardRow>;

export const Dashboard = z.object({
  year: z.number().int(),
  node: DashboardNode,
  /** The levels above the node that the user may open (breadcrumb), highest first. */
  parents: z.array(DashboardNode),
  totals: Figures,
  rows: z.array(DashboardRow),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** Regularity per region (nation) or per delegation (a region), year by year. */
export const RegularityQuery = z.strictObject({ regionId: Uuid.optional(), from: Year.optional(), to: Year.optional() });
export const RegularityCell = z.object({ year: z.number().int(), assessed: z.number().int(), onTime: z.number().int(), regularityPercent: z.number().nullable(), averageDelayDays: z.number().nullable() });
export const RegularityRow = z.object({ kind: DashboardRowKind, id: Uuid.nullable(), nameAr: z.string(), nameFr: z.string(), years: z.array(RegularityCell) });
export const Regularity = z.object({ from: z.number().int(), to: z.number().int(), rows: z.array(RegularityRow) });
export type Regularity = z.infer<typeof Regularity>;

/** Late tranches: still unpaid after their planned date ("open"), or paid after it ("paid"). */
export const LateState = z.enum(['open', 'paid']);
export type LateState = z.infer<typeof LateState>;

export const LateTranchesQuery = PageQuery.extend({
  state: LateState.optional(),
  regionId: Uuid.optional(),
  delegationId: Uuid.optional(),
  associationId: Uuid.optional(),
  year: Year.optional(),
});
export type LateTranchesQuery = z.infer<typeof LateTranchesQuery>;

export const LateTranche = TrancheListRow.extend({
  associationId: Uuid,
  paidMad: MadOut,
  state: LateState,
  released: z.boolean(),
  conditionsMetOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  /** Days past the planned date: to today while unpaid, to the completing payment once paid. */
  daysLate: z.number().int(),
});
export type LateTranche = z.infer<typeof LateTranche>;
export const LateTranchesPage = pageOf(LateTranche);
export type LateTranchesPage = z.infer<typeof LateTranchesPage>;
