// Make's list conventions (MAKE-API.md §1.3): `pg[offset]`, `pg[limit]`, `pg[sortBy]`, `pg[sortDir]` echoed back as
// `pg`, and `cols[]` picking the returned fields.
import type { Context } from 'hono';
import { z } from 'zod';
import { parseOr400 } from './api-error.ts';

export interface Page {
  readonly offset: number;
  readonly limit: number;
  readonly sortBy: string;
  readonly sortDir: 'asc' | 'desc';
}

const PageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10000).default(10000),
  sortBy: z.string().optional(),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
});

/** The page the request asks for; `sortBy` defaults to the resource's usual key. */
export function pageOf(c: Context, defaultSortBy: string, defaultLimit = 10000): Page {
  const raw = {
    offset: c.req.query('pg[offset]'),
    limit: c.req.query('pg[limit]') ?? String(defaultLimit),
    sortBy: c.req.query('pg[sortBy]'),
    sortDir: c.req.query('pg[sortDir]'),
  };
  const parsed = parseOr400(PageQuery, raw);
  return { offset: parsed.offset, limit: parsed.limit, sortBy: parsed.sortBy ?? defaultSortBy, sortDir: parsed.sortDir };
}

/** Sorts by `page.sortBy` (items without the field last) and cuts the page out. */
export function paginate<T extends Record<string, unknown>>(items: readonly T[], page: Page): T[] {
  const direction = page.sortDir === 'desc' ? -1 : 1;
  const sorted = [...items].sort((a, b) => direction * compare(a[page.sortBy], b[page.sortBy]));
  return sorted.slice(page.offset, page.offset + page.limit);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Keeps only the `cols[]` the request names (`*` or none: every field, or the resource's default list). */
export function pickCols(c: Context, item: Record<string, unknown>, defaults?: readonly string[]): Record<string, unknown> {
  const asked = c.req.queries('cols[]') ?? [];
  const cols = asked.length > 0 ? asked : defaults;
  if (cols === undefined || cols.includes('*')) return item;
  return Object.fromEntries(Object.entries(item).filter(([key]) => cols.includes(key)));
}
