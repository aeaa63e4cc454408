/** The budget part's pages: the annual budgets and their editor, the national chart, the minimum daily costs. */
import { IconListTree, IconReceipt2, IconToolsKitchen2 } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { defineApprovalTypeLabel } from '../../../../platform/approvals/web/index.ts';
import { institutionBudget } from '../../approval.ts';
import { tid } from './constants.ts';

const BudgetsPage = lazyPage(() => import('./pages/BudgetsPage.tsx'), 'BudgetsPage');
const BudgetPage = lazyPage(() => import('./pages/BudgetPage.tsx'), 'BudgetPage');
const ChartPage = lazyPage(() => import('./pages/ChartPage.tsx'), 'ChartPage');
const DailyCostsPage = lazyPage(() => import('./pages/DailyCostsPage.tsx'), 'DailyCostsPage');

defineApprovalTypeLabel(institutionBudget.key, 'finance:budget.approvalType');

export const budgetPages: WebPage[] = [
  { path: 'finance/budgets', component: BudgetsPage, permission: 'finance.read', nav: { labelKey: 'finance:budget.nav.budgets', icon: IconReceipt2, testId: tid.navBudgets } },
  { path: 'finance/budgets/$budgetId', component: BudgetPage, permission: 'finance.read' },
  { path: 'finance/chart', component: ChartPage, permission: 'finance.read', nav: { labelKey: 'finance:budget.nav.chart', icon: IconListTree, testId: tid.navChart } },
  { path: 'finance/daily-costs', component: DailyCostsPage, permission: 'finance.read', nav: { labelKey: 'finance:budget.nav.dailyCosts', icon: IconToolsKitchen2, testId: tid.navDailyCosts } },
];
