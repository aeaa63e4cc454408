/** Links of the dashboard: to another node (same page, other search) and to a convention's page (the conventions part's). */
import type { ReactNode } from 'react';
import { AnchorLink } from '../../../../platform/web/index.ts';
import type { DashboardLevel } from '../../server/dashboard/contract.ts';
import { path } from './constants.ts';

function Node({ level, id, year, testId, children }: { level: DashboardLevel; id: string | null; year: number; testId?: string; children: ReactNode }) {
  return (
    <AnchorLink to={path.dashboard} search={{ level, id: id ?? undefined, year } as never} data-testid={testId}>
      {children}
    </AnchorLink>
  );
}

function Convention({ id, children }: { id: string; children: ReactNode }) {
  return (
    <AnchorLink to={path.convention} params={{ conventionId: id } as never}>
      {children}
    </AnchorLink>
  );
}

export const Anchors = { Node, Convention };
