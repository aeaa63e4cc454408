/**
 * The registry's rules that live in the database (0051): checked as the application role with
 * direct SQL, so they hold whatever the API does.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, type TestServer } from '../../../server/testing/harness.ts';
import { ribIsValid, ribKey } from '../contract/values.ts';
import { createAssociation, createCommune, createInstitution, validRib } from '../testing/factories.ts';

let server: TestServer;
let app: pg.Client;
beforeAll(async () => {
  server = await startTestServer();
  app = new pg.Client({ connectionString: server.appUrl });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await server.close();
});

/** Runs statements in one transaction as the given account's context, then rolls back. */
async function asUser<T extends pg.QueryResultRow>(userId: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const [u] = await server.owner<{ role: string; scope_level: string; region_id: string | null; delegation_id: string | null; association_id: string | null; institution_id: string | null }>(
      'SELECT role, scope_level, region_id, delegation_id, association_id, institution_id FROM access.users WHERE id = $1', [userId]);
  await app.query('BEGIN');
  try {
    await app.query(
      `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true), set_config('app.scope_level', $3, true),
              set_config('app.region_id', coalesce($4, ''), true), set_config('app.delegation_id', coalesce($5, ''), true),
              set_config('app.association_id', coalesce($6, ''), true), set_config('app.institution_id', coalesce($7, ''), true)`,
      [userId, u!.role, u!.scope_level, u!.region_id, u!.delegation_id, u!.association_id, u!.institution_id]);
    return (await app.query<T>(sql, values)).rows;
  } finally {
    await app.query('ROLLBACK');
  }
}

describe('RIB', () => {
  it('accepts a number whose key makes it divisible by 97 and refuses a wrong key', () => {
    const first22 = '0077800001234567890123';
    const good = first22 + ribKey(first22);
    expect(ribIsValid(good)).toBe(true);
    const wrongKey = first22 + String((Number(ribKey(first22)) + 1) % 100).padStart(2, '0');
    expect(ribIsValid(wrongKey)).toBe(false);
    expect(ribIsValid('12345')).toBe(false);
  });

  it('is checked the same way by the database', async () => {
    const rib = validRib();
    // key + 1 is never congruent to the key modulo 97 (keys run from 01 to 97, and 97 ≡ 00).
    const wrongKey = String(Number(rib.slice(22)) + 1).padStart(2, '0');
    const [row] = await server.owner<{ good: boolean; bad: boolean }>(
      'SELECT registry.rib_is_valid($1) AS good, registry.rib_is_valid($2) AS bad', [rib, rib.slice(0, 22) + wrongKey]);
    expect(row).toEqual({ good: true, bad: false });
  });
});

describe('name folding', () => {
  it('unifies Arabic letter forms and diacritics, and Latin accents and case', async () => {
    const [row] = await server.owner<{ a: string; b: string; c: string; d: string }>(
      `SELECT app.fold_name('دَارُ الطّالِبَة إمي') a, app.fold_name('دار الطالبه امي') b, app.fold_name('Dar Él-Taliba  Aït') c, app.fold_name('dar el taliba ait') d`);
    expect(row!.a).toBe(row!.b);
    expect(row!.c).toBe(row!.d);
  });
});

