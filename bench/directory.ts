/**
 * Public directory benchmark (issue 7, Performance): a generated national registry of 5,000
 * institutions, all published, and the public search page against the running server:
 *  - server time of the search page over a varied set of search addresses in both languages,
 *    cold (first request of each address: searched, rendered and compressed) and warm (from the
 *    page cache), sequential on one keep-alive connection over the loopback interface;
 *  - throughput with autocannon over the same addresses;
 *  - page weight and Largest Contentful Paint in headless Chromium (directory-browser.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { publishNationalDirectory } from '../src/modules/directory/db/demo/national.ts';
import { generateNationalRegistry } from '../src/modules/registry/db/demo/index.ts';
import { seededRandom, type Random } from '../src/modules/registry/db/demo/random.ts';
import { centreTypes, legalCategories, serviceTypes, targetGroups } from '../src/modules/registry/contract/enums.ts';
import { summarise, type Latency } from './latency.ts';
import type { LcpResult, PageWeight } from './directory-browser.ts';

export const DIRECTORY_TITLE = '## Public directory (issue 7)';
export const NATIONAL_DIRECTORY = { institutions: 5_000, associations: 3_000 } as const;
export const TARGETS = { p95Ms: 50, rps: 1_000, weightKb: 30, lcpMs: 2_500 } as const;
/** Searches per language; each is asked in Arabic (/) and in French (/fr/). */
export const SEARCHES = 160;
const WARM_ROUNDS = 5;
const ACCEPT = 'br, gzip';

export interface GeneratedDirectory {
  ms: number;
  institutions: number;
  published: number;
  /** Rows of directory.public_listings(): published and operating (pending, authorised, closing). */
  shown: number;
}

/** Generates the national registry and publishes every generated institution, as the owner, then VACUUM ANALYZE. */
export async function generateDirectory(ownerUrl: string): Promise<GeneratedDirectory> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    const registry = await generateNationalRegistry(client, NATIONAL_DIRECTORY);
    const published = await publishNationalDirectory(client, registry.institutions.map((i) => i.id));
    await client.query('COMMIT');
    const ms = performance.now() - started;
    // The generation writes tens of thousands of audit entries: settle the database before measuring.
    await client.query('VACUUM ANALYZE');
    const { rows: [totals] } = await client.query<{ institutions: number; shown: number }>(
      'SELECT (SELECT count(*)::int FROM registry.institutions) AS institutions, (SELECT count(*)::int FROM directory.public_listings()) AS shown');
    return { ms, institutions: totals!.institutions, published, shown: totals!.shown };
  } finally {
    await client.end();
  }
}

/** What the search addresses are made of, read from the published directory. */
export interface Vocabulary {
  regions: string[];
  provinces: { code: string; nameAr: string; nameFr: string }[];
  communes: { id: string; nameAr: string; nameFr: string }[];
  positions: { lat: number; lon: number }[];
}

export async function directoryVocabulary(ownerUrl: string): Promise<Vocabulary> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const regions = (await client.query<{ code: string }>('SELECT DISTINCT region_code AS code FROM directory.public_listings() ORDER BY 1')).rows;
    const provinces = (await client.query<Vocabulary['provinces'][number]>(
      `SELECT DISTINCT province_code AS code, province_name_ar AS "nameAr", province_name_fr AS "nameFr" FROM directory.public_listings() ORDER BY 1`)).rows;
    const communes = (await client.query<Vocabulary['communes'][number]>(
      `SELECT DISTINCT commune_id AS id, commune_name_ar AS "nameAr", commune_name_fr AS "nameFr" FROM directory.public_listings() ORDER BY 1`)).rows;
    const positions = (await client.query<{ lat: number; lon: number }>(
      'SELECT latitude AS lat, longitude AS lon FROM directory.public_listings() WHERE latitude IS NOT NULL ORDER BY id')).rows;
    return { regions: regions.map((r) => r.code), provinces, communes, positions };
  } finally {
    await client.end();
  }
}

