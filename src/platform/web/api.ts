/**
 * The one HTTP client of the web app: same-origin cookies, the user's language, the CSRF token on
 * every write, and problem+json errors turned into ApiError (messages already in the user's language).
 */
import type { z } from 'zod';
import { Problem } from '../contract/common.ts';

let csrfToken: string | null = null;
let currentLanguage = 'ar';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(language: string): void {
  currentLanguage = language;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The server's message for one field of a refused request (problem+json errors[].path), for forms without react-hook-form. */
export const serverFieldError = (error: unknown, path: string): string | undefined =>
  error instanceof ApiError ? error.problem?.errors?.find((e) => e.path === path)?.message : undefined;

type Query = Record<string, string | number | null | undefined>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions<T extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  schema: T;
}

export async function request<T extends z.ZodType>(path: string, { method = 'GET', body, schema }: RequestOptions<T>): Promise<z.infer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage };
  // A FormData body (file uploads) sets its own multipart content type.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const payload: unknown = isJson ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const parsed = Problem.safeParse(payload);
    throw new ApiError(response.status, parsed.success ? parsed.data : null);
  }
  return schema.parse(payload);
}

export const api = {
  get: <T extends z.ZodType>(path: string, schema: T) => request(path, { schema }),
  post: <T extends z.ZodType>(path: string, body: unknown, schema: T) => request(path, { method: 'POST', body, schema }),
  patch: <T extends z.ZodType>(path: string, body: unknown, schema: T) => request(path, { method: 'PATCH', body, schema }),
  /** Replaces a resource's settings (the directory's publication and availability). */
  put: <T extends z.ZodType>(path: string, body: unknown, schema: T) => request(path, { method: 'PUT', body, schema }),
  /** multipart/form-data: the fields first, then the file, as the documents API expects. */
  postForm: <T extends z.ZodType>(path: string, form: FormData, schema: T) => request(path, { method: 'POST', body: form, schema }),
};

/** Uploads a multipart form (a file): same cookies, language and CSRF token as request(). */
export async function postForm<T extends z.ZodType>(path: string, form: FormData, schema: T): Promise<z.infer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, null);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = Problem.safeParse(payload);
    throw new ApiError(response.status, parsed.success ? parsed.data : null);
  }
  return schema.parse(payload);
}
