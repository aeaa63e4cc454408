/** Partnerships and subsidies (issue 8): conventions with associations and partners, tranches released on conditions, disbursements and their delays, justification of spending, audit missions, the subsidies dashboard. */
export { subsidiesModule } from './module.ts';
export { seedDemoSubsidies } from './db/demo/index.ts';
