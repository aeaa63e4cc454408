/**
 * Beneficiaries benchmark (issue 6, Performance): on top of the demo, a generated national registry
 * (5,000 institutions) and generated beneficiaries (3,000,000 persons, 600,000 admissions a year
 * over 5 years, with their case files, requests, referrals and relatives), the latency of the
 * module's hot reads through HTTP, signed in as a delegation user (`agadir`, Agadir Ida-Outanane):
 *  - `POST /api/persons/match` (national duplicate search) with what a reception desk types:
 *    Arabic names and birth date, another Latin spelling and the birth year only, a CNIE;
 *  - `GET /api/persons?q=` in Arabic and in Latin letters, and the list without words;
 *  - `GET /api/cases/:id` (the case file and its timeline) of case files of the delegation;
 *  - `GET /api/institutions/:id/register` (a register page) of the delegation's busiest institution,
 *    first page, the page after following nextCursor 5 times, and last year's register.
 * Each case rotates over many different inputs (a cache of one answer would measure nothing):
 * 20 warm-up requests, then 200 timed ones, sequential on one keep-alive connection.
 */
import pg from 'pg';
import { generateNationalBeneficiaries, NATIONAL_BENEFICIARIES, type GeneratedBeneficiaries, type NationalBeneficiariesOptions } from '../src/modules/beneficiaries/db/demo/national.ts';
import { generateNationalRegistry } from '../src/modules/registry/db/demo/index.ts';
import type { ApiSession } from './jobs.ts';
import { BenchRouteError, summarise, type FailedPath, type Latency } from './latency.ts';
import { laterPagePath, NATIONAL } from './registry.ts';

/** Targets of issue 6 (p95 at the API). */
export const BENEFICIARY_TARGETS = { match: 50, search: 50, caseFile: 30, register: 30 } as const;

export type BeneficiaryGroup = keyof typeof BENEFICIARY_TARGETS;

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface BeneficiaryCase {
  group: BeneficiaryGroup;
  label: string;
  /** Rotated over, one after the other. */
  requests: BenchRequest[];
}

export interface BeneficiaryResult {
  case: BeneficiaryCase;
  latency: Latency | null;
  /** Rows in the first answer (candidates, items, timeline entries). */
  rows: number;
  error?: string;
}

export async function send(session: ApiSession, request: BenchRequest): Promise<Response> {
  return fetch(`${session.base}${request.path}`, {
    method: request.method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
}

/** Tries every request once; throws one error naming each that does not answer 200. */
export async function preflightRequests(session: ApiSession, requests: BenchRequest[]): Promise<void> {
  const failures: FailedPath[] = [];
  for (const request of requests) {
    const response = await send(session, request);
    const body = await response.text();
    if (response.status !== 200) failures.push({ path: `${request.method === 'POST' ? '(POST) ' : ''}${request.path}`, status: response.status, body });
  }
  if (failures.length) throw new BenchRouteError(failures);
}

export async function timeRequests(session: ApiSession, requests: BenchRequest[], options: { warmup?: number; requests?: number } = {}): Promise<Latency> {
  const { warmup = 20, requests: count = 200 } = options;
  const durations: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const request = requests[i % requests.length]!;
    const started = performance.now();
    const response = await send(session, request);
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new BenchRouteError([{ path: request.path, status: response.status, body: Buffer.from(body).toString('utf8') }]);
    if (i >= warmup) durations.push(ms);
  }
  return summarise(durations);
}

interface Sample {
  id: string;
  first_name_ar: string | null;
  last_name_ar: string | null;
  first_name_lat: string | null;
  last_name_lat: string | null;
  sex: 'male' | 'female';
  birth_date: string | null;
  cnie: string | null;
}

export interface BeneficiaryIds {
  persons: Sample[];
  caseIds: string[];
  institutionId: string;
  lastYear: number;
}

/**
 * Inputs drawn from the database as the owner: persons and case files of the Agadir delegation
 * (spread over it, not the first rows of an index), and its institution with the most admissions.
 */
export async function beneficiaryIds(ownerUrl: string, count = 60): Promise<BeneficiaryIds> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const agadir = `(SELECT id FROM organisation.delegations WHERE code = '09.001')`;
    // A spread of the whole table (by hash, not the first rows of an index); one scan, before the measurements.
    const { rows: persons } = await client.query<Sample>(
      `SELECT id, first_name_ar, last_name_ar, first_name_lat, last_name_lat, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, cnie
       FROM beneficiaries.persons WHERE first_name_ar IS NOT NULL AND first_name_lat IS NOT NULL AND birth_date IS NOT NULL AND merged_into IS NULL
       ORDER BY md5(id::text) LIMIT ${count}`);
    const { rows: cases } = await client.query<{ id: string }>(
      `SELECT id FROM beneficiaries.cases WHERE delegation_id = ${agadir} ORDER BY md5(id::text) LIMIT ${count * 4}`);
    const { rows: [institution] } = await client.query<{ id: string }>(
      `SELECT a.institution_id AS id FROM beneficiaries.admissions a WHERE a.delegation_id = ${agadir}
       GROUP BY a.institution_id ORDER BY count(*) DESC, a.institution_id LIMIT 1`);
    if (!institution || persons.length === 0 || cases.length === 0) throw new Error('beneficiaries bench: no persons, case files or admissions in Agadir (demo data missing?)');
    return { persons, caseIds: cases.map((c) => c.id), institutionId: institution.id, lastYear: new Date().getUTCFullYear() - 1 };
  } finally {
    await client.end();
  }
}

