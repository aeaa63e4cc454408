/** Demo persons, requests and case files in every stage across the demo scopes (issue 6 item 8), and the national generator of the benchmark. */
export { seedDemoBeneficiaries, type DemoBeneficiaryCounts } from './seed.ts';
