// Everything `remake serve` stores, on one open SQLite database (migration 3's tables, folders from migration 6).
import type { Database } from 'better-sqlite3';
import type { ServerStore } from '../server-ports.ts';
import { createSqliteApiTokens } from './sqlite-api-tokens.ts';
import { createSqliteDataStoreMeta } from './sqlite-data-store-meta.ts';
import { createSqliteDataStructures } from './sqlite-data-structures.ts';
import { createSqliteExecutions } from './sqlite-executions.ts';
import { createSqliteFolders } from './sqlite-folders.ts';
import { createSqliteHookQueue } from './sqlite-hook-queue.ts';
import { createSqliteHooks } from './sqlite-hooks.ts';
import { createSqliteScenarios } from './sqlite-scenarios.ts';

/** The server store over `db`, which must be migrated (openDatabase does it); `now` stamps created and updated dates. */
export function createSqliteServerStore(db: Database, now: () => Date): ServerStore {
  return {
    tokens: createSqliteApiTokens(db),
    scenarios: createSqliteScenarios(db, now),
    folders: createSqliteFolders(db, now),
    hooks: createSqliteHooks(db, now),
    queue: createSqliteHookQueue(db),
    executions: createSqliteExecutions(db, now),
    dataStoreMeta: createSqliteDataStoreMeta(db, now),
    dataStructures: createSqliteDataStructures(db, now),
  };
}