/** Time of the query that loads the public site's copy (median of 3, as the owner, rows fetched by the client). */
export async function timeListingsQuery(ownerUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await client.query('SELECT * FROM directory.public_listings() ORDER BY name_fr, id');
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[1]!;
  } finally {
    await client.end();
  }
}

/** Words a visitor types, in both scripts: kinds of institution, places, and both mixed. */
const WORDS = [
  'دار الطالب', 'دار الطالبة', 'مركز', 'دار المسنين', 'مؤسسة', 'سيدي', 'أولاد', 'آيت', 'الإعاقة', 'حماية الطفولة',
  'dar talib', 'dar taliba', 'centre', 'foyer', 'personnes âgées', 'handicap', 'sidi', 'oulad', 'ait', 'protection', 'enfance', 'femmes',
];

export interface SearchUrl {
  /** What the search asks (for the per-kind figures). */
  kind: string;
  /** The query string in canonical order (q, region, province, commune, category, need, group, near, page). */
  query: string;
}

const PARAM_ORDER = ['q', 'region', 'province', 'commune', 'category', 'need', 'group', 'near', 'page'];

function canonical(params: Record<string, string>): string {
  return new URLSearchParams(PARAM_ORDER.filter((k) => params[k] !== undefined).map((k) => [k, params[k]!])).toString();
}

/** Distinct searches of every kind the page offers, deterministic for a seed. */
export function searches(v: Vocabulary, count: number, seed: number, exclude: ReadonlySet<string> = new Set()): SearchUrl[] {
  const random = seededRandom(seed);
  const categories = [...legalCategories, ...centreTypes];
  const place = (r: Random) => {
    const which = r.int(0, 2);
    if (which === 0) return r.pick(WORDS);
    const commune = r.pick(v.communes);
    const province = r.pick(v.provinces);
    // Either script, as typed; Latin names lowercased, as on a phone keyboard.
    if (which === 1) return r.chance(0.5) ? commune.nameAr : commune.nameFr.toLowerCase();
    return r.chance(0.5) ? province.nameAr : province.nameFr.toLowerCase();
  };
  const near = (r: Random) => {
    const p = r.pick(v.positions);
    return `${(p.lat + (r.next() - 0.5) * 0.2).toFixed(3)},${(p.lon + (r.next() - 0.5) * 0.2).toFixed(3)}`;
  };
  const kinds: [string, (r: Random) => Record<string, string>][] = [
    ['words', (r) => ({ q: place(r) })],
    ['words + region', (r) => ({ q: r.pick(WORDS), region: r.pick(v.regions) })],
    ['region', (r) => ({ region: r.pick(v.regions) })],
    ['province', (r) => ({ province: r.pick(v.provinces).code })],
    ['commune', (r) => ({ commune: r.pick(v.communes).id })],
    ['category', (r) => ({ category: r.pick(categories) })],
    ['need', (r) => ({ need: r.pick(serviceTypes) })],
    ['group', (r) => ({ group: r.pick(targetGroups) })],
    ['region + category + need', (r) => ({ region: r.pick(v.regions), category: r.pick(legalCategories), need: r.pick(serviceTypes) })],
    ['province + group', (r) => ({ province: r.pick(v.provinces).code, group: r.pick(targetGroups) })],
    ['near', (r) => ({ near: near(r) })],
    ['near + need', (r) => ({ near: near(r), need: r.pick(serviceTypes) })],
    ['near + category', (r) => ({ near: near(r), category: r.pick(categories) })],
    // Later pages of searches that have them (every kind of broad search).
    ['page 2–5', (r) => {
      const broad = r.pick<Record<string, string>>([{}, { region: r.pick(['07', '03', '09', '08', '06', '01']) }, { category: 'schooled_children' },
        { q: r.pick(['dar talib', 'دار الطالب', 'dar taliba', 'دار الطالبة']) }, { need: r.pick(['accommodation', 'feeding', 'reception']) },
        { near: near(r) }]);
      return { ...broad, page: String(r.int(2, 5)) };
    }],
  ];
  const seen = new Set(exclude);
  const found: SearchUrl[] = [];
  for (let tries = 0; found.length < count && tries < count * 50; tries++) {
    const [kind, make] = kinds[tries % kinds.length]!;
    const query = canonical(make(random));
    if (seen.has(query)) continue;
    seen.add(query);
    found.push({ kind, query });
  }
  return found;
}

