// Benchmarks Remake's IML against n8n's expression engine on equivalent mapping templates and prints
// evaluations per second and their ratio. Run through `npm run bench` (scripts/bench.mjs), not directly.
import { deepStrictEqual } from 'node:assert/strict';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { compileTemplate, createEvalContext, parseContextJson } from '../src/iml/index.ts';

const require = createRequire(import.meta.url);
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'legacy' },
    time: { type: 'string', default: '1000' },
    cases: { type: 'boolean', default: false },
  },
});
const ENGINE = args.engine;
const BUDGET_MS = Number(args.time);
const ROUNDS = 3;
const TIMEZONE = 'Europe/Prague';

/** Module 1's output bundle in Remake, `$json` of the incoming item in n8n. */
const BUNDLE = {
  id: 1042,
  customer: { name: 'Eva Nováková', email: 'eva@example.com' },
  nickname: '',
  total: 129.5,
  // 23:30 UTC is already 2 March in Prague, so the date cases also check time-zone handling.
  createdAt: '2024-03-01T23:30:00.000Z',
  items: [
    { sku: 'A-100', name: 'Notebook', price: 4.5, qty: 2 },
    { sku: 'B-200', name: 'Pencil', price: 0.8, qty: 10 },
    { sku: 'C-300', name: 'Stapler', price: 12, qty: 1 },
  ],
};

/** Make template, the n8n expression an n8n user writes for the same field, and the value both must give. */
const CASES = [
  { name: 'field access', make: '{{1.customer.name}}', n8n: '={{ $json.customer.name }}', expected: 'Eva Nováková' },
  {
    name: 'concatenation',
    make: 'Hello {{1.customer.name}}, order {{1.id}}',
    n8n: '=Hello {{ $json.customer.name }}, order {{ $json.id }}',
    expected: 'Hello Eva Nováková, order 1042',
  },
  {
    name: 'formatDate',
    make: '{{formatDate(1.createdAt; "YYYY-MM-DD")}}',
    // Not `$json.createdAt.toDateTime()`: that ignores the workflow time zone and gives 2024-03-01.
    n8n: "={{ DateTime.fromISO($json.createdAt).toFormat('yyyy-MM-dd') }}",
    expected: '2024-03-02',
  },
  {
    name: 'ifempty',
    make: '{{ifempty(1.nickname; 1.customer.name)}}',
    n8n: '={{ $ifEmpty($json.nickname, $json.customer.name) }}',
    expected: 'Eva Nováková',
  },
  {
    name: 'join(map())',
    make: '{{join(map(1.items; "sku"); ", ")}}',
    n8n: "={{ $json.items.map(item => item.sku).join(', ') }}",
    expected: 'A-100, B-200, C-300',
  },
  {
    name: 'if',
    make: '{{if(1.total > 100; "big"; "small")}}',
    n8n: "={{ $json.total > 100 ? 'big' : 'small' }}",
    expected: 'big',
  },
  {
    name: 'replace',
    make: '{{replace(1.customer.email; "@"; " at ")}}',
    // Make's replace with a text pattern replaces every occurrence, as replaceAll does.
    n8n: "={{ $json.customer.email.replaceAll('@', ' at ') }}",
    expected: 'eva at example.com',
  },
  {
    name: 'mixed mapping',
    make: '{{upper(1.customer.name)}} ordered {{length(1.items)}} items on {{formatDate(1.createdAt; "DD.MM.YYYY")}}',
    n8n: "={{ $json.customer.name.toUpperCase() }} ordered {{ $json.items.length }} items on {{ DateTime.fromISO($json.createdAt).toFormat('dd.MM.yyyy') }}",
    expected: 'EVA NOVÁKOVÁ ordered 3 items on 02.03.2024',
  },
];

/** Remake's side: each template compiled once, then only `evaluate` is timed (parse once, evaluate many). */
function remakeEvaluators() {
  const ctx = createEvalContext(parseContextJson({ 1: BUNDLE, now: '2024-03-02T10:00:00.000Z', timezone: TIMEZONE }));
  return CASES.map(({ make }) => {
    const compiled = compileTemplate(make);
    return () => compiled.evaluate(ctx);
  });
}

/**
 * n8n's side: a one-node workflow evaluating each expression for the incoming item through
 * `workflow.expression.getParameterValue`, the call n8n-core's getNodeParameter makes per item.
 */
