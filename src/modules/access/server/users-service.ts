/**
 * User administration rules. Scope containment is enforced by row-level security (an account
 * outside the administrator's scope can be neither seen nor written); the rules here add what
 * the database cannot know: which roles the administrator may grant, and at which levels.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../server/context.ts';
import { type FieldError, invalidFields, notFound } from '../../../server/errors.ts';
import type { CreateUserBody, ScopeTarget, UpdateUserBody, User } from '../contract.ts';
import { AccessError, accessError, FieldErrorKey } from '../errors.ts';
import { canGrantRole, roleScopeLevels, type Role, type ScopeLevel } from '../permissions.ts';
import { hashPassword } from './passwords.ts';
import { findUser } from './users-queries.ts';

interface ScopeKeys {
  scope_level: ScopeLevel;
  region_id: string | null;
  delegation_id: string | null;
  association_id: string | null;
  institution_id: string | null;
}

const none = { region_id: null, delegation_id: null, association_id: null, institution_id: null };

/**
 * Turns a scope target into the row's scope keys. The trigger access.fill_scope_keys() completes
 * them: a delegation's region; an association's region and delegation; an institution's region,
 * delegation and founder (0060), read under the administrator's row-level security.
 */
function scopeKeys(target: ScopeTarget): ScopeKeys {
  if (target.level !== 'nation' && !target.id) throw invalidFields({ path: 'scope.id', key: FieldErrorKey.scopeIdRequired });
  switch (target.level) {
    case 'nation':
      return { scope_level: 'nation', ...none };
    case 'region':
      return { scope_level: 'region', ...none, region_id: target.id };
    case 'delegation':
      return { scope_level: 'delegation', ...none, delegation_id: target.id };
    case 'association':
      return { scope_level: 'association', ...none, association_id: target.id };
    case 'institution':
      return { scope_level: 'institution', ...none, institution_id: target.id };
  }
}

/**
 * An association or institution must be one the administrator sees (row-level security), and
 * seated in its scope: a delegation sees the founders of its institutions seated elsewhere, but
 * their accounts belong to the seat's delegation (the users policy's WITH CHECK refuses them).
 */
async function checkRegistryTarget(tx: Tx, keys: ScopeKeys): Promise<void> {
  const visible =
    keys.scope_level === 'association'
      ? await tx.selectFrom('registry.associations').select('id').where('id', '=', keys.association_id!).executeTakeFirst()
      : keys.scope_level === 'institution'
        ? await tx.selectFrom('registry.institutions').select('id').where('id', '=', keys.institution_id!).executeTakeFirst()
        : { id: 'not a registry level' };
  if (!visible) throw invalidFields({ path: 'scope.id', key: FieldErrorKey.scopeOutside });
}

function checkRole(admin: CurrentUser, role: Role, level: ScopeLevel): FieldError[] {
  const errors: FieldError[] = [];
  if (!canGrantRole(admin.role, role)) errors.push({ path: 'role', key: FieldErrorKey.roleNotGrantable });
  else if (!roleScopeLevels[role].includes(level)) errors.push({ path: 'role', key: FieldErrorKey.roleNotAtLevel });
  return errors;
}

/** A row-level security refusal on write means the chosen scope lies outside the caller's. */
async function writeInScope<T>(tx: Tx, write: () => Promise<T>): Promise<T> {
  await sql`SAVEPOINT scope_write`.execute(tx);
  try {
    return await write();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42501') throw invalidFields({ path: 'scope', key: FieldErrorKey.scopeOutside });
    if (code === '23503') throw invalidFields({ path: 'scope.id', key: FieldErrorKey.scopeOutside });
    throw error;
  } finally {
    await sql`RELEASE SAVEPOINT scope_write`.execute(tx).catch(() => undefined);
  }
}

