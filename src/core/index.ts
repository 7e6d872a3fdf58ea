// Public surface of core/: what the shells (CLI, server, MCP) call.
export { runBlueprint, type RunBlueprintOptions } from './run-blueprint.ts';
export type { RunReport, RunStatus, ModuleReport } from '../executor/run-report.ts';
export { listIncompleteExecutions, retryIncompleteExecution, type RetryIncompleteOptions } from './incomplete-executions.ts';
export type { IncompleteExecutionRecord } from '../executor/ports.ts';
export { addConnection, listConnections, removeConnection, parseConnectionRecords, maskSecrets, MASK, ConnectionRecordSchema, CONNECTION_TYPES, type ConnectionType } from './connections.ts';
export type { ConnectionRecord } from '../executor/ports.ts';
export { searchModules, describeModule, listModules, describeSchemaFields, type ModuleSummary, type ModuleDescription, type ModuleField, type FieldType } from './module-catalog.ts';
