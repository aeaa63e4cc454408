/**
 * Registry benchmark (issue 5, Performance): a generated national registry (5,000 institutions,
 * 3,000 founders, on top of the demo data) and the latency of the registry's reads against the
 * running server, signed in as a national user (`central`) and a delegation user (`agadir`):
 * the institution list with filter combinations (first page and the page after following
 * nextCursor 5 times), name search in Arabic and Latin letters, the map's aggregates and points,
 * and the associations list. Each case: 20 warm-up requests, then ≥ 200 timed ones.
 */
import pg from 'pg';
import { generateNationalRegistry } from '../src/modules/registry/db/demo/index.ts';
import type { ApiSession } from './jobs.ts';
import { BenchRouteError, get, preflight, timeGet, type Latency } from './latency.ts';

export const NATIONAL = { institutions: 5_000, associations: 3_000 } as const;

/** Targets of issue 5 (p95 at the API). */
export const TARGETS = { list: 30, search: 50, aggregate: 50 } as const;

export type CaseGroup = 'list' | 'search' | 'map' | 'associations';

export interface RegistryCase {
  group: CaseGroup;
  label: string;
  user: 'national' | 'delegation';
  /** First page's path; a later page follows nextCursor from it. */
  path: string;
  /** Also measure the page reached by following nextCursor this many times. */
  laterPage?: number;
  /** p95 target in ms, when the issue sets one. */
  target?: number;
}

export interface RegistryIds {
  regions: Record<string, string>;
  delegations: Record<string, string>;
}

export async function registryIds(ownerUrl: string): Promise<RegistryIds> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const regions = (await client.query<{ code: string; id: string }>('SELECT code, id FROM territory.regions')).rows;
    const delegations = (await client.query<{ code: string; id: string }>('SELECT code, id FROM organisation.delegations')).rows;
    return {
      regions: Object.fromEntries(regions.map((r) => [r.code, r.id])),
      delegations: Object.fromEntries(delegations.map((d) => [d.code, d.id])),
    };
  } finally {
    await client.end();
  }
}

const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export function registryCases(ids: RegistryIds): RegistryCase[] {
  const list = (label: string, params: Record<string, string | number>, user: RegistryCase['user'] = 'national'): RegistryCase => ({
    group: 'list', label, user, path: `/api/institutions?${q({ limit: 50, ...params })}`, laterPage: 5, target: TARGETS.list,
  });
  const search = (label: string, text: string, user: RegistryCase['user'] = 'national'): RegistryCase => ({
    group: 'search', label, user, path: `/api/institutions?${q({ q: text, limit: 50 })}`, target: TARGETS.search,
  });
  const marrakechSafi = ids.regions['07']!;
  const fesMeknes = ids.regions['03']!;
  const agadir = ids.delegations['09.001']!;
  return [
    list('no filter', {}),
    list('region (Marrakech-Safi)', { region: marrakechSafi }),
    list('delegation (Agadir Ida-Outanane)', { delegation: agadir }),
    list('category + status (schooled children, authorised)', { category: 'schooled_children', status: 'authorised' }),
    list('area + capacity range (rural, 40–100 places)', { area: 'rural', capacityMin: 40, capacityMax: 100 }),
    list('region + category + centre type (Fès-Meknès, elderly, elderly home)', { region: fesMeknes, category: 'elderly', centreType: 'elderly_home' }),
    list('sorted by capacity, largest first', { sort: '-capacity' }),
    list('region, sorted by capacity (Marrakech-Safi)', { region: marrakechSafi, sort: 'capacity' }),
    list('no filter, as the delegation', {}, 'delegation'),
    list('category + status, as the delegation', { category: 'schooled_children', status: 'authorised' }, 'delegation'),
    search('Arabic "دار الطالبة"', 'دار الطالبة'),
    search('Latin "dar taliba"', 'dar taliba'),
    search('Latin "tiznit"', 'tiznit'),
    search('Arabic "سيدي بوزيد"', 'سيدي بوزيد'),
    search('Latin "dar taliba", as the delegation', 'dar taliba', 'delegation'),
    { group: 'map', label: 'aggregates per region', user: 'national', path: '/api/institutions/map/regions', target: TARGETS.aggregate },
    { group: 'map', label: 'aggregates per province', user: 'national', path: '/api/institutions/map/provinces', target: TARGETS.aggregate },
    { group: 'map', label: 'aggregates per province, schooled children', user: 'national', path: `/api/institutions/map/provinces?${q({ category: 'schooled_children' })}`, target: TARGETS.aggregate },
    { group: 'map', label: 'aggregates per province, as the delegation', user: 'delegation', path: '/api/institutions/map/provinces', target: TARGETS.aggregate },
    { group: 'map', label: 'points, whole country', user: 'national', path: '/api/institutions/map/points' },
    { group: 'map', label: 'points, one region (Fès-Meknès)', user: 'national', path: `/api/institutions/map/points?${q({ region: fesMeknes })}` },
    { group: 'associations', label: 'no filter', user: 'national', path: `/api/associations?${q({ limit: 50 })}`, laterPage: 5 },
    { group: 'associations', label: 'region (Marrakech-Safi)', user: 'national', path: `/api/associations?${q({ region: marrakechSafi, limit: 50 })}`, laterPage: 5 },
    { group: 'associations', label: 'name search "bienfaisance"', user: 'national', path: `/api/associations?${q({ q: 'bienfaisance', limit: 50 })}` },
    { group: 'associations', label: 'no filter, as the delegation', user: 'delegation', path: `/api/associations?${q({ limit: 50 })}` },
  ];
}

