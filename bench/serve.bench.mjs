// `remake serve` under load: accepted webhooks per second, the executions that drain the queue, and answered
// webhooks when each answer waits for its run, each against a bare node:http server. Run through `npm run bench`.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '1' },
    // Internal: run one autocannon load described by this JSON and print its summary (the load generator's process).
    load: { type: 'string' },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const WARMUP = Number(args.warmup);
const BODY = JSON.stringify({ order: 'A-1', total: 12.5 });
// Make accepts 300 requests per 10 s on a hook (SEMANTICS.md rule 94); lifted here so the server, not the limit, is measured.
const RATE_LIMIT = { limit: 1e9, windowMs: 10_000 };
const DRAIN_POLL_MS = 50;
const DRAIN_TIMEOUT_MS = 120_000;

/**
 * The load generator's side: autocannon in its own process, so it does not share an event loop with the servers.
 * It prints `start` when the load begins, then one line of JSON, its summary.
 */
async function runLoad(spec) {
  const { default: autocannon } = await import('autocannon');
  const instance = autocannon({
    url: spec.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections: spec.connections,
    duration: spec.duration,
  });
  instance.once('start', () => process.stdout.write('start\n'));
  const result = await instance;
  const { latency, duration, errors, timeouts, statusCodeStats } = result;
  const summary = { ok: result['2xx'], duration, errors, timeouts, statusCodeStats, p50: latency.p50, p99: latency.p99 };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/** Runs one load in a child process; `started` and `ended` are when its load began and its summary came (performance.now()). */
function load(url, duration) {
  const spec = JSON.stringify({ url, duration, connections: CONNECTIONS });
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--load', spec], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The autocannon process exited with ${code}.`))));
  });
  let started;
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      started ??= out.startsWith('start\n') ? performance.now() : undefined;
      const lines = out.split('\n');
      // Resolved as soon as the summary arrives, so the queue is looked at before the child has exited.
      if (lines.length >= 3) resolve({ ...JSON.parse(lines[1]), started, ended: performance.now(), exited });
    });
    exited.then(() => reject(new Error('The autocannon process exited without a summary.')), reject);
  });
}

/** The baseline: node:http reading the body and answering what Remake answers, 200 `Accepted`. */
function startBareServer() {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Accepted');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

const designer = { designer: { x: 0, y: 0 } };
const settings = { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false, confidential: false, dataloss: false, dlq: false, freshVariables: false };

/** webhook → set variable `total` = {{1.total * 2}}, and a Webhook response answering {{1.order}} when `respond`. */
function blueprintFor(hookId, respond) {
  const flow = [
    { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: hookId, maxResults: 1 }, mapper: {}, metadata: designer },
    { id: 2, module: 'util:SetVariable2', version: 1, parameters: {}, mapper: { name: 'total', scope: 'roundtrip', value: '{{1.total * 2}}' }, metadata: designer },
  ];
  if (respond) flow.push({ id: 3, module: 'gateway:WebhookRespond', version: 1, mapper: { status: '200', body: '{{1.order}}', headers: [] }, metadata: designer });
  return { name: respond ? 'bench: answer each request' : 'bench: accept and run', flow, metadata: { instant: true, version: 1, scenario: settings, designer: { orphans: [] } } };
}

