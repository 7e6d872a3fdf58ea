// Scenario and execution objects as the Make API returns them (MAKE-API.md §1.4, the SDK's Scenario and Execution types).
import type { ExecutionRecord, ScenarioRecord } from '../../../core/server-types.ts';
import { ORGANIZATION_ID, OWNER } from './account-shapes.ts';

/** The scenario object (no blueprint, as Make's GET /scenarios/{id}). */
export function apiScenario(scenario: ScenarioRecord, extra: { readonly dlqCount: number; readonly usedPackages: readonly string[] }): Record<string, unknown> {
  return {
    id: scenario.id,
    name: scenario.name,
    teamId: scenario.teamId,
    hookId: scenario.hookId,
    deviceId: null,
    deviceScope: null,
    concept: false,
    description: scenario.description,
    folderId: scenario.folderId,
    isinvalid: false,
    islinked: scenario.isActive,
    isActive: scenario.isActive,
    islocked: false,
    isPaused: false,
    usedPackages: extra.usedPackages,
    lastEdit: scenario.updatedAt,
    scheduling: scenario.scheduling,
    iswaiting: false,
    dlqCount: extra.dlqCount,
    createdByUser: OWNER,
    updatedByUser: OWNER,
    nextExec: scenario.nextExec,
    created: scenario.createdAt,
    scenarioVersion: scenario.blueprintVersion,
    operations: 0,
    transfer: 0,
  };
}

const STATUS_CODE = { running: 0, success: 1, warning: 2, error: 3 } as const;

/** One entry of GET /scenarios/{id}/logs. */
export function apiExecutionLog(execution: ExecutionRecord, teamId: number): Record<string, unknown> {
  const finished = execution.finishedAt ? Date.parse(execution.finishedAt) : Date.now();
  return {
    id: execution.id,
    imtId: execution.id,
    status: STATUS_CODE[execution.status],
    duration: Math.max(0, finished - Date.parse(execution.startedAt)),
    operations: execution.operations,
    centicredits: execution.operations * 100,
    transfer: execution.transfer,
    organizationId: ORGANIZATION_ID,
    teamId,
    type: execution.type,
    authorId: execution.type === 'manual' ? OWNER.id : null,
    instant: execution.instant,
    timestamp: execution.startedAt,
  };
}

/**
 * GET /scenarios/{id}/executions/{executionId}: Make's `{status, outputs?, error?}`, plus Remake's `modules`
 * (every module's input and output bundles, operations and errors) for a run inspector.
 */
export function apiExecutionDetail(execution: ExecutionRecord): Record<string, unknown> {
  const report = execution.report;
  const status = execution.status.toUpperCase();
  if (!report) return { status };
  const modules: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries(report.modules)) modules[id] = { ...entry, inputs: report.inputs?.[id] ?? [] };
  const error = report.error;
  const failed = error?.moduleId === null || error?.moduleId === undefined ? undefined : report.modules[String(error.moduleId)]?.module;
  return {
    status,
    ...(report.outputs ? { outputs: report.outputs } : {}),
    ...(error ? { error: { name: error.type, message: error.message, ...(failed ? { causeModule: { name: failed.split(':')[1] ?? failed, appName: failed.split(':')[0] ?? failed } } : {}) } } : {}),
    operations: report.operations,
    cycles: report.cycles,
    modules,
    ...(report.incomplete.length > 0 ? { incomplete: report.incomplete } : {}),
  };
}