/** The path of the page reached by following nextCursor `hops` times (fewer when the list ends first). */
export async function laterPagePath(session: ApiSession, path: string, hops: number): Promise<{ path: string; page: number }> {
  let current = path;
  let page = 1;
  for (; page <= hops; page++) {
    const response = await get(session, current);
    if (response.status !== 200) return { path: current, page };
    const { nextCursor } = (await response.json()) as { nextCursor: string | null };
    if (!nextCursor) break;
    current = `${path}${path.includes('?') ? '&' : '?'}after=${encodeURIComponent(nextCursor)}`;
  }
  return { path: current, page: Math.min(page, hops + 1) };
}

export interface RegistryResult {
  case: RegistryCase;
  page: 'first' | number;
  /** Rows in the measured answer (items or areas). */
  rows: number;
  latency: Latency | null;
  /** Why the case could not be measured (its answer was not 200), e.g. a later page refused. */
  error?: string;
}

async function rowsOf(session: ApiSession, path: string): Promise<number> {
  const body = (await (await get(session, path)).json()) as { items?: unknown[] } | unknown[];
  return Array.isArray(body) ? body.length : Array.isArray(body.items) ? body.items.length : 0;
}

export async function runRegistryCases(sessions: Record<RegistryCase['user'], ApiSession>, cases: RegistryCase[],
  options: { requests?: number; warmup?: number; log?: (line: string) => void } = {}): Promise<RegistryResult[]> {
  await preflight(cases.map((c) => ({ session: sessions[c.user], path: c.path })));
  const results: RegistryResult[] = [];
  for (const c of cases) {
    const session = sessions[c.user];
    const targets: { path: string; page: RegistryResult['page'] }[] = [{ path: c.path, page: 'first' }];
    if (c.laterPage) {
      const later = await laterPagePath(session, c.path, c.laterPage);
      if (later.page > 1) targets.push({ path: later.path, page: later.page });
    }
    for (const t of targets) {
      const where = `${c.group} ${c.label} (${t.page === 'first' ? 'first page' : `page ${t.page}`})`;
      try {
        const latency = await timeGet(session, t.path, options);
        results.push({ case: c, page: t.page, rows: await rowsOf(session, t.path), latency });
        options.log?.(`[bench] ${where}: p95 ${latency.p95.toFixed(1)} ms`);
      } catch (error) {
        // One case refused (a bug, not a missing route: those stop the run above) does not hide the others' figures.
        if (!(error instanceof BenchRouteError)) throw error;
        const failure = error.failures[0]!;
        results.push({ case: c, page: t.page, rows: 0, latency: null, error: `answered ${failure.status} ${failure.body.slice(0, 120)}` });
        options.log?.(`[bench] ${where}: FAILED ${error.message}`);
      }
    }
  }
  return results;
}

