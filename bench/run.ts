/**
 * `npm run bench`: national-scale benchmarks. Starts Raaya as `npm start` would, on a data
 * directory of its own filled with generated national-scale data, measures, and writes the figures
 * to docs/benchmarks.md with the command that produced them. Timings live here, never in tests.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { MemorySampler, signIn, timeImport, timeReport, writeCsv, writeXlsx, type ImportTimings } from './jobs.ts';
import { BenchRouteError, preflight } from './latency.ts';
import { generateRegistry, registryCases, registryIds, registrySection, runRegistryCases, withRegistrySection } from './registry.ts';
import { DIRECTORY_TITLE, SEARCHES, ServerCpu, type GeneratedDirectory, directorySection, directoryVocabulary, generateDirectory, inBothLanguages, loadSearches, searches,
  timeListingsQuery, timeSearches } from './directory.ts';
import { measureLcp, measureWeight, type BenchPage } from './directory-browser.ts';
import { launchBrowser } from '../src/platform/reports/browser.ts';
import { BENEFICIARIES_TITLE, beneficiariesSection, beneficiaryCases, beneficiaryIds, beneficiaryOptions, databaseTotals, generateBeneficiaries, preflightRequests,
  runBeneficiaryCases, withSection } from './beneficiaries.ts';
import { NATIONAL_BENEFICIARIES, type GeneratedBeneficiaries } from '../src/modules/beneficiaries/db/demo/national.ts';
import { SUBSIDIES_TITLE, generateNationalSubsidies, runSubsidyCases, subsidiesSection, subsidyCases } from './subsidies.ts';
import { FINANCE_SCALE, FINANCE_TITLE, checkTotals, financeSection, generateFinance, sampleInstitutions, timeBudgetVsActual, timeConsolidation, timePayments } from './finance.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
// Overridable, so that two checkouts can run benchmarks on one machine at the same time.
const PORT = Number(process.env.RAAYA_BENCH_PORT ?? 3900);
const PG_PORT = Number(process.env.RAAYA_BENCH_PG_PORT ?? 54_390);
const BASE = `http://127.0.0.1:${PORT}`;
const USERS = 20_000;
const IMPORT_ROWS = 100_000;
/** Accounts added to the Inezgane delegation so that its user list prints about 50 pages (25 rows a page). */
const REPORT_EXTRA = 980;