/** Another clerk's Latin spelling: doubled or dropped letters and vowels a matcher must see through. */
export function respell(name: string): string {
  const swaps: [RegExp, string][] = [[/ou/g, 'u'], [/mm/g, 'm'], [/ss/g, 's'], [/ch/g, 'sh'], [/^El /, 'El-'], [/ai/g, 'ay'], [/e/g, 'a']];
  for (const [from, to] of swaps) if (from.test(name)) return name.replace(from, to);
  return `${name}e`;
}

const query = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export function beneficiaryCases(ids: BeneficiaryIds): BeneficiaryCase[] {
  const { persons } = ids;
  const post = (body: unknown): BenchRequest => ({ method: 'POST', path: '/api/persons/match', body });
  const get = (path: string): BenchRequest => ({ method: 'GET', path });
  const withCnie = persons.filter((p) => p.cnie);
  return [
    { group: 'match', label: 'Arabic names, sex and birth date', requests: persons.map((p) => post({
      firstNameAr: p.first_name_ar, lastNameAr: p.last_name_ar, sex: p.sex, birthDate: p.birth_date })) },
    { group: 'match', label: 'Latin names spelled differently, birth year only', requests: persons.map((p) => post({
      firstNameLat: respell(p.first_name_lat!), lastNameLat: respell(p.last_name_lat!), sex: p.sex, birthDate: `${p.birth_date!.slice(0, 4)}-01-01` })) },
    { group: 'match', label: 'Arabic and Latin names, birth date', requests: persons.map((p) => post({
      firstNameAr: p.first_name_ar, lastNameAr: p.last_name_ar, firstNameLat: p.first_name_lat, lastNameLat: p.last_name_lat, sex: p.sex, birthDate: p.birth_date })) },
    ...(withCnie.length ? [{ group: 'match' as const, label: 'CNIE and names', requests: withCnie.map((p) => post({
      cnie: p.cnie, firstNameLat: p.first_name_lat, lastNameLat: p.last_name_lat })) }] : []),
    { group: 'search', label: 'Arabic full name', requests: persons.map((p) => get(`/api/persons?${query({ q: `${p.first_name_ar} ${p.last_name_ar}` })}`)) },
    { group: 'search', label: 'Latin full name', requests: persons.map((p) => get(`/api/persons?${query({ q: `${p.first_name_lat} ${p.last_name_lat}` })}`)) },
    { group: 'search', label: 'Latin family name only', requests: persons.map((p) => get(`/api/persons?${query({ q: p.last_name_lat! })}`)) },
    { group: 'search', label: 'Arabic family name only', requests: persons.map((p) => get(`/api/persons?${query({ q: p.last_name_ar! })}`)) },
    { group: 'search', label: 'the delegation\'s list, no words (first page)', requests: [get('/api/persons')] },
    { group: 'caseFile', label: 'case files of the delegation, with their timeline', requests: ids.caseIds.map((id) => get(`/api/cases/${id}`)) },
    { group: 'register', label: 'busiest institution of the delegation, first page', requests: [get(`/api/institutions/${ids.institutionId}/register`)] },
    { group: 'register', label: `same, register of ${ids.lastYear}`, requests: [get(`/api/institutions/${ids.institutionId}/register?${query({ year: ids.lastYear })}`)] },
  ];
}

