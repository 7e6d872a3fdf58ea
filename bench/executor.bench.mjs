// Executor throughput and peak heap: 100,000 items through iterator → router (2 filtered routes) → set variable →
// aggregator, Remake's runBlueprint against n8n's WorkflowExecute, in one process. Run through `npm run bench`.
import { deepStrictEqual } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { createN8nRunner, N8N_DESCRIPTION } from './n8n-executor.mjs';

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    'n8n-rounds': { type: 'string', default: '1' },
    'warmup-items': { type: 'string', default: '2000' },
  },
});
const ITEMS = Number(args.items);
const ROUNDS = { remake: Number(args.rounds), n8n: Number(args['n8n-rounds']) };
const WARMUP_ITEMS = Number(args['warmup-items']);
const TIMEZONE = 'UTC';
const NOW = '2024-03-02T10:00:00.000Z';
const BLUEPRINT_FILE = new URL('./fixtures/iterator-router-aggregate.blueprint.json', import.meta.url);
const BLUEPRINT_TEXT = readFileSync(BLUEPRINT_FILE, 'utf8');

/** The one input both sides receive: a webhook body holding `count` objects `{n, name}`. Built fresh per run, before timing. */
const makeItems = (count) => Array.from({ length: count }, (_, n) => ({ n, name: `item ${n}` }));

/** What each route must aggregate: route A takes even n, route B multiples of 3; n = 0, 6, 12… take both. */
function expectedRoutes(count) {
  const labels = (prefix, divisor) => makeItems(count).filter(({ n }) => n % divisor === 0).map(({ name }) => ({ label: `${prefix} ${name}` }));
  const A = labels('even', 2);
  const B = labels('three', 3);
  return { A: { entered: A.length, array: A }, B: { entered: B.length, array: B } };
}

/** Remake's half: runBlueprint from the built package on the fixture blueprint, reading modules 4–7 of the report. */
async function createRemakeRunner() {
  const { runBlueprint } = await import('../dist/core/index.js');
  if (typeof runBlueprint !== 'function') throw new Error('dist/core/index.js does not export runBlueprint; run `npm run build`.');
  const run = (items) => runBlueprint({ blueprint: JSON.parse(BLUEPRINT_TEXT), input: { items }, now: NOW, timezone: TIMEZONE });
  function summarize(report) {
    if (report.status !== 'success') throw new Error(`Remake's run ended '${report.status}': ${report.error?.message ?? 'no error given'}`);
    const outputs = (id) => report.modules[id]?.outputs ?? [];
    return {
      A: { entered: outputs(4).length, array: outputs(5)[0]?.array },
      B: { entered: outputs(6).length, array: outputs(7)[0]?.array },
    };
  }
  return { run, summarize };
}

/** Fails loudly, naming the side and route, when a run did not produce exactly the expected aggregations. */
function verify(side, summary, expected) {
  for (const route of ['A', 'B']) {
    try {
      deepStrictEqual(summary[route], expected[route]);
    } catch {
      const got = summary[route];
      throw new Error(
        `${side}, route ${route}: ${got.entered} items entered set variable and ${got.array?.length ?? 'no'} were aggregated; ` +
          `expected ${expected[route].entered} and the labels ${JSON.stringify(expected[route].array.slice(0, 2))}…`,
      );
    }
  }
}

/** Used heap plus external memory, the quantity whose high-water mark is reported. */
const heapBytes = (stats) => stats.usedHeapSize + stats.externalMemory;
const heapNow = () => {
  const { used_heap_size: usedHeapSize, external_memory: externalMemory } = v8.getHeapStatistics();
  return heapBytes({ usedHeapSize, externalMemory });
};

/**
 * One timed run of `items` items. Peak heap: the used heap only grows between collections, so its high-water mark is
 * the largest of the sizes v8.GCProfiler records just before each GC and the size at the end, minus the size after
 * a full GC before the run (input already built).
 */
