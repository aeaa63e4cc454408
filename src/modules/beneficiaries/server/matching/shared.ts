/** Helpers the matching part's queries share: keyset cursors; person summaries come from ../person-summary.ts. */
import { invalidFields } from '../../../../server/errors.ts';

export { visibleSummaries } from '../person-summary.ts';

export const isoTime = (d: Date | string) => (typeof d === 'string' ? new Date(d).toISOString() : d.toISOString());

/** Keyset cursor over (created_at DESC, id DESC). */
export const encodeCursor = (createdAt: Date | string, id: string) => Buffer.from(`${isoTime(createdAt)}|${id}`).toString('base64url');
export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
  }
  return { createdAt, id };
}