function startServer(dataDir: string, env: Record<string, string> = {}): { child: ChildProcess; ready: Promise<number> } {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), RAAYA_DATA_DIR: dataDir, RAAYA_EMBEDDED_PG_PORT: String(PG_PORT), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const ready = (async () => {
    for (;;) {
      try {
        if ((await fetch(`${BASE}/api/health`)).ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error('server exited');
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return { child, ready };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
}

async function ownerUrl(dataDir: string): Promise<string> {
  const secrets = JSON.parse(await readFile(path.join(dataDir, 'secrets.json'), 'utf8')) as { ownerPassword: string };
  return `postgres://raaya_owner:${encodeURIComponent(secrets.ownerPassword)}@127.0.0.1:${PG_PORT}/raaya`;
}

/** ~20,000 staff accounts spread over the 75 delegations, as in a national deployment. */
async function generateStaff(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    INSERT INTO access.users (username, password_hash, full_name_ar, full_name_fr, role, scope_level, region_id, delegation_id)
    SELECT 'staff' || g, (SELECT password_hash FROM access.users WHERE username = 'agadir'), 'موظف ' || g, 'Agent ' || g,
      (ARRAY['social_worker', 'inspector', 'institution_director'])[1 + g % 2], 'delegation', d.region_id, d.id
    FROM generate_series(1, ${USERS}) g
    JOIN LATERAL (SELECT id, region_id FROM organisation.delegations ORDER BY code OFFSET g % 75 LIMIT 1) d ON true
    ON CONFLICT (username) DO NOTHING`);
  await client.query('VACUUM ANALYZE');
  await client.end();
}

async function loginCookie(): Promise<string> {
  const response = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agadir', password: process.env.RAAYA_DEMO_PASSWORD ?? 'raaya-demo' }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('raaya_session='))!;
  return cookie.split(';')[0]!;
}

async function loadMe(cookie: string, connections: number) {
  const run = (duration: number) => autocannon({ url: `${BASE}/api/me`, connections, duration, headers: { cookie } });
  await run(5); // warm-up: JIT, pool, plans
  return run(20);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Issues 3 and 4: start-up, /api/me under load, imports and reports. Returns the file's header and their sections. */
async function foundationAndJobs(): Promise<string[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'raaya-bench-'));
  try {
    console.log('[bench] first start: cluster, migrations, reference and demo data…');
    let server = startServer(dataDir);
    const firstStart = await server.ready;
    await generateStaff(await ownerUrl(dataDir));
    await stopServer(server.child);

    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      server = startServer(dataDir);
      starts.push(await server.ready);
      if (i < 2) await stopServer(server.child);
    }
    console.log('[bench] GET /api/me under load…');
    const cookie = await loginCookie();
    const loads = [];
    for (const connections of [16, 32]) loads.push({ connections, result: await loadMe(cookie, connections) });

    console.log('[bench] import of 100,000 rows (.xlsx, then .csv) and a 50-page Arabic PDF…');
    const xlsxFile = path.join(dataDir, 'bench-import.xlsx');
    const csvFile = path.join(dataDir, 'bench-import.csv');
    await writeXlsx(xlsxFile, 'bx', IMPORT_ROWS);
    await writeCsv(csvFile, 'bc', IMPORT_ROWS);
    const reportData = new pg.Client({ connectionString: await ownerUrl(dataDir) });
    await reportData.connect();
    await reportData.query(`INSERT INTO access.users (username, password_hash, full_name_ar, full_name_fr, role, scope_level, delegation_id)
      SELECT 'rep' || g, '!bench', 'موظف المندوبية ' || g, 'Agent ' || g, 'social_worker', 'delegation', (SELECT id FROM organisation.delegations WHERE code = '09.273')
      FROM generate_series(1, ${REPORT_EXTRA}) g`);
    await reportData.end();
    const password = process.env.RAAYA_DEMO_PASSWORD ?? 'raaya-demo';
    const importer = await signIn(BASE, 'agadir', password);
    const sampler = new MemorySampler(server.child.pid!);
    // The report first: after 200,000 inserted rows PostgreSQL's autovacuum keeps a core busy for a while.
    const reporter = await signIn(BASE, 'inezgane', password);
    sampler.start();
    const coldReport = await timeReport(reporter, 'ar', 'pdf');
    const warmReport = await timeReport(reporter, 'ar', 'pdf');
    const reportMemory = sampler.stop();
    const imports: { format: string; timings: ImportTimings; memory: MemorySampler['peaks'] }[] = [];
    for (const [format, file] of [['xlsx', xlsxFile], ['csv', csvFile]] as const) {
      sampler.start();
      const timings = await timeImport(importer, file);
      imports.push({ format, timings, memory: sampler.stop() });
    }
    await stopServer(server.child);

    const lines = [
      '# Benchmarks',
      '',
      'Produced by `npm run bench` (bench/run.ts) on the development machine: 2 cores, 24 GiB, Node 20,',
      'embedded PostgreSQL 15.18 on the same machine as the server and the load generator.',
      `Data: the 2015 territory (12 regions, 75 provinces, 75 delegations) and ${USERS.toLocaleString('en')} generated staff accounts.`,
      '',
      `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      '',
      '## Foundation (issue 3)',
      '',
      '| measure | target | result |',
      '|---|---|---|',
      `| \`npm start\` to \`/api/health\` ready, initialised data directory (median of 3) | ≤ 5 s | ${(median(starts) / 1000).toFixed(2)} s (runs: ${starts.map((s) => (s / 1000).toFixed(2)).join(', ')} s) |`,
      `| first \`npm start\` on an empty data directory (cluster, migrations, reference and demo data) | — | ${(firstStart / 1000).toFixed(2)} s |`,
      ...loads.flatMap(({ connections, result }) => [
        `| authenticated \`GET /api/me\`, ${connections} connections, 20 s, each request in its own scoped transaction: throughput | ≥ 2,000 req/s | ${Math.round(result.requests.average).toLocaleString('en')} req/s |`,
        `| same, ${connections} connections: latency p50 / p99 | p99 ≤ 25 ms | ${result.latency.p50} ms / ${result.latency.p99} ms |`,
        `| same, ${connections} connections: errors and non-2xx answers | 0 | ${result.errors} / ${result.non2xx} |`,
      ]),
      '',
      'The load generator (autocannon) runs on the same 2 cores as the server and PostgreSQL, so it takes',
      'part of the CPU the server would otherwise have.',
      '',
      '## Jobs, imports and reports (issue 4, items 5–7)',
      '',
      `Import: ${IMPORT_ROWS.toLocaleString('en')} staff accounts for the Agadir delegation, signed in as \`agadir\`, through the HTTP API as the`,
      'import wizard does it: upload (the file is stored and scanned), validation job (every cell, duplicates in the',
      'file and against the database, roles and scope), commit job (all rows in one transaction, 1,000-row multi-row',
      'INSERTs written as the rows are checked, each row through the constraints and row-level security, the',
      'hash-chained audit entries written per statement); the time',
      'runs until the commit job reads `succeeded`. Report: the user list of the Inezgane delegation, in Arabic, PDF,',
      'requested as a job until its file is ready (measured before the imports). The machine is shared: other',
      'processes may take part of its 2 cores during a run.',
      '',
      '| measure | target | result |',
      '|---|---|---|',
      ...imports.flatMap(({ format, timings, memory }) => [
        `| import of ${timings.rows.toLocaleString('en')} rows (.${format}) validated and committed, end to end | ≤ 60 s | ${(timings.totalMs / 1000).toFixed(1)} s (upload and scan ${(timings.uploadMs / 1000).toFixed(1)} s, validation job ${(timings.validateMs / 1000).toFixed(1)} s, commit job ${(timings.commitMs / 1000).toFixed(1)} s) |`,
        `| same (.${format}): peak resident memory of the Node server process | < 512 MB | ${(memory.server / 1024).toFixed(0)} MB (PostgreSQL processes together, PSS: ${(memory.postgres / 1024).toFixed(0)} MB) |`,
      ]),
      `| Arabic PDF of ${coldReport.pages} pages, first report of the process (Chromium launch included) | ≤ 10 s | ${(coldReport.ms / 1000).toFixed(1)} s |`,
      `| same report again (browser already running) | ≤ 10 s | ${(warmReport.ms / 1000).toFixed(1)} s (${warmReport.pages} pages, ${(warmReport.bytes / 1024).toFixed(0)} KiB) |`,
      `| during both reports: peak memory of the Node server (RSS) / of the Chromium processes together (PSS) | < 512 MB | ${(reportMemory.server / 1024).toFixed(0)} MB / ${(reportMemory.chromium / 1024).toFixed(0)} MB |`,
      '',
      ...(process.env.NODE_OPTIONS ? [`This run: \`NODE_OPTIONS=${process.env.NODE_OPTIONS} npm run bench\` (the server inherits the option).`, ''] : []),
      'Memory is read from /proc every 100 ms over the process tree of `npm start` (which caps the server heap at',
      '384 MB): the Node server is the largest `node` process of the tree, as resident memory (VmRSS); Chromium and',
      'PostgreSQL are summed over their processes as proportional memory (Pss of smaps_rollup: a page shared by n',
      'processes counts 1/n in each), since a sum of their RSS would count shared pages several times.',
      '',
    ];
    return lines;
  } finally {
    // PostgreSQL may still be flushing its last files when the server has exited: retry briefly.
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  }
}

/** Issue 5: the registry's reads on a generated national registry, on a data directory of its own. */
async function registry(command: string): Promise<string[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'raaya-bench-registry-'));
  try {
    console.log('[bench] registry: first start, then a generated national registry…');
    const server = startServer(dataDir);
    await server.ready;
    try {
      const url = await ownerUrl(dataDir);
      const password = process.env.RAAYA_DEMO_PASSWORD ?? 'raaya-demo';
      const sessions = { national: await signIn(BASE, 'central', password), delegation: await signIn(BASE, 'agadir', password) };
      const cases = registryCases(await registryIds(url));
      // Fail fast, before a minute of generation, when a route is not there.
      await preflight(cases.map((c) => ({ session: sessions[c.user], path: c.path })));
      const generatedMs = await generateRegistry(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows: [totals] } = await client.query<{ institutions: number; associations: number }>(
        'SELECT (SELECT count(*)::int FROM registry.institutions) AS institutions, (SELECT count(*)::int FROM registry.associations) AS associations');
      await client.end();
      const results = await runRegistryCases(sessions, cases, { log: console.log });
      if (results.some((r) => r.error)) process.exitCode = 1;
      return registrySection(results, { command, generatedMs, institutions: totals!.institutions, associations: totals!.associations, when: new Date() });
    } finally {
      await stopServer(server.child);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  }
}

/** Where a reused data directory (--data) records what was generated into it, so that a later run measures without generating again. */
const GENERATED_MARK = 'bench-beneficiaries.json';

interface BeneficiaryRunOptions {
  /** Persons (and admissions over 5 years); the national figure unless --persons. */
  persons: number;
  /** A data directory kept after the run: generated once, measured again by later runs (after new migrations). */
  dataDir?: string;
  /** Stop after generating (with --data: fill the directory for later runs). */
  generateOnly: boolean;
}

/** Issue 6: the beneficiaries' hot reads on generated national data (3,000,000 persons), on a data directory of its own. */
async function beneficiaries(command: string, options: BeneficiaryRunOptions): Promise<string[] | null> {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : await mkdtemp(path.join(os.tmpdir(), 'raaya-bench-beneficiaries-'));
  if (options.dataDir) await mkdir(dataDir, { recursive: true });
  try {
    console.log('[bench] beneficiaries: first start, then a generated national registry and national beneficiaries…');
    const server = startServer(dataDir);
    await server.ready;
    try {
      const url = await ownerUrl(dataDir);
      const password = process.env.RAAYA_DEMO_PASSWORD ?? 'raaya-demo';
      const mark = path.join(dataDir, GENERATED_MARK);
      const earlier = options.dataDir
        ? ((await readFile(mark, 'utf8').then((t) => JSON.parse(t) as { ms: number; generated: GeneratedBeneficiaries; persons: number }).catch(() => null)))
        : null;
      let ms: number;
      let generated: GeneratedBeneficiaries;
      if (earlier) {
        if (earlier.persons !== options.persons) throw new Error(`--data ${dataDir} holds ${earlier.persons} generated persons, not ${options.persons}`);
        ({ ms, generated } = earlier);
        console.log(`[bench] beneficiaries: reusing ${dataDir} (generated earlier in ${(ms / 1000).toFixed(1)} s); ANALYZE after this code's migrations…`);
        await analyze(url);
      } else {
        // Fail fast, on the demo data, before many minutes of generation, when a route is not there.
        await preflightRequests(await signIn(BASE, 'agadir', password), beneficiaryCases(await beneficiaryIds(url)).map((c) => c.requests[0]!));
        ({ ms, generated } = await generateBeneficiaries(url, beneficiaryOptions(options.persons)));
        console.log(`[bench] beneficiaries: generated in ${(ms / 1000).toFixed(1)} s`);
        if (options.dataDir) await writeFile(mark, JSON.stringify({ ms, generated, persons: options.persons }));
      }
      if (options.generateOnly) return null;
      const session = await signIn(BASE, 'agadir', password);
      const results = await runBeneficiaryCases(session, beneficiaryCases(await beneficiaryIds(url)), { log: console.log, laterPage: 5 });
      if (results.some((r) => r.error)) process.exitCode = 1;
      return beneficiariesSection(results, { command, generatedMs: ms, generated, totals: await databaseTotals(url), when: new Date(), reused: earlier !== null });
    } finally {
      await stopServer(server.child);
    }
  } finally {
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  }
}

/** Statistics for what this code's migrations added (the data itself was vacuumed and analysed when generated). */
async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/** Issue 7: the public directory's search page on 5,000 published institutions, on a data directory of its own. */
async function directory(command: string): Promise<string[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'raaya-bench-directory-'));
  try {
    console.log('[bench] directory: first start, then a generated national registry, all published…');
    // As in production (README): React's production build renders the pages, not its development build.
    const production = { NODE_ENV: 'production' };
    let server = startServer(dataDir, production);
    await server.ready;
    const url = await ownerUrl(dataDir);
    const pages: BenchPage[] = [
      { path: '/', label: 'Arabic, no query' },
      { path: '/fr/', label: 'French, no query' },
      { path: `/?${new URLSearchParams({ q: 'دار الطالبة' })}`, label: 'Arabic, 20 results' },
      { path: `/fr/?${new URLSearchParams({ q: 'dar taliba' })}`, label: 'French, 20 results' },
    ];
    let generated: GeneratedDirectory;
    try {
      // Fail fast, before a minute of generation, when the pages are not there.
      for (const page of pages) {
        const response = await fetch(`${BASE}${page.path}`);
        if (response.status !== 200) throw new BenchRouteError([{ path: page.path, status: response.status, body: await response.text() }]);
      }
      generated = await generateDirectory(url);
      console.log(`[bench] directory: ${generated.published} published, ${generated.shown} shown, in ${(generated.ms / 1000).toFixed(1)} s`);
    } finally {
      await stopServer(server.child);
    }
    // A fresh start, as after a deployment: the first search loads the copy of the directory.
    server = startServer(dataDir, production);
    await server.ready;
    try {
      const vocabulary = await directoryVocabulary(url);
      const measured = inBothLanguages(searches(vocabulary, SEARCHES, 1));
      const warmup = inBothLanguages(searches(vocabulary, 20, 2, new Set(measured.map((m) => m.query))));
      const cpu = await ServerCpu.find(server.child.pid!);
      const times = await timeSearches(PORT, measured, warmup, cpu, console.log);
      const listingsQueryMs = await timeListingsQuery(url);
      console.log(`[bench] directory: cold p95 ${times.cold.p95.toFixed(1)} ms, warm p95 ${times.warm.p95.toFixed(1)} ms; autocannon…`);
      const throughput = await loadSearches(BASE, measured, cpu);
      console.log(`[bench] directory: ${Math.round(throughput.rps)} searches/s; page weight and LCP in Chromium…`);
      const browser = await launchBrowser();
      try {
        const weights = [];
        for (const page of pages) weights.push(await measureWeight(browser, BASE, page));
        const lcp = [];
        for (const page of pages) {
          lcp.push(await measureLcp(browser, BASE, page));
          console.log(`[bench] directory: LCP ${page.path}: median ${lcp[lcp.length - 1]!.median.toFixed(0)} ms`);
        }
        if (times.failures.length) process.exitCode = 1;
        return directorySection({
          command, when: new Date(), generated, listingsQueryMs, times, throughput, weights, lcp,
          commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(),
          machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.versions.node },
          browser: `Chromium ${browser.version()}${process.env.RAAYA_CHROMIUM ? `, ${process.env.RAAYA_CHROMIUM}` : ', the @sparticuz/chromium build'}; it asked \`accept-encoding: ${weights[0]?.acceptEncoding}\``,
        });
      } finally {
        await browser.close();
      }
    } finally {
      await stopServer(server.child);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  }
}

