/**
 * Verifies the audit chain independently of the database's own function: rebuilds each entry's
 * canonical text, recomputes its SHA-256, checks it links to the previous entry and that the
 * chain head matches the last entry (nothing cut off the end).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBrokenSeq: string | null;
  reason: string | null;
}

interface Row {
  seq: string;
  at_text: string;
  actor_id: string | null;
  table_name: string;
  record_id: string | null;
  action: string;
  event: string | null;
  before_text: string | null;
  after_text: string | null;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);
const BATCH = 5000;

export function entryHash(r: Row): string {
  const text = [r.seq, r.at_text, r.actor_id ?? '', r.table_name, r.record_id ?? '', r.action, r.event ?? '', r.before_text ?? '', r.after_text ?? '', r.prev_hash].join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export async function verifyAuditChain(ownerUrl: string): Promise<AuditVerification> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    let previousHash = GENESIS;
    let expectedSeq = 1n;
    let entries = 0;
    const fail = (seq: string, reason: string) => ({ ok: false, entries, firstBrokenSeq: seq, reason });
    for (;;) {
      const { rows } = await client.query<Row>(
        `SELECT seq::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at_text, actor_id::text, table_name,
           record_id, action, event, before::text AS before_text, after::text AS after_text, prev_hash, hash
         FROM audit.log WHERE log.seq >= $1 ORDER BY log.seq LIMIT ${BATCH}`,
        [expectedSeq.toString()],
      );
      for (const r of rows) {
        if (BigInt(r.seq) !== expectedSeq) return fail(expectedSeq.toString(), 'missing entry');
        if (r.prev_hash !== previousHash) return fail(r.seq, 'link to previous entry broken');
        if (entryHash(r) !== r.hash) return fail(r.seq, 'entry content changed');
        previousHash = r.hash;
        expectedSeq++;
        entries++;
      }
      if (rows.length < BATCH) break;
    }
    const head = (await client.query<{ seq: string; hash: string }>('SELECT seq::text, hash FROM audit.chain_head WHERE id = 1')).rows[0];
    if (!head || BigInt(head.seq) !== expectedSeq - 1n || head.hash !== previousHash) {
      return fail((expectedSeq - 1n).toString(), 'chain head does not match the last entry');
    }
    return { ok: true, entries, firstBrokenSeq: null, reason: null };
  } finally {
    await client.end();
  }
}
