/**
 * The matcher's quality on the labelled pairs (eval/pairs.json), through the API as a delegation
 * user: precision and recall at the default threshold must stay above their floors (chosen from
 * the measured values with a small margin, so a change that degrades matching fails here).
 * `npm run eval:matching` runs this file and prints the figures.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../server/testing/harness.ts';
import { evaluate, pairs } from './evaluate.ts';

const PRECISION_FLOOR = 0.95;
const RECALL_FLOOR = 0.9;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('has at least 200 labelled pairs, both labels well represented', () => {
  expect(pairs.length).toBeGreaterThanOrEqual(200);
  expect(pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(80);
  expect(pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(80);
});

it(`finds duplicates with precision ≥ ${PRECISION_FLOOR} and recall ≥ ${RECALL_FLOOR}`, async () => {
  const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
  const result = await evaluate(server, delegate);
  console.log(
    `matching evaluation on ${pairs.length} pairs: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)} ` +
      `(TP ${result.truePositives}, FP ${result.falsePositives}, FN ${result.falseNegatives}, TN ${result.trueNegatives})\n` +
      result.errors.map((e) => `  ${e.same ? 'missed' : 'false match'} ${e.id} ${e.kind}${e.score !== null ? ` score ${e.score}` : ''}`).join('\n'),
  );
  expect(result.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  expect(result.recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
}, 120_000);
