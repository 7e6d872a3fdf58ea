// Incomplete executions kept in a data dir (SEMANTICS.md §9): list them, and retry one from its failed module
// with the blueprint stored with it; a retry that ends without error resolves (removes) it.
import { importBlueprint } from '../blueprint/index.ts';
import { parseMockTable } from '../executor/mocks.ts';
import type { IncompleteExecutionRecord } from '../executor/ports.ts';
import { resumeIncomplete } from '../executor/resume-incomplete.ts';
import type { RunReport } from '../executor/run-report.ts';
import { RemakeError } from '../shared/errors.ts';
import { parseConnectionRecords } from './connections.ts';
import { BUILT_IN_REGISTRY, runEnvironment, withDataDir, type EnvironmentOptions } from './run-environment.ts';

/** Every stored incomplete execution of the data dir, oldest first. */
export async function listIncompleteExecutions(dataDir: string): Promise<IncompleteExecutionRecord[]> {
  return withDataDir(dataDir, (ports) => ports.incomplete.list());
}

export interface RetryIncompleteOptions extends EnvironmentOptions {
  readonly dataDir: string;
  readonly id: string;
  readonly mocks?: unknown;
  readonly autoMock?: boolean;
  /** Connection records for this retry only, as `runBlueprint`'s `connections` (kept in memory). */
  readonly connections?: unknown;
}

/** Retries one incomplete execution; the report says how it went and `resolved` whether it was removed. */
export async function retryIncompleteExecution(options: RetryIncompleteOptions): Promise<RunReport & { readonly resolved: boolean }> {
  const environment = runEnvironment(options);
  const mocks = parseMockTable(options.mocks);
  const connections = options.connections === undefined ? [] : parseConnectionRecords(options.connections);
  return withDataDir(options.dataDir, async (ports) => {
    const record = await ports.incomplete.get(options.id);
    if (!record) throw new RemakeError('INCOMPLETE_NOT_FOUND', `No incomplete execution '${options.id}' in ${options.dataDir}.`);
    const { model } = importBlueprint(record.blueprint);
    if (!model) throw new RemakeError('BLUEPRINT_INVALID', `The blueprint stored with incomplete execution '${options.id}' cannot be read.`);
    // A retry that fails again and is stored again updates this record (same id) rather than adding a second one.
    const save = async (next: IncompleteExecutionRecord): Promise<void> => {
      await ports.incomplete.remove(record.id);
      await ports.incomplete.save({ ...next, id: record.id });
    };
    const replacing = { ...ports, incomplete: { ...ports.incomplete, save } };
    const report = await resumeIncomplete(
      { model, blueprint: record.blueprint, registry: BUILT_IN_REGISTRY, ports: replacing, trigger: { kind: 'none' }, mocks, autoMock: options.autoMock ?? false, scenario: record.scenario, ...environment },
      record,
    );
    // Resolved when the bundle went through: no error, and it was not stored again (rule 87).
    const resolved = report.status !== 'error' && report.incomplete.length === 0;
    if (resolved) await ports.incomplete.remove(record.id);
    return { ...report, incomplete: report.incomplete.map((item) => ({ ...item, id: record.id })), resolved };
  }, connections);
}