async function rowsOf(session: ApiSession, request: BenchRequest): Promise<number> {
  const body = (await (await send(session, request)).json()) as Record<string, unknown> | unknown[];
  if (Array.isArray(body)) return body.length;
  for (const key of ['candidates', 'items', 'timeline']) if (Array.isArray(body[key])) return (body[key] as unknown[]).length;
  return 0;
}

export async function runBeneficiaryCases(session: ApiSession, cases: BeneficiaryCase[],
  options: { requests?: number; warmup?: number; log?: (line: string) => void; laterPage?: number } = {}): Promise<BeneficiaryResult[]> {
  await preflightRequests(session, cases.map((c) => c.requests[0]!));
  const all = [...cases];
  // The register's later page, reached by following nextCursor (when the register has that many pages).
  const register = cases.find((c) => c.group === 'register');
  if (register && options.laterPage) {
    const later = await laterPagePath(session, register.requests[0]!.path, options.laterPage);
    if (later.page > 1) all.splice(all.indexOf(register) + 1, 0, { group: 'register', label: `same, page ${later.page}`, requests: [{ method: 'GET', path: later.path }] });
  }
  const results: BeneficiaryResult[] = [];
  for (const c of all) {
    try {
      const latency = await timeRequests(session, c.requests, options);
      results.push({ case: c, latency, rows: await rowsOf(session, c.requests[0]!) });
      options.log?.(`[bench] beneficiaries ${c.group} ${c.label}: p95 ${latency.p95.toFixed(1)} ms`);
    } catch (error) {
      if (!(error instanceof BenchRouteError)) throw error;
      const failure = error.failures[0]!;
      results.push({ case: c, latency: null, rows: 0, error: `answered ${failure.status} ${failure.body.slice(0, 120)}` });
      options.log?.(`[bench] beneficiaries ${c.group} ${c.label}: FAILED ${error.message}`);
    }
  }
  return results;
}

/** The generator's options for a number of persons: a fifth of them admitted each year over 5 years (the national shape). */
export function beneficiaryOptions(persons: number): NationalBeneficiariesOptions {
  if (persons === NATIONAL_BENEFICIARIES.persons) return NATIONAL_BENEFICIARIES;
  return { ...NATIONAL_BENEFICIARIES, persons, admissionsPerYear: Math.round((persons * NATIONAL_BENEFICIARIES.admissionsPerYear) / NATIONAL_BENEFICIARIES.persons) };
}

/** Generates the national registry and beneficiaries into the running server's database; then VACUUM ANALYZE. */
export async function generateBeneficiaries(ownerUrl: string, options: NationalBeneficiariesOptions = NATIONAL_BENEFICIARIES,
  registry: { institutions: number; associations: number } = NATIONAL): Promise<{ ms: number; generated: GeneratedBeneficiaries }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    await generateNationalRegistry(client, registry);
    const generated = await generateNationalBeneficiaries(client, { log: console.log, ...options });
    await client.query('COMMIT');
    const ms = performance.now() - started;
    // A settled database, as in production (an autovacuum of millions of new rows would share the cores during measurements).
    await client.query('VACUUM ANALYZE');
    return { ms, generated };
  } finally {
    await client.end();
  }
}

const fmt = (value: number) => value.toFixed(1);
const groupTitles: Record<BeneficiaryGroup, string> = {
  match: 'National duplicate search `POST /api/persons/match`',
  search: 'Person search `GET /api/persons?q=…`',
  caseFile: 'Case file with its timeline `GET /api/cases/:id`',
  register: 'Institution register page `GET /api/institutions/:id/register`',
};

export const BENEFICIARIES_TITLE = '## Beneficiaries (issue 6)';

