// Maps any error a route raised to Make's API error: ApiError as is, RemakeError (bad input found by core) as 400
// with one suberror per line, anything else as 500 without internals.
import { RemakeError } from '../../shared/errors.ts';
import { ApiError } from './api-error.ts';

const NOT_FOUND_CODES = new Set(['SCENARIO_NOT_FOUND', 'INCOMPLETE_NOT_FOUND', 'HOOK_NOT_FOUND_BY_ID']);

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof RemakeError) {
    if (NOT_FOUND_CODES.has(error.code)) return new ApiError(404, 'Not Found', error.message, 'SC404');
    const lines = error.message.split('\n').filter((line) => line.length > 0);
    return new ApiError(400, 'Bad Request', lines.length > 1 ? `Validation failed for ${lines.length} parameter(s).` : (lines[0] ?? error.code), 'SC400', lines.length > 1 ? lines.map((message) => ({ message, name: 'Error' })) : []);
  }
  return new ApiError(500, 'Internal Server Error', 'The server failed to handle the request.', 'SC500');
}
