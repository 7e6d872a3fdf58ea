// The run report of CONTRACTS.md §1: what `remake run` prints and what the server stores per execution.
import type { Bundle, WebhookResponse } from './module-api.ts';
import type { MakeErrorJson } from './make-error.ts';

export type RunStatus = 'success' | 'warning' | 'error';

export interface ModuleReport {
  /** `app:Module`. */
  readonly module: string;
  operations: number;
  /** Every output bundle, in order. */
  readonly outputs: Bundle[];
  readonly errors: MakeErrorJson[];
}

export interface IncompleteSummary {
  readonly id: string;
  readonly moduleId: number;
  readonly error: MakeErrorJson;
}

export interface RunReport {
  readonly status: RunStatus;
  readonly operations: number;
  readonly cycles: number;
  readonly modules: Record<string, ModuleReport>;
  /** The webhook response, when the trigger is a webhook. */
  readonly response: WebhookResponse | null;
  readonly incomplete: IncompleteSummary[];
  readonly error: (MakeErrorJson & { readonly moduleId: number | null }) | null;
  /** Scenario outputs (Return output modules); absent when none ran. */
  readonly outputs?: Record<string, unknown>;
  /** Warnings the run emitted (module warnings, unverified settings); absent when none. */
  readonly warnings?: string[];
}
