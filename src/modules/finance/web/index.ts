/**
 * The finance module's screens. The national chart of budget lines, annual budgets through approval, the books (receipts and payments, monthly closing, bank reconciliation), budget against actual, cost per beneficiary-day, the annual financial report.
 * Each part (web/<part>/) adds its pages to `routes` below and keeps its strings in i18n/<part>/.
 */
import { IconCoins } from '@tabler/icons-react';
import type { WebModule, WebPage } from '../../../platform/web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import booksAr from '../i18n/books/ar.json';
import booksFr from '../i18n/books/fr.json';
import budgetAr from '../i18n/budget/ar.json';
import budgetFr from '../i18n/budget/fr.json';
import reportsAr from '../i18n/reports/ar.json';
import reportsFr from '../i18n/reports/fr.json';
import { booksRoutes } from './books/index.ts';
import { budgetPages } from './budget/index.ts';
import { reportPages } from './reports/index.ts';

export const messages = { ar: { ...ar, ...booksAr, ...budgetAr, ...reportsAr }, fr: { ...fr, ...booksFr, ...budgetFr, ...reportsFr } };

const routes: WebPage[] = [...booksRoutes, ...budgetPages, ...reportPages];

export const financeWeb: WebModule = {
  id: 'finance',
  labelKey: 'finance:module.title',
  icon: IconCoins,
  permission: 'finance.read',
  messages,
  routes,
};
