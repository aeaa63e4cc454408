/**
 * Abuse protection of the public forms without third-party services (decision 0024): rate limits
 * per address counted in PostgreSQL (shared by every server), keyed by an HMAC of the address so
 * that no address is stored, and a signed timestamp in the form that tells a submission sent faster
 * than a person can type, or with a forged or stale form, from a real one.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { anonymous, type ServerContext } from '../../../../server/context.ts';

export type LimitedAction = 'request' | 'status';

/**
 * Posts per address and hour. Generous, because mobile operators put many phones behind one
 * address (carrier-grade NAT): the limit stops floods, not a family that corrects its form twice.
 */
export const RATE_LIMITS: Record<LimitedAction, { limit: number; windowSeconds: number }> = {
  request: { limit: 10, windowSeconds: 3600 },
  status: { limit: 30, windowSeconds: 3600 },
};

/** Nobody reads the form and types a name, a phone and a description in less than this. */
export const MIN_FILL_MS = 3000;
/** A form older than this was not just filled in: it was kept and replayed. */
export const MAX_FORM_AGE_MS = 6 * 3600 * 1000;

/** The form's hidden timestamp: when it was served, and a signature of that moment. */
export function signFormToken(secret: Buffer, issuedAtMs: number): string {
  const stamp = Math.trunc(issuedAtMs).toString(36);
  return `${stamp}.${createHmac('sha256', secret).update(`request-form:${stamp}`).digest('base64url').slice(0, 32)}`;
}

export type TokenVerdict = 'ok' | 'missing' | 'forged' | 'too_fast' | 'too_old';

export function checkFormToken(secret: Buffer, token: string | undefined, nowMs: number): TokenVerdict {
  if (!token) return 'missing';
  const match = /^([0-9a-z]{1,12})\.[A-Za-z0-9_-]{32}$/.exec(token);
  if (!match) return 'forged';
  const issuedAt = parseInt(match[1]!, 36);
  const expected = Buffer.from(signFormToken(secret, issuedAt));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged';
  const age = nowMs - issuedAt;
  if (age < MIN_FILL_MS) return 'too_fast';
  if (age > MAX_FORM_AGE_MS) return 'too_old';
  return 'ok';
}

/** What the abuse checks need from the server: its secret, and the shared counters. */
export interface Guard {
  secret(): Promise<Buffer>;
  /** Counts this post of the address; false when the address went over the action's limit. */
  allow(action: LimitedAction, address: string): Promise<boolean>;
}

export function createGuard(ctx: ServerContext): Guard {
  let secret: Promise<Buffer> | null = null;
  const load = (): Promise<Buffer> => {
    if (secret) return secret;
    const loading = anonymous(ctx, async (tx) => {
      const { rows } = await sql<{ secret: Buffer }>`SELECT directory.site_secret(${randomBytes(32)}) AS secret`.execute(tx);
      return rows[0]!.secret;
    });
    // A failed load (database away) is tried again by the next post rather than remembered.
    loading.catch(() => (secret = null));
    return (secret = loading);
  };
  return {
    secret: load,
    async allow(action, address) {
      const key = createHmac('sha256', await load()).update(`address:${address}`).digest().subarray(0, 20);
      const { limit, windowSeconds } = RATE_LIMITS[action];
      return anonymous(ctx, async (tx) => {
        const { rows } = await sql<{ allowed: boolean }>`SELECT directory.rate_limit_hit(${action}, ${key}, ${limit}, ${windowSeconds}) AS allowed`.execute(tx);
        return rows[0]!.allowed;
      });
    },
  };
}
