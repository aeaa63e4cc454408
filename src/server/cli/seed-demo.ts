/** `npm run seed:demo`: loads the demo data into the configured database (never automatic there). */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { seedDemo } from '../demo.ts';

const config = loadConfig();
const database = await openDatabase(config, (m) => console.log(`[raaya] ${m}`));
try {
  await seedDemo(database.ownerUrl, config.demoPassword, config.dataDir);
  console.log('[raaya] demo data loaded');
} finally {
  await database.stop();
}
