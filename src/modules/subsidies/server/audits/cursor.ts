/** Keyset cursors of the audits part's lists: "<sort key>|<uuid>", refused with a field error when malformed. */
import { invalidFields } from '../../../../server/errors.ts';

export interface DateCursor {
  day: string;
  id: string;
}

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const dayCursor = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})\\|(${uuid})$`);
const instantCursor = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z)\\|(${uuid})$`);

export function parseDateCursor(after: string | undefined): DateCursor | undefined {
  if (!after) return undefined;
  const match = dayCursor.exec(after);
  if (!match) throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
  return { day: match[1]!, id: match[2]! };
}

export function parseInstantCursor(after: string | undefined): { at: string; id: string } | undefined {
  if (!after) return undefined;
  const match = instantCursor.exec(after);
  if (!match) throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
  return { at: match[1]!, id: match[2]! };
}

/** The page's items and the cursor of its last one when more rows were found than asked for. */
export function page<T>(rows: T[], limit: number, keyOf: (last: T) => string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? keyOf(last) : null };
}
