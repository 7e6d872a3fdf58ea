// `remake remap <blueprint.json> --list | --map ids.json`: list or rewrite the ids that tie a blueprint to one
// Make team (connections, keys, hooks, data stores, data structures…), so it imports cleanly into another.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportBlueprint, importBlueprint, listEnvironmentIds, parseBlueprintText, parseRemapTable, remapModel, type EnvironmentId } from '../../blueprint/index.ts';
import { RemakeError } from '../../shared/errors.ts';
import type { CliIo } from '../io.ts';
import { printDiagnostics, parseFormat } from '../print-diagnostics.ts';
import { readBlueprintFile } from '../read-blueprint-file.ts';
import { readJsonArg } from '../read-json-arg.ts';
import { UsageError } from '../usage-error.ts';

interface RemapOptions {
  list?: boolean;
  map?: string;
  out?: string;
  format?: string;
}

function describe(id: EnvironmentId): string {
  const label = id.label ? ` "${id.label}"` : '';
  return `${id.kind.padEnd(14)} ${String(id.id).padEnd(12)} module ${id.moduleId ?? '?'} (${id.module})${label}  ${id.path}`;
}

export function runRemap(file: string, options: RemapOptions, io: CliIo): number {
  if (Boolean(options.list) === Boolean(options.map)) throw new UsageError('remap: give exactly one of --list or --map <ids.json>');
  const format = parseFormat(options.format);
  const parsed = parseBlueprintText(readBlueprintFile(file));
  const imported = parsed.ok ? importBlueprint(parsed.json) : undefined;
  if (!imported?.model) {
    printDiagnostics([{ file, ok: false, diagnostics: parsed.ok ? (imported?.diagnostics ?? []) : [parsed.diagnostic] }], 'text', io);
    return 1;
  }
  if (options.list) {
    const ids = listEnvironmentIds(imported.model);
    if (format === 'json') io.out(JSON.stringify({ ids }));
    else {
      for (const id of ids) io.out(describe(id));
      io.out(`${ids.length} environment-specific id${ids.length === 1 ? '' : 's'}`);
    }
    return 0;
  }
  let table;
  try {
    table = parseRemapTable(readJsonArg(options.map as string, '--map'));
  } catch (error) {
    if (error instanceof RemakeError) throw new UsageError(`--map: ${error.message}`);
    throw error;
  }
  const result = remapModel(imported.model, table);
  const text = JSON.stringify(exportBlueprint(result.model), null, 2);
  if (options.out) writeFileSync(options.out, `${text}\n`);
  else io.out(text);
  io.err(`remapped ${result.changes.length} id${result.changes.length === 1 ? '' : 's'}; ${result.unmapped.length} left as they were`);
  for (const id of result.unmapped) io.err(`  not in the map: ${describe(id)}`);
  return 0;
}

export function registerRemap(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('remap')
    .description('List (--list) or rewrite (--map ids.json) connection, key, hook, data store and data structure ids')
    .argument('<blueprint>', 'blueprint JSON file')
    .option('--list', 'list the environment-specific ids')
    .option('--map <file|json>', 'ids.json: {"connection": {"<old>": <new>}, "hook": {...}, ...}')
    .option('--out <file>', 'write the remapped blueprint here instead of stdout')
    .option('--format <format>', 'text or json (for --list)', 'text')
    .action((file: string, options: RemapOptions) => setExit(runRemap(file, options, io)));
}
