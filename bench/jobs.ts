/**
 * Benchmarks of issue 4 items 5–7: a 100,000-row import of staff accounts (.xlsx and .csv)
 * through the API and the job queue, end to end (upload, validation job, commit job), and a
 * 50-page Arabic PDF report produced as a job; with the server's peak memory while they run.
 */
import { createWriteStream } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';

const HEADERS = ["Nom d'utilisateur", 'الاسم الكامل بالعربية', 'Nom complet', 'E-mail', 'Téléphone', 'Rôle', 'Périmètre', 'Langue'];

function row(prefix: string, i: number): string[] {
  return [`${prefix}${i}`, `موظفة مستوردة ${i}`, `Agente importée ${i}`, `${prefix}${i}@example.ma`, `+212 6${String(i).padStart(8, '0')}`, 'social_worker', '09.001', i % 3 === 0 ? 'fr' : 'ar'];
}

export async function writeCsv(file: string, prefix: string, rows: number): Promise<void> {
  const lines = [HEADERS.join(',')];
  for (let i = 1; i <= rows; i++) lines.push(row(prefix, i).join(','));
  await writeFile(file, lines.join('\n'));
}

export async function writeXlsx(file: string, prefix: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Comptes');
  sheet.addRow(HEADERS).commit();
  for (let i = 1; i <= rows; i++) sheet.addRow(row(prefix, i)).commit();
  sheet.commit();
  await workbook.commit();
}

/**
 * Memory of a process tree, sampled: peak resident memory (RSS) of the Node server, and peak
 * proportional memory (PSS: each shared page divided among the processes sharing it) of Chromium
 * and of PostgreSQL summed over their processes, which RSS sums would count several times.
 */
async function pssKb(pid: number): Promise<number> {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // the process ended meanwhile
  }
}

const pssSum = async (processes: { pid: number }[]): Promise<number> =>
  (await Promise.all(processes.map((p) => pssKb(p.pid)))).reduce((sum, kb) => sum + kb, 0);

export class MemorySampler {
  peaks = { server: 0, chromium: 0, postgres: 0 };
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly rootPid: number) {}

  private async tree(): Promise<{ pid: number; comm: string; rssKb: number }[]> {
    const children = new Map<number, number[]>();
    const info = new Map<number, { comm: string; rssKb: number }>();
    for (const name of await readdir('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const status = await readFile(`/proc/${name}/status`, 'utf8');
        const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
        const comm = /Name:\s+(.+)/.exec(status)?.[1] ?? '';
        const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        info.set(Number(name), { comm, rssKb });
        children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      } catch {
        // the process ended meanwhile
      }
    }
    const out: { pid: number; comm: string; rssKb: number }[] = [];
    const walk = (pid: number) => {
      for (const child of children.get(pid) ?? []) {
        out.push({ pid: child, ...info.get(child)! });
        walk(child);
      }
    };
    walk(this.rootPid);
    return out;
  }

  async sample(): Promise<void> {
    const processes = await this.tree();
    // The server is the largest node process of the tree (npm and tsx's launcher are small).
    const server = Math.max(0, ...processes.filter((p) => p.comm === 'node').map((p) => p.rssKb));
    const chromium = await pssSum(processes.filter((p) => /chrom|headless/i.test(p.comm)));
    const postgres = await pssSum(processes.filter((p) => p.comm === 'postgres'));
    this.peaks.server = Math.max(this.peaks.server, server);
    this.peaks.chromium = Math.max(this.peaks.chromium, chromium);
    this.peaks.postgres = Math.max(this.peaks.postgres, postgres);
  }

  start(): void {
    this.peaks = { server: 0, chromium: 0, postgres: 0 };
    this.timer = setInterval(() => void this.sample(), 100);
  }

  stop(): typeof this.peaks {
    clearInterval(this.timer);
    return { ...this.peaks };
  }
}

export interface ApiSession {
  base: string;
  cookie: string;
  csrf: string;
}

export async function signIn(base: string, username: string, password: string): Promise<ApiSession> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('raaya_session='))!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { base, cookie, csrf: csrfToken };
}

async function call<T>(s: ApiSession, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${s.base}${url}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body instanceof FormData ? {} : body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body instanceof FormData ? body : body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface JobView {
  id: string;
  state: string;
  progressDone: number;
  progressTotal: number | null;
  error: string | null;
  result: Record<string, unknown> | null;
}

async function waitFor(s: ApiSession, id: string): Promise<JobView> {
  for (;;) {
    const job = await call<JobView>(s, 'GET', `/api/jobs/${id}`);
    if (['succeeded', 'failed', 'cancelled'].includes(job.state)) {
      if (job.state !== 'succeeded') throw new Error(`job ${id} ${job.state}: ${job.error}`);
      return job;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ImportTimings {
  uploadMs: number;
  validateMs: number;
  commitMs: number;
  totalMs: number;
  rows: number;
}

/** Upload, validation job, commit job: what the wizard does, timed end to end. */
export async function timeImport(s: ApiSession, file: string): Promise<ImportTimings> {
  const t0 = performance.now();
  const form = new FormData();
  form.append('file', new Blob([await readFile(file)]), path.basename(file));
  const upload = await call<{ id: string; mapping: Record<string, string>; rowCount: number }>(s, 'POST', '/api/imports/users/uploads', form);
  const t1 = performance.now();
  const validation = await call<JobView>(s, 'POST', `/api/imports/uploads/${upload.id}/validate`, { mapping: upload.mapping });
  const validated = await waitFor(s, validation.id);
  if (validated.result?.errorCount !== 0) throw new Error(`validation found errors: ${JSON.stringify(validated.result).slice(0, 300)}`);
  const t2 = performance.now();
  const commit = await call<JobView>(s, 'POST', `/api/imports/uploads/${upload.id}/commit`, { mapping: upload.mapping });
  await waitFor(s, commit.id);
  const t3 = performance.now();
  return { uploadMs: t1 - t0, validateMs: t2 - t1, commitMs: t3 - t2, totalMs: t3 - t0, rows: upload.rowCount };
}

/** Requests a report and waits for its file; returns the time and the PDF's page count. */
export async function timeReport(s: ApiSession, language: 'ar' | 'fr', format: 'pdf' | 'xlsx'): Promise<{ ms: number; pages: number; bytes: number }> {
  const t0 = performance.now();
  const job = await call<JobView>(s, 'POST', '/api/reports/users', { language, format });
  await waitFor(s, job.id);
  const ms = performance.now() - t0;
  const file = Buffer.from(await (await fetch(`${s.base}/api/jobs/${job.id}/file`, { headers: { cookie: s.cookie } })).arrayBuffer());
  const pages = (file.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  return { ms, pages, bytes: file.length };
}
