/** A real Raaya server on a free loopback port, over a fresh copy of the test database with the demo data. */
import { DEMO_PASSWORD } from '../src/server/testing/demo-template.ts';
import { startTestServer, type TestServer } from '../src/server/testing/harness.ts';

export { DEMO_PASSWORD };

export async function startBrowserServer(env: Record<string, string> = {}): Promise<TestServer & { baseUrl: string }> {
  // The demo is seeded once per run into a template (demo-template.ts); this file gets its own copy.
  const server = await startTestServer({ RAAYA_DEMO_PASSWORD: DEMO_PASSWORD, ...env }, { demo: true });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { ...server, baseUrl: `http://127.0.0.1:${address.port}` };
}
