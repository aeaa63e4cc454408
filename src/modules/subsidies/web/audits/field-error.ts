/** The server's message for one field of a refused request (problem+json errors[].path), for forms without react-hook-form. */
import { ApiError } from '../../../../platform/web/index.ts';

export const fieldErrorOf = (error: unknown, name: string): string | undefined =>
  error instanceof ApiError ? error.problem?.errors?.find((e) => e.path === name)?.message : undefined;
