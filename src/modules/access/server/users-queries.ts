/** SQL of user administration. Every query runs under the caller's row-level security. */
import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../../server/context.ts';
import type { AccessUsers } from '../../../server/db/schema.generated.ts';
import type { User, UserListQuery } from '../contract.ts';

type UserRow = Omit<Selectable<AccessUsers>, 'password_hash' | 'failed_logins' | 'locked_until' | 'password_changed_at'> & {
  scope_name_ar: string | null;
  scope_name_fr: string | null;
};

const NATION_AR = 'التعاون الوطني - الإدارة المركزية';
const NATION_FR = 'Entraide Nationale - Administration centrale';

function selectUsers(tx: Tx) {
  return tx
    .selectFrom('access.users as u')
    .leftJoin('organisation.delegations as d', 'd.id', 'u.delegation_id')
    .leftJoin('organisation.coordinations as c', (join) => join.onRef('c.region_id', '=', 'u.region_id').on('u.delegation_id', 'is', null))
    // Accounts at association or institution level are named after it (as access.act_as() does, 0052).
    .leftJoin('registry.institutions as i', 'i.id', 'u.institution_id')
    .leftJoin('registry.associations as a', (join) => join.onRef('a.id', '=', 'u.association_id').on('u.institution_id', 'is', null))
    .select([
      'u.id', 'u.username', 'u.full_name_ar', 'u.full_name_fr', 'u.email', 'u.phone', 'u.language', 'u.role', 'u.status',
      'u.scope_level', 'u.region_id', 'u.delegation_id', 'u.association_id', 'u.institution_id', 'u.last_login_at',
      'u.created_at', 'u.updated_at',
    ])
    .select((eb) => [
      eb.fn.coalesce('i.name_ar', 'a.name_ar', 'd.name_ar', 'c.name_ar').as('scope_name_ar'),
      eb.fn.coalesce('i.name_fr', 'a.name_fr', 'd.name_fr', 'c.name_fr').as('scope_name_fr'),
    ]);
}

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    fullNameAr: r.full_name_ar,
    fullNameFr: r.full_name_fr,
    email: r.email,
    phone: r.phone,
    language: r.language as User['language'],
    role: r.role as User['role'],
    status: r.status as User['status'],
    scope: {
      level: r.scope_level as User['scope']['level'],
      regionId: r.region_id,
      delegationId: r.delegation_id,
      associationId: r.association_id,
      institutionId: r.institution_id,
      nameAr: r.scope_name_ar ?? NATION_AR,
      nameFr: r.scope_name_fr ?? NATION_FR,
    },
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function findUser(tx: Tx, id: string): Promise<User | undefined> {
  const row = await selectUsers(tx).where('u.id', '=', id).executeTakeFirst();
  return row && toUser(row as UserRow);
}

/** Keyset page ordered by username (unique); the cursor is the last username of the page. */
export async function listUsers(tx: Tx, q: UserListQuery): Promise<{ items: User[]; nextCursor: string | null }> {
  let query = selectUsers(tx).orderBy('u.username').limit(q.limit + 1);
  if (q.after) query = query.where('u.username', '>', q.after);
  if (q.role) query = query.where('u.role', '=', q.role);
  if (q.status) query = query.where('u.status', '=', q.status);
  if (q.q) {
    const pattern = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`lower(u.username || ' ' || u.full_name_fr || ' ' || u.full_name_ar) LIKE ${pattern}`);
  }
  const rows = (await query.execute()) as UserRow[];
  const page = rows.slice(0, q.limit);
  return { items: page.map(toUser), nextCursor: rows.length > q.limit ? page[page.length - 1]!.username : null };
}