/** Issue 9: institution finance on the national registry with ten years of generated books (20,000,000 ledger lines). */
async function finance(command: string): Promise<string[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'raaya-bench-finance-'));
  try {
    console.log(`[bench] finance: first start, then the national registry and ${FINANCE_SCALE.years} years of books…`);
    const server = startServer(dataDir);
    await server.ready;
    try {
      const url = await ownerUrl(dataDir);
      const secrets = JSON.parse(await readFile(path.join(dataDir, 'secrets.json'), 'utf8')) as { appPassword: string };
      const appUrl = `postgres://raaya_app:${encodeURIComponent(secrets.appPassword)}@127.0.0.1:${PG_PORT}/raaya`;
      const password = process.env.RAAYA_DEMO_PASSWORD ?? 'raaya-demo';
      // Fail fast, before the generation, when a route is not there.
      await preflight([{ session: await signIn(BASE, 'central', password), path: `/api/finance/consolidation?year=${FINANCE_SCALE.firstYear}` }]);
      await generateRegistry(url);
      const generated = await generateFinance(url, console.log);
      const central = await signIn(BASE, 'central', password);
      await checkTotals(url);
      const year = FINANCE_SCALE.firstYear + FINANCE_SCALE.years - 1;
      const institutions = await sampleInstitutions(url);
      const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
      const budgetVsActual = await timeBudgetVsActual(central, institutions, year);
      console.log(`[bench] finance: budget against actual p95 ${budgetVsActual.p95.toFixed(1)} ms`);
      const consolidation = await timeConsolidation(central, year);
      console.log(`[bench] finance: national consolidation p95 ${consolidation.p95.toFixed(1)} ms`);
      const payment = await timePayments(appUrl, url, institutions);
      console.log(`[bench] finance: payment p95 ${payment.p95.toFixed(1)} ms`);
      return financeSection({ budgetVsActual, consolidation, payment }, { command, generated, when: new Date(), load, year });
    } finally {
      await stopServer(server.child);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  }
}

