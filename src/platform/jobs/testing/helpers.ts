/** Test support for jobs and imports: multipart uploads through inject, waiting for a job's end, spreadsheets. */
import ExcelJS from 'exceljs';
import type { Session } from '../../../server/testing/harness.ts';
import type { Job, Upload } from '../contract.ts';

export function multipart(fileName: string, content: Buffer, contentType: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----raaya${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(session: Session, target: string, fileName: string, content: Buffer) {
  const type = fileName.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const { payload, headers } = multipart(fileName, content, type);
  return session.request({ method: 'POST', url: `/api/imports/${target}/uploads`, payload, headers });
}

export async function uploaded(session: Session, target: string, fileName: string, content: Buffer): Promise<Upload> {
  const response = await upload(session, target, fileName, content);
  if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json() as Upload;
}

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

export async function waitForJob(session: Session, id: string, timeoutMs = 60_000, until: (job: Job) => boolean = (j) => FINISHED.has(j.state)): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await session.get(`/api/jobs/${id}`)).json() as Job;
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.state} (${job.progressDone}/${job.progressTotal})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const USER_HEADERS = ["Nom d'utilisateur", 'الاسم الكامل بالعربية', 'Nom complet', 'E-mail', 'Téléphone', 'Rôle', 'Périmètre', 'Langue'];

export function csv(rows: string[][]): Buffer {
  return Buffer.from([USER_HEADERS, ...rows].map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
}

export async function xlsx(rows: string[][], headers = USER_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Comptes');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A valid account row: username, names, e-mail, phone, role, scope, language. */
export const staffRow = (username: string, scope = '09.001', role = 'social_worker'): string[] => [username, 'أمينة الإدريسي', 'Amina Idrissi', `${username}@example.ma`, '+212 600 000000', role, scope, 'fr'];
