// `npm run bench`: bench/blueprints.bench.mjs (validation over the corpus); installs the peers of bench/package.json when
// missing or stale; bench/iml.bench.mjs against n8n's 'legacy' (this Node) and 'vm' (Node 24) engines; then builds dist/ for
// bench/executor.bench.mjs and bench/serve.bench.mjs (`remake serve` under autocannon). `--only <step>` runs one step.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import semver from 'semver';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bench = join(root, 'bench');
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'all' },
    time: { type: 'string', default: '1000' },
    items: { type: 'string', default: '100000' },
    only: { type: 'string' },
  },
});
const onWindows = process.platform === 'win32';

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: onWindows });
  if (result.error) return { ok: false, reason: result.error.message };
  return { ok: result.status === 0, reason: `exit code ${result.status ?? result.signal}` };
}

/** Names the first dependency of bench/package.json that bench/node_modules lacks or holds at a wrong version. */
function staleDependency() {
  const { dependencies = {} } = JSON.parse(readFileSync(join(bench, 'package.json'), 'utf8'));
  for (const [name, range] of Object.entries(dependencies)) {
    const manifest = join(bench, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return `${name} is not installed`;
    const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!semver.satisfies(version, range)) return `${name} ${version} does not match ${range}`;
  }
  return undefined;
}

function installPeers() {
  const stale = staleDependency();
  if (!stale) return;
  // --ignore-scripts: n8n-workflow pulls isolated-vm, whose build needs Node 24; its prebuilt binary is used instead.
  console.log(`Installing benchmark peers into bench/ (${stale})…`);
  const result = run('npm', ['install', '--prefix', 'bench', '--ignore-scripts', '--no-audit', '--no-fund']);
  if (!result.ok) throw new Error(`npm install --prefix bench failed (${result.reason}).`);
}

const benchArgs = (engine, extra = []) => ['--import', 'tsx', 'bench/iml.bench.mjs', '--engine', engine, '--time', args.time, ...extra];

function runLegacy() {
  const result = run(process.execPath, benchArgs('legacy', ['--cases']));
  if (!result.ok) throw new Error(`The benchmark against n8n's legacy engine failed (${result.reason}).`);
}

/** The vm engine loads isolated-vm 7, which needs Node 24: under an older Node it runs in `npx node@24`. */
function runVm() {
  const major = Number(process.versions.node.split('.')[0]);
  const result = major >= 24 ? run(process.execPath, benchArgs('vm')) : run('npx', ['-y', 'node@24', ...benchArgs('vm')]);
  if (result.ok) return;
  const message = `The benchmark against n8n's vm engine failed (${result.reason}).`;
  if (args.engine === 'vm') throw new Error(message);
  console.log(`\n${message} The legacy comparison above stands on its own.`);
}

let built = false;
/** Builds dist/ once for the benchmarks that import it. */
function buildDist(bench) {
  if (built) return;
  const build = run('npm', ['run', 'build', '--silent']);
  if (!build.ok) throw new Error(`npm run build failed (${build.reason}), so the ${bench} benchmark cannot import dist/.`);
  built = true;
}

/** Remake's executor against n8n-core's WorkflowExecute, both in one child process; it imports the built dist/. */
function runExecutor() {
  console.log('Remake executor vs n8n WorkflowExecute: iterator → router (2 filtered routes) → set variable → aggregator.');
  buildDist('executor');
  const result = run(process.execPath, ['--expose-gc', 'bench/executor.bench.mjs', '--items', args.items]);
  if (!result.ok) throw new Error(`The executor benchmark failed (${result.reason}).`);
}

/** `remake serve` (dist/) against a bare node:http server, both in one child process; autocannon runs in another. */
function runServe() {
  console.log('remake serve vs a bare node:http server answering 200: webhooks per second (autocannon on 127.0.0.1).');
  buildDist('serve');
  const result = run(process.execPath, ['bench/serve.bench.mjs']);
  if (!result.ok) throw new Error(`The serve benchmark failed (${result.reason}).`);
}

const STEPS = ['blueprints', 'iml', 'executor', 'serve'];
const selected = (step) => args.only === undefined || args.only === step;

try {
  if (!['all', 'legacy', 'vm'].includes(args.engine)) throw new Error(`Unknown --engine '${args.engine}'; use all, legacy or vm.`);
  if (args.only !== undefined && !STEPS.includes(args.only)) throw new Error(`Unknown --only '${args.only}'; use ${STEPS.join(', ')}.`);
  if (selected('blueprints')) {
    console.log('Blueprint validation: whole corpus per second, against JSON.parse of the same files.');
    const blueprints = run(process.execPath, ['--import', 'tsx', 'bench/blueprints.bench.mjs', '--time', args.time]);
    if (!blueprints.ok) throw new Error(`The blueprint validation benchmark failed (${blueprints.reason}).`);
    console.log('');
  }
  if (args.only !== 'blueprints') installPeers();
  if (selected('iml')) {
    console.log('Remake IML vs n8n expressions: evaluations per second, higher is better; ratio = Remake / n8n.');
    console.log('Remake compiles each template once and times only evaluate(ctx). n8n is called through');
    console.log('workflow.expression.getParameterValue per item, as n8n-core does: it caches the transpiled code of');
    console.log('each expression string, but rebuilds its data proxy and sandbox globals on every evaluation.\n');
    if (args.engine !== 'vm') runLegacy();
    if (args.engine === 'all') console.log('');
    if (args.engine !== 'legacy') runVm();
    console.log('');
  }
  if (selected('executor')) {
    runExecutor();
    console.log('');
  }
  if (selected('serve')) runServe();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