async function n8nEvaluators(engine) {
  const { Expression, Workflow } = require('n8n-workflow');
  if (engine === 'vm') {
    // n8n's server defaults (@n8n/config ExpressionEngineConfig): one pooled isolate, eager acquire.
    await Expression.initExpressionEngine({ engine: 'vm', bridgeTimeout: 5000, bridgeMemoryLimit: 128, poolSize: 1, maxCodeCacheSize: 1024 });
  }
  if (Expression.getActiveImplementation() !== engine) throw new Error(`n8n runs the '${Expression.getActiveImplementation()}' engine, not '${engine}'.`);
  const nodeType = { description: { properties: [] } };
  const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
  const node = { id: 'set', name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3, position: [0, 0], parameters: {} };
  const workflow = new Workflow({ id: 'bench', nodes: [node], connections: {}, active: false, nodeTypes, settings: { timezone: TIMEZONE } });
  // n8n acquires the isolate once per execution, not per expression.
  await workflow.expression.acquireIsolate();
  const items = [{ json: BUNDLE }];
  const evaluators = CASES.map(({ n8n }) => () => workflow.expression.getParameterValue(n8n, null, 0, 0, node.name, items, 'manual', {}));
  const dispose = async () => {
    await workflow.expression.releaseIsolate();
    await Expression.disposeExpressionEngine();
  };
  return { evaluators, dispose };
}

let sink;

/** Runs `fn` for about `ms` milliseconds in batches of ~1 ms and returns evaluations per second. */
function opsPerSecond(fn, ms, batch) {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < batch; i++) sink = fn();
    ops += batch;
    elapsed = performance.now() - start;
  }
  return (ops * 1000) / elapsed;
}

/** Warms `fn` up and returns a batch size worth about 1 ms. */
function warmUp(fn) {
  const rate = opsPerSecond(fn, Math.min(250, BUDGET_MS / 4), 1);
  return Math.max(1, Math.round(rate / 1000));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Times both sides of one case in alternating rounds (ROUNDS × BUDGET/ROUNDS each) and keeps the medians. */
function measure(remake, n8n, batches) {
  const remakeRates = [];
  const n8nRates = [];
  for (let round = 0; round < ROUNDS; round++) {
    remakeRates.push(opsPerSecond(remake, BUDGET_MS / ROUNDS, batches[0]));
    n8nRates.push(opsPerSecond(n8n, BUDGET_MS / ROUNDS, batches[1]));
  }
  return { remake: median(remakeRates), n8n: median(n8nRates) };
}

/** Checks that both engines give the expected value for every case before anything is timed. */
function verify(remake, n8n) {
  const problems = [];
  CASES.forEach((c, i) => {
    for (const [side, fn] of [['Remake', remake[i]], ['n8n', n8n[i]]]) {
      let actual;
      try {
        actual = fn();
        deepStrictEqual(actual, c.expected);
      } catch (error) {
        const got = actual === undefined ? String(error?.message ?? error) : JSON.stringify(actual);
        problems.push(`  ${c.name}: ${side} gave ${got}, expected ${JSON.stringify(c.expected)} (${side === 'n8n' ? c.n8n : c.make})`);
      }
    }
  });
  if (problems.length > 0) throw new Error(`Results differ, so nothing was timed:\n${problems.join('\n')}`);
}

const fmtOps = (x) => Math.round(x).toLocaleString('en-US');
const fmtRatio = (x) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}×`;

function printTable(rows) {
  const header = ['case', 'Remake ops/s', 'n8n ops/s', 'ratio'];
  const body = rows.map((r) => [r.name, fmtOps(r.remake), fmtOps(r.n8n), fmtRatio(r.remake / r.n8n)]);
  const geomean = Math.exp(rows.reduce((sum, r) => sum + Math.log(r.remake / r.n8n), 0) / rows.length);
  const footer = ['geometric mean', '', '', fmtRatio(geomean)];
  const widths = header.map((h, i) => Math.max(h.length, ...[...body, footer].map((cells) => cells[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  console.log([line(header), rule, ...body.map(line), rule, line(footer)].join('\n'));
}

const ENGINE_NOTES = {
  legacy:
    "engine 'legacy': in-process (Tournament → new Function); n8n's editor engine and the server's N8N_EXPRESSION_ENGINE=legacy",
  vm: "engine 'vm': isolated-vm V8 isolate, n8n's server default (pool of 1, isolate acquired once for the whole run)",
};

async function main() {
  if (!(ENGINE in ENGINE_NOTES)) throw new Error(`Unknown --engine '${ENGINE}'; use legacy or vm.`);
  const n8nVersion = require('n8n-workflow/package.json').version;
  const remake = remakeEvaluators();
  const { evaluators: n8n, dispose } = await n8nEvaluators(ENGINE);
  try {
    verify(remake, n8n);
    if (args.cases) {
      console.log('Cases (Make template → n8n expression), same item data on both sides:');
      for (const c of CASES) console.log(`  ${c.name.padEnd(14)} ${c.make}\n  ${''.padEnd(14)} ${c.n8n}`);
      console.log();
    }
    console.log(`Node ${process.version} · n8n-workflow ${n8nVersion}, ${ENGINE_NOTES[ENGINE]}`);
    console.log(`~${BUDGET_MS} ms per case and side after warm-up; all ${CASES.length} results checked equal first.\n`);
    // Warm every case up before timing any, so the first case does not pay for shared JIT work.
    const batches = CASES.map((_, i) => [warmUp(remake[i]), warmUp(n8n[i])]);
    const rows = CASES.map((c, i) => ({ name: c.name, ...measure(remake[i], n8n[i], batches[i]) }));
    printTable(rows);
  } finally {
    await dispose();
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
