/** Configuration from the environment: every variable, its default and its meaning (README table). */
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  RAAYA_DATA_DIR: z.string().default('.raaya'),
  DATABASE_URL: z.string().optional(),
  DATABASE_APP_URL: z.string().optional(),
  RAAYA_APP_DB_PASSWORD: z.string().optional(),
  RAAYA_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  RAAYA_DEMO_PASSWORD: z.string().min(10).default('raaya-demo'),
  RAAYA_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  RAAYA_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  RAAYA_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  RAAYA_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  RAAYA_DB_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  RAAYA_JOBS_WORKER: z.enum(['on', 'off']).default('on'),
  RAAYA_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(2048).default(20),
  RAAYA_SMTP_URL: z.string().optional(),
  RAAYA_SMTP_FROM: z.string().default('Raaya <no-reply@raaya.ma>'),
  RAAYA_DIRECTORY_REFRESH_SECONDS: z.coerce.number().int().min(0).max(50).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  /** Connection of the tables' owner, used for migrations and seeds. Absent: embedded server. */
  databaseUrl: string | undefined;
  /** Connection of the application role; derived from databaseUrl when absent. */
  databaseAppUrl: string | undefined;
  appDbPassword: string | undefined;
  embeddedPgPort: number;
  demoPassword: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  dbPoolSize: number;
  logLevel: string;
  /** Whether this process runs queued jobs (off: it only enqueues them). */
  jobsWorker: boolean;
  /** Largest accepted upload, in MB (documents). */
  maxUploadMb: number;
  /** SMTP server for e-mailed notifications (smtp[s]://user:pass@host:port); unset: in-app only. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  secureCookies: boolean;
  /** How often the public directory looks for registry changes (its pages follow within a minute). */
  directoryRefreshSeconds: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = Env.parse(env);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.RAAYA_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseAppUrl: e.DATABASE_APP_URL,
    appDbPassword: e.RAAYA_APP_DB_PASSWORD,
    embeddedPgPort: e.RAAYA_EMBEDDED_PG_PORT,
    demoPassword: e.RAAYA_DEMO_PASSWORD,
    sessionIdleMinutes: e.RAAYA_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.RAAYA_SESSION_MAX_HOURS,
    loginMaxFailures: e.RAAYA_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.RAAYA_LOGIN_LOCK_MINUTES,
    dbPoolSize: e.RAAYA_DB_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    jobsWorker: e.RAAYA_JOBS_WORKER === 'on',
    maxUploadMb: e.RAAYA_MAX_UPLOAD_MB,
    smtpUrl: e.RAAYA_SMTP_URL || undefined,
    smtpFrom: e.RAAYA_SMTP_FROM,
    directoryRefreshSeconds: e.RAAYA_DIRECTORY_REFRESH_SECONDS,
    secureCookies: e.NODE_ENV === 'production',
  };
}
