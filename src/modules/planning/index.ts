/** The planning module's public face: annual action plans of the delegations (first use of approvals). */
export { planningModule } from './module.ts';
export { seedDemoPlans } from './db/demo.ts';