export interface SearchAddress extends SearchUrl {
  lang: 'ar' | 'fr';
  path: string;
}

export function inBothLanguages(list: SearchUrl[]): SearchAddress[] {
  return list.flatMap((s) => (['ar', 'fr'] as const).map((lang) => ({ ...s, lang, path: `${lang === 'ar' ? '/' : '/fr/'}${s.query ? `?${s.query}` : ''}` })));
}

/** Linux's USER_HZ, 100 on every ordinary kernel. */
const TICKS_PER_SECOND = 100;

/**
 * The server's own CPU time, read from /proc: the machine is shared, so wall-clock times grow with
 * other people's work, while CPU milliseconds per search say what one search costs the server.
 */
export class ServerCpu {
  private constructor(private readonly pid: number) {}

  /** The Node server under `npm start` (pid of npm): the largest node process of its tree. */
  static async find(rootPid: number): Promise<ServerCpu> {
    const parents = new Map<number, number>();
    const names = new Map<number, { comm: string; rssKb: number }>();
    for (const name of await readdir('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
      if (!status) continue;
      parents.set(Number(name), Number(/PPid:\s+(\d+)/.exec(status)?.[1]));
      names.set(Number(name), { comm: /Name:\s+(.+)/.exec(status)?.[1] ?? '', rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) });
    }
    const descends = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 10; p = parents.get(p) ?? 0, hops++) if (p === rootPid) return true;
      return false;
    };
    const nodes = [...names].filter(([pid, n]) => n.comm === 'node' && descends(pid)).sort((a, b) => b[1].rssKb - a[1].rssKb);
    if (!nodes.length) throw new Error(`no node process under pid ${rootPid}`);
    return new ServerCpu(nodes[0]![0]);
  }

  /** User and system CPU time of the server so far, in ms (10 ms resolution). */
  async ms(): Promise<number> {
    const stat = await readFile(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / TICKS_PER_SECOND);
  }
}
const loadAverage = () => os.loadavg()[0]!;

interface Answer {
  ms: number;
  status: number;
  bytes: number;
  encoding: string;
}

