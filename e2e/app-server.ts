/** A real Raaya server on a free loopback port, over a fresh copy of the test database, with demo data. */
import { seedDemo } from '../src/server/demo.ts';
import { startTestServer, type TestServer } from '../src/server/testing/harness.ts';

export const DEMO_PASSWORD = 'raaya-demo-e2e';

export async function startBrowserServer(env: Record<string, string> = {}): Promise<TestServer & { baseUrl: string }> {
  const server = await startTestServer({ RAAYA_DEMO_PASSWORD: DEMO_PASSWORD, ...env });
  await seedDemo(server.ownerUrl, DEMO_PASSWORD, server.config.dataDir);
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { ...server, baseUrl: `http://127.0.0.1:${address.port}` };
}
