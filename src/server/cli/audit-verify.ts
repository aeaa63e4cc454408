/** `npm run audit:verify`: checks the audit log's hash chain; exits 1 when it is broken. */
import { verifyAuditChain } from '../../platform/audit/index.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';

const database = await openDatabase(loadConfig(), () => undefined);
try {
  const result = await verifyAuditChain(database.ownerUrl);
  if (result.ok) {
    console.log(`[raaya] audit chain intact: ${result.entries} entries verified`);
  } else {
    console.error(`[raaya] audit chain BROKEN at entry ${result.firstBrokenSeq}: ${result.reason} (${result.entries} entries verified before it)`);
    process.exitCode = 1;
  }
} finally {
  await database.stop();
}
