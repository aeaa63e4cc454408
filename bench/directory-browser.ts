/**
 * The public search page in headless Chromium (issue 7, item 3): the bytes of its first view and
 * its Largest Contentful Paint under a throttled slow mobile profile, each load in a new browser
 * context (empty cache, new connections).
 */
import type { Browser, BrowserContext, CDPSession } from 'playwright-core';

export interface BenchPage {
  path: string;
  label: string;
}

export interface PageWeight extends BenchPage {
  documentBytes: number;
  documentEncoding: string;
  /** Scripts, styles, fonts and anything else that is not an image. */
  otherBytes: number;
  otherCount: number;
  imageBytes: number;
  imageCount: number;
  /** What Chromium sent as accept-encoding for the document. */
  acceptEncoding: string;
  /** Requests of the page that failed (a blocked or missing resource would make the page look lighter). */
  failed: string[];
}

interface Received {
  url: string;
  type: string;
  encoding: string;
}

/** Records every response of the page and the bytes Chromium received for it. */
function watchNetwork(cdp: CDPSession) {
  const responses = new Map<string, Received>();
  const bytes = new Map<string, number>();
  const failed: string[] = [];
  let acceptEncoding = '';
  cdp.on('Network.loadingFailed', (e) => failed.push(`${e.type} ${e.errorText}${e.blockedReason ? ` (${e.blockedReason})` : ''}`));
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    responses.set(e.requestId, { url: e.response.url, type: e.type, encoding: headers['content-encoding'] ?? '' });
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    const found = Object.entries(e.headers).find(([k]) => k.toLowerCase() === 'accept-encoding');
    if (found && !acceptEncoding) acceptEncoding = String(found[1]);
  });
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  return { responses, bytes, failed, acceptEncoding: () => acceptEncoding };
}

async function freshPage(browser: Browser, mobile: boolean): Promise<{ context: BrowserContext; cdp: CDPSession; page: Awaited<ReturnType<BrowserContext['newPage']>> }> {
  const context = await browser.newContext(mobile ? { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  return { context, cdp, page };
}

export async function measureWeight(browser: Browser, base: string, target: BenchPage): Promise<PageWeight> {
  const { context, cdp, page } = await freshPage(browser, false);
  try {
    const network = watchNetwork(cdp);
    const response = await page.goto(`${base}${target.path}`, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`GET ${target.path} → ${response?.status()}`);
    const weight: PageWeight = { ...target, documentBytes: 0, documentEncoding: '', otherBytes: 0, otherCount: 0, imageBytes: 0, imageCount: 0, acceptEncoding: '', failed: [] };
    for (const [id, received] of network.responses) {
      const size = network.bytes.get(id) ?? 0;
      if (received.type === 'Document') {
        weight.documentBytes += size;
        weight.documentEncoding = received.encoding;
      } else if (received.type === 'Image') {
        weight.imageBytes += size;
        weight.imageCount += 1;
      } else {
        weight.otherBytes += size;
        weight.otherCount += 1;
      }
    }
    weight.acceptEncoding = network.acceptEncoding();
    weight.failed = network.failed;
    return weight;
  } finally {
    await context.close();
  }
}

export interface LcpRun {
  lcpMs: number;
  element: string;
  loadMs: number;
}

export interface LcpResult extends BenchPage {
  runs: LcpRun[];
  median: number;
  worst: number;
  loadMedian: number;
  /** The LCP element of the median run. */
  element: string;
}

/** The slow mobile profile of issue 7: 400 kbit/s both ways, 400 ms latency, CPU 4× slower. */
export const SLOW_MOBILE = { downloadThroughput: 50_000, uploadThroughput: 50_000, latency: 400, cpuSlowdown: 4 } as const;

async function lcpOnce(browser: Browser, base: string, path: string): Promise<LcpRun> {
  const { context, cdp, page } = await freshPage(browser, true);
  try {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: SLOW_MOBILE.latency, downloadThroughput: SLOW_MOBILE.downloadThroughput, uploadThroughput: SLOW_MOBILE.uploadThroughput,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_MOBILE.cpuSlowdown });
    const response = await page.goto(`${base}${path}`, { waitUntil: 'load', timeout: 60_000 });
    if (response?.status() !== 200) throw new Error(`GET ${path} → ${response?.status()}`);
    await page.waitForTimeout(500);
    // Runs in the page: the last LCP candidate so far, and the load event's time (both from navigation start).
    return await page.evaluate(() => new Promise<LcpRun>((resolve) => {
      const load = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      new PerformanceObserver((list) => {
        const entries = list.getEntries() as (PerformanceEntry & { element?: Element | null })[];
        const last = entries[entries.length - 1]!;
        const el = last.element;
        resolve({ lcpMs: last.startTime, element: el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : '(removed)', loadMs: load?.loadEventEnd ?? 0 });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => resolve({ lcpMs: Number.NaN, element: '(no LCP entry)', loadMs: load?.loadEventEnd ?? 0 }), 5_000);
    }));
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measureLcp(browser: Browser, base: string, target: BenchPage, runs = 5): Promise<LcpResult> {
  const results: LcpRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await lcpOnce(browser, base, target.path));
  const values = results.map((r) => (Number.isNaN(r.lcpMs) ? Infinity : r.lcpMs));
  const mid = median(values);
  return {
    ...target, runs: results, median: mid, worst: Math.max(...values), loadMedian: median(results.map((r) => r.loadMs)),
    element: results.find((r) => r.lcpMs === mid)?.element ?? results[0]!.element,
  };
}
