/** Puts the server's field errors (problem+json errors[].path) onto react-hook-form fields. */
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api.ts';

/** Returns true when at least one error was placed on a known field. */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.problem?.errors) return false;
  let placed = false;
  for (const e of error.problem.errors) {
    const field = fields.find((f) => e.path === f || e.path.startsWith(`${f}.`)) ?? fields.find((f) => f.startsWith(`${e.path}.`));
    if (field) {
      setError(field as Path<T>, { type: 'server', message: e.message });
      placed = true;
    }
  }
  return placed;
}
