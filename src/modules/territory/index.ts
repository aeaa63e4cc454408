/** The territory module's public face to the rest of Raaya. */
export { loadTerritory } from './db/reference.ts';
export { territoryModule } from './module.ts';
