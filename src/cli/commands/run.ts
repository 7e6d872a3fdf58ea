// `remake run <blueprint.json>`: executes a scenario once, locally, and prints the run report (CONTRACTS.md §1).
import type { Command } from 'commander';
import { RemakeError } from '../../shared/errors.ts';
import type { CliIo } from '../io.ts';
import { printRunReport } from '../print-run-report.ts';
import { readBlueprintFile } from '../read-blueprint-file.ts';
import { readJsonArg } from '../read-json-arg.ts';
import { addRunOptions, readRunOptions, type RunOptionFlags } from '../run-options.ts';
import { UsageError } from '../usage-error.ts';

export interface RunCommandOptions extends RunOptionFlags {
  readonly input?: string;
  readonly query?: string[];
  readonly header?: string[];
  readonly offline?: boolean;
  readonly dataDir?: string;
  readonly dataStores?: string;
  readonly format?: string;
}

export async function runRun(file: string, options: RunCommandOptions, io: CliIo, isTerminal: boolean): Promise<number> {
  const format = options.format ?? (isTerminal ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty') throw new UsageError(`--format must be json or pretty, not '${format}'`);
  const blueprint = readBlueprintFile(file);
  // Loaded on use: the executor and its modules (SQLite, mathjs, csv, html) are not needed by the other commands.
  const { runBlueprint } = await import('../../core/index.ts');
  try {
    const report = await runBlueprint({
      blueprint,
      input: options.input === undefined ? undefined : readInput(options.input),
      query: pairs(options.query, '=', '--query'),
      headers: pairs(options.header, ':', '--header'),
      ...readRunOptions(options),
      offline: options.offline ?? false,
      dataDir: options.dataDir,
      dataStores: options.dataStores === undefined ? undefined : readJsonArg(options.dataStores, '--data-stores'),
    });
    printRunReport(report, format, io);
    return report.status === 'error' ? 1 : 0;
  } catch (error) {
    if (error instanceof RemakeError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

/** `--input` is inline JSON or a file; a bare scalar (e.g. `"text"`) is accepted inline too. */
function readInput(value: string): unknown {
  const trimmed = value.trim();
  if (/^(".*"|-?\d.*|true|false|null)$/s.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      // not a JSON scalar: read it as a file path below
    }
  }
  return readJsonArg(value, '--input');
}

function pairs(values: readonly string[] | undefined, separator: string, option: string): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf(separator);
    if (at <= 0) throw new UsageError(`${option} expects name${separator}value, got '${value}'`);
    out[value.slice(0, at).trim()] = value.slice(at + 1).trim();
  }
  return out;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerRun(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('run')
    .description('Run a scenario once, locally, and print the run report')
    .argument('<blueprint>', 'blueprint JSON file')
    .option('--input <file|json>', "the trigger's data: a webhook request body, or the first module's output bundles")
    .option('--query <name=value>', 'a query parameter of the webhook request (repeatable)', collect)
    .option('--header <name:value>', 'a header of the webhook request (repeatable)', collect);
  addRunOptions(command)
    .option('--offline', 'do not reach other machines: HTTP modules are mocked like apps Remake cannot run')
    .option('--data-dir <dir>', 'keep data stores, counters and incomplete executions here between runs')
    .option('--data-stores <file|json>', 'records to seed: {"<dataStoreId>": {"<key>": {record}}}')
    .option('--format <format>', 'json or pretty (default: pretty on a terminal, json otherwise)')
    .action(async (file: string, options: RunCommandOptions) => setExit(await runRun(file, options, io, process.stdout.isTTY === true)));
}
