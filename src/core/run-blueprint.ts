// Runs one blueprint once, locally (`remake run`, MCP run_blueprint, the bench): imports and checks it,
// opens the data dir (SQLite), seeds data stores, builds the trigger input, and executes with the built-in modules.
import { z } from 'zod';
import { parseBlueprintText, validateBlueprint } from '../blueprint/index.ts';
import { executeScenario } from '../executor/run-scenario.ts';
import { withoutNetwork } from '../executor/registry.ts';
import { parseMockTable } from '../executor/mocks.ts';
import type { Bundle, TriggerInput } from '../executor/module-api.ts';
import type { RunReport } from '../executor/run-report.ts';
import { RemakeError } from '../shared/errors.ts';
import { isRecord } from '../shared/is-record.ts';
import { parseConnectionRecords } from './connections.ts';
import { BUILT_IN_REGISTRY, runEnvironment, withDataDir, type EnvironmentOptions } from './run-environment.ts';

export interface RunBlueprintOptions extends EnvironmentOptions {
  /** A blueprint object, or its JSON text. */
  readonly blueprint: unknown;
  /** Webhook request body, or the first module's output bundles (CONTRACTS.md §1 `--input`). */
  readonly input?: unknown;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly mocks?: unknown;
  readonly autoMock?: boolean;
  /** Modules that reach other machines (HTTP) are not run: they need mocks, or auto-mocks. */
  readonly offline?: boolean;
  /** Where data stores, counters and incomplete executions persist; a temporary directory when absent. */
  readonly dataDir?: string;
  /** `{"<dataStoreId>": {"<key>": {record}}}` written before the run. */
  readonly dataStores?: unknown;
  /**
   * Connections for this run only: an array of records or `{"<id>": {type, name, data}}`. They shadow the data dir's
   * connections with the same ids, and tokens refreshed during the run stay in memory (never written to disk).
   */
  readonly connections?: unknown;
}

const START_SCENARIO = 'scenario-service:StartSubscenario';
const DataStoreSeedSchema = z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown())));
const BundlesSchema = z.array(z.record(z.string(), z.unknown()), { error: 'for a scenario whose first module is not a webhook, --input is an array of output bundles (objects)' });

/** Runs the blueprint and returns the run report. Bad input throws RemakeError (the CLI's exit 2). */
export async function runBlueprint(options: RunBlueprintOptions): Promise<RunReport> {
  const blueprint = typeof options.blueprint === 'string' ? blueprintFromText(options.blueprint) : options.blueprint;
  const validation = validateBlueprint(blueprint);
  const { model } = validation;
  if (!model) throw new RemakeError('BLUEPRINT_INVALID', validation.diagnostics[0]?.message ?? 'The blueprint is not a Make blueprint.');
  const environment = runEnvironment(options);
  const mocks = parseMockTable(options.mocks);
  const seeds = options.dataStores === undefined ? {} : parseOrThrow(DataStoreSeedSchema, options.dataStores, 'DATA_STORES_INVALID', 'data stores');
  const connections = options.connections === undefined ? [] : parseConnectionRecords(options.connections);

  if (!validation.ok) {
    const first = validation.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    return refused(`The blueprint has errors, so Make would not run it: ${first?.message ?? ''}`, first?.moduleId ?? null);
  }

  return withDataDir(options.dataDir, async (ports) => {
    for (const [storeId, records] of Object.entries(seeds)) for (const [key, record] of Object.entries(records)) await ports.dataStores.put(storeId, key, record);
    return executeScenario({
      model,
      blueprint,
      registry: options.offline ? withoutNetwork(BUILT_IN_REGISTRY) : BUILT_IN_REGISTRY,
      ports,
      trigger: triggerInput(model.flow.modules[0]?.type, options),
      ...scenarioInputs(model.flow.modules[0]?.type, options.input),
      mocks,
      autoMock: options.autoMock ?? false,
      scenario: model.name ?? 'scenario',
      ...environment,
    });
  }, connections);
}

/**
 * A scenario started by *Start scenario* takes an object as its scenario inputs (`var.input`, as an API run's `data`);
 * the module then outputs them. An array stays the module's output bundles, as for any other first module.
 */
function scenarioInputs(firstType: string | undefined, input: unknown): { inputs?: Record<string, unknown> } {
  return firstType === START_SCENARIO && isRecord(input) ? { inputs: input } : {};
}

/** A webhook trigger gets one JSON POST request; any other first module gets its output bundles. */
function triggerInput(firstType: string | undefined, options: RunBlueprintOptions): TriggerInput {
  if (firstType === 'gateway:CustomWebHook') {
    const headers = { 'content-type': 'application/json', ...lowerKeys(options.headers ?? {}) };
    return { kind: 'webhook', request: { method: 'POST', headers, query: options.query ?? {}, body: options.input ?? {}, rawBody: JSON.stringify(options.input ?? {}) } };
  }
  if (options.input === undefined || (firstType === START_SCENARIO && isRecord(options.input))) return { kind: 'none' };
  const bundles: Bundle[] = parseOrThrow(BundlesSchema, options.input, 'INPUT_INVALID', 'input');
  return { kind: 'bundles', bundles };
}

function blueprintFromText(text: string): unknown {
  const parsed = parseBlueprintText(text);
  if (!parsed.ok) throw new RemakeError('BLUEPRINT_INVALID', parsed.diagnostic.message);
  return parsed.json;
}

function refused(message: string, moduleId: number | null): RunReport {
  return { status: 'error', operations: 0, cycles: 0, modules: {}, response: null, incomplete: [], error: { type: 'InvalidConfigurationError', message, moduleId } };
}

function lowerKeys(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, code: string, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new RemakeError(code, `Invalid ${what} at '${issue?.path.join('.') || what}': ${issue?.message ?? 'wrong shape'}.`);
}
