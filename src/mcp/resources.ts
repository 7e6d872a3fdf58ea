// MCP resources: the module catalog, the IML function reference, Remake's semantics notes and the example blueprints.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describeModule, listModules } from '../core/index.ts';
import { FUNCTIONS } from '../iml/index.ts';
import { RemakeError } from '../shared/errors.ts';
import { functionDocs } from './tools/functions.ts';

// Same depth under src/ and dist/, so these resolve to the package's docs/ and examples/ either way.
const SEMANTICS = new URL('../../docs/semantics.md', import.meta.url);
const EXAMPLES = new URL('../../examples/blueprints/', import.meta.url);

/** Names (file names without `.json`) of the example blueprints and inputs; none when the package ships without them. */
export function exampleNames(): string[] {
  const dir = fileURLToPath(EXAMPLES);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function json(uri: string, value: unknown) {
  return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }] };
}

/** Registers `remake://modules`, `remake://functions`, `remake://semantics` and `remake://examples/{name}`. */
export function registerResources(server: McpServer): void {
  server.registerResource(
    'modules',
    'remake://modules',
    { title: 'Built-in modules', description: 'Every module Remake runs, with parameters, mapper fields, outputs and an example', mimeType: 'application/json' },
    (uri) => json(uri.href, { modules: listModules().map((m) => describeModule(m.module, m.version)) }),
  );
  server.registerResource(
    'functions',
    'remake://functions',
    { title: 'IML functions', description: "Every IML function: family, signature, description, a checked example and Make's help page", mimeType: 'application/json' },
    (uri) => json(uri.href, { functions: FUNCTIONS.map(functionDocs) }),
  );
  server.registerResource(
    'semantics',
    'remake://semantics',
    { title: 'Remake semantics', description: 'Every Make rule Remake implements, with its source and the places it had to guess', mimeType: 'text/markdown' },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: readFileSync(fileURLToPath(SEMANTICS), 'utf8') }] }),
  );
  server.registerResource(
    'examples',
    new ResourceTemplate('remake://examples/{name}', {
      list: () => ({
        resources: exampleNames().map((name) => ({ uri: `remake://examples/${name}`, name, title: `Example: ${name}`, mimeType: 'application/json' })),
      }),
      complete: { name: (value) => exampleNames().filter((name) => name.startsWith(value)) },
    }),
    { title: 'Example blueprints', description: 'Blueprints and inputs from examples/blueprints/', mimeType: 'application/json' },
    (uri, variables) => {
      const name = String(variables.name);
      // Only listed names: the variable must never reach the file system as a path.
      if (!exampleNames().includes(name)) throw new RemakeError('EXAMPLE_UNKNOWN', `No example '${name}'; there are: ${exampleNames().join(', ') || 'none'}.`);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: readFileSync(fileURLToPath(new URL(`${name}.json`, EXAMPLES)), 'utf8') }] };
    },
  );
}