async function timedRun(side, items, expected) {
  const input = makeItems(items);
  globalThis.gc();
  const baseline = heapNow();
  const profiler = new v8.GCProfiler();
  profiler.start();
  const start = performance.now();
  const result = await side.run(input);
  const seconds = (performance.now() - start) / 1000;
  const end = heapNow();
  const { statistics } = profiler.stop();
  const peak = Math.max(end, ...statistics.map((gc) => heapBytes(gc.beforeGC.heapStatistics)));
  verify(side.name, side.summarize(result), expected);
  // What the finished run still holds (Remake's report, n8n's run data: both keep every module's output).
  globalThis.gc();
  const heldBytes = heapNow() - baseline;
  return { seconds, peakBytes: peak - baseline, heldBytes, result };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtInt = (x) => Math.round(x).toLocaleString('en-US');
const fmtMb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const fmtRatio = (x) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}×`;

function printTable(rows) {
  const header = ['side', 'runs', 'median time', 'bundles/s', 'peak heap', 'held after'];
  const body = rows.map((r) => [r.name, String(r.runs.length), `${r.seconds.toFixed(2)} s`, fmtInt(r.bundlesPerSecond), fmtMb(r.peakBytes), fmtMb(r.heldBytes)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n'));
}

async function main() {
  if (typeof globalThis.gc !== 'function') throw new Error('Run with node --expose-gc (npm run bench does).');
  const sides = {
    remake: { name: 'Remake', ...(await createRemakeRunner()) },
    n8n: { name: 'n8n', ...createN8nRunner({ timezone: TIMEZONE }) },
  };
  console.log(`Node ${process.version} · ${sides.n8n.versions}; n8n expression engine '${sides.n8n.engine}' (in-process)`);
  console.log(`Make:  ${BLUEPRINT_FILE.pathname.replace(/.*\/bench\//, 'bench/')} (webhook → iterator → router: {{2.n % 2}} = 0 | {{2.n % 3}} = 0 → set variable → array aggregator)`);
  console.log(`n8n:   ${N8N_DESCRIPTION.replaceAll('\n', '\n       ')}`);

  // Warm-up on a small input, checked like every timed run: loads lazy modules and lets the JIT settle on both sides.
  const warmupExpected = expectedRoutes(WARMUP_ITEMS);
  for (const side of Object.values(sides)) await timedRun(side, WARMUP_ITEMS, warmupExpected);

  const expected = expectedRoutes(ITEMS);
  console.log(
    `${fmtInt(ITEMS)} items; both sides checked to send ${fmtInt(expected.A.entered)} + ${fmtInt(expected.B.entered)} bundles into set variable ` +
      'and to aggregate exactly the expected labels per route.',
  );
  console.log('bundles/s = items emitted by the iterator (Split Out) ÷ wall time of the whole run, trigger to last aggregator.');
  console.log('peak heap = high-water mark of V8 used heap + external memory during the run, above the heap after a full GC');
  console.log('            with the input built (v8.GCProfiler pre-GC samples and the end of the run), same process for both;');
  console.log('held after = heap still held after a full GC once the run returned (the run report / n8n run data), above that baseline.');
  console.log(`Remake: median of ${ROUNDS.remake} runs; n8n: median of ${ROUNDS.n8n}; peaks are the largest over the runs.\n`);
  const runs = { remake: [], n8n: [] };
  // Interleaved (Remake, n8n, Remake, …) so neither side always runs on a heap the other just left behind.
  for (let round = 0; round < Math.max(ROUNDS.remake, ROUNDS.n8n); round++) {
    for (const key of ['remake', 'n8n']) {
      if (round >= ROUNDS[key]) continue;
      // The result is dropped here, before the next run's baseline GC.
      const { result, ...figures } = await timedRun(sides[key], ITEMS, expected);
      runs[key].push(figures);
    }
  }
  const rows = Object.entries(runs).map(([key, list]) => {
    const seconds = median(list.map((r) => r.seconds));
    const max = (field) => Math.max(...list.map((r) => r[field]));
    return { name: sides[key].name, runs: list, seconds, bundlesPerSecond: ITEMS / seconds, peakBytes: max('peakBytes'), heldBytes: max('heldBytes') };
  });
  printTable(rows);
  const [remake, n8n] = rows;
  console.log(
    `\nratio Remake / n8n: ${fmtRatio(remake.bundlesPerSecond / n8n.bundlesPerSecond)} the bundles per second, ` +
      `${fmtRatio(n8n.peakBytes / remake.peakBytes)} less peak heap (target ≥ 10× on throughput).`,
  );
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
