/** Demo registry (README) and the generated national registry of the benchmark (`npm run bench -- --scale national`). */
export { seedDemoRegistry, type DemoRegistryCounts } from './seed.ts';
export { generateNationalRegistry, type NationalRegistry, type NationalRegistryOptions, type GeneratedInstitution } from './national.ts';
