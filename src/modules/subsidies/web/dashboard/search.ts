/** The dashboard's place in the URL (?level=&id=&year=), so that a drill-down can be shared and the back button climbs. */
import { dashboardLevels, type DashboardLevel, type LateState } from '../../server/dashboard/contract.ts';
import { todayInMorocco } from '../../../../platform/web/index.ts';

export const currentYear = (): number => Number(todayInMorocco().slice(0, 4));

/** The years offered: next year and the five before this one. */
export const yearChoices = (): string[] => Array.from({ length: 7 }, (_, i) => String(currentYear() + 1 - i));

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readNode(search: Record<string, unknown>): { level?: DashboardLevel; id?: string; year: number } {
  const level = (dashboardLevels as readonly unknown[]).includes(search.level) ? (search.level as DashboardLevel) : undefined;
  const id = typeof search.id === 'string' && uuid.test(search.id) ? search.id : undefined;
  const year = Number(search.year);
  return { level, id, year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentYear() };
}

export function readLateFilters(search: Record<string, unknown>) {
  const id = (key: string) => (typeof search[key] === 'string' && uuid.test(search[key]) ? search[key] : undefined);
  const year = Number(search.year);
  const state: LateState | undefined = search.state === 'open' || search.state === 'paid' ? search.state : undefined;
  return {
    state,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    regionId: id('regionId'),
    delegationId: id('delegationId'),
    associationId: id('associationId'),
  };
}

/** The late list's filter for a dashboard node: its own scope key. */
export function lateFilterOf(level: DashboardLevel, id: string | null): Record<string, string> {
  if (!id || level === 'nation') return {};
  return { [`${level}Id`]: id };
}
