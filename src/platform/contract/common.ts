/**
 * Building blocks shared by every module's API contract. The same schemas validate requests on
 * the server and forms in the web client, so types are inferred here and never written twice.
 */
import { z } from 'zod';

export const languages = ['ar', 'fr'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

export const Uuid = z.uuid();

/** A required, trimmed, bounded line of text; empty strings are refused. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: an empty string is treated as absent. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max).nullable());

/** Keyset paging: `after` is the opaque cursor returned as `nextCursor` by the previous page. */
export const PageQuery = z.strictObject({
  // Cursors carry the last row's sort key (a name of up to 250 Arabic letters, base64url) and id.
  after: z.string().max(1200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
