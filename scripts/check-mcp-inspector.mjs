// CI check of `remake mcp` with the official MCP Inspector in CLI mode (a client we did not write): tools/list must
// show the local and the Make API tools, and tools/call of eval_iml must answer "REMAKE". The Inspector needs Node >= 22.
import { spawnSync } from 'node:child_process';

const INSPECTOR = ['-y', '-p', 'node@22', '-p', '@modelcontextprotocol/inspector@2.12.0', '--', 'mcp-inspector', '--cli', 'node', 'bin/remake.js', 'mcp'];
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function fail(message) {
  console.error(`check-mcp-inspector: ${message}`);
  process.exit(1);
}

/** Runs the Inspector with `args` after the server command and returns its JSON answer. */
function inspect(args) {
  const result = spawnSync(npx, [...INSPECTOR, ...args], { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  const what = args.join(' ');
  if (result.error) fail(`could not run the Inspector for ${what}: ${result.error.message}`);
  if (result.status !== 0) fail(`the Inspector exited ${result.status} for ${what}:\n${result.stderr.split('\n').filter((line) => !line.startsWith('npm warn')).join('\n')}`);
  try {
    return JSON.parse(result.stdout);
  } catch {
    fail(`the Inspector did not print JSON for ${what}:\n${result.stdout.slice(0, 2000)}`);
  }
}

const list = inspect(['--method', 'tools/list']);
const names = Array.isArray(list?.tools) ? list.tools.map((tool) => tool.name) : [];
for (const name of ['validate_blueprint', 'scenarios_create']) {
  if (!names.includes(name)) fail(`tools/list has no ${name} (it lists ${names.length} tools: ${names.slice(0, 20).join(', ')}…)`);
}

const call = inspect(['--method', 'tools/call', '--tool-name', 'eval_iml', '--tool-arg', 'template={{upper("remake")}}']);
if (call?.isError || call?.structuredContent?.value !== 'REMAKE') fail(`tools/call eval_iml did not return "REMAKE": ${JSON.stringify(call)}`);

console.log(`mcp inspector: ok (${names.length} tools listed, eval_iml answered "REMAKE")`);
