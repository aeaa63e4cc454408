/** The beneficiaries module's API contract: schemas shared by the routes and the web forms. */
export * from './enums.ts';
export * from './common.ts';
export * from './matching.ts';
export * from './cases.ts';
export * from './persons.ts';
export * from './reception.ts';
export * from './register.ts';
export * from './privacy.ts';