/** Make's API on the running server, authenticated with the bench's token. */
function apiClient(server, token) {
  return async (path, body) => {
    const response = await fetch(`${server.url}/api/v2${path}`, {
      method: 'POST',
      headers: { authorization: `Token ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  };
}

/** Creates a hook and an instant scenario on it through Make's API, as a user would; starts it unless `stopped`. */
async function createHookScenario(server, api, name, { respond = false, stopped = false } = {}) {
  const { hook } = await api('/hooks', { name, teamId: 1, typeName: 'gateway-webhook', headers: false, method: false, stringify: false });
  const blueprint = JSON.stringify(blueprintFor(hook.id, respond));
  const { scenario } = await api('/scenarios', { teamId: 1, blueprint, scheduling: JSON.stringify({ type: 'immediately' }) });
  if (!stopped) await api(`/scenarios/${scenario.id}/start`);
  return { hookId: hook.id, scenarioId: scenario.id, url: server.remake.hookUrl(hook.udid) };
}

/** One request by hand, checked before any load: status 200 and the expected body. */
async function checkAnswer(url, expected) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
  const text = await response.text();
  if (response.status !== 200 || text !== expected) throw new Error(`${url} answered ${response.status} '${text}', expected 200 '${expected}'.`);
}

/** Waits until the hook's queue is empty; returns when that was seen (performance.now()). */
async function drained(remake, hookId) {
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    if ((await remake.store.queue.count(hookId)) === 0) return performance.now();
    if (performance.now() > deadline) throw new Error(`Hook ${hookId}'s queue did not drain within ${DRAIN_TIMEOUT_MS / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
}

/** The scenario's finished executions; none may have failed, and the newest must have set total = 25. */
async function executionCounts(remake, scenarioId) {
  const all = await remake.store.executions.list(scenarioId, { limit: 1e9 });
  const failed = all.find((execution) => execution.status !== 'success');
  if (failed) throw new Error(`Execution ${failed.id} of scenario ${scenarioId} ended '${failed.status}': ${failed.report?.error?.message ?? 'no error given'}`);
  const variable = all[0]?.report?.modules?.['2']?.outputs?.[0]?.total;
  if (variable !== 25) throw new Error(`Scenario ${scenarioId}'s last run set total = ${JSON.stringify(variable)}, expected 25.`);
  return all.length;
}

const fmtInt = (x) => Math.round(x).toLocaleString('en-US');
const fmtMs = (x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const fmtMb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const fmtRatio = (x) => (x >= 10 ? `${x.toFixed(0)}×` : `${x.toPrecision(2)}×`);
const perSecond = (run) => run.ok / run.duration;
const refusals = (run) => {
  const refused = Object.entries(run.statusCodeStats).filter(([code]) => !code.startsWith('2'));
  const parts = refused.map(([code, { count }]) => `${fmtInt(count)} × ${code}`);
  if (run.errors) parts.push(`${fmtInt(run.errors)} errors`);
  if (run.timeouts) parts.push(`${fmtInt(run.timeouts)} timeouts`);
  return parts.length > 0 ? parts.join(', ') : 'none';
};

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((cells) => cells[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
}

async function main() {
  const { startServer } = await import('../dist/server/start-server.js');
  if (typeof startServer !== 'function') throw new Error('dist/server/start-server.js does not export startServer; run `npm run build`.');
  const dataDir = mkdtempSync(join(tmpdir(), 'remake-serve-bench-'));
  const token = randomUUID();
  const closers = [];
  try {
    const bare = await startBareServer();
    closers.push(bare.close);
    const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', apiToken: token, rateLimit: RATE_LIMIT });
    closers.push(server.close);
    const { remake } = server;
    const api = apiClient(server, token);
    const accept = await createHookScenario(server, api, 'bench-accept');
    const backlog = await createHookScenario(server, api, 'bench-backlog', { stopped: true });
    const respond = await createHookScenario(server, api, 'bench-respond', { respond: true });

    console.log(`Node ${process.version} · ${cpus().length} CPUs (${cpus()[0]?.model.trim()}); autocannon in a child process, ${CONNECTIONS} connections, ${DURATION} s per run.`);
    console.log(`POST ${BODY}; both servers share this process, the load generator has its own.`);
    console.log(`Remake: startServer on a fresh SQLite data dir under ${tmpdir()}, per-hook rate limit lifted to ${RATE_LIMIT.limit.toExponential(0)} per ${RATE_LIMIT.windowMs / 1000} s (Make: 300 per 10 s).`);
    console.log('Scenario: webhook → set variable {{1.total * 2}}, not sequential (up to 8 runs at once per hook).');
    console.log('  accepted:    no Webhook response, so 200 Accepted once the request is queued; the active scenario runs it in this process meanwhile.');
    console.log('  executed:    executions finished from the start of that load until the queue is empty.');
    console.log('  intake only: the same with the scenario stopped, so requests only queue; then it is started and drains the backlog.');
    console.log('  responded:   plus a Webhook response {{1.order}}; each answer waits for its run, so one answer = one execution.');
    console.log(`Ratios against the mean of the two bare node:http runs. Warm-up ${WARMUP} s per server; every run checked (answer, total = 25, no failed execution).\n`);

    await checkAnswer(bare.url, 'Accepted');
    await checkAnswer(accept.url, 'Accepted');
    await checkAnswer(backlog.url, 'Accepted');
    await checkAnswer(respond.url, 'A-1');
    await (await load(bare.url, WARMUP)).exited;
    await (await load(accept.url, WARMUP)).exited;
    await drained(remake, accept.hookId);
    await (await load(respond.url, WARMUP)).exited;
    await drained(remake, respond.hookId);

    const baseBefore = await load(bare.url, DURATION);
    await baseBefore.exited;

    const acceptBefore = await executionCounts(remake, accept.scenarioId);
    const accepted = await load(accept.url, DURATION);
    const queuedAtEnd = await remake.store.queue.count(accept.hookId);
    const acceptDrainedAt = await drained(remake, accept.hookId);
    const acceptExecuted = (await executionCounts(remake, accept.scenarioId)) - acceptBefore;
    await accepted.exited;

    const intake = await load(backlog.url, DURATION);
    await intake.exited;
    const waiting = await remake.store.queue.count(backlog.hookId);
    const drainStart = performance.now();
    await api(`/scenarios/${backlog.scenarioId}/start`);
    const backlogDrainedAt = await drained(remake, backlog.hookId);
    const backlogExecuted = await executionCounts(remake, backlog.scenarioId);

    const respondBefore = await executionCounts(remake, respond.scenarioId);
    const answered = await load(respond.url, DURATION);
    await drained(remake, respond.hookId);
    await answered.exited;
    const respondExecuted = (await executionCounts(remake, respond.scenarioId)) - respondBefore;

    const baseAfter = await load(bare.url, DURATION);
    await baseAfter.exited;

    const baseRate = (perSecond(baseBefore) + perSecond(baseAfter)) / 2;
    const acceptSeconds = (acceptDrainedAt - accepted.started) / 1000;
    const backlogSeconds = (backlogDrainedAt - drainStart) / 1000;
    const row = (name, run, rate = perSecond(run)) => [name, fmtInt(rate), fmtRatio(rate / baseRate), fmtMs(run.p50), fmtMs(run.p99), refusals(run)];
    const rateRow = (name, rate) => [name, fmtInt(rate), fmtRatio(rate / baseRate), '', '', ''];
    printTable(
      ['run', 'req/s', 'vs node:http', 'p50', 'p99', 'not 2xx'],
      [
        row('bare node:http, 200 Accepted (before)', baseBefore),
        row('Remake accepted (scenario running)', accepted),
        rateRow('Remake executed (load start → queue empty)', acceptExecuted / acceptSeconds),
        row('Remake accepted, intake only', intake),
        rateRow('Remake executed, draining that backlog', backlogExecuted / backlogSeconds),
        row('Remake responded (one answer = one run)', answered),
        row('bare node:http, 200 Accepted (after)', baseAfter),
      ],
    );
    console.log(
      `\naccepted: ${fmtInt(accepted.ok)} in ${accepted.duration.toFixed(1)} s, ${fmtInt(queuedAtEnd)} still queued when the load stopped, queue empty ` +
        `${((acceptDrainedAt - accepted.ended) / 1000).toFixed(1)} s later; ${fmtInt(acceptExecuted)} executions in ${acceptSeconds.toFixed(1)} s.`,
    );
    console.log(`intake only: ${fmtInt(intake.ok)} queued in ${intake.duration.toFixed(1)} s (${fmtInt(waiting)} waiting); ${fmtInt(backlogExecuted)} executions drained them in ${backlogSeconds.toFixed(1)} s.`);
    console.log(`responded: ${fmtInt(answered.ok)} answered 200 'A-1' in ${answered.duration.toFixed(1)} s; ${fmtInt(respondExecuted)} executions.`);
    console.log('Executions can exceed answers by up to the connection count: requests in flight when autocannon stops are still run.');
    if (Object.keys(intake.statusCodeStats).includes('400')) console.log(`intake only hit the hook's queue limit (10,000): its req/s is a lower bound; try a shorter --duration.`);
    for (const [name, run, executed] of [['accepted', accepted, acceptExecuted], ['intake only', intake, backlogExecuted], ['responded', answered, respondExecuted]]) {
      if (executed < run.ok) throw new Error(`${name}: ${run.ok} requests were answered 2xx but only ${executed} executions finished.`);
    }
    const memory = process.memoryUsage();
    const stored = acceptBefore + acceptExecuted + backlogExecuted + respondBefore + respondExecuted;
    console.log(
      `This process at the end (both servers, ${fmtInt(stored)} executions stored): ` +
        `heap used ${fmtMb(memory.heapUsed)}, RSS ${fmtMb(memory.rss)}, peak RSS ${fmtMb(process.resourceUsage().maxRSS * 1024)}.`,
    );
  } finally {
    for (const close of closers.reverse()) await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  await (args.load ? runLoad(JSON.parse(args.load)) : main());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
