/**
 * Jobs, imports and job-produced reports through the API, on the real database and the real
 * pg-boss queue: progress, cancel, survival across a restart, errors per row and column in both
 * languages, all-or-none commits, remembered mappings, the import's role and scope rules, report
 * files read back, and downloads only by the requester.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createDatabase } from '../../server/db/pool.ts';
import { login, signedIn, startTestServer, type TestServer } from '../../server/testing/harness.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { pdfPageRuns } from '../reports/testing/pdf-text.ts';
import type { Job, Upload } from './contract.ts';
import { csv, staffRow, upload, uploaded, waitForJob, xlsx } from './testing/helpers.ts';

let server: TestServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'raaya-jobs-test-'));
  server = await startTestServer({ RAAYA_DATA_DIR: dataDir });
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

const uid = () => Math.random().toString(36).slice(2, 9);
const countUsers = async (prefix: string) => Number((await server.owner<{ n: string }>('SELECT count(*) AS n FROM access.users WHERE username LIKE $1', [`${prefix}%`]))[0]!.n);

async function run(session: Awaited<ReturnType<typeof signedIn>>, up: Upload, mode: 'validate' | 'commit', mapping = up.mapping): Promise<Job> {
  const response = await session.post(`/api/imports/uploads/${up.id}/${mode}`, { mapping });
  expect(response.statusCode, response.body).toBe(202);
  return waitForJob(session, (response.json() as Job).id);
}

describe('import of staff accounts', () => {
  it('suggests the mapping from the headers, validates with progress, previews, then commits every row in one go', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const p = `ok${uid()}`;
    const rows = Array.from({ length: 2500 }, (_, i) => staffRow(`${p}${i}`));
    const up = await uploaded(delegate, 'users', 'comptes.xlsx', await xlsx(rows));
    expect(up.rowCount).toBe(2500);
    expect(up.remembered).toBe(false);
    expect(up.mapping).toEqual({ username: "Nom d'utilisateur", fullNameAr: 'الاسم الكامل بالعربية', fullNameFr: 'Nom complet', email: 'E-mail', phone: 'Téléphone', role: 'Rôle', scope: 'Périmètre', language: 'Langue' });

    const validated = await run(delegate, up, 'validate');
    expect(validated.error).toBeNull();
    expect(validated).toMatchObject({ state: 'succeeded', progressDone: 2500, progressTotal: 2500, errorCount: 0 });
    expect(validated.result).toMatchObject({ rowCount: 2500, validRowCount: 2500 });
    expect((validated.result!.preview as { username: string }[])[0]).toMatchObject({ row: 2, username: `${p}0` });
    expect(await countUsers(p)).toBe(0);

    const committed = await run(delegate, up, 'commit');
    expect(committed).toMatchObject({ state: 'succeeded', progressDone: 2500, progressTotal: 2500 });
    expect(await countUsers(p)).toBe(2500);
    const [account] = await server.owner<{ scope_level: string; delegation_id: string; region_id: string; password_hash: string }>(
      'SELECT scope_level, delegation_id, region_id, password_hash FROM access.users WHERE username = $1', [`${p}7`]);
    expect(account).toMatchObject({ scope_level: 'delegation', password_hash: '!imported:no-password' });
    // Imported accounts cannot sign in until an administrator sets a password.
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `${p}7`, password: '!imported:no-password' } })).statusCode).toBe(401);
    // Every row went through the audit trigger, attributed to the importer.
    const audit = await server.owner<{ n: string }>("SELECT count(*) AS n FROM audit.log WHERE table_name = 'access.users' AND action = 'insert' AND actor_id = $1", [delegate.id]);
    expect(Number(audit[0]!.n)).toBe(2500);
    expect(await verifyAuditChain(server.ownerUrl)).toMatchObject({ ok: true });
    // The importer is told, with a link to the job's page.
    const told = await server.owner<{ message_key: string; link: string }>('SELECT message_key, link FROM notifications.notifications WHERE user_id = $1 ORDER BY created_at', [delegate.id]);
    expect(told).toEqual([
      { message_key: 'jobs:notify.import_validate.succeeded', link: `/jobs/${validated.id}` },
      { message_key: 'jobs:notify.import_commit.succeeded', link: `/jobs/${committed.id}` },
    ]);
    // A second commit of the same file is refused.
    expect((await delegate.post(`/api/imports/uploads/${up.id}/commit`, { mapping: up.mapping })).statusCode).toBe(400);
  });

  it('a file with broken rows: errors per row and column in the user language, and nothing written', async () => {
    const p = `br${uid()}`;
    const file = csv([
      staffRow(`${p}1`),
      [`${p}2`, '', 'Sans nom arabe', 'pas-un-mail', '+212 600 000000', 'social_worker', '09.001', 'fr'],
      staffRow(`${p}1`),
      staffRow(`${p}4`, '99.999'),
      staffRow(`${p}5`),
    ]);
    for (const language of ['fr', 'ar'] as const) {
      const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language });
      const up = await uploaded(delegate, 'users', 'comptes.csv', file);
      const validated = await run(delegate, up, 'validate');
      expect(validated).toMatchObject({ state: 'succeeded', errorCount: 4 });
      expect(validated.result).toMatchObject({ rowCount: 5, validRowCount: 2 });
      const errors = (await delegate.get(`/api/jobs/${validated.id}/errors`)).json() as { items: { row: number; field: string; column: string; message: string }[] };
      const at = (row: number, field: string) => errors.items.find((e) => e.row === row && e.field === field);
      expect(at(3, 'email')).toBeDefined();
      if (language === 'fr') {
        expect(at(3, 'fullNameAr')).toMatchObject({ column: 'Nom complet en arabe', message: 'Ce champ est obligatoire.' });
        expect(at(3, 'email')?.message).toBe("L'adresse e-mail est incorrecte.");
        expect(at(4, 'username')?.message).toBe('Cette valeur figure déjà à la ligne 2 du fichier.');
        expect(at(5, 'scope')?.message).toMatch(/^Code inconnu/);
      } else {
        expect(at(3, 'fullNameAr')).toMatchObject({ column: 'الاسم الكامل بالعربية' });
        expect(at(3, 'fullNameAr')?.message).toMatch(/[\u0600-\u06FF]/);
        expect(at(4, 'username')?.message).toContain('السطر 2');
      }
      // The same errors as a spreadsheet, in the user's language.
      const sheetFile = await delegate.get(`/api/jobs/${validated.id}/errors.xlsx`);
      expect(sheetFile.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(sheetFile.rawPayload).buffer);
      const cells: string[] = [];
      book.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
      expect(cells).toContain(at(3, 'email')!.message);
      expect(cells).toContain(language === 'fr' ? "Erreurs de l'import" : 'أخطاء الاستيراد');
      const committed = await run(delegate, up, 'commit');
      expect(committed.state).toBe('failed');
      expect(committed.error).toEqual(language === 'fr' ? "Des lignes du fichier contiennent des erreurs : rien n'a été importé. Corrigez-les puis recommencez." : expect.stringMatching(/لم يتم استيراد أي شيء/));
      expect(await countUsers(p)).toBe(0);
    }
  });

  it('the importer grants only roles they could grant, inside their own scope; taken usernames are reported', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const p = `sc${uid()}`;
    const up = await uploaded(delegate, 'users', 'comptes.csv', csv([
      staffRow(`${p}1`, '09.273'), // a sibling delegation
      staffRow(`${p}2`, '09'), // the region above
      staffRow(`${p}3`, '09.001', 'system_admin'),
      staffRow(`${p}4`, '09.001', 'central_analyst'), // a national role at a delegation
      staffRow(delegate.username),
      staffRow(`${p}6`),
    ]));
    const validated = await run(delegate, up, 'validate');
    const errors = (await delegate.get(`/api/jobs/${validated.id}/errors`)).json() as { items: { row: number; field: string; message: string }[] };
    const brief = errors.items.map((e) => `${e.row}:${e.field}`);
    expect(brief).toEqual(['2:scope', '3:role', '3:scope', '4:role', '5:role', '6:username']);
    expect(errors.items[0]!.message).toBe('Le périmètre choisi est en dehors du vôtre.');
    expect(validated.result).toMatchObject({ validRowCount: 1 });
  });

  it('remembers the last mapping per user and target', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const headers = ['login', 'nom ar', 'nom fr', 'mail', 'tel', 'fonction', 'lieu', 'lng'];
    const file = await xlsx([staffRow(`mm${uid()}`)], headers);
    const first = await uploaded(delegate, 'users', 'a.xlsx', file);
    expect(first.remembered).toBe(false);
    const mapping = { username: 'login', fullNameAr: 'nom ar', fullNameFr: 'nom fr', email: 'mail', role: 'fonction', scope: 'lieu' };
    // A wrong mapping is refused with field errors (and not remembered).
    const bad = await delegate.post(`/api/imports/uploads/${first.id}/validate`, { mapping: { username: 'login', role: 'nope' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['mapping.role', 'mapping.fullNameAr', 'mapping.scope']));
    expect((await run(delegate, first, 'validate', mapping)).state).toBe('succeeded');
    const second = await uploaded(delegate, 'users', 'b.xlsx', file);
    expect(second).toMatchObject({ remembered: true, mapping });
    // Another user has their own memory.
    const other = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    expect((await uploaded(other, 'users', 'c.xlsx', file)).remembered).toBe(false);
  });

  it('refuses files that are not spreadsheets, and users without the permission', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const notXlsx = await upload(delegate, 'users', 'comptes.xlsx', Buffer.from('not a zip'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().errors[0].message).toMatch(/xlsx/);
    expect((await upload(delegate, 'users', 'comptes.pdf', Buffer.from('%PDF'))).statusCode).toBe(400);
    const social = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    expect((await upload(social, 'users', 'comptes.csv', csv([staffRow('x1')]))).statusCode).toBe(403);
  });

  it('all or none: a failure in the middle of the commit leaves zero rows written', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const p = `an${uid()}`;
    // A database failure on the 1,500th row, in the second batch of inserts.
    await server.owner(`CREATE FUNCTION public.fail_${p}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.username = '${p}1499' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await server.owner(`CREATE TRIGGER fail_${p} BEFORE INSERT ON access.users FOR EACH ROW EXECUTE FUNCTION public.fail_${p}()`);
    try {
      const up = await uploaded(delegate, 'users', 'comptes.csv', csv(Array.from({ length: 3000 }, (_, i) => staffRow(`${p}${i}`))));
      const committed = await run(delegate, up, 'commit');
      expect(committed.state).toBe('failed');
      expect(committed.error).toMatch(/rien n'a été écrit/);
      expect(await countUsers(p)).toBe(0);
    } finally {
      await server.owner(`DROP TRIGGER fail_${p} ON access.users`);
    }
  });
});

describe('job lifecycle', () => {
  it('a running import can be cancelled: it ends cancelled and writes nothing', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const p = `cx${uid()}`;
    // Slow inserts (2 ms a row) so the job is surely running when the user cancels.
    await server.owner(`CREATE FUNCTION public.slow_${p}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.username LIKE '${p}%' THEN PERFORM pg_sleep(0.002); END IF; RETURN NEW; END $$`);
    await server.owner(`CREATE TRIGGER slow_${p} BEFORE INSERT ON access.users FOR EACH ROW EXECUTE FUNCTION public.slow_${p}()`);
    try {
      const up = await uploaded(delegate, 'users', 'comptes.csv', csv(Array.from({ length: 6000 }, (_, i) => staffRow(`${p}${i}`))));
      const started = await delegate.post(`/api/imports/uploads/${up.id}/commit`, { mapping: up.mapping });
      const id = (started.json() as Job).id;
      // Progress is visible while the job's own transaction is still open.
      const midway = await waitForJob(delegate, id, 60_000, (j) => j.state === 'running' && (j.result === null) && j.progressDone >= 2000 && j.progressTotal === 6000 && j.startedAt !== null && j.finishedAt === null && j.progressDone < 6000);
      expect(midway.progressDone).toBeGreaterThanOrEqual(2000);
      const cancelled = await delegate.post(`/api/jobs/${id}/cancel`);
      expect(cancelled.json()).toMatchObject({ cancelRequested: true });
      const ended = await waitForJob(delegate, id);
      expect(ended.state).toBe('cancelled');
      expect(await countUsers(p)).toBe(0);
      // Someone else's job is invisible: 404 to read and to cancel.
      const other = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
      expect((await other.get(`/api/jobs/${id}`)).statusCode).toBe(404);
      expect((await other.post(`/api/jobs/${id}/cancel`)).statusCode).toBe(404);
    } finally {
      await server.owner(`DROP TRIGGER slow_${p} ON access.users`);
    }
  }, 60_000);

  it('queued jobs survive a restart: enqueued by a server without a worker, run by the next one', async () => {
    // A server that only enqueues (RAAYA_JOBS_WORKER=off) plays the server that stops.
    const stopping = await startTestServer({ RAAYA_DATA_DIR: dataDir, RAAYA_JOBS_WORKER: 'off' });
    const user = await signedIn(stopping, { role: 'provincial_delegate', scope: '09.001' });
    const queued = await user.post('/api/reports/users', { language: 'fr', format: 'xlsx' });
    expect(queued.statusCode).toBe(202);
    const id = (queued.json() as Job).id;
    // A second queued job is cancelled before the restart: it must never run.
    const dropped = (await user.post('/api/reports/users', { language: 'fr', format: 'xlsx' })).json() as Job;
    expect((await user.post(`/api/jobs/${dropped.id}/cancel`)).json()).toMatchObject({ state: 'cancelled' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(((await user.get(`/api/jobs/${id}`)).json() as Job).state).toBe('queued');
    await stopping.app.close();
    await stopping.db.destroy();

    // The restarted server on the same database, with its worker.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RAAYA_DATA_DIR: dataDir });
    const db = createDatabase(stopping.appUrl, 4);
    const restarted = await buildApp({ config, db });
    await restarted.ready();
    try {
      const again = await login({ ...stopping, app: restarted, db }, user.username);
      const done = await waitForJob(again, id);
      expect(done).toMatchObject({ state: 'succeeded', hasFile: true });
      expect(((await again.get(`/api/jobs/${dropped.id}`)).json() as Job).state).toBe('cancelled');
      const list = (await again.get('/api/jobs')).json() as { items: Job[] };
      expect(list.items.map((j) => j.id)).toEqual([dropped.id, id]);
    } finally {
      await restarted.close();
      await db.destroy();
      await stopping.close().catch(() => undefined);
    }
  });
});

describe('reports produced as jobs', () => {
  it('the user list as PDF in Arabic and XLSX in French, downloadable by its requester only', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const requestReport = async (language: 'ar' | 'fr', format: 'pdf' | 'xlsx') => {
      const response = await delegate.post('/api/reports/users', { language, format });
      expect(response.statusCode).toBe(202);
      return waitForJob(delegate, (response.json() as Job).id);
    };
    const pdfJob = await requestReport('ar', 'pdf');
    expect(pdfJob).toMatchObject({ state: 'succeeded', hasFile: true });
    const pdf = await delegate.get(`/api/jobs/${pdfJob.id}/file`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const runs = pdfPageRuns(pdf.rawPayload).flat();
    expect(runs).toContain(delegate.username);
    expect(runs).toContain('المستخدمين');

    const xlsxJob = await requestReport('fr', 'xlsx');
    const file = await delegate.get(`/api/jobs/${xlsxJob.id}/file`);
    expect(file.headers['content-disposition']).toMatch(/utilisateurs-\d{4}-\d{2}-\d{2}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file.rawPayload).buffer);
    const sheet = workbook.worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('Liste des utilisateurs');
    expect(texts).toContain(delegate.username);
    expect(texts).toContain('Délégué provincial');
    // The report lists only the requester's scope (row-level security inside the job).
    const sibling = await server.owner<{ username: string }>("SELECT username FROM access.users WHERE username = 'inezgane'");
    expect(texts).not.toContain(sibling[0]?.username ?? 'inezgane');

    // The organisation report: the requester's regions and delegations with their active accounts.
    const region = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const orgJob = (await region.post('/api/reports/organisation', { language: 'fr', format: 'xlsx' })).json() as Job;
    expect(await waitForJob(region, orgJob.id)).toMatchObject({ state: 'succeeded' });
    const orgBook = new ExcelJS.Workbook();
    await orgBook.xlsx.load(new Uint8Array((await region.get(`/api/jobs/${orgJob.id}/file`)).rawPayload).buffer);
    const orgRows: unknown[][] = [];
    orgBook.worksheets[0]!.eachRow((row) => orgRows.push((row.values as unknown[]).slice(1)));
    const codes = orgRows.map((r) => r[1]);
    expect(codes).toContain('09.001');
    expect(codes).not.toContain('03.001');
    const agadirRow = orgRows.find((r) => r[1] === '09.001')!;
    const [active] = await server.owner<{ n: string }>("SELECT count(*) AS n FROM access.users u JOIN organisation.delegations d ON d.id = u.delegation_id WHERE d.code = '09.001' AND u.status = 'active'");
    expect(Number(agadirRow[3])).toBe(Number(active!.n));

    const other = await signedIn(server, { role: 'system_admin' });
    expect((await other.get(`/api/jobs/${xlsxJob.id}/file`)).statusCode).toBe(404);
    expect((await other.get(`/api/jobs/${xlsxJob.id}/errors.xlsx`)).statusCode).toBe(404);
    const social = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    expect((await social.post('/api/reports/users', { language: 'fr', format: 'pdf' })).statusCode).toBe(403);
    await login(server, delegate.username);
  }, 120_000);
});
