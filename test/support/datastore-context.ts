// A full ModuleContext for module tests over real ports: variables in a Map, instant sleep, counted uuids,
// and the transaction participants, webhook responses and warnings collected where a test can inspect them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bundle, ModuleContext, RunnableModule, TransactionParticipant, VariableScope, WebhookResponse } from '../../src/executor/module-api.ts';
import { createTestModuleContext, runModule as runWithSchemas } from './module-context.ts';
import type { ExecutorPorts } from '../../src/executor/ports.ts';
import { createSqlitePorts } from '../../src/storage/sqlite/create-sqlite-ports.ts';

/** A ModuleContext plus what it collected, and the cycle's commit and rollback as the executor would run them. */
export interface DatastoreTestContext extends ModuleContext {
  readonly participants: TransactionParticipant[];
  readonly responses: WebhookResponse[];
  readonly warnings: string[];
  readonly variableValues: Map<string, { value: unknown; scope: VariableScope }>;
  /** Commits every participant in joining order, then forgets them. */
  commitAll(): Promise<void>;
  /** Rolls every participant back, last joined first, then forgets them. */
  rollbackAll(): Promise<void>;
}

export interface DatastoreTestContextOptions {
  readonly moduleId?: number;
  readonly scenario?: string;
  readonly now?: Date;
  readonly timezone?: string;
}

/** Builds the context; uuids are `0000000N-0000-4000-8000-000000000000` from a counter (distinct in their first digits). */
export function createDatastoreTestContext(ports: ExecutorPorts, options: DatastoreTestContextOptions = {}): DatastoreTestContext {
  let uuids = 0;
  const ctx = createTestModuleContext({
    dataStores: ports.dataStores,
    state: ports.state,
    ...(options.moduleId === undefined ? {} : { moduleId: options.moduleId }),
    ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
    uuid: () => {
      uuids += 1;
      return `${uuids.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    },
  });
  return {
    ...ctx,
    async commitAll() {
      for (const participant of ctx.participants.splice(0)) await participant.commit();
    },
    async rollbackAll() {
      for (const participant of ctx.participants.splice(0).reverse()) await participant.rollback();
    },
  };
}

/** Runs a module as the executor does after IML (argument order of the data store tests). */
export async function runModule<P, M>(definition: RunnableModule<P, M>, ctx: ModuleContext, raw: { readonly parameters?: unknown; readonly mapper?: unknown }): Promise<Bundle[]> {
  return runWithSchemas(definition, raw, ctx);
}

/** Real SQLite ports on a file in a fresh temporary directory; `close` also removes the directory. */
export function openTempSqlitePorts(): ExecutorPorts & { close(): void } {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'remake-datastore-'));
  const ports = createSqlitePorts(path.join(directory, 'remake.db'));
  return {
    ...ports,
    close: () => {
      ports.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
