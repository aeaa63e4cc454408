/** The registry's API contract: schemas shared by the routes and the web forms. */
export * from './enums.ts';
export * from './values.ts';
export * from './associations.ts';
export * from './institutions.ts';
export * from './licensing.ts';
export * from './map.ts';
