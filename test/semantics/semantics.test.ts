// One named fixture per execution rule (SEMANTICS.md, docs/semantics.md): a small blueprint, its input and mocks,
// and what the run report, the data stores and the stored incomplete executions must show afterwards.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { runBlueprint, type RunReport } from '../../src/core/index.ts';
import { createSqlitePorts } from '../../src/storage/sqlite/create-sqlite-ports.ts';
import { seededRandom } from '../../src/shared/random.ts';
import { subsetMismatches } from '../support/subset.ts';

interface Fixture {
  readonly rule: string;
  readonly description: string;
  readonly flow: unknown[];
  readonly settings?: Record<string, unknown>;
  readonly input?: unknown;
  readonly query?: Record<string, string>;
  readonly mocks?: unknown;
  readonly dataStores?: unknown;
  readonly expect: {
    readonly status: RunReport['status'];
    readonly operations?: number;
    readonly cycles?: number;
    readonly outputs?: Record<string, unknown[]>;
    readonly operationsByModule?: Record<string, number>;
    readonly errors?: Record<string, unknown[]>;
    readonly notRun?: number[];
    readonly response?: unknown;
    readonly incomplete?: unknown[];
    readonly error?: unknown;
    readonly dataStores?: Record<string, Record<string, unknown>>;
    readonly storedIncomplete?: unknown[];
  };
}

const DEFAULT_SETTINGS = { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false, confidential: false, dataloss: false, dlq: false, freshVariables: false };
const directory = new URL('./fixtures/', import.meta.url);

function blueprintOf(name: string, fixture: Fixture): unknown {
  const first = fixture.flow[0] as { module?: string } | undefined;
  return {
    name,
    flow: fixture.flow,
    metadata: { instant: first?.module === 'gateway:CustomWebHook', version: 1, scenario: { ...DEFAULT_SETTINGS, ...fixture.settings }, designer: { orphans: [] } },
  };
}

for (const file of readdirSync(directory).filter((name) => name.endsWith('.json')).sort()) {
  const name = file.replace(/\.json$/, '');
  const fixture = JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as Fixture;
  test(`${name} (${fixture.rule})`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'remake-semantics-'));
    try {
      const report = await runBlueprint({
        blueprint: blueprintOf(name, fixture),
        input: fixture.input,
        query: fixture.query,
        mocks: fixture.mocks,
        dataStores: fixture.dataStores,
        dataDir,
        now: '2024-03-01T12:00:00.000Z',
        skipSleep: true,
        random: seededRandom(7),
      });
      const { expect } = fixture;
      const problems: string[] = [];
      const check = (actual: unknown, expected: unknown, path: string): void => void problems.push(...subsetMismatches(actual, expected, path));
      check(report.status, expect.status, 'status');
      if (expect.operations !== undefined) check(report.operations, expect.operations, 'operations');
      if (expect.cycles !== undefined) check(report.cycles, expect.cycles, 'cycles');
      for (const [id, outputs] of Object.entries(expect.outputs ?? {})) {
        // Outputs are compared exactly, not as a subset: a fixture lists every field a module outputs.
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(report.modules[id]?.outputs ?? null)), outputs)) problems.push(`modules.${id}.outputs: expected ${JSON.stringify(outputs)}, got ${JSON.stringify(report.modules[id]?.outputs)}`);
      }
      for (const [id, operations] of Object.entries(expect.operationsByModule ?? {})) check(report.modules[id]?.operations, operations, `modules.${id}.operations`);
      for (const [id, errors] of Object.entries(expect.errors ?? {})) check(report.modules[id]?.errors, errors, `modules.${id}.errors`);
      for (const id of expect.notRun ?? []) if (report.modules[String(id)]) problems.push(`module ${id} ran but should not have`);
      if (expect.response !== undefined) check(report.response, expect.response, 'response');
      if (expect.incomplete !== undefined) check(report.incomplete, expect.incomplete, 'incomplete');
      if (expect.error !== undefined) check(report.error, expect.error, 'error');
      if (expect.dataStores || expect.storedIncomplete) {
        const ports = createSqlitePorts(join(dataDir, 'remake.sqlite'));
        try {
          for (const [store, records] of Object.entries(expect.dataStores ?? {})) {
            const rows = Object.fromEntries((await ports.dataStores.list(store)).map((row) => [row.key, row.data]));
            if (!isDeepStrictEqual(rows, records)) problems.push(`dataStores.${store}: expected ${JSON.stringify(records)}, got ${JSON.stringify(rows)}`);
          }
          if (expect.storedIncomplete) check(await ports.incomplete.list(), expect.storedIncomplete, 'storedIncomplete');
        } finally {
          ports.close();
        }
      }
      assert.deepEqual(problems, [], `${fixture.description}\nreport: ${JSON.stringify(report)}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
