/**
 * Zod issues on forms become catalog keys, so validation messages follow the interface language.
 * The same contract schemas validate on the server; its messages arrive already translated.
 */
import i18next from 'i18next';

interface FormIssue {
  code: string;
  message?: string;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
}

const CUSTOM = new Set(['username_format', 'phone_format', 'password_mismatch']);
const encode = (key: string, values: Record<string, unknown> = {}) => `@${key}|${JSON.stringify(values)}`;

/** Per-parse error map for zodResolver(schema, { error: formErrorMap }). */
export function formErrorMap(issue: FormIssue): string {
  const n = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && n(issue.minimum) === 1) return encode('required');
      if (issue.origin === 'string') return encode('too_small_string', { min: n(issue.minimum) });
      if (issue.origin === 'array') return encode('too_small_array', { min: n(issue.minimum) });
      return encode('too_small');
    case 'too_big':
      if (issue.origin === 'string') return encode('too_big_string', { max: n(issue.maximum) });
      if (issue.origin === 'array') return encode('too_big_array', { max: n(issue.maximum) });
      return encode('too_big');
    case 'invalid_format':
      if (issue.format === 'email') return encode('invalid_email');
      if (issue.format === 'uuid' || issue.format === 'guid') return encode('invalid_uuid');
      if (issue.format === 'date') return encode('invalid_date');
      return encode('invalid_format');
    case 'invalid_type':
      return encode(issue.input === undefined || issue.input === null || issue.input === '' ? 'required' : 'invalid_type');
    case 'invalid_value':
      return encode(issue.input === undefined || issue.input === null || issue.input === '' ? 'required' : 'invalid_value');
    default:
      return encode('invalid_type');
  }
}

type ValidationKey = 'required' | 'too_small_string' | 'too_big_string' | 'too_small_array' | 'too_big_array' | 'too_small' | 'too_big'
  | 'invalid_format' | 'invalid_email' | 'invalid_date' | 'invalid_uuid' | 'invalid_type' | 'invalid_value' | 'username_format'
  | 'phone_format' | 'password_mismatch';

/** The message to show under a field: a translated validation key, or a server message as it came. */
export function fieldMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  if (CUSTOM.has(message)) return i18next.t(`validation.${message as ValidationKey}`);
  // A module's own message, written as its server key 'registry.validation.rib_key': the same
  // words live in the module's web catalog under 'registry:validation.rib_key'.
  const own = /^([a-z]+)\.([a-z_]+(?:\.[a-z_]+)+)$/.exec(message);
  if (own && i18next.exists(`${own[1]}:${own[2]}`)) return i18next.t(`${own[1]}:${own[2]}` as never);
  const m = /^@([a-z_]+)\|(.*)$/s.exec(message);
  if (!m) return message;
  let values: Record<string, unknown>;
  try {
    values = JSON.parse(m[2] ?? '{}') as Record<string, unknown>;
  } catch {
    values = {};
  }
  return i18next.t(`validation.${m[1] as ValidationKey}`, values);
}
