// Webhook intake behind the HTTP layer (SEMANTICS.md §10): every accepted request is written to its hook's queue
// first, then the queue is consumed by the scenario listening on the hook (in order and one at a time when the
// scenario is sequential); the caller's answer is the Webhook response module's, or `200 Accepted`.
import type { WebhookRequest, WebhookResponse } from '../executor/module-api.ts';
import type { HookRecord, IncomingRecord, ScenarioRecord, ServerStore } from '../storage/server-ports.ts';
import type { CompiledScenarios } from './compiled-scenarios.ts';
import type { ScenarioRuns } from './scenario-runs.ts';

/** Make's answer when no Webhook response module answers (rule 98). */
export const ACCEPTED: WebhookResponse = { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Accepted' };
/** The answer after the wait for a Webhook response module runs out (rule 99): the run goes on. */
export const STILL_RUNNING: WebhookResponse = { status: 202, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Accepted' };

export interface HookDispatchDeps {
  readonly store: ServerStore;
  readonly runs: ScenarioRuns;
  readonly clock: () => Date;
  /** The scenarios' compiled blueprints: whether a Webhook response module answers, whether processing is sequential. */
  readonly compiled: CompiledScenarios;
  /** Whether the scenario has unresolved incomplete executions. */
  readonly hasIncomplete: (scenarioId: number) => Promise<boolean>;
  /** How long a caller waits for a Webhook response module (Make: 180 s). */
  readonly answerTimeoutMs: number;
  /** Parallel runs per hook when the scenario is not sequential. */
  readonly concurrency: number;
  readonly onError: (error: unknown, where: string) => void;
}

export interface HookDispatch {
  /** Queues the request (durably) and returns the answer the caller gets. */
  accept(hook: HookRecord, request: WebhookRequest, size: number): Promise<WebhookResponse>;
  /** Consumes the hook's queue when its scenario is active and processes requests immediately. */
  kick(hookId: number): void;
  /** Consumes what is queued now, whatever the scheduling (a scheduled webhook scenario's run). */
  drain(hookId: number): Promise<void>;
  /** Resolves when no run started here is still going (shutdown, tests). */
  idle(): Promise<void>;
}

/** What a caller of kick already read: the hook, its scenario, and the request it just queued. */
interface Known {
  readonly hook: HookRecord;
  readonly scenario: ScenarioRecord | undefined;
  readonly fresh?: IncomingRecord;
}

export function createHookDispatch(deps: HookDispatchDeps): HookDispatch {
  const waiters = new Map<number, (response: WebhookResponse) => void>();
  const inFlight = new Map<number, Set<number>>();
  const running = new Set<Promise<boolean>>();

  const answer = (incomingId: number, response: WebhookResponse): void => {
    const waiter = waiters.get(incomingId);
    waiters.delete(incomingId);
    waiter?.(response);
  };

  /** Runs one queued request; false when it could not run (it stays queued). */
  async function runOne(scenario: ScenarioRecord, hook: HookRecord, item: IncomingRecord): Promise<boolean> {
    try {
      const started = await deps.runs.start(scenario.id, {
        trigger: { kind: 'webhook', request: { ...item.request, hookOptions: hookOptionsOf(hook) } },
        type: 'auto',
        instant: true,
        incomingId: item.id,
        transfer: item.size,
        onResponse: (response) => answer(item.id, response),
      });
      const report = await started.done;
      answer(item.id, report.response ?? ACCEPTED);
      return true;
    } catch (error) {
      deps.onError(error, `hook ${hook.id}, queue item ${item.id}`);
      answer(item.id, { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'The scenario could not be started.' });
      return false;
    }
  }

  /** Starts runs for waiting items up to the hook's parallelism; returns the promises of the runs it started. */
  async function fill(hookId: number, scenario: ScenarioRecord, known?: HookRecord, fresh?: IncomingRecord): Promise<Promise<boolean>[]> {
    const taken = inFlight.get(hookId) ?? new Set<number>();
    inFlight.set(hookId, taken);
    const { sequential } = await deps.compiled.of(scenario);
    const limit = sequential ? 1 : deps.concurrency;
    if (taken.size >= limit) return [];
    // SEMANTICS.md rules 15 and 90: a sequential scenario waits while it has unresolved incomplete executions;
    // requests keep queuing and run once none is left.
    if (sequential && (await deps.hasIncomplete(scenario.id))) return [];
    const hook = known ?? (await deps.store.hooks.get(hookId));
    if (!hook) return [];
    // A request just accepted that is the only one waiting is run from memory: no read of the queue (arrival order
    // holds, since nothing older waits).
    const alone = fresh !== undefined && (await deps.store.queue.count(hookId)) === taken.size + 1;
    const peeked = alone ? [fresh] : await deps.store.queue.peek(hookId, limit - taken.size, [...taken]);
    // Another fill may have taken some of these while the store answered: filter and take in one synchronous step,
    // so no request is ever run twice.
    const items = peeked.filter((item) => !taken.has(item.id)).slice(0, Math.max(0, limit - taken.size));
    return items.map((item) => {
      taken.add(item.id);
      const run = runOne(scenario, hook, item).finally(() => {
        taken.delete(item.id);
        running.delete(run);
      });
      running.add(run);
      return run;
    });
  }

  /** `known` saves reading the hook and its scenario again when the caller has just read them, and names the request it just queued. */
  async function kickNow(hookId: number, known?: Known): Promise<void> {
    const scenario = known ? known.scenario : await deps.store.scenarios.byHook(hookId);
    if (!scenario?.isActive || scenario.scheduling.type !== 'immediately') return;
    // A request that could not run stays queued; it is tried again with the next request or restart, not in a loop.
    for (const run of await fill(hookId, scenario, known?.hook, known?.fresh)) void run.then((ok) => ok && kick(hookId));
  }

  function kick(hookId: number, known?: Known): void {
    kickNow(hookId, known).catch((error: unknown) => deps.onError(error, `hook ${hookId}`));
  }

  return {
    async accept(hook, request, size) {
      const item = await deps.store.queue.push(hook.id, request, size, deps.clock().toISOString());
      const scenario = await deps.store.scenarios.byHook(hook.id);
      const immediate = scenario?.isActive === true && scenario.scheduling.type === 'immediately';
      // Without a responder the caller is answered at once (rule 98); a scheduled or inactive scenario's request waits in the queue.
      if (!immediate || !(await deps.compiled.of(scenario)).hasResponder) {
        kick(hook.id, { hook, scenario, fresh: item });
        return ACCEPTED;
      }
      const response = new Promise<WebhookResponse>((resolve) => {
        const timer = setTimeout(() => answer(item.id, STILL_RUNNING), deps.answerTimeoutMs);
        waiters.set(item.id, (value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
      kick(hook.id, { hook, scenario, fresh: item });
      return response;
    },
    kick: (hookId) => kick(hookId),
    async drain(hookId) {
      const scenario = await deps.store.scenarios.byHook(hookId);
      if (!scenario) return;
      for (;;) {
        const started = await fill(hookId, scenario);
        if (started.length === 0 || (await Promise.all(started)).includes(false)) break;
      }
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/** The hook's own options that shape the trigger's bundle (rule 97). */
function hookOptionsOf(hook: HookRecord): { headers?: boolean; method?: boolean; stringify?: boolean } {
  const { headers, method, stringify } = hook.data;
  return {
    ...(typeof headers === 'boolean' ? { headers } : {}),
    ...(typeof method === 'boolean' ? { method } : {}),
    ...(typeof stringify === 'boolean' ? { stringify } : {}),
  };
}
