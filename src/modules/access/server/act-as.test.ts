/** Acting as a user is for the definer functions that checked a session or a job, never for the app itself. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/testing/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('access.act_as', () => {
  it('cannot be called by the application role to take on any account', async () => {
    const client = new pg.Client({ connectionString: server.appUrl });
    await client.connect();
    try {
      // The privilege is checked before any argument matters.
      await expect(client.query('SELECT * FROM access.act_as(NULL::access.users)')).rejects.toThrow(/permission denied for function act_as/);
    } finally {
      await client.end();
    }
  });
});
