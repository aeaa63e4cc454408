/**
 * Demo jobs, produced for real on the first start of the embedded database: the Agadir delegate
 * (`agadir`) has a finished import of a few staff accounts, a checked import with row errors, and
 * a finished user-list report (PDF in Arabic). Files are generated into RAAYA_DATA_DIR like any
 * job's, and the jobs run through the same worker code as queued ones.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import type { ServerContext } from '../../server/context.ts';
import { runJob } from './server/runner.ts';
import { suggestMapping } from '../imports/uploads.ts';
import { importTarget } from '../imports/target.ts';

const HEADERS = ["Nom d'utilisateur", 'الاسم الكامل بالعربية', 'Nom complet', 'E-mail', 'Téléphone', 'Rôle', 'Périmètre', 'Langue'];

const GOOD = [
  ['agadir-sw1', 'سناء أيت الحاج', 'Sanae Ait El Haj', 'sanae.aitelhaj@example.ma', '+212 661 000001', 'social_worker', '09.001', 'ar'],
  ['agadir-sw2', 'رشيد بوزيد', 'Rachid Bouzid', 'rachid.bouzid@example.ma', '+212 661 000002', 'social_worker', '09.001', 'fr'],
  ['agadir-sw3', 'لطيفة الكرومي', 'Latifa El Kroumi', '', '', 'social_worker', '09.001', 'ar'],
  ['agadir-insp2', 'عبد الله أمغار', 'Abdellah Amghar', 'abdellah.amghar@example.ma', '', 'inspector', '09.001', 'ar'],
];

const BROKEN = [
  ['agadir-sw4', 'حسناء بلقاسم', 'Hasnaa Belkacem', 'hasnaa@example', '+212 661 000004', 'social_worker', '09.001', 'ar'],
  ['agadir-sw5', '', 'Karim Naciri', '', '', 'social_worker', '09.273', 'fr'],
  ['agadir-sw4', 'حسناء بلقاسم', 'Hasnaa Belkacem', '', '', 'system_admin', '09.001', 'ar'],
];

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Comptes');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function uploadFor(owner: pg.ClientBase, dataDir: string, userId: string, name: string, rows: string[][]): Promise<string> {
  const relative = path.join('imports', `demo-${name}`);
  await mkdir(path.join(dataDir, 'imports'), { recursive: true });
  await writeFile(path.join(dataDir, relative), await workbook(rows));
  const { rows: [upload] } = await owner.query<{ id: string }>(
    `INSERT INTO jobs.uploads (created_by, target, file_path, file_name, file_type, headers, row_count)
     VALUES ($1, 'users', $2, $3, 'xlsx', $4, $5) RETURNING id`,
    [userId, relative, name, JSON.stringify(HEADERS), rows.length],
  );
  return upload!.id;
}

async function job(owner: pg.ClientBase, userId: string, kind: string, params: Record<string, unknown>): Promise<string> {
  const { rows: [row] } = await owner.query<{ id: string }>(
    `INSERT INTO jobs.jobs (kind, params, created_by, region_id, delegation_id)
     SELECT $2, $3, u.id, u.region_id, u.delegation_id FROM access.users u WHERE u.id = $1 RETURNING id`,
    [userId, kind, JSON.stringify(params)],
  );
  return row!.id;
}

export async function seedDemoJobs(ctx: ServerContext, owner: pg.ClientBase): Promise<void> {
  const { rows: [agadir] } = await owner.query<{ id: string }>("SELECT id FROM access.users WHERE username = 'agadir'");
  if (!agadir) return;
  const mapping = suggestMapping(importTarget('users')!, HEADERS);
  const good = await uploadFor(owner, ctx.config.dataDir, agadir.id, 'comptes-agadir.xlsx', GOOD);
  await owner.query("INSERT INTO jobs.import_mappings (user_id, target, mapping) VALUES ($1, 'users', $2) ON CONFLICT DO NOTHING", [agadir.id, JSON.stringify(mapping)]);
  const jobs = [
    await job(owner, agadir.id, 'import.validate', { uploadId: good, mapping }),
    await job(owner, agadir.id, 'import.commit', { uploadId: good, mapping }),
    await job(owner, agadir.id, 'import.validate', { uploadId: await uploadFor(owner, ctx.config.dataDir, agadir.id, 'comptes-a-corriger.xlsx', BROKEN), mapping }),
    await job(owner, agadir.id, 'report', { report: 'users', language: 'ar', format: 'pdf' }),
  ];
  for (const id of jobs) await runJob(ctx, id);
}
