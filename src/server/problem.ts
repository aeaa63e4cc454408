/** Turns every error into application/problem+json in the user's language; never leaks internals. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Language } from '../platform/contract/common.ts';
import { AppError, type FieldError } from './errors.ts';
import { translate } from './i18n/messages.ts';

interface ValidationIssue {
  code?: string;
  message?: string;
  path?: (string | number)[];
  instancePath?: string;
  origin?: string;
  format?: string;
  minimum?: unknown;
  maximum?: unknown;
  keys?: string[];
  input?: unknown;
}

/** Maps one Zod issue to a catalog key; custom refinements carry their own key as the message. */
function issueKey(issue: ValidationIssue): { key: string; params?: Record<string, unknown> } {
  const origin = issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint' ? 'number' : issue.origin === 'array' || issue.origin === 'set' ? 'array' : 'string';
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.input === undefined ? 'validation.required' : 'validation.invalid_type' };
    case 'too_small':
      if (origin === 'string' && issue.minimum === 1) return { key: 'validation.required' };
      return { key: `validation.too_small_${origin}`, params: { minimum: issue.minimum } };
    case 'too_big':
      return { key: `validation.too_big_${origin}`, params: { maximum: issue.maximum } };
    case 'invalid_format':
      if (issue.format === 'regex' && issue.message && /^[a-z_]+$/.test(issue.message)) return { key: `validation.${issue.message}` };
      // A module's own message: 'registry.validation.rib_format' (server catalog key).
      if (issue.message && /^[a-z_]+(\.[a-z_]+)+$/.test(issue.message)) return { key: issue.message };
      if (issue.format === 'email') return { key: 'validation.invalid_email' };
      if (issue.format === 'uuid') return { key: 'validation.invalid_uuid' };
      if (issue.format === 'date' || issue.format === 'datetime') return { key: 'validation.invalid_date' };
      return { key: 'validation.invalid_format' };
    case 'invalid_value':
      return { key: 'validation.invalid_value' };
    case 'unrecognized_keys':
      return { key: 'validation.unrecognized_keys' };
    case 'custom':
      return { key: issue.message && /^[a-z_.]+$/.test(issue.message) ? issue.message : 'validation.invalid' };
    default:
      return { key: 'validation.invalid' };
  }
}

export function fieldErrorsFromIssues(issues: ValidationIssue[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = (issue.path ?? []).map(String);
    const mapped = issueKey(issue);
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      for (const k of issue.keys) out.push({ path: [prefix, ...base, k].filter(Boolean).join('.'), key: mapped.key });
    } else {
      out.push({ path: [prefix, ...base].filter(Boolean).join('.'), ...mapped });
    }
  }
  return out;
}

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  hint?: string;
}

const isPgError = (e: unknown): e is PgError & Error =>
  e instanceof Error && typeof (e as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((e as PgError).code!);

/**
 * What a named database constraint means to the user: the field it concerns and the catalog key of
 * its message. Modules register theirs, so a rule enforced only in the database (a paid service
 * in a category that may not charge, a duplicate name in a commune) still answers a clear 400/409.
 */
export interface ConstraintMessage {
  path: string;
  key: string;
  status?: 400 | 409;
}
const constraintMessages = new Map<string, ConstraintMessage>();
export function registerConstraintMessages(messages: Record<string, ConstraintMessage>): void {
  for (const [constraint, message] of Object.entries(messages)) constraintMessages.set(constraint, message);
}

/** Constraint violations that slip past the schemas still answer 4xx, never 500. */
function fromDatabase(error: PgError & Error): AppError | undefined {
  const known = error.constraint ? constraintMessages.get(error.constraint) : undefined;
  if (known && /^23/.test(error.code ?? '')) {
    const status = known.status ?? (error.code === '23505' ? 409 : 400);
    return new AppError(status, status === 409 ? 'errors.conflict' : 'errors.validation', [{ path: known.path, key: known.key }]);
  }
  switch (error.code) {
    case '23505':
      return new AppError(409, 'errors.conflict', error.constraint ? [{ path: constraintField(error.constraint), key: 'validation.invalid_value' }] : []);
    case '23514':
    case '23502':
    case '22P02':
    case '22001':
    case '22007':
    case '22008':
    case '23503':
      return new AppError(400, 'errors.validation', [{ path: error.column ?? constraintField(error.constraint ?? ''), key: 'validation.invalid_value' }]);
    case 'RA409':
      // A rule the database enforces (a closed month, a blocked tranche) names its message in the
      // HINT; without one it is the approval lock (approvals.guard, decision 0007).
      return new AppError(409, error.hint && /^[a-z_]+(\.[a-z_]+)+$/.test(error.hint) ? error.hint : 'approvals.errors.locked');
    case '42501':
      // A row-level security WITH CHECK refusal: the target lies outside the caller's scope.
      // Other privilege errors are programming errors and stay 500.
      return /row-level security/.test((error as Error).message) ? new AppError(404, 'errors.not_found') : undefined;
    default:
      return undefined;
  }
}

/** "users_username_key" → "username"; a best effort for the field path of a constraint. */
function constraintField(constraint: string): string {
  return constraint.replace(/^[a-z]+_/, '').replace(/_(key|check|fkey|pkey)$/, '');
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fastifyError = error as FastifyError & { validationContext?: string; validation: ValidationIssue[] };
    const prefix = fastifyError.validationContext === 'body' ? '' : (fastifyError.validationContext ?? '');
    const issues = fastifyError.validation.map((v) => {
      const item = v as { keyword?: string; message?: string; instancePath?: string; params?: Record<string, unknown> };
      return { ...item.params, code: item.keyword, message: item.message, path: (item.instancePath ?? '').split('/').filter(Boolean) } as ValidationIssue;
    });
    return new AppError(400, 'errors.validation', fieldErrorsFromIssues(issues, prefix === 'querystring' ? '' : prefix));
  }
  if (isPgError(error)) return fromDatabase(error);
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'errors.malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'errors.payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'errors.unsupported_media_type');
  }
  if (fastifyError.statusCode === 429) return new AppError(429, 'errors.rate_limited');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError(fastifyError.statusCode, fastifyError.statusCode === 404 ? 'errors.not_found' : 'errors.validation');
  }
  return undefined;
}

export function problemBody(error: AppError, lang: Language) {
  return {
    type: `https://raaya.ma/problems/${error.key.replace(/^.*errors\./, '').replace(/_/g, '-')}`,
    title: translate(lang, `${error.key}.title`),
    status: error.status,
    detail: translate(lang, `${error.key}.detail`),
    code: error.key.replace(/^.*errors\./, ''),
    ...(error.fieldErrors.length
      ? { errors: error.fieldErrors.map((f) => ({ path: f.path, message: translate(lang, f.key, f.params) })) }
      : {}),
    ...error.extensions,
  };
}

export function sendProblem(reply: FastifyReply, error: AppError, lang: Language) {
  return reply.code(error.status).headers(error.headers).type('application/problem+json').send(problemBody(error, lang));
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError) return sendProblem(reply, appError, request.lang);
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, new AppError(500, 'errors.internal'), request.lang);
}
