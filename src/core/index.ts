// Public surface of core/: what the shells (CLI, server, MCP) call.
export { runBlueprint, type RunBlueprintOptions } from './run-blueprint.ts';
export type { RunReport, RunStatus, ModuleReport } from '../executor/run-report.ts';
