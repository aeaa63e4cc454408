/** A start that cannot happen says why, instead of failing without a reason. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { startEmbeddedDatabase } from './embedded.ts';

describe('the embedded PostgreSQL', () => {
  it('names the port and the cause when the port is already taken', async () => {
    // The test run's own database holds this port.
    const takenPort = Number(new URL(inject('database').ownerUrl).port);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'raaya-embedded-'));
    try {
      await expect(startEmbeddedDatabase(dir, takenPort, () => undefined)).rejects.toThrow(
        new RegExp(`did not start on port ${takenPort} \\(.*Address already in use.*RAAYA_EMBEDDED_PG_PORT`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
