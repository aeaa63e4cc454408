/**
 * The registry benchmark's code (bench/registry.ts, bench/latency.ts) run for real, small: a
 * server listening on HTTP, the demo and a small generated registry, the same cases with a few
 * requests each. Before the list, search and map routes are merged the run must stop on a clear
 * error naming exactly the routes that are missing; once they are, every case must be measured.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type ApiSession } from '../../../../../bench/jobs.ts';
import { BenchRouteError, percentile, preflight, summarise, timeGet } from '../../../../../bench/latency.ts';
import { registryCases, registryIds, registrySection, runRegistryCases, withRegistrySection, type RegistryResult } from '../../../../../bench/registry.ts';
import { DEMO_PASSWORD as PASSWORD } from '../../../../server/testing/demo-template.ts';
import { startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { generateNationalRegistry } from './national.ts';

let server: TestServer;
let sessions: { national: ApiSession; delegation: ApiSession };

beforeAll(async () => {
  // The demo, seeded once per run (demo-template.ts), under the generated registry.
  server = await startTestServer({}, { demo: true });
  const client = new pg.Client({ connectionString: server.ownerUrl });
  await client.connect();
  await generateNationalRegistry(client, { institutions: 400, associations: 240, communesPerProvince: 3 });
  await client.end();
  const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  sessions = { national: await signIn(base, 'central', PASSWORD), delegation: await signIn(base, 'agadir', PASSWORD) };
}, 120_000);
afterAll(() => server.close());

describe('registry benchmark code', () => {
  it('reports nearest-rank percentiles', () => {
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(100);
    expect(percentile(values, 95)).toBe(190);
    expect(summarise([...values].reverse())).toEqual({ requests: 200, p50: 100, p95: 190, p99: 198, max: 200 });
  });

  it('times a route that exists and names every one that does not answer 200', async () => {
    const latency = await timeGet(sessions.national, '/api/me', { warmup: 2, requests: 20 });
    expect(latency.requests).toBe(20);
    expect(latency.p50).toBeGreaterThan(0);
    expect(latency.p99).toBeGreaterThanOrEqual(latency.p95);
    const error = await preflight([
      { session: sessions.national, path: '/api/me' },
      { session: sessions.national, path: '/api/no-such-route' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BenchRouteError);
    expect((error as BenchRouteError).failures.map((f) => [f.path, f.status])).toEqual([['/api/no-such-route', 404]]);
    expect((error as Error).message).toContain('GET /api/no-such-route → 404');
  });

  it('measures every case once the routes exist, or stops naming exactly the missing ones', async () => {
    const cases = registryCases(await registryIds(server.ownerUrl));
    expect(new Set(cases.map((c) => c.group))).toEqual(new Set(['list', 'search', 'map', 'associations']));
    const outcome = await runRegistryCases(sessions, cases, { warmup: 1, requests: 3 }).catch((e: unknown) => e);
    if (outcome instanceof BenchRouteError) {
      for (const failure of outcome.failures) {
        expect(failure.status).toBe(404);
        expect(server.app.hasRoute({ method: 'GET', url: failure.path.split('?')[0]! })).toBe(false);
      }
      const failing = new Set(outcome.failures.map((f) => f.path));
      for (const c of cases.filter((c) => !failing.has(c.path))) {
        expect((await server.app.inject({ method: 'GET', url: c.path, cookies: { raaya_session: sessions[c.user].cookie.split('=')[1]! } })).statusCode).toBe(200);
      }
      return;
    }
    const results = outcome as RegistryResult[];
    expect(results.filter((r) => r.error).map((r) => `${r.case.label} page ${r.page}: ${r.error}`)).toEqual([]);
    for (const c of cases) expect(results.filter((r) => r.case === c).length).toBeGreaterThanOrEqual(1);
    // 400 generated institutions nationally: the unfiltered list reaches page 6 (50 a page).
    expect(results.find((r) => r.case.label === 'no filter' && r.case.group === 'list' && r.page !== 'first')?.page).toBe(6);
    const section = registrySection(results, { command: 'npm run bench -- --only registry', generatedMs: 1000, institutions: 488, associations: 286, when: new Date() });
    expect(section.filter((l) => l.startsWith('| ') && !l.startsWith('| case')).length).toBe(results.length);
  });

  it('rewrites only its own section of docs/benchmarks.md', () => {
    const before = '# Benchmarks\n\n## Foundation (issue 3)\n\nfigures\n\n## Registry (issue 5)\n\nold\n\n## Later module\n\nkept\n';
    const after = withRegistrySection(before, ['## Registry (issue 5)', '', 'new', '']);
    expect(after).toBe('# Benchmarks\n\n## Foundation (issue 3)\n\nfigures\n\n## Registry (issue 5)\n\nnew\n\n## Later module\n\nkept\n');
    expect(withRegistrySection('# Benchmarks\n\n## Foundation (issue 3)\n', ['## Registry (issue 5)', '', 'new', ''])).toBe(
      '# Benchmarks\n\n## Foundation (issue 3)\n\n## Registry (issue 5)\n\nnew\n');
  });
});
