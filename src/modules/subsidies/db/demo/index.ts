/** Demo data of the subsidies module (issue 8, item 7). */
export { seedDemoSubsidies, demoConventions } from './conventions.ts';
