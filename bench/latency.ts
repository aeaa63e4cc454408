/**
 * Latency of one GET, measured as a client sees it: a timed loop of sequential requests on one
 * keep-alive connection (after a warm-up), reported as percentiles. Before measuring, every path
 * is tried once so that a route that does not exist (yet) stops the run with its name, instead of
 * figures measured on 404 answers.
 */
import type { ApiSession } from './jobs.ts';

export interface Latency {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of nothing');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarise(durations: number[]): Latency {
  const sorted = [...durations].sort((a, b) => a - b);
  return { requests: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]! };
}

export interface FailedPath {
  path: string;
  status: number;
  body: string;
}

export class BenchRouteError extends Error {
  constructor(readonly failures: FailedPath[]) {
    super(
      `these benchmark requests do not answer 200 (a route that is not there yet answers 404):\n${failures
        .map((f) => `  GET ${f.path} → ${f.status} ${f.body.slice(0, 160)}`)
        .join('\n')}`,
    );
    this.name = 'BenchRouteError';
  }
}

export async function get(session: ApiSession, path: string): Promise<Response> {
  return fetch(`${session.base}${path}`, { headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
}

/** Tries each path once; throws one error naming every path that does not answer 200. */
export async function preflight(checks: { session: ApiSession; path: string }[]): Promise<void> {
  const failures: FailedPath[] = [];
  for (const { session, path } of checks) {
    const response = await get(session, path);
    const body = await response.text();
    if (response.status !== 200) failures.push({ path, status: response.status, body });
  }
  if (failures.length) throw new BenchRouteError(failures);
}

export async function timeGet(session: ApiSession, path: string, options: { warmup?: number; requests?: number } = {}): Promise<Latency> {
  const { warmup = 20, requests = 200 } = options;
  const durations: number[] = [];
  for (let i = 0; i < warmup + requests; i++) {
    const started = performance.now();
    const response = await get(session, path);
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new BenchRouteError([{ path, status: response.status, body: Buffer.from(body).toString('utf8') }]);
    if (i >= warmup) durations.push(ms);
  }
  return summarise(durations);
}
