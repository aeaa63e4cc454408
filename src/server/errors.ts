/**
 * One error type for the whole server. Each module declares its codes (an enum of strings) with
 * their status; messages come from the catalogs, so every error reaches the user in its language
 * as application/problem+json (RFC 9457).
 */
export interface FieldError {
  path: string;
  /** A catalog key, such as `validation.required` or `access.errors.role_not_grantable`. */
  key: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    /** Catalog key of the title and detail: `<key>.title`, `<key>.detail`. */
    readonly key: string,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
    /** Extension members of the problem body (RFC 9457 §3.2), e.g. the candidates of a possible duplicate. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

export const notFound = () => new AppError(404, 'errors.not_found');
export const unauthenticated = () => new AppError(401, 'errors.unauthenticated');
export const forbidden = () => new AppError(403, 'errors.forbidden');
export const invalidFields = (...fields: FieldError[]) => new AppError(400, 'errors.validation', fields);
