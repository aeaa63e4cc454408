/**
 * Work a module needs done once a day, in the day's sweep, before the deadlines are read: facts
 * that depend on other modules' data and must be dated on the day they become true (a tranche's
 * conditions found met), not on the day someone happens to open the record.
 */
import type { Tx } from '../../../server/context.ts';

export interface DailyTask {
  /** 'subsidies.conditions_met'… A task registered twice under one key is replaced. */
  key: string;
  /** Runs as the system at national scope, in the sweep's transaction; `today` is 'YYYY-MM-DD'. */
  run(tx: Tx, today: string): Promise<void>;
}

const tasks = new Map<string, DailyTask>();

export function registerDailyTask(task: DailyTask): void {
  tasks.set(task.key, task);
}

export const dailyTasks = (): DailyTask[] => [...tasks.values()];
