/**
 * `npm run bench`: national-scale benchmarks. Starts Raaya as `npm start` would, on a data
 * directory of its own filled with generated national-scale data, measures, and writes the figures
 * to docs/benchmarks.md with the command that produced them. Timings live here, never in tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = 3900;
const PG_PORT = 54_390;
const BASE = `http://127.0.0.1:${PORT}`;
const USERS = 20_000;

function startServer(dataDir: string): { child: ChildProcess; ready: Promise<number> } {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), RAAYA_DATA_DIR: dataDir, RAAYA_EMBEDDED_PG_PORT: String(PG_PORT), LOG_LEVEL: 'warn' },
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
  const { readFile } = await import('node:fs/promises');
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
  ];
  await writeFile(path.join(ROOT, 'docs/benchmarks.md'), lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