/** One GET on the given keep-alive agent, timed from the request to the last byte of the body. */
function timedGet(agent: http.Agent, port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get({ host: '127.0.0.1', port, path, agent, headers: { 'accept-encoding': ACCEPT } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0, bytes, encoding: String(response.headers['content-encoding'] ?? '') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

function shuffled<T>(items: T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface ServerTimes {
  addresses: number;
  cold: Latency;
  warm: Latency;
  coldByKind: { kind: string; latency: Latency }[];
  /** Compressed (br) body sizes of the pages measured. */
  bodyBytes: { median: number; max: number };
  /** The first search after the server started (it loads the copy of the directory). */
  firstMs: number;
  /** Server CPU per search, cold pass and warm passes. */
  cpuPerSearch: { cold: number; warm: number };
  /** 1-minute load average of the machine at the start and at the end of the passes. */
  load: [number, number];
  failures: string[];
}

/** The whole sequence: first search, warm-up on other addresses, the cold pass, then WARM_ROUNDS warm passes. */
export async function timeSearches(port: number, addresses: SearchAddress[], warmup: SearchAddress[], cpu: ServerCpu,
  log: (line: string) => void): Promise<ServerTimes> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const random = seededRandom(7);
  const failures: string[] = [];
  const check = (path: string, answer: Answer) => {
    if (answer.status !== 200) failures.push(`GET ${path} → ${answer.status}`);
    else if (answer.encoding !== 'br') failures.push(`GET ${path} → content-encoding "${answer.encoding}" for accept-encoding "${ACCEPT}"`);
  };
  try {
    const first = await timedGet(agent, port, '/');
    check('/', first);
    // JIT and the directory's search index, on addresses not measured afterwards.
    for (let round = 0; round < 5; round++) for (const a of warmup) await timedGet(agent, port, a.path);
    log(`[bench] directory: cold pass over ${addresses.length} addresses…`);
    const loadBefore = loadAverage();
    const cpuStart = await cpu.ms();
    const cold: { address: SearchAddress; answer: Answer }[] = [];
    for (const address of shuffled(addresses, random)) {
      const answer = await timedGet(agent, port, address.path);
      check(address.path, answer);
      cold.push({ address, answer });
    }
    const cpuCold = await cpu.ms();
    log(`[bench] directory: ${WARM_ROUNDS} warm passes…`);
    const warm: number[] = [];
    for (let round = 0; round < WARM_ROUNDS; round++) {
      for (const address of shuffled(addresses, random)) {
        const answer = await timedGet(agent, port, address.path);
        check(address.path, answer);
        warm.push(answer.ms);
      }
    }
    const cpuWarm = await cpu.ms();
    const kinds = [...new Set(addresses.map((a) => a.kind))];
    const sizes = cold.map((c) => c.answer.bytes).sort((a, b) => a - b);
    return {
      addresses: addresses.length,
      cold: summarise(cold.map((c) => c.answer.ms)),
      warm: summarise(warm),
      coldByKind: kinds.map((kind) => ({ kind, latency: summarise(cold.filter((c) => c.address.kind === kind).map((c) => c.answer.ms)) })),
      bodyBytes: { median: sizes[Math.floor(sizes.length / 2)]!, max: sizes[sizes.length - 1]! },
      firstMs: first.ms,
      cpuPerSearch: { cold: (cpuCold - cpuStart) / cold.length, warm: (cpuWarm - cpuCold) / warm.length },
      load: [loadBefore, loadAverage()],
      failures: [...new Set(failures)].slice(0, 10),
    };
  } finally {
    agent.destroy();
  }
}

export interface Throughput {
  connections: number;
  seconds: number;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** Server CPU per search during the timed run. */
  cpuPerSearch: number;
  load: [number, number];
}

/** autocannon over the same addresses (each connection cycles through them), after a short warm-up. */
export async function loadSearches(base: string, addresses: SearchAddress[], cpu: ServerCpu, connections = 20, seconds = 15): Promise<Throughput> {
  const run = (duration: number) => autocannon({
    url: base, connections, duration, headers: { 'accept-encoding': ACCEPT },
    requests: addresses.map((a) => ({ method: 'GET' as const, path: a.path })),
  });
  await run(3);
  const loadBefore = loadAverage();
  const cpuBefore = await cpu.ms();
  const result = await run(seconds);
  const cpuUsed = (await cpu.ms()) - cpuBefore;
  return {
    cpuPerSearch: cpuUsed / Math.max(1, result.requests.total), load: [loadBefore, loadAverage()],
    connections, seconds, rps: result.requests.average, p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99,
    errors: result.errors, non2xx: result.non2xx, timeouts: result.timeouts,
  };
}

/** Machine facts for the section. */
export interface Machine {
  cpus: number;
  model: string;
  memoryGiB: number;
  node: string;
}

const ms1 = (value: number) => `${value.toFixed(1)} ms`;
const tick = (ok: boolean) => (ok ? '✓' : '✗');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export interface DirectoryFigures {
  command: string;
  when: Date;
  machine: Machine;
  generated: GeneratedDirectory;
  commit: string;
  listingsQueryMs: number;
  times: ServerTimes;
  throughput: Throughput;
  weights: PageWeight[];
  lcp: LcpResult[];
  browser: string;
}

/** The "Public directory (issue 7)" section of docs/benchmarks.md. */
export function directorySection(f: DirectoryFigures): string[] {
  const { times, throughput: t, machine } = f;
  const lines = [
    DIRECTORY_TITLE,
    '',
    `Produced by \`${f.command}\` (bench/directory.ts, bench/directory-browser.ts) on ${f.when.toISOString().slice(0, 16).replace('T', ' ')} UTC, at commit`,
    `${f.commit}, the server started with \`NODE_ENV=production\` as in production (React's production build). Machine: ${machine.cpus} cores (${machine.model}), ${machine.memoryGiB} GiB, Node ${machine.node}; the server (\`npm start\`, one`,
    'Node process), PostgreSQL, the load generator and the browser share these cores, and other engineers\' work may take part of them.',
    '',
    `Data: the demo data plus a generated national registry (\`generateNationalRegistry\`, ${NATIONAL_DIRECTORY.institutions.toLocaleString('en')} institutions and`,
    `${NATIONAL_DIRECTORY.associations.toLocaleString('en')} founders), every generated institution published by \`publishNationalDirectory\``,
    '(src/modules/directory/db/demo/national.ts: address, phone, opening hours, capacity, position, licence; e-mail for 30 %, place',
    `availability for 40 %): ${f.generated.published.toLocaleString('en')} publications; ${f.generated.shown.toLocaleString('en')} institutions on the public site (the others are refused,`,
    `suspended, withdrawn or closed), ${f.generated.institutions.toLocaleString('en')} institutions in the registry. Generated and published in ${(f.generated.ms / 1000).toFixed(1)} s, then`,
    '`VACUUM ANALYZE`, then the server restarted.',
    '',
    '### Search page: server time and throughput',
    '',
    `Addresses: ${times.addresses} distinct search addresses, ${times.addresses / 2} searches each in Arabic (\`/\`) and French (\`/fr/\`): words in`,
    'Arabic and Latin letters (kinds of institution, commune and province names), region, province, commune, category (legal',
    'category or centre type), need (service type), target group, `near=lat,lon`, their combinations, and pages 2 to 5.',
    'Each request: `accept-encoding: br, gzip`, timed at the client from the request to the last byte of the compressed',
    'page, sequential on one keep-alive connection over the loopback interface. Before the timed passes, 5 rounds over 40',
    'other searches (JIT, the search index). **Cold**: the first request of each address (searched in memory, rendered,',
    `compressed with brotli and gzip, put in the page cache). **Warm**: ${WARM_ROUNDS} more passes over every address (from the page cache).`,
    '',
    '| measure | target | result |',
    '|---|---|---|',
    `| search page, cold (${times.cold.requests} requests): p50 / p95 / p99 / max | p95 ≤ ${TARGETS.p95Ms} ms | ${ms1(times.cold.p50)} / **${ms1(times.cold.p95)}** / ${ms1(times.cold.p99)} / ${ms1(times.cold.max)} ${tick(times.cold.p95 <= TARGETS.p95Ms)} |`,
    `| search page, warm (${times.warm.requests} requests): p50 / p95 / p99 / max | p95 ≤ ${TARGETS.p95Ms} ms | ${ms1(times.warm.p50)} / **${ms1(times.warm.p95)}** / ${ms1(times.warm.p99)} / ${ms1(times.warm.max)} ${tick(times.warm.p95 <= TARGETS.p95Ms)} |`,
    `| throughput, autocannon, ${t.connections} connections, ${t.seconds} s over the same addresses (after 3 s of warm-up) | ≥ ${TARGETS.rps.toLocaleString('en')} searches/s on 2 cores | **${Math.round(t.rps).toLocaleString('en')} searches/s** on ${machine.cpus} cores ${tick(t.rps >= TARGETS.rps)} |`,
    `| same: latency p50 / p97.5 / p99 | — | ${t.p50} ms / ${t.p97_5} ms / ${t.p99} ms |`,
    `| same: errors / non-2xx / timeouts | 0 | ${t.errors} / ${t.non2xx} / ${t.timeouts} ${tick(t.errors + t.non2xx + t.timeouts === 0)} |`,
    `| CPU time of the server process per search: cold / warm / during the autocannon run | — | ${ms1(times.cpuPerSearch.cold)} / ${times.cpuPerSearch.warm.toFixed(2)} ms / ${t.cpuPerSearch.toFixed(2)} ms (one uncontended core: about ${Math.round(1000 / Math.max(0.01, t.cpuPerSearch)).toLocaleString('en')} searches/s under load) |`,
    `| first search after the server started (loads the copy of the directory, then renders) | — | ${ms1(times.firstMs)} (the query \`directory.public_listings()\` alone, timed apart: ${ms1(f.listingsQueryMs)}) |`,
    `| compressed (br) size of the pages measured: median / largest | — | ${kb(times.bodyBytes.median)} / ${kb(times.bodyBytes.max)} |`,
    ...(times.failures.length ? [`| answers that were not a 200 in brotli | none | ✗ ${times.failures.join('; ').replace(/\|/g, '\\|')} |`] : []),
    '',
    `Machine load while measuring (1-minute load average, start → end): timed passes ${times.load.map((l) => l.toFixed(1)).join(' → ')},`,
    `autocannon ${t.load.map((l) => l.toFixed(1)).join(' → ')}, on ${machine.cpus} cores. Above ${machine.cpus}, other processes competed for the cores and the`,
    'wall-clock figures are inflated accordingly; the CPU time per search (read from /proc for the server process) is not.',
    '',
    'Cold time by kind of search (both languages):',
    '',
    '| kind | requests | p50 | p95 | max |',
    '|---|---|---|---|---|',
    ...times.coldByKind.map(({ kind, latency: l }) => `| ${kind} | ${l.requests} | ${ms1(l.p50)} | ${ms1(l.p95)} | ${ms1(l.max)} |`),
    '',
  ];
  return lines.concat(browserLines(f));
}

function browserLines(f: DirectoryFigures): string[] {
  const lines = [
    '### Search page in the browser: weight and Largest Contentful Paint',
    '',
    `Headless Chromium (${f.browser}) through playwright-core, a new browser context (empty cache, new connections) for each load.`,
    '**Weight**: the bytes Chromium received for the document and its subresources (CDP `Network.loadingFinished`',
    '`encodedDataLength`: compressed bodies and HTTP headers), images counted apart; the encoding is what Chromium asked',
    'and the server chose. The "20 results" pages are a search by words that finds more than 20 institutions.',
    '',
    '| page | document | scripts, styles, other | images (apart) | first view, without images | target |',
    '|---|---|---|---|---|---|',
    ...f.weights.map((w) => `| \`${decodeURIComponent(w.path)}\` (${w.label})${w.failed.length ? ` ✗ failed: ${w.failed.join('; ')}` : ''} | ${kb(w.documentBytes)} (${w.documentEncoding || 'identity'}) | ${kb(w.otherBytes)} (${w.otherCount}) | ${kb(w.imageBytes)} (${w.imageCount}) | **${kb(w.documentBytes + w.otherBytes)}** ${tick(w.documentBytes + w.otherBytes <= TARGETS.weightKb * 1024)} | ≤ ${TARGETS.weightKb} KB |`),
    '',
    '**LCP**: the same pages under a slow mobile profile set through CDP: `Network.emulateNetworkConditions` (400 kbit/s down',
    'and up = 50,000 bytes/s, 400 ms latency), `Emulation.setCPUThrottlingRate` 4, a 360×740 mobile viewport at device scale 2',
    'with touch. LCP read in the page with `PerformanceObserver({ type: "largest-contentful-paint", buffered: true })`',
    'after the load event (and half a second more), the last candidate counted.',
    '',
    '| page | runs | LCP median | LCP worst | LCP element | load event (median) | target |',
    '|---|---|---|---|---|---|---|',
    ...f.lcp.map((l) => `| \`${decodeURIComponent(l.path)}\` (${l.label}) | ${l.runs.length} | **${ms1(l.median)}** | ${ms1(l.worst)} | ${l.element} | ${ms1(l.loadMedian)} | ≤ ${TARGETS.lcpMs / 1000} s ${tick(l.worst <= TARGETS.lcpMs)} |`),
    '',
  ];
  return lines;
}
