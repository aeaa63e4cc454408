/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data, web app, server. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { createDatabase } from '../db/pool.ts';
import { isEmpty, seedDemo, seedDemoAfterStart } from '../demo.ts';
import { ensureWebBuilt } from '../web-build.ts';
import { startDeadlineTimer, todayInMorocco } from '../../platform/deadlines/index.ts';
import { smtpTransport, startEmailDelivery } from '../../platform/notifications/index.ts';

const log = (message: string) => console.log(`[raaya] ${message}`);
const config = loadConfig();
const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

if (config.env === 'development') await ensureWebBuilt(srcDir, log);
const database = await openDatabase(config, log);
const loadDemo = database.embedded && (await isEmpty(database.ownerUrl));
if (loadDemo) {
  await seedDemo(database.ownerUrl, config.demoPassword, config.dataDir);
  log('demo data loaded (accounts in README.md)');
}
const db = createDatabase(database.appUrl, config.dbPoolSize);
const ctx = { config, db };
const app = await buildApp(ctx);
try {
  await app.listen({ host: config.host, port: config.port });
} catch (error) {
  // A port already taken must not leave the embedded database running behind us.
  await db.destroy();
  await database.stop();
  throw error;
}
// Demo jobs run through the application itself (its role, its worker code), once it is up.
if (loadDemo) await seedDemoAfterStart(ctx, database.ownerUrl);
// The daily deadline sweep (reminders, overdue notices).
const stopDeadlineTimer = startDeadlineTimer(db, todayInMorocco, log);
// E-mail copies of notifications, only when an SMTP server is configured.
const stopEmails = config.smtpUrl ? startEmailDelivery(db, { transport: smtpTransport(config.smtpUrl), from: config.smtpFrom }, log) : () => undefined;
log(`Raaya is ready on http://${config.host}:${config.port}/app/ (${database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'external PostgreSQL'})`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  stopDeadlineTimer();
  stopEmails();
  await app.close();
  await db.destroy();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
