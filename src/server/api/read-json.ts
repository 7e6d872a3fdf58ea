// Reads a request's JSON body; text that is not JSON is a 400 saying where it broke, an empty body is `empty`.
import type { Context } from 'hono';
import { ApiError } from './api-error.ts';

export async function readJson(c: Context, empty?: unknown): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (empty !== undefined) return empty;
    throw new ApiError(400, 'Bad Request', 'The request body is empty; send a JSON object.', 'SC400');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'Bad Request', `The request body is not JSON: ${error instanceof Error ? error.message : String(error)}.`, 'SC400');
  }
}