/** Generates the national registry into the running server's database; returns the time it took. */
export async function generateRegistry(ownerUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    await generateNationalRegistry(client, NATIONAL);
    await client.query('COMMIT');
    const generated = performance.now() - started;
    // The whole database, audit log included: the generation writes tens of thousands of audit
    // entries, and an autovacuum of them during the measurements would share the 2 cores with
    // the server (the figures are of a settled database, as in production).
    await client.query('VACUUM ANALYZE');
    return generated;
  } finally {
    await client.end();
  }
}

const ms = (value: number) => value.toFixed(1);
const groupTitles: Record<CaseGroup, string> = {
  list: 'Institution list `GET /api/institutions`',
  search: 'Name search `GET /api/institutions?q=…`',
  map: 'Map `GET /api/institutions/map/…`',
  associations: 'Associations list `GET /api/associations`',
};

/** One Markdown table per group of cases, in the titles' order (a group without results is left out). */
export function caseTables<G extends string>(
  results: { case: { group: G; label: string; user: string; target?: number }; page: 'first' | number; rows: number; latency: Latency | null; error?: string }[],
  titles: Record<G, string>,
): string[] {
  const lines: string[] = [];
  for (const group of Object.keys(titles) as G[]) {
    const rows = results.filter((r) => r.case.group === group);
    if (!rows.length) continue;
    lines.push(`### ${titles[group]}`, '', '| case | user | page | rows | p50 | p95 | p99 | target (p95) |', '|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      if (!r.latency) {
        lines.push(`| ${r.case.label} | ${r.case.user} | ${r.page} | — | — | — | — | not measured ✗: ${r.error?.replace(/\|/g, '\\|').replace(/\s+/g, ' ')} |`);
        continue;
      }
      const verdict = r.case.target === undefined ? '—' : `≤ ${r.case.target} ms ${r.latency.p95 <= r.case.target ? '✓' : '✗'}`;
      lines.push(`| ${r.case.label} | ${r.case.user} | ${r.page} | ${r.rows} | ${ms(r.latency.p50)} ms | ${ms(r.latency.p95)} ms | ${ms(r.latency.p99)} ms | ${verdict} |`);
    }
    lines.push('');
  }
  return lines;
}

/** The "Registry (issue 5)" section of docs/benchmarks.md. */
export function registrySection(results: RegistryResult[], meta: { command: string; generatedMs: number; institutions: number; associations: number; when: Date }): string[] {
  const lines = [
    '## Registry (issue 5)',
    '',
    `Produced by \`${meta.command}\` on ${meta.when.toISOString().slice(0, 16).replace('T', ' ')} UTC. Data: the demo registry plus a generated`,
    `national registry (\`generateNationalRegistry\`, src/modules/registry/db/demo/national.ts): ${NATIONAL.institutions.toLocaleString('en')} institutions and`,
    `${NATIONAL.associations.toLocaleString('en')} founders over the 75 provinces, spread by region as the ministry's count of authorised`,
    'institutions, every category, centre type and status, names in Arabic and French with the usual repetition',
    `("Dar Talib Sidi Bouzid"), with rooms, services, committees and boards; ${meta.institutions.toLocaleString('en')} institutions and`,
    `${meta.associations.toLocaleString('en')} founders in the database in all. Generated in ${(meta.generatedMs / 1000).toFixed(1)} s (audited multi-row inserts as the owner).`,
    '',
    'After `VACUUM ANALYZE` of the whole database, each case: 20 warm-up requests, then 200 sequential requests on one keep-alive connection, timed at the client',
    '(HTTP on the loopback interface included), each in its own scoped transaction with row-level security. "national"',
    'is `central` (the whole country), "delegation" is `agadir` (Agadir Ida-Outanane). A later page is the one reached',
    'by following `nextCursor` 5 times (page 6) with 50 rows a page.',
    '',
  ];
  lines.push(...caseTables(results, groupTitles));
  return lines;
}

/** Replaces the registry section of an existing benchmarks file (or appends it), keeping the other sections. */
export function withRegistrySection(existing: string, section: string[]): string {
  const start = existing.indexOf('## Registry (issue 5)');
  if (start < 0) return `${existing.trimEnd()}\n\n${section.join('\n')}`;
  const next = existing.indexOf('\n## ', start + 1);
  return `${existing.slice(0, start)}${section.join('\n')}${next < 0 ? '' : `\n${existing.slice(next + 1)}`}`;
}
