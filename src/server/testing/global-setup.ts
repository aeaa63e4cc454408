/**
 * Vitest global setup: one real embedded PostgreSQL for the whole run, migrated once into the
 * `raaya` database, which every test file then copies (CREATE DATABASE … TEMPLATE) so that each
 * file works in data of its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../db/database.ts';
import { startEmbeddedDatabase } from '../db/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    database: { ownerUrl: string; appPassword: string; scratchDir: string };
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'raaya-test-'));
  const port = 55_000 + Math.floor(Math.random() * 5000);
  const db = await startEmbeddedDatabase(dir, port, (m) => console.error(m));
  await prepareDatabase(db.ownerUrl, () => undefined, db.appPassword);
  // scratchDir: what test files build once for the whole run (the demo's files, demo-template.ts).
  project.provide('database', { ownerUrl: db.ownerUrl, appPassword: db.appPassword, scratchDir: dir });
  return async () => {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
