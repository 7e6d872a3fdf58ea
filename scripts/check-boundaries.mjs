// Enforces ARCHITECTURE.md's boundaries: no layer imports a higher one, shells import only core/
// (plus iml/ and blueprint/ helpers), and iml/, blueprint/, model/ use no node: APIs (they run in the browser too).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const RANK = { shared: 0, iml: 1, model: 2, blueprint: 3, executor: 4, modules: 5, apps: 6, storage: 7, jobs: 8, core: 9, server: 10, cli: 10, mcp: 10 };
const SHELLS = new Set(['server', 'cli', 'mcp']);
const SHELL_MAY_IMPORT = new Set(['core', 'iml', 'blueprint', 'shared']);
// The CLI launches the other shells (`remake mcp`, `remake serve`), by dynamic import only, so other commands do not load them.
const CLI_MAY_LAUNCH = new Set(['mcp', 'server']);
const BROWSER_SAFE = new Set(['shared', 'iml', 'blueprint', 'model']);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const src = resolve('src');
const layerOf = (path) => relative(src, path).split(sep)[0];
const problems = [];
for (const file of files(src)) {
  if (file.endsWith('.test.ts')) continue;
  const from = layerOf(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2];
    if (spec.startsWith('node:') && BROWSER_SAFE.has(from)) problems.push(`${relative('.', file)}: ${from}/ must not use ${spec}`);
    if (!spec.startsWith('.')) continue;
    const to = layerOf(resolve(dirname(file), spec));
    if (to === from || !(to in RANK)) continue;
    if (from === 'cli' && CLI_MAY_LAUNCH.has(to) && match[2] !== undefined) continue;
    if (SHELLS.has(from) ? !SHELL_MAY_IMPORT.has(to) : RANK[to] > RANK[from]) problems.push(`${relative('.', file)}: ${from}/ must not import ${to}/ (${spec})`);
  }
}
if (problems.length > 0) {
  console.error(`Boundary violations (ARCHITECTURE.md):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('boundaries: ok');
