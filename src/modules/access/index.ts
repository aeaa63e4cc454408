/** The access module's public face: accounts, roles, scope and sessions. */
export { accessModule } from './module.ts';
export { hashPassword } from './server/passwords.ts';
export * from './permissions.ts';
export { seedDemoAccounts, demoAccounts } from './db/demo.ts';
