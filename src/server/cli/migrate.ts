/** `npm run migrate`: applies migrations and reference data (embedded database unless DATABASE_URL). */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';

const database = await openDatabase(loadConfig(), (m) => console.log(`[raaya] ${m}`));
await database.stop();
console.log('[raaya] database is up to date');
