// Retrying an incomplete execution (SEMANTICS.md rule 87): the stored bundle goes through the failed module
// again, with the bundles that were mappable there, and on down the rest of its path in one new cycle.
import type { IncompleteExecutionRecord } from './ports.ts';
import type { ExecuteOptions } from './run-context.ts';
import type { RunReport } from './run-report.ts';
import { createRun, report, startCycle } from './run-scenario.ts';
import { scopeFromRecord } from './scope.ts';
import { endCycle } from './transactions.ts';
import { runAt } from './walk.ts';

/**
 * Runs `record` from its failed module. The caller removes the record when the report's status is not `error`
 * and no new incomplete execution was stored. A module inside an aggregation span resumes without its
 * aggregation (the other bundles of that span are gone), so the aggregator reports its source is not on the path.
 */
export async function resumeIncomplete(options: ExecuteOptions, record: IncompleteExecutionRecord): Promise<RunReport> {
  const run = createRun(options);
  const entry = [...run.index.positions.entries()].find(([node]) => node.id === record.moduleId);
  if (!entry) {
    run.error = { type: 'InvalidConfigurationError', message: `Module ${record.moduleId} of the incomplete execution is not in the blueprint any more.`, moduleId: record.moduleId };
    return report(run, 0);
  }
  const [, position] = entry;
  startCycle(run, 1);
  const outcome = await runAt(run, position.route, position.index, scopeFromRecord(record.scope), undefined, true);
  await endCycle(run, outcome);
  return report(run, 1);
}