/** Issue 8: the subsidies dashboard and the late tranches on 15,000 generated conventions, on a data directory of its own. */
async function subsidies(command: string): Promise<string[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'raaya-bench-subsidies-'));
  try {
    console.log('[bench] subsidies: first start, then a generated national registry and 15,000 conventions…');
    const server = startServer(dataDir);
    await server.ready;
    try {
      const url = await ownerUrl(dataDir);
      const password = process.env.RAAYA_DEMO_PASSWORD ?? 'raaya-demo';
      const sessions = { national: await signIn(BASE, 'central', password), region: await signIn(BASE, 'souss-massa', password), delegation: await signIn(BASE, 'agadir', password) };
      const cases = subsidyCases(await registryIds(url));
      await preflight(cases.map((c) => ({ session: sessions[c.user], path: c.path })));
      const generated = await generateNationalSubsidies(url);
      const loads: number[] = [];
      const sampler = setInterval(() => loads.push(os.loadavg()[0]!), 5_000);
      const results = await runSubsidyCases(sessions, cases, console.log).finally(() => clearInterval(sampler));
      if (results.some((r) => r.error)) process.exitCode = 1;
      const load = loads.length ? `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` : os.loadavg()[0]!.toFixed(1);
      return subsidiesSection(results, { command, when: new Date(), load, ...generated });
    } finally {
      await stopServer(server.child);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  }
}

