/**
 * First real use of imports: staff accounts. One row per account: username, full names in Arabic
 * and French, e-mail, phone, role (its code), scope ("nation", a region code "09" or a delegation
 * code "09.001") and interface language. The importer may grant only the roles they could grant
 * one by one, and only inside their own scope (the same rules as the user form; row-level security
 * checks the scope again on insert).
 *
 * Imported accounts get no usable password: the stored hash is a marker that no argon2 check ever
 * accepts, so nobody can sign in with them until an administrator sets a password (the existing
 * "reset password" action), which also keeps 100,000 imports free of 100,000 argon2 hashings.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { CurrentUser, Tx } from '../../../server/context.ts';
import { Language, optionalText, text } from '../../../platform/contract/common.ts';
import type { RowError } from '../../../platform/jobs/server/kinds.ts';
import { defineImportTarget, type ParsedRow } from '../../../platform/imports/target.ts';
import { Email, Phone, Username } from '../contract.ts';
import { FieldErrorKey } from '../errors.ts';
import { canGrantRole, roleScopeLevels, roles, type Role, type ScopeLevel } from '../permissions.ts';

/** Never a valid argon2 encoding: verification fails, so the account cannot sign in yet. */
export const NO_PASSWORD = '!imported:no-password';
const BATCH = 1000;

const ScopeCode = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .regex(/^(nation|[0-9]{2}|[0-9]{2}\.[0-9]{3})$/, { error: 'imports.errors.scope_unknown' });

const RoleCode = z.string().trim().toLowerCase().min(1).pipe(z.enum(roles, { error: 'imports.errors.role_unknown' }));

const field = (key: string, labelAr: string, labelFr: string, required: boolean, schema: z.ZodType, aliases: string[] = []) => ({ key, labelAr, labelFr, required, schema, aliases });

interface Place {
  level: ScopeLevel;
  regionId: string | null;
  delegationId: string | null;
}

const placesOfJob = new WeakMap<Tx, Promise<Map<string, Place>>>();

/** Codes of the nation, regions and delegations, read once per job. */
function places(tx: Tx): Promise<Map<string, Place>> {
  let found = placesOfJob.get(tx);
  if (!found) {
    found = readPlaces(tx);
    placesOfJob.set(tx, found);
  }
  return found;
}

async function readPlaces(tx: Tx): Promise<Map<string, Place>> {
  const map = new Map<string, Place>([['nation', { level: 'nation', regionId: null, delegationId: null }]]);
  for (const r of await tx.selectFrom('territory.regions').select(['id', 'code']).execute()) map.set(r.code, { level: 'region', regionId: r.id, delegationId: null });
  for (const d of await tx.selectFrom('organisation.delegations').select(['id', 'code', 'region_id']).execute()) map.set(d.code, { level: 'delegation', regionId: d.region_id, delegationId: d.id });
  return map;
}

function insideScope(importer: CurrentUser, place: Place): boolean {
  switch (importer.scope.level) {
    case 'nation':
      return true;
    case 'region':
      return place.regionId === importer.scope.regionId;
    case 'delegation':
      return place.level === 'delegation' && place.delegationId === importer.scope.delegationId;
    default:
      return false;
  }
}

function checkRow(importer: CurrentUser, row: ParsedRow, where: Map<string, Place>): RowError[] {
  const v = row.values as { role: Role; scope: string };
  const place = where.get(v.scope);
  if (!place) return [{ row: row.row, field: 'scope', key: 'imports.errors.scope_unknown', value: v.scope }];
  const errors: RowError[] = [];
  if (!canGrantRole(importer.role, v.role)) errors.push({ row: row.row, field: 'role', key: FieldErrorKey.roleNotGrantable, value: v.role });
  else if (!roleScopeLevels[v.role].includes(place.level)) errors.push({ row: row.row, field: 'role', key: FieldErrorKey.roleNotAtLevel, value: v.role });
  if (!insideScope(importer, place)) errors.push({ row: row.row, field: 'scope', key: FieldErrorKey.scopeOutside, value: v.scope });
  return errors;
}

defineImportTarget({
  name: 'users',
  permission: 'users.manage',
  uniqueKey: 'username',
  fields: [
    field('username', 'اسم المستخدم', "Nom d'utilisateur", true, Username, ['login', 'identifiant', 'utilisateur']),
    field('fullNameAr', 'الاسم الكامل بالعربية', 'Nom complet en arabe', true, text(120), ['nom arabe', 'الاسم الكامل', 'الاسم']),
    field('fullNameFr', 'الاسم الكامل بالفرنسية', 'Nom complet en français', true, text(120), ['nom complet', 'nom', 'nom français', 'full name']),
    field('email', 'البريد الإلكتروني', 'Adresse électronique', false, optionalText(200).pipe(Email.nullable()), ['email', 'e-mail', 'courriel', 'mail']),
    field('phone', 'الهاتف', 'Téléphone', false, optionalText(20).pipe(Phone.nullable()), ['tel', 'téléphone', 'gsm']),
    field('role', 'الدور', 'Rôle', true, RoleCode, ['role', 'الدور']),
    field('scope', 'النطاق', 'Périmètre', true, ScopeCode, ['scope', 'périmètre', 'code', 'délégation', 'المندوبية']),
    field('language', 'اللغة', 'Langue', false, z.preprocess((v) => (v === '' ? 'ar' : typeof v === 'string' ? v.trim().toLowerCase() : v), Language), ['langue', 'lang', 'اللغة']),
  ],

  async check(tx, importer, rows) {
    const where = await places(tx);
    const errors: RowError[] = [];
    for (const row of rows) errors.push(...checkRow(importer, row, where));
    const rowOf = new Map(rows.map((r) => [r.values.username as string, r.row]));
    const names = [...rowOf.keys()];
    for (let i = 0; i < names.length; i += 10_000) {
      const taken = await sql<{ u: string }>`SELECT u FROM access.taken_usernames(${names.slice(i, i + 10_000)}::text[]) u`.execute(tx);
      for (const { u } of taken.rows) errors.push({ row: rowOf.get(u)!, field: 'username', key: 'access.fields.username_taken', value: u });
    }
    return errors;
  },

  async insert(tx, _importer, rows) {
    const where = await places(tx);
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH).map((r) => r.values as Record<string, string | null>);
      const col = (key: string) => batch.map((v) => v[key] ?? null);
      const place = batch.map((v) => where.get(v.scope!)!);
      // One multi-row INSERT per batch (unnest of column arrays): every row passes the constraints
      // and the row-level security WITH CHECK; the audit trigger writes its entries per statement.
      await sql`INSERT INTO access.users (username, password_hash, full_name_ar, full_name_fr, email, phone, language, role, scope_level, region_id, delegation_id)
        SELECT u.username, ${NO_PASSWORD}, u.ar, u.fr, u.email, u.phone, u.lang, u.role, u.lvl, u.region, u.delegation
        FROM unnest(${col('username')}::text[], ${col('fullNameAr')}::text[], ${col('fullNameFr')}::text[], ${col('email')}::text[],
          ${col('phone')}::text[], ${col('language')}::text[], ${col('role')}::text[], ${place.map((p) => p.level)}::text[],
          ${place.map((p) => p.regionId)}::uuid[], ${place.map((p) => p.delegationId)}::uuid[])
          AS u(username, ar, fr, email, phone, lang, role, lvl, region, delegation)`.execute(tx);
    }
  },
});
