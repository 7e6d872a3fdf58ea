// Make's "number of consecutive errors" (SEMANTICS.md rule 18): a scenario whose runs keep ending in error is
// switched off. Instant (webhook) scenarios stop at the first error; some error types never count; fatal ones stop at once.
import type { ExecutionRecord } from '../storage/server-ports.ts';

/** Error types that do not count toward the limit (rule 18, [F-settings]). */
const NOT_COUNTED: ReadonlySet<string> = new Set(['DataError', 'DuplicateDataError', 'ModuleTimeoutError', 'ConnectionError']);
/** Error types that switch scheduling off at once (rule 18, [M-errtypes], imt-proto). */
const FATAL: ReadonlySet<string> = new Set(['AccountValidationError', 'InvalidConfigurationError', 'InvalidAccessTokenError', 'MaxResultsExceededError', 'MaxFileSizeExceededError', 'UnexpectedError']);

export interface ErrorPolicy {
  /** Whether the scenario must be switched off after this execution. */
  shouldDeactivate(execution: ExecutionRecord, scenario: { readonly instant: boolean; readonly maxErrors: number }): boolean;
}

export function createErrorPolicy(): ErrorPolicy {
  const streaks = new Map<number, number>();
  return {
    shouldDeactivate(execution, scenario) {
      if (execution.status !== 'error') {
        streaks.delete(execution.scenarioId); // GUESS (rule 18): a run without error resets the count
        return false;
      }
      const type = execution.report?.error?.type ?? 'RuntimeError';
      if (FATAL.has(type)) return true;
      if (NOT_COUNTED.has(type)) return false;
      if (scenario.instant) return true;
      const streak = (streaks.get(execution.scenarioId) ?? 0) + 1;
      streaks.set(execution.scenarioId, streak);
      return streak >= Math.max(1, scenario.maxErrors);
    },
  };
}
