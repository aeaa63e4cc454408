/**
 * The tabs of an institution's page. Each part of the registry (identity, capacity and services,
 * governance, licensing, documents, history) registers its tab here, so the page does not need to
 * know them; later modules (beneficiaries, finance, inspection) add theirs the same way.
 */
import type { ComponentType } from 'react';
import type { Permission } from '../../access/permissions.ts';
import type { AppKey } from '../../../platform/web/i18n/types.ts';

export interface InstitutionTabProps {
  institutionId: string;
}

export interface InstitutionTab {
  /** Stable key, also the tab's value in the URL (?tab=licensing). */
  key: string;
  labelKey: AppKey;
  /** Position among the tabs (identity 10, capacity 20, governance 30, licensing 40, documents 50, history 60). */
  order: number;
  /** Load with React.lazy so each tab's code comes on first view. */
  component: ComponentType<InstitutionTabProps>;
  /** Permission needed to see the tab; none: whoever sees the institution. */
  permission?: Permission;
}

const tabs: InstitutionTab[] = [];

export function registerInstitutionTab(tab: InstitutionTab): void {
  if (tabs.some((t) => t.key === tab.key)) throw new Error(`institution tab ${tab.key} registered twice`);
  tabs.push(tab);
  tabs.sort((a, b) => a.order - b.order);
}

export function institutionTabs(granted: readonly Permission[]): readonly InstitutionTab[] {
  return tabs.filter((t) => !t.permission || granted.includes(t.permission));
}