describe('institutions in the database', () => {
  it('refuses a paid service outside elderly and disability institutions', async () => {
    const inst = await createInstitution(server, { legalCategory: 'schooled_children' });
    await expect(server.owner(`UPDATE registry.institutions SET fee_mode = 'paid' WHERE id = $1`, [inst.id]))
      .rejects.toMatchObject({ constraint: 'institutions_paid_only_elderly_disability' });
    // A centre outside the law's categories (no legal category) may not charge either.
    const centre = await createInstitution(server, { legalCategory: null, centreType: 'kindergarten' });
    await expect(server.owner(`UPDATE registry.institutions SET fee_mode = 'paid' WHERE id = $1`, [centre.id]))
      .rejects.toMatchObject({ constraint: 'institutions_paid_only_elderly_disability' });
    const elderly = await createInstitution(server, { legalCategory: 'elderly', centreType: 'elderly_home' });
    await server.owner(`UPDATE registry.institutions SET fee_mode = 'paid' WHERE id = $1`, [elderly.id]);
  });

  it('refuses a position outside Morocco, a negative capacity and a duplicate name in one commune', async () => {
    const inst = await createInstitution(server, { nameFr: 'Dar Taliba Al Amal', nameAr: 'دار الطالبة الأمل' });
    await expect(server.owner('UPDATE registry.institutions SET latitude = 48.85, longitude = 2.35 WHERE id = $1', [inst.id]))
      .rejects.toMatchObject({ constraint: 'institutions_position_in_morocco' });
    await expect(server.owner('UPDATE registry.institutions SET capacity_male = -1 WHERE id = $1', [inst.id]))
      .rejects.toMatchObject({ code: '23514' });
    await expect(createInstitution(server, { communeId: inst.communeId, nameFr: 'DAR TALIBA AL-AMAL', nameAr: 'مؤسسة أخرى' }))
      .rejects.toMatchObject({ constraint: 'institutions_commune_name_fr_key' });
    await expect(createInstitution(server, { communeId: inst.communeId, nameFr: 'Autre nom', nameAr: 'دار الطالبه الامل' }))
      .rejects.toMatchObject({ constraint: 'institutions_commune_name_ar_key' });
  });

  it('fills the scope keys from the commune and the founder', async () => {
    const inst = await createInstitution(server, { province: '09.273' });
    const [row] = await server.owner<{ delegation: string; region: string; association_ok: boolean }>(
      `SELECT d.code AS delegation, r.code AS region, i.association_id = $2 AS association_ok
       FROM registry.institutions i JOIN organisation.delegations d ON d.id = i.delegation_id JOIN territory.regions r ON r.id = i.region_id
       WHERE i.id = $1`, [inst.id, inst.associationId]);
    expect(row).toEqual({ delegation: '09.273', region: '09', association_ok: true });
  });
});

describe('scope of the registry', () => {
  it('shows a delegation its institutions only, and an association officer its own', async () => {
    const agadir = await createInstitution(server, { province: '09.001' });
    const inezgane = await createInstitution(server, { province: '09.273' });
    const delegate = await createUser(server, { role: 'provincial_delegate', scope: '09.001' });
    const seen = await asUser<{ id: string }>(delegate.id, 'SELECT id FROM registry.institutions WHERE id = ANY($1)', [[agadir.id, inezgane.id]]);
    expect(seen.map((r) => r.id)).toEqual([agadir.id]);

    const officer = await createUser(server, { role: 'association_officer', scope: { association: inezgane.associationId } });
    const own = await asUser<{ id: string }>(officer.id, 'SELECT id FROM registry.institutions WHERE id = ANY($1)', [[agadir.id, inezgane.id]]);
    expect(own.map((r) => r.id)).toEqual([inezgane.id]);
    const associations = await asUser<{ id: string }>(officer.id, 'SELECT id FROM registry.associations WHERE id = ANY($1)', [[agadir.associationId, inezgane.associationId]]);
    expect(associations.map((r) => r.id)).toEqual([inezgane.associationId]);
  });

  it('lets a delegation see the founder seated elsewhere of an institution it oversees, but not edit it', async () => {
    const founder = await createAssociation(server, { province: '09.273' });
    const communeInAgadir = await createCommune(server, { province: '09.001' });
    const inst = await createInstitution(server, { associationId: founder.id, communeId: communeInAgadir.id });
    const delegate = await createUser(server, { role: 'provincial_delegate', scope: '09.001' });
    expect(await asUser(delegate.id, 'SELECT id FROM registry.associations WHERE id = $1', [founder.id])).toHaveLength(1);
    expect(await asUser(delegate.id, `UPDATE registry.associations SET name_fr = 'x' WHERE id = $1 RETURNING id`, [founder.id])).toHaveLength(0);
    expect(await asUser(delegate.id, 'SELECT id FROM registry.institutions WHERE id = $1', [inst.id])).toHaveLength(1);
  });

  it('never lets the application role write the licensing state directly', async () => {
    const inst = await createInstitution(server);
    const admin = await createUser(server, { role: 'system_admin' });
    await expect(asUser(admin.id, `UPDATE registry.institutions SET status = 'authorised' WHERE id = $1`, [inst.id]))
      .rejects.toMatchObject({ code: '42501' });
  });
});
