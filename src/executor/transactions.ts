// Commit and rollback phases (SEMANTICS.md rules 5, 7, 12): with auto commit each operation commits at once,
// otherwise the cycle's transactional writes wait for the commit or rollback phase.
import { MakeError } from './make-error.ts';
import type { Outcome, RunContext } from './run-context.ts';

/** With auto commit on, commits what the operation since `mark` joined to the transaction. */
export async function commitSince(run: RunContext, mark: number): Promise<void> {
  if (!run.options.model.settings.autoCommit) return;
  const steps = run.participants.splice(mark);
  await guarded(steps.map((step) => () => step.commit()), 'commit');
}

/** The commit phase of a cycle: every pending step commits; a held webhook response goes out. */
export async function commitCycle(run: RunContext): Promise<void> {
  const steps = run.participants.splice(0);
  await guarded(steps.map((step) => () => step.commit()), 'commit');
  if (run.deferredResponse) {
    if (!run.response) {
      run.response = run.deferredResponse;
      run.options.observer?.onResponse?.(run.response);
    }
    run.deferredResponse = null;
  }
}

/** The rollback phase: pending steps are undone, newest first. */
export async function rollbackCycle(run: RunContext): Promise<void> {
  const steps = run.participants.splice(0).reverse();
  run.deferredResponse = null;
  await guarded(steps.map((step) => () => step.rollback()), 'rollback');
}

/** A failing commit or rollback ends the run with InconsistencyError (rule 7). */
async function guarded(steps: readonly (() => Promise<void> | void)[], phase: string): Promise<void> {
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      throw new MakeError('InconsistencyError', `The ${phase} phase failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}

/** Ends a cycle by its outcome: rollback after a stop that rolls back, commit otherwise; a failing phase becomes the run's error. */
export async function endCycle(run: RunContext, outcome: Outcome): Promise<void> {
  try {
    if (outcome.kind === 'stop' && outcome.mode === 'rollback') await rollbackCycle(run);
    else await commitCycle(run);
  } catch (error) {
    if (!(error instanceof MakeError)) throw error;
    run.error = { type: error.type, message: error.message, moduleId: null };
  }
}
