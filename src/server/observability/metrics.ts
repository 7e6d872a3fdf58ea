// Prometheus metrics of `remake serve` (prom-client): runs by status, operations, run durations, webhook
// requests by answer, and each hook's queue depth read from the store when scraped.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ExecutionRecord, ServerStore } from '../../core/server-types.ts';

export interface ServerMetrics {
  readonly registry: Registry;
  /** Counts a finished execution. */
  runFinished(execution: ExecutionRecord): void;
  /** Counts a webhook request by the status it was answered with. */
  webhookAnswered(status: number): void;
  /** Reads queue depths from this store on each scrape. */
  watchQueues(store: ServerStore): void;
}

export function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  const runs = new Counter({ name: 'remake_executions_total', help: 'Finished scenario executions, by status.', labelNames: ['status'] as const, registers: [registry] });
  const operations = new Counter({ name: 'remake_operations_total', help: 'Operations consumed by finished executions, as Make counts them.', registers: [registry] });
  const durations = new Histogram({ name: 'remake_execution_duration_seconds', help: 'Duration of finished executions.', buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 180], registers: [registry] });
  const webhooks = new Counter({ name: 'remake_webhook_requests_total', help: 'Webhook requests, by the HTTP status they were answered with.', labelNames: ['status'] as const, registers: [registry] });
  let store: ServerStore | undefined;
  new Gauge({
    name: 'remake_webhook_queue_depth',
    help: 'Requests waiting in each hook queue.',
    labelNames: ['hook'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      if (!store) return;
      for (const { hookId, count } of await store.queue.depths()) this.set({ hook: String(hookId) }, count);
    },
  });
  return {
    registry,
    runFinished(execution) {
      runs.inc({ status: execution.status });
      operations.inc(execution.operations);
      if (execution.finishedAt) durations.observe(Math.max(0, (Date.parse(execution.finishedAt) - Date.parse(execution.startedAt)) / 1000));
    },
    webhookAnswered(status) {
      webhooks.inc({ status: String(status) });
    },
    watchQueues(watched) {
      store = watched;
    },
  };
}
