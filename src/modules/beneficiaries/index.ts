/** The beneficiaries module's public face: persons, reception, the Jisr pathway, registers, data protection. */
export { beneficiariesModule } from './module.ts';
export { seedDemoBeneficiaries } from './db/demo/index.ts';
