/**
 * The registry import through the platform's import jobs: a good file (new and existing founders
 * and communes, headers in French or Arabic), broken rows (each refused with its column and a
 * message in the user's language, nothing written), matching of existing records, and the scope.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { uploaded, upload, waitForJob } from '../../../../platform/jobs/testing/helpers.ts';
import type { Job, Upload } from '../../../../platform/jobs/contract.ts';
import { createAssociation, createCommune, createInstitution } from '../../testing/factories.ts';
import { institutionImportFields } from './fields.ts';
import { importCsv, importHeaders, importXlsx, sampleRow, type SampleRow } from './sample.ts';
import { IMPORT_TARGET } from './target.ts';

let server: TestServer;
let dataDir: string;
let agadir: Session;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'raaya-registry-import-'));
  server = await startTestServer({ RAAYA_DATA_DIR: dataDir });
  agadir = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function run(session: Session, up: Upload, mode: 'validate' | 'commit'): Promise<Job> {
  const response = await session.post(`/api/imports/uploads/${up.id}/${mode}`, { mapping: up.mapping });
  expect(response.statusCode, response.body).toBe(202);
  return waitForJob(session, (response.json() as Job).id);
}

async function importRows(session: Session, rows: SampleRow[], lang: 'ar' | 'fr' = 'fr', as: 'xlsx' | 'csv' = 'xlsx') {
  const file = as === 'xlsx' ? await importXlsx(rows, lang) : importCsv(rows, lang);
  const up = await uploaded(session, IMPORT_TARGET, `liste.${as}`, file);
  const validated = await run(session, up, 'validate');
  return { up, validated };
}

type ErrorItem = { row: number; field: string; column: string; message: string; value: string };
const errorsOf = async (session: Session, job: Job) => ((await session.get(`/api/jobs/${job.id}/errors?limit=200`)).json() as { items: ErrorItem[] }).items;

const counts = async () => {
  const [row] = await server.owner<{ i: number; a: number; c: number; s: number }>(
    `SELECT (SELECT count(*)::int FROM registry.institutions) AS i, (SELECT count(*)::int FROM registry.associations) AS a,
            (SELECT count(*)::int FROM territory.communes) AS c, (SELECT count(*)::int FROM registry.institution_services) AS s`);
  return row!;
};

describe('a good file', () => {
  it('maps the French headers, validates, and writes institutions, founders, communes and services once each', async () => {
    const existingCommune = await createCommune(server, { province: '09.001', nameFr: `Aït Melloul Test ${Date.now()}`, nameAr: `أيت ملول ${Date.now()}` });
    const [commune] = await server.owner<{ name_fr: string }>('SELECT name_fr FROM territory.communes WHERE id = $1', [existingCommune.id]);
    const founder = await createAssociation(server, { communeId: existingCommune.id });
    const [receipt] = await server.owner<{ receipt_number: string }>('SELECT receipt_number FROM registry.associations WHERE id = $1', [founder.id]);
    const shared = sampleRow();
    const rows = [
      shared,
      // The same new founder (same receipt) and new commune: both made once.
      sampleRow({ associationNameAr: shared.associationNameAr, associationNameFr: shared.associationNameFr, associationReceiptNumber: shared.associationReceiptNumber, communeAr: shared.communeAr, communeFr: shared.communeFr, sexServed: 'Mixte', capacityBoys: '20', capacityGirls: '20', services: 'الإيواء، الإطعام', gps: '' }),
      // An existing commune named without accents and in capitals; an existing founder by its receipt number.
      sampleRow({ communeAr: '', communeFr: commune!.name_fr.toUpperCase().replace('Ï', 'I'), associationReceiptNumber: receipt!.receipt_number, legalCategory: 'elderly', centreType: '', feeMode: 'payant', sexServed: 'mixed', capacityBoys: '15', capacityGirls: '15' }),
    ];
    const before = await counts();
    const { up, validated } = await importRows(agadir, rows);
    expect(Object.keys(up.mapping).sort()).toEqual(institutionImportFields.map((f) => f.key).sort());
    expect(validated).toMatchObject({ state: 'succeeded', errorCount: 0 });
    expect(validated.result).toMatchObject({ rowCount: 3, validRowCount: 3 });
    expect(await counts()).toEqual(before); // validating writes nothing

    const committed = await run(agadir, up, 'commit');
    expect(committed).toMatchObject({ state: 'succeeded', errorCount: 0 });
    expect(committed.result).toMatchObject({ written: 3 });
    const after = await counts();
    expect(after.i - before.i).toBe(3);
    expect(after.a - before.a).toBe(1);
    expect(after.c - before.c).toBe(1);
    expect(after.s - before.s).toBe(3 + 2 + 3);

    const written = await server.owner<{ name_fr: string; association_id: string; commune_id: string; latitude: string | null; phone: string; fee_mode: string; capacity_total: number; address_fr: string; director_name_fr: string }>(
      'SELECT name_fr, association_id, commune_id, latitude, phone, fee_mode, capacity_total, address_fr, director_name_fr FROM registry.institutions WHERE name_fr = ANY($1) ORDER BY name_fr',
      [rows.map((r) => r.nameFr)]);
    const byName = new Map(written.map((w) => [w.name_fr, w]));
    expect(byName.get(rows[0]!.nameFr)).toMatchObject({ latitude: '30.420200', phone: '+212528223344', capacity_total: 60, address_fr: 'Hay Salam, Agadir', director_name_fr: 'Fatima Zahra Alaoui' });
    expect(byName.get(rows[1]!.nameFr)!.association_id).toBe(byName.get(rows[0]!.nameFr)!.association_id);
    expect(byName.get(rows[1]!.nameFr)!.commune_id).toBe(byName.get(rows[0]!.nameFr)!.commune_id);
    expect(byName.get(rows[2]!.nameFr)).toMatchObject({ association_id: founder.id, commune_id: existingCommune.id, fee_mode: 'paid' });

    // Through the app role: audited, with the importer as actor.
    const [audit] = await server.owner<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit.log WHERE table_name = 'registry.institutions' AND action = 'insert' AND actor_id = (SELECT id FROM access.users WHERE username = $1)", [(agadir as unknown as { username: string }).username]);
    expect(audit!.n).toBe(3);
  });

  it('recognises the Arabic headers of the Arabic template, in a CSV file', async () => {
    const { up, validated } = await importRows(agadir, [sampleRow({ area: 'حضري', mode: 'إقامة', sexServed: 'إناث' })], 'ar', 'csv');
    expect(Object.keys(up.mapping)).toHaveLength(institutionImportFields.length);
    expect(validated).toMatchObject({ state: 'succeeded', errorCount: 0 });
  });

  it('offers the template in both languages', async () => {
    for (const lang of ['ar', 'fr'] as const) {
      const response = await agadir.get(`/api/institutions/import/template.xlsx?lang=${lang}`);
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const header = (workbook.worksheets[0]!.getRow(1).values as string[]).slice(1);
      expect(header).toEqual(importHeaders(lang));
      expect(workbook.worksheets[0]!.rowCount).toBe(2);
      expect(workbook.worksheets[1]!.getRow(2).getCell(2).text).toBe(lang === 'ar' ? 'مؤسسات كفالة الأطفال المهملين' : 'Établissements de kafala des enfants abandonnés');
    }
    // The example row of each template imports as it is.
    for (const lang of ['ar', 'fr'] as const) {
      const file = (await agadir.get(`/api/institutions/import/template.xlsx?lang=${lang}`)).rawPayload;
      const up = await uploaded(agadir, IMPORT_TARGET, 'modele.xlsx', file);
      expect(await run(agadir, up, 'validate')).toMatchObject({ state: 'succeeded', errorCount: 0 });
    }
  });
});

describe('large files', () => {
  it('keeps its matching across batches of 1,000 rows: one founder and one commune for the whole file, duplicates found far apart', async () => {
    const first = sampleRow();
    const same = { associationNameAr: first.associationNameAr, associationNameFr: first.associationNameFr, associationReceiptNumber: first.associationReceiptNumber, communeAr: first.communeAr, communeFr: first.communeFr };
    const rows = [first, ...Array.from({ length: 1003 }, () => sampleRow(same))];
    const before = await counts();
    const { up, validated } = await importRows(agadir, [...rows, sampleRow({ ...same, nameAr: rows[3]!.nameAr })]);
    const errors = await errorsOf(agadir, validated);
    expect(errors.map((e) => ({ row: e.row, field: e.field, message: e.message }))).toEqual([{ row: 1006, field: 'nameAr', message: 'Cette valeur figure déjà à la ligne 5 du fichier.' }]);
    expect((await run(agadir, up, 'commit')).state).toBe('failed');
    expect(await counts()).toEqual(before);

    const good = await importRows(agadir, rows);
    expect(good.validated).toMatchObject({ state: 'succeeded', errorCount: 0 });
    expect(await run(agadir, good.up, 'commit')).toMatchObject({ state: 'succeeded', result: expect.objectContaining({ written: 1004 }) });
    const after = await counts();
    expect({ i: after.i - before.i, a: after.a - before.a, c: after.c - before.c }).toEqual({ i: 1004, a: 1, c: 1 });
  }, 120_000);
});

describe('broken rows', () => {
  it('reports every rejected row with its column and a message in French, and the commit writes nothing', async () => {
    const commune = await createCommune(server, { province: '09.001' });
    const [c] = await server.owner<{ name_ar: string; name_fr: string }>('SELECT name_ar, name_fr FROM territory.communes WHERE id = $1', [commune.id]);
    const existing = await createInstitution(server, { communeId: commune.id });
    const [e] = await server.owner<{ name_fr: string }>('SELECT name_fr FROM registry.institutions WHERE id = $1', [existing.id]);
    const good = sampleRow();
    const rib = good.associationRib;
    const wrongRib = rib.slice(0, 22) + (rib.endsWith('00') ? '01' : '00');
    const rows = [
      good, // row 2
      sampleRow({ associationRib: wrongRib }), // 3
      sampleRow({ gps: '48.85, 2.35' }), // 4: Paris
      sampleRow({ capacityGirls: '-5' }), // 5
      sampleRow({ feeMode: 'paid' }), // 6: schooled children may not charge
      sampleRow({ province: 'Atlantide' }), // 7
      sampleRow({ nameFr: good.nameFr.toUpperCase(), communeAr: good.communeAr, communeFr: good.communeFr }), // 8: same as row 2
      sampleRow({ nameFr: e!.name_fr.toLowerCase(), communeAr: c!.name_ar, communeFr: c!.name_fr }), // 9: already in the registry
      sampleRow({ communeAr: '', communeFr: 'Nulle Part' }), // 10: unknown commune, one name only
    ];
    const before = await counts();
    const { up, validated } = await importRows(agadir, rows);
    expect(validated).toMatchObject({ state: 'succeeded' });
    expect(validated.result).toMatchObject({ rowCount: 9, validRowCount: 1 });
    const errors = await errorsOf(agadir, validated);
    const at = (row: number) => errors.filter((x) => x.row === row).map((x) => ({ field: x.field, message: x.message }));
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([{ field: 'associationRib', message: 'La clé du RIB est incorrecte : vérifiez les chiffres.' }]);
    expect(at(4)).toEqual([{ field: 'gps', message: 'La position géographique est hors du Maroc.' }]);
    expect(at(5)).toEqual([{ field: 'capacityGirls', message: 'La valeur doit être au moins 0.' }]);
    expect(at(6)).toEqual([{ field: 'feeMode', message: expect.stringContaining("ne sont permis qu'aux établissements pour personnes âgées") }]);
    expect(at(7)).toEqual([{ field: 'province', message: expect.stringContaining('Préfecture ou province inconnue') }]);
    expect(at(8)).toEqual([{ field: 'nameFr', message: 'Cette valeur figure déjà à la ligne 2 du fichier.' }]);
    expect(at(9)).toEqual([{ field: 'nameFr', message: expect.stringContaining('Déjà au registre') }]);
    expect(at(10)).toEqual([{ field: 'communeFr', message: expect.stringContaining("Commune inconnue dans Agadir") }]);
    expect(errors.find((x) => x.row === 3)!.column).toBe("RIB de l'association");

    const committed = await run(agadir, up, 'commit');
    expect(committed.state).toBe('failed');
    expect(await counts()).toEqual(before);
  });

  it('answers in Arabic for an Arabic-speaking importer', async () => {
    const arabic = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'ar' });
    const { validated } = await importRows(arabic, [sampleRow({ province: 'Atlantide' })], 'ar');
    const [error] = await errorsOf(arabic, validated);
    expect(error).toMatchObject({ field: 'province', column: 'العمالة أو الإقليم' });
    expect(error!.message).toMatch(/عمالة أو إقليم غير معروف/);
  });
});

describe('scope', () => {
  it('rejects the rows of another delegation, which the region may import', async () => {
    const inezgane = sampleRow({ province: 'MA-INE' });
    const { validated } = await importRows(agadir, [inezgane, sampleRow()]);
    expect(validated, JSON.stringify(validated)).toMatchObject({ state: 'succeeded', errorCount: 1 });
    const errors = await errorsOf(agadir, validated);
    expect(errors.map((e) => ({ row: e.row, field: e.field }))).toEqual([{ row: 2, field: 'province' }]);
    expect(errors[0]!.message).toMatch(/pas dans votre périmètre/);

    const region = await signedIn(server, { role: 'regional_coordinator', scope: '09', language: 'fr' });
    const { up, validated: ok } = await importRows(region, [sampleRow({ province: 'Inezgane-Aït Melloul' })]);
    expect(ok).toMatchObject({ state: 'succeeded', errorCount: 0 });
    expect((await run(region, up, 'commit')).state).toBe('succeeded');
    const outside = await importRows(region, [sampleRow({ province: 'MA-FES' })]);
    expect((await errorsOf(region, outside.validated)).map((e) => e.field)).toEqual(['province']);
  });

  it('is refused to a role without the import right', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    expect((await upload(worker, IMPORT_TARGET, 'liste.xlsx', await importXlsx([sampleRow()]))).statusCode).toBe(403);
    expect((await worker.get('/api/institutions/import/template.xlsx')).statusCode).toBe(403);
  });
});
