// Incomplete executions as the Make API returns them (MAKE-API.md §1.4 "Incomplete executions", the SDK's
// IncompleteExecution type), plus Remake's `failer`, `error` and `nextRetryAt`.
import { dueAt } from '../../../core/incomplete-retries.ts';
import type { IncompleteExecutionRecord } from '../../../core/index.ts';
import { apiTeam, TEAM_ID } from './account-shapes.ts';

/** What the shape needs of the record's scenario (absent when the scenario was deleted). */
export interface DlqScenario {
  readonly name: string;
  readonly teamId: number;
}

/**
 * GUESS on `size`: the bytes of the stored blueprint and bundles (Make's help says "the size of the incomplete
 * execution blueprint"; its data counts toward storage, SEMANTICS.md rule 89).
 */
function sizeOf(record: IncompleteExecutionRecord): number {
  return Buffer.byteLength(JSON.stringify({ blueprint: record.blueprint, scope: record.scope }), 'utf8');
}

/**
 * One item of GET /dlqs and the `dlq` of GET /dlqs/{id}. Stored records are unresolved by definition: a retry that
 * goes through removes its record (docs/semantics.md). `reason` is the error message, as Make's examples show
 * ("IP address is not valid."); `index` is the 1-based position among the scenario's records.
 */
export function apiDlq(record: IncompleteExecutionRecord, scenario: DlqScenario | undefined, index: number): Record<string, unknown> {
  return {
    id: record.id,
    scenarioId: Number(record.scenario),
    scenarioName: scenario?.name ?? null,
    companyId: scenario?.teamId ?? TEAM_ID,
    companyName: String(apiTeam()['name']),
    reason: record.error.message,
    resolved: false,
    deleted: false,
    index,
    created: record.createdAt,
    executionId: record.executionId,
    retry: record.retry?.enabled ?? false,
    attempts: record.attempts ?? 0,
    size: sizeOf(record),
    failer: record.moduleId,
    error: record.error,
    nextRetryAt: dueAt(record),
  };
}

/** GET /dlqs/{id}/bundle: the bundles mappable at the failed module, by module id (what a retry resumes from). */
export function apiDlqBundle(record: IncompleteExecutionRecord): Record<string, unknown> {
  return { code: 'OK', response: record.scope };
}

/** PATCH /dlqs/{id}: Make answers with the failed module and the blueprint a retry will use. */
export function apiDlqUpdate(record: IncompleteExecutionRecord): Record<string, unknown> {
  return { dlq: { failer: record.moduleId, blueprint: record.blueprint } };
}