const parts = ['foundation', 'registry', 'beneficiaries', 'directory', 'subsidies', 'finance'] as const;
const { values: args } = parseArgs({ options: {
  scale: { type: 'string', default: 'national' }, only: { type: 'string' },
  // Beneficiaries only: fewer persons to iterate (not for docs/benchmarks.md), a kept data directory, generation alone.
  persons: { type: 'string' }, data: { type: 'string' }, 'generate-only': { type: 'boolean', default: false },
} });
const persons = args.persons === undefined ? NATIONAL_BENEFICIARIES.persons : Number(args.persons);
if (!Number.isInteger(persons) || persons < 1000) throw new Error(`--persons ${args.persons}: a whole number of at least 1000`);
if (args.scale !== 'national') throw new Error(`--scale ${args.scale}: only "national" exists`);
if (args.only !== undefined && !(parts as readonly string[]).includes(args.only)) throw new Error(`--only ${args.only}: one of ${parts.join(', ')}`);
const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
const file = path.join(ROOT, 'docs/benchmarks.md');
// Each part rewrites only its own sections; a part not run keeps what the file had. The file is
// read when writing, not at the start: a national run takes long and the file may change meanwhile.
const edits: ((text: string) => string)[] = [];
if (args.only === undefined || args.only === 'foundation') {
  const foundation = (await foundationAndJobs()).join('\n');
  edits.push((current) => {
    // The sections after the foundation's (registry, beneficiaries and later) are kept.
    const kept = Math.min(...['## Registry (issue 5)', BENEFICIARIES_TITLE].map((t) => current.indexOf(t)).map((i) => (i < 0 ? Infinity : i)));
    return foundation + (kept === Infinity ? '' : `\n${current.slice(kept)}`);
  });
}
if (args.only === undefined || args.only === 'registry') {
  try {
    const section = await registry(command);
    edits.push((current) => withRegistrySection(current, section));
  } catch (error) {
    // A route that is not there (not merged yet): say which, without a stack trace.
    if (!(error instanceof BenchRouteError)) throw error;
    console.error(`[bench] registry: ${error.message}`);
    process.exit(1);
  }
}
if (args.only === undefined || args.only === 'beneficiaries') {
  try {
    const section = await beneficiaries(command, { persons, dataDir: args.data, generateOnly: args['generate-only'] });
    if (section) edits.push((current) => withSection(current, BENEFICIARIES_TITLE, section));
  } catch (error) {
    if (!(error instanceof BenchRouteError)) throw error;
    console.error(`[bench] beneficiaries: ${error.message}`);
    process.exit(1);
  }
}
if (args.only === undefined || args.only === 'directory') {
  try {
    const section = await directory(command);
    edits.push((current) => withSection(current, DIRECTORY_TITLE, section));
  } catch (error) {
    if (!(error instanceof BenchRouteError)) throw error;
    console.error(`[bench] directory: ${error.message}`);
    process.exit(1);
  }
}
if (args.only === 'finance') {
  // Not in a full run yet: about half an hour of generation on 2 cores.
  try {
    const section = await finance(command);
    edits.push((current) => withSection(current, FINANCE_TITLE, section));
  } catch (error) {
    if (!(error instanceof BenchRouteError)) throw error;
    console.error(`[bench] finance: ${error.message}`);
    process.exit(1);
  }
}
if (args.only === undefined || args.only === 'subsidies') {
  try {
    const section = await subsidies(command);
    edits.push((current) => withSection(current, SUBSIDIES_TITLE, section));
  } catch (error) {
    if (!(error instanceof BenchRouteError)) throw error;
    console.error(`[bench] subsidies: ${error.message}`);
    process.exit(1);
  }
}
const text = edits.reduce((current, edit) => edit(current), await readFile(file, 'utf8').catch(() => '# Benchmarks\n'));
await writeFile(file, text.endsWith('\n') ? text : `${text}\n`);
console.log(text);