/** The "Beneficiaries (issue 6)" section of docs/benchmarks.md. */
export function beneficiariesSection(results: BeneficiaryResult[], meta: { command: string; generatedMs: number; generated: GeneratedBeneficiaries; totals: Record<string, number>; when: Date; reused?: boolean }): string[] {
  const n = (value: number) => value.toLocaleString('en');
  const lines = [
    BENEFICIARIES_TITLE,
    '',
    `Produced by \`${meta.command}\` on ${meta.when.toISOString().slice(0, 16).replace('T', ' ')} UTC. Data: the demo, a generated national registry`,
    `(${n(NATIONAL.institutions)} institutions) and generated beneficiaries (\`generateNationalBeneficiaries\`, src/modules/beneficiaries/db/demo/national.ts):`,
    `${n(meta.generated.persons)} persons, ${n(meta.generated.admissions)} admissions over ${NATIONAL_BENEFICIARIES.years} years in ${n(meta.generated.institutions)} authorised institutions`,
    `(${n(meta.generated.openAdmissions)} still open), ${n(meta.generated.cases)} case files, ${n(meta.generated.requests)} requests, ${n(meta.generated.referrals)} referrals,`,
    `${n(meta.generated.relatives)} relatives; in the database in all: ${Object.entries(meta.totals).map(([k, v]) => `${n(v)} ${k}`).join(', ')}.`,
    `Generated in ${(meta.generatedMs / 1000).toFixed(1)} s (registry and beneficiaries, set-based SQL as the owner, user triggers off for the load)${
      meta.reused ? '; generated by an earlier run into the kept data directory (`--data`), then this code\'s migrations applied on it and `ANALYZE`' : ''}.`,
    '',
    'After `VACUUM ANALYZE` of the whole database, signed in as `agadir` (Agadir Ida-Outanane delegation), each case rotates',
    'over different inputs drawn from the data (persons spread over the whole country, case files of the delegation):',
    '20 warm-up requests, then 200 sequential requests on one keep-alive connection, timed at the client (HTTP on the',
    'loopback interface included), each in its own scoped transaction with row-level security.',
    'How these reads are served, what the plans showed and how the figures moved from run to run:',
    'docs/decisions/0022-beneficiaries-at-national-scale.md and 0031-person-search-keys-per-scope.md.',
    '',
  ];
  for (const group of ['match', 'search', 'caseFile', 'register'] as const) {
    const rows = results.filter((r) => r.case.group === group);
    if (!rows.length) continue;
    lines.push(`### ${groupTitles[group]}`, '', '| case | inputs | rows (first) | p50 | p95 | p99 | target (p95) |', '|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const target = BENEFICIARY_TARGETS[group];
      if (!r.latency) {
        lines.push(`| ${r.case.label} | ${r.case.requests.length} | — | — | — | — | not measured ✗: ${r.error?.replace(/\|/g, '\\|').replace(/\s+/g, ' ')} |`);
        continue;
      }
      lines.push(`| ${r.case.label} | ${r.case.requests.length} | ${r.rows} | ${fmt(r.latency.p50)} ms | ${fmt(r.latency.p95)} ms | ${fmt(r.latency.p99)} ms | ≤ ${target} ms ${r.latency.p95 <= target ? '✓' : '✗'} |`);
    }
    lines.push('');
  }
  return lines;
}

/** Replaces one "## " section of an existing benchmarks file (or appends it), keeping the others. */
export function withSection(existing: string, title: string, section: string[]): string {
  const start = existing.indexOf(title);
  if (start < 0) return `${existing.trimEnd()}\n\n${section.join('\n')}`;
  const next = existing.indexOf('\n## ', start + 1);
  return `${existing.slice(0, start)}${section.join('\n')}${next < 0 ? '' : `\n${existing.slice(next + 1)}`}`;
}

export async function databaseTotals(ownerUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows: [totals] } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM beneficiaries.persons)::int AS persons, (SELECT count(*) FROM beneficiaries.cases)::int AS "case files",
         (SELECT count(*) FROM beneficiaries.admissions)::int AS admissions, (SELECT count(*) FROM registry.institutions)::int AS institutions`);
    return totals!;
  } finally {
    await client.end();
  }
}
