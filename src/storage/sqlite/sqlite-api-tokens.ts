// ApiTokenStore on SQLite: one row per API token in `api_tokens`, keyed by the token's SHA-256 (hex), never the token.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { ApiTokenStore } from '../server-ports.ts';
import { jsonColumnOf, toJsonText } from './json-column.ts';

interface Row {
  readonly label: string;
  readonly scopes: string;
  readonly created_at: string;
}

const ScopesSchema = z.array(z.string());

/** The SHA-256 of `token` as 64 hex characters: what `api_tokens.token_hash` holds. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** API tokens kept in `db`. Adding a known token again replaces its label, scopes and date. */
export function createSqliteApiTokens(db: Database): ApiTokenStore {
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO api_tokens (token_hash, label, scopes, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (token_hash) DO UPDATE SET label = excluded.label, scopes = excluded.scopes, created_at = excluded.created_at`,
  );
  const select = db.prepare<[string], Row>('SELECT label, scopes, created_at FROM api_tokens WHERE token_hash = ?');
  const countAll = db.prepare<[], number>('SELECT COUNT(*) FROM api_tokens').pluck();

  return {
    async add(token, record) {
      upsert.run(hashToken(token), record.label, toJsonText(record.scopes), record.createdAt);
    },
    async find(token) {
      const row = select.get(hashToken(token));
      if (row === undefined) return undefined;
      const scopes = jsonColumnOf(ScopesSchema, row.scopes, 'api_tokens.scopes');
      return { label: row.label, scopes, createdAt: row.created_at };
    },
    async count() {
      return countAll.get() ?? 0;
    },
  };
}
