/** The registry module's public face: associations (founders), institutions and their licensing. */
export { registryModule } from './module.ts';
export { seedDemoRegistry } from './db/demo/index.ts';
export { seedDemoLicensing } from './server/licensing/demo.ts';
export { registryEnumLabels } from './i18n/labels.ts';
