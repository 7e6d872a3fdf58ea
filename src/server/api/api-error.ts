// Make's error body for every API failure (MAKE-API.md §1.3): `{message, detail, code, suberrors}`, with the HTTP
// status Make uses. Routes throw ApiError; the app's error handler writes it.
import { z } from 'zod';

/** One entry of `suberrors`. */
export interface SubError {
  readonly message: string;
  readonly name: string;
}

/** An API failure as Make reports it. */
export class ApiError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 406 | 409 | 413 | 422 | 429 | 500;
  readonly detail: string;
  readonly code: string;
  readonly suberrors: readonly SubError[];

  constructor(status: ApiError['status'], message: string, detail: string, code = `SC${status}`, suberrors: readonly SubError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.code = code;
    this.suberrors = suberrors;
  }

  /** The JSON body Make sends. */
  body(): Record<string, unknown> {
    return { message: this.message, detail: this.detail, code: this.code, ...(this.suberrors.length > 0 ? { suberrors: this.suberrors } : {}) };
  }
}

/** 404 for a missing entity, worded as Make words it. */
export function notFound(what: string, id: string | number): ApiError {
  return new ApiError(404, 'Not Found', `${what} with id '${id}' not found.`, 'SC404');
}

/** 400 listing each problem as a suberror (Make: "Validation failed for N parameter(s)."). */
export function validationFailed(problems: readonly string[]): ApiError {
  return new ApiError(400, 'Bad Request', `Validation failed for ${problems.length} parameter(s).`, 'SC400', problems.map((message) => ({ message, name: 'Error' })));
}

/** Parses a request part with its zod schema; failures become a 400 naming each field. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationFailed(parsed.error.issues.map((issue) => `Invalid value of parameter '${issue.path.join('.') || '(body)'}': ${issue.message}.`));
}