export async function createUser(tx: Tx, admin: CurrentUser, body: CreateUserBody): Promise<User> {
  const keys = scopeKeys(body.scope);
  const roleErrors = checkRole(admin, body.role, keys.scope_level);
  if (roleErrors.length) throw invalidFields(...roleErrors);
  await checkRegistryTarget(tx, keys);
  const taken = await sql<{ taken: boolean }>`SELECT EXISTS (SELECT 1 FROM access.login_lookup(${body.username})) AS taken`.execute(tx);
  if (taken.rows[0]?.taken) throw accessError(409, AccessError.usernameTaken, [{ path: 'username', key: 'access.fields.username_taken' }]);
  const passwordHash = await hashPassword(body.password);
  const inserted = await writeInScope(tx, () =>
    tx
      .insertInto('access.users')
      .values({
        username: body.username,
        password_hash: passwordHash,
        full_name_ar: body.fullNameAr,
        full_name_fr: body.fullNameFr,
        email: body.email,
        phone: body.phone,
        language: body.language,
        role: body.role,
        ...keys,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return (await findUser(tx, inserted.id))!;
}

/** The account, if the administrator may manage it: visible (scope) and not stronger (role). */
async function manageableUser(tx: Tx, admin: CurrentUser, id: string): Promise<User> {
  const user = await findUser(tx, id);
  if (!user) throw notFound();
  if (!canGrantRole(admin.role, user.role)) throw accessError(403, AccessError.userNotManageable);
  return user;
}

export async function updateUser(tx: Tx, admin: CurrentUser, id: string, body: UpdateUserBody): Promise<User> {
  const user = await manageableUser(tx, admin, id);
  const changesSelf = id === admin.id && (body.role !== undefined && body.role !== user.role || body.scope !== undefined || body.status === 'disabled');
  if (changesSelf) throw invalidFields({ path: body.role !== undefined ? 'role' : body.scope ? 'scope' : 'status', key: FieldErrorKey.cannotChangeSelf });
  const keys = body.scope ? scopeKeys(body.scope) : undefined;
  const role = body.role ?? user.role;
  const level = keys?.scope_level ?? user.scope.level;
  if (body.role !== undefined || keys) {
    const roleErrors = checkRole(admin, role, level);
    if (roleErrors.length) throw invalidFields(...roleErrors);
  }
  if (keys) await checkRegistryTarget(tx, keys);
  const values = {
    ...(body.fullNameAr !== undefined && { full_name_ar: body.fullNameAr }),
    ...(body.fullNameFr !== undefined && { full_name_fr: body.fullNameFr }),
    ...(body.email !== undefined && { email: body.email }),
    ...(body.phone !== undefined && { phone: body.phone }),
    ...(body.language !== undefined && { language: body.language }),
    ...(body.role !== undefined && { role: body.role }),
    ...(body.status !== undefined && { status: body.status }),
    ...keys,
  };
  if (Object.keys(values).length > 0) {
    const updated = await writeInScope(tx, () => tx.updateTable('access.users').set(values).where('id', '=', id).executeTakeFirst());
    if (updated.numUpdatedRows === 0n) throw notFound();
  }
  if (body.status === 'disabled' || keys) await sql`SELECT access.close_user_sessions(${id})`.execute(tx);
  return (await findUser(tx, id)) ?? Promise.reject(notFound());
}

export async function resetPassword(tx: Tx, admin: CurrentUser, id: string, newPassword: string): Promise<void> {
  await manageableUser(tx, admin, id);
  const passwordHash = await hashPassword(newPassword);
  await tx.updateTable('access.users').set({ password_hash: passwordHash, password_changed_at: new Date(), failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
  await sql`SELECT access.close_user_sessions(${id})`.execute(tx);
}

/** Only an account that was never used may be deleted; the others are disabled (history stays). */
export async function deleteUser(tx: Tx, admin: CurrentUser, id: string): Promise<void> {
  const user = await manageableUser(tx, admin, id);
  if (id === admin.id) throw invalidFields({ path: 'id', key: FieldErrorKey.cannotChangeSelf });
  if (user.lastLoginAt) throw accessError(409, AccessError.userHasHistory);
  const deleted = await tx.deleteFrom('access.users').where('id', '=', id).executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw notFound();
}

