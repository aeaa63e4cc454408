/** API contract of the "due and overdue" list. */
import { z } from 'zod';
import { PageQuery, Uuid, pageOf } from '../contract/common.ts';

export const DeadlineState = z.enum(['upcoming', 'due_today', 'overdue']);
export type DeadlineState = z.infer<typeof DeadlineState>;

export const Deadline = z.object({
  kind: z.string(),
  labelKey: z.string(),
  itemKey: z.string(),
  subjectId: Uuid,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  dueOn: z.string(),
  state: DeadlineState,
  /** Days from today to the due date (negative: overdue by that many days). */
  daysLeft: z.number().int(),
});
export type Deadline = z.infer<typeof Deadline>;

export const DeadlineQuery = PageQuery.extend({
  kind: z.string().regex(/^[a-z][a-z0-9_.]{1,62}$/, 'invalid_format').optional(),
  state: z.enum(['upcoming', 'overdue', 'due_today']).optional(),
  /** How far ahead upcoming deadlines are listed, in days. */
  horizon: z.coerce.number().int().min(0).max(366).default(60),
});
export type DeadlineQuery = z.infer<typeof DeadlineQuery>;
export const DeadlinePage = pageOf(Deadline);

export const DeadlineKinds = z.object({ items: z.array(z.object({ kind: z.string(), labelKey: z.string() })) });
