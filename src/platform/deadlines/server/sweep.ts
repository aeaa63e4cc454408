/**
 * The daily sweep: for every rule, the subjects due within its reminder lead (and all overdue
 * ones), and for each the stage reached today: a reminder, the due day, overdue. Notifications
 * carry a dedupe key per subject, due date and stage, so a sweep run twice notifies once, and a
 * renewed due date (a new expiry) starts afresh. Runs as the system at national scope.
 */
import { sql } from 'kysely';
import type { Database } from '../../../server/db/pool.ts';
import { queryBuilderOn } from '../../../server/db/pool.ts';
import type { Tx } from '../../../server/context.ts';
import { notify, usersCovering, type ScopeKeys } from '../../notifications/index.ts';
import { addDays, daysBetween } from './dates.ts';
import { dailyTasks } from './daily.ts';
import { deadlineRules, leadDays, stageKey, stageOf, type DeadlineRule } from './rules.ts';
import { subjectsOf } from './service.ts';

const BATCH = 500;

/** Runs `work` in one transaction as the system (no user) at national scope. */
export async function asSystem<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN; SELECT set_config('app.scope_level', 'nation', true), set_config('app.role', 'system', true)");
    const result = await work(queryBuilderOn(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function sweepRule(tx: Tx, rule: DeadlineRule, today: string, recipients: (keys: ScopeKeys) => Promise<string[]>): Promise<number> {
  let sent = 0;
  let cursor: { due: string; kind: string; id: string } | undefined;
  const range = { dueTo: addDays(today, leadDays(rule)) };
  for (;;) {
    const batch = await subjectsOf(tx, rule, today, range, cursor, BATCH);
    for (const { subject, due } of batch) {
      const stage = stageOf(rule, due, today);
      if (!stage) continue;
      const userIds = await recipients(subject.scope);
      if (userIds.length === 0) continue;
      const messageKey = stage.type === 'reminder' ? rule.messages.reminder : stage.type === 'due' ? rule.messages.due : rule.messages.overdue;
      await notify(tx, {
        userIds,
        kind: rule.kind,
        messageKey,
        params: { ...subject.params, date: due, days: Math.abs(daysBetween(today, due)) },
        link: subject.link,
        dedupeKey: `${rule.kind}:${subject.id}:${due}:${stageKey(stage)}`,
      });
      sent += userIds.length;
    }
    if (batch.length < BATCH) return sent;
    const last = batch[batch.length - 1]!;
    cursor = { due: last.due, kind: rule.kind, id: last.subject.id };
  }
}

/** Runs the modules' daily tasks, then sweeps every rule for `today` ('YYYY-MM-DD'); returns how many notifications were attempted. */
export async function runDeadlineSweep(db: Database, today: string): Promise<number> {
  return asSystem(db, async (tx) => {
    for (const task of dailyTasks()) await task.run(tx, today);
    // Recipients per scope, looked up once per distinct scope within the sweep.
    const byScope = new Map<string, Promise<string[]>>();
    let total = 0;
    for (const rule of deadlineRules()) {
      const recipients = (keys: ScopeKeys) => {
        const key = `${rule.kind}|${keys.regionId ?? ''}|${keys.delegationId ?? ''}|${keys.associationId ?? ''}|${keys.institutionId ?? ''}`;
        let found = byScope.get(key);
        if (!found) {
          found = usersCovering(tx, keys, rule.audience);
          byScope.set(key, found);
        }
        return found;
      };
      total += await sweepRule(tx, rule, today, recipients);
    }
    await tx
      .insertInto('deadlines.sweeps')
      .values({ day: today })
      .onConflict((oc) => oc.column('day').doUpdateSet({ started_at: sql`now()`, finished_at: null }))
      .execute();
    await tx.updateTable('deadlines.sweeps').set({ finished_at: sql`clock_timestamp()`, notifications: total }).where('day', '=', sql<Date>`${today}::date`).execute();
    return total;
  });
}

/**
 * Runs the sweep once a day: at start, then whenever the date in Morocco changes (checked every
 * hour). A day already swept (by this or another server) is skipped. Returns a stop function.
 * The integrator moves this onto the scheduled jobs once they exist.
 */
export function startDeadlineTimer(db: Database, today: () => string, log: (message: string) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const day = today();
      const done = await asSystem(db, (tx) => tx.selectFrom('deadlines.sweeps').select('day').where('day', '=', sql<Date>`${day}::date`).where('finished_at', 'is not', null).executeTakeFirst());
      if (!done) log(`deadline sweep ${day}: ${await runDeadlineSweep(db, day)} notifications`);
    } catch (error) {
      log(`deadline sweep failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 5_000);
  const hourly = setInterval(() => void tick(), 3_600_000);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
