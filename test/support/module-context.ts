// A complete ModuleContext for module unit tests (fixed clock and random source, variables in a Map, instant sleep,
// participants, responses and warnings recorded), and runners that coerce raw input through a module's schemas.
import type {
  AggregatorModule,
  Bundle,
  ModuleContext,
  RunnableModule,
  TransactionParticipant,
  VariableScope,
  WebhookResponse,
} from '../../src/executor/module-api.ts';
import type { ConnectionPort, DataStorePort, StatePort } from '../../src/executor/ports.ts';
import { coerceInput } from '../../src/executor/resolve-input.ts';

/** A ModuleContext plus what the module did with it. */
export interface TestModuleContext extends ModuleContext {
  /** Participants passed to `transaction`, in joining order. */
  readonly participants: TransactionParticipant[];
  /** Responses passed to `respond`, in order (the test sees every one, not only the first). */
  readonly responses: WebhookResponse[];
  /** Messages passed to `warn`. */
  readonly warnings: string[];
  /** Variables set by the module, with their scope. */
  readonly variableValues: Map<string, { value: unknown; scope: VariableScope }>;
  /** Milliseconds passed to `sleep`, in order. */
  readonly sleeps: number[];
  /** Values passed to `returnOutputs`, in order. */
  readonly outputs: Readonly<Record<string, unknown>>[];
}

function unavailable(what: string): never {
  throw new Error(`${what} is not available in this test.`);
}

const NO_DATA_STORES: DataStorePort = {
  get: async () => unavailable('dataStores'),
  put: async () => unavailable('dataStores'),
  delete: async () => unavailable('dataStores'),
  list: async () => unavailable('dataStores'),
  count: async () => unavailable('dataStores'),
};

const NO_CONNECTIONS: ConnectionPort = {
  get: async () => unavailable('connections'),
  list: async () => unavailable('connections'),
  save: async () => unavailable('connections'),
  remove: async () => unavailable('connections'),
};

const NO_STATE: StatePort = {
  get: async () => unavailable('state'),
  set: async () => unavailable('state'),
};

/**
 * Builds a context with deterministic defaults: module 1 of scenario `test-scenario`, cycle 1, now
 * 2024-01-02T03:04:05Z in UTC, random 0.5, uuids from a counter. `overrides` replace any ModuleContext member.
 */
export function createTestModuleContext(overrides: Partial<ModuleContext> = {}): TestModuleContext {
  const participants: TransactionParticipant[] = [];
  const responses: WebhookResponse[] = [];
  const warnings: string[] = [];
  const sleeps: number[] = [];
  const outputs: Readonly<Record<string, unknown>>[] = [];
  const variableValues = new Map<string, { value: unknown; scope: VariableScope }>();
  let uuids = 0;
  const base: ModuleContext = {
    moduleId: 1,
    scenario: 'test-scenario',
    executionId: 'test-execution',
    cycle: 1,
    now: new Date('2024-01-02T03:04:05.000Z'),
    timezone: 'UTC',
    random: () => 0.5,
    uuid: () => {
      uuids += 1;
      return `00000000-0000-4000-8000-${uuids.toString(16).padStart(12, '0')}`;
    },
    trigger: { kind: 'none' },
    inputs: {},
    returnOutputs: (values) => void outputs.push(values),
    dataStores: NO_DATA_STORES,
    state: NO_STATE,
    connections: NO_CONNECTIONS,
    variables: {
      get: (name) => variableValues.get(name)?.value,
      has: (name) => variableValues.has(name),
      set: (name, value, scope) => {
        variableValues.set(name, { value, scope });
      },
    },
    memory: { cycle: new Map<string, unknown>(), execution: new Map<string, unknown>() },
    transaction: (participant) => {
      participants.push(participant);
    },
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
    respond: (response) => {
      responses.push(response);
    },
    warn: (message) => {
      warnings.push(message);
    },
  };
  return { ...base, ...overrides, participants, responses, warnings, variableValues, sleeps, outputs };
}

/** Runs a module as the executor does after IML: raw parameters and mapper are coerced by its schemas first. */
export async function runModule<P, M>(
  definition: RunnableModule<P, M>,
  raw: { readonly parameters?: unknown; readonly mapper?: unknown },
  ctx: ModuleContext = createTestModuleContext(),
): Promise<Bundle[]> {
  const parameters = coerceInput(definition.parameters, raw.parameters, ctx.moduleId, 'parameters');
  const mapper = coerceInput(definition.mapper, raw.mapper, ctx.moduleId, 'mapper');
  return definition.run(ctx, { parameters, mapper });
}

/** Runs an aggregator as the executor does: each raw item through the mapper schema, then `aggregate` once. */
export async function runAggregator<P, M>(
  definition: AggregatorModule<P, M>,
  raw: { readonly parameters?: unknown; readonly items: readonly unknown[] },
  ctx: ModuleContext = createTestModuleContext(),
): Promise<Bundle> {
  const parameters = coerceInput(definition.parameters, raw.parameters, ctx.moduleId, 'parameters');
  const items = raw.items.map((item) => coerceInput(definition.mapper, item, ctx.moduleId, 'mapper'));
  return definition.aggregate(ctx, { parameters, items });
}
