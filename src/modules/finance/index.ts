/** Institution finance (issue 9): the national chart of budget lines, annual budgets through approval, the books (receipts and payments, monthly closing, bank reconciliation), budget against actual, cost per beneficiary-day, the annual financial report. */
export { financeModule } from './module.ts';
export { seedDemoBooks } from './db/demo/books.ts';
