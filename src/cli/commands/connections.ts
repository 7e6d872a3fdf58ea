// `remake connections add|list|remove`: the connections and keys a `--data-dir` keeps, encrypted at rest;
// `list` masks every secret, and nothing here ever prints one.
import type { Command } from 'commander';
import { RemakeError } from '../../shared/errors.ts';
import type { CliIo } from '../io.ts';
import { readJsonArg } from '../read-json-arg.ts';
import { UsageError } from '../usage-error.ts';

interface ConnectionsOptions {
  readonly dataDir: string;
  readonly file?: string;
  readonly id?: string;
  readonly type?: string;
  readonly name?: string;
  readonly data?: string;
  readonly format?: string;
}

/** RemakeErrors of core (bad input, wrong key) are the user's to fix: exit 2 with the message. */
async function usage<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof RemakeError) throw new UsageError(error.message);
    throw error;
  }
}

/** The connection input from `--file`, or from `--id --type --name --data` together. */
function addInput(options: ConnectionsOptions): unknown {
  const flags = { '--id': options.id, '--type': options.type, '--name': options.name, '--data': options.data };
  const given = Object.entries(flags).filter(([, value]) => value !== undefined);
  if (options.file !== undefined) {
    if (given.length > 0) throw new UsageError(`connections add takes --file or ${Object.keys(flags).join(', ')}, not both (got --file and ${given.map(([flag]) => flag).join(', ')})`);
    return readJsonArg(options.file, '--file');
  }
  const missing = Object.entries(flags).filter(([, value]) => value === undefined).map(([flag]) => flag);
  if (missing.length > 0) throw new UsageError(`connections add needs --file, or all of --id, --type, --name and --data (missing ${missing.join(', ')})`);
  return { id: options.id, type: options.type, name: options.name, data: readJsonArg(options.data ?? '', '--data') };
}

async function add(options: ConnectionsOptions, io: CliIo): Promise<number> {
  const input = addInput(options);
  const { addConnection } = await import('../../core/index.ts');
  const saved = await usage(() => addConnection(options.dataDir, input));
  for (const record of saved) io.out(`Saved connection '${record.id}' (${record.type}, ${record.name}).`);
  return 0;
}

async function list(options: ConnectionsOptions, io: CliIo): Promise<number> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const { listConnections } = await import('../../core/index.ts');
  const records = await usage(() => listConnections(options.dataDir));
  if (format === 'json') {
    io.out(JSON.stringify(records));
    return 0;
  }
  if (records.length === 0) io.out('No connections.');
  for (const record of records) io.out(`${record.id}  ${record.type}  ${record.name}  ${JSON.stringify(record.data)}`);
  return 0;
}

async function remove(id: string, options: ConnectionsOptions, io: CliIo): Promise<number> {
  const { removeConnection } = await import('../../core/index.ts');
  if (await usage(() => removeConnection(options.dataDir, id))) {
    io.out(`Removed connection '${id}'.`);
    return 0;
  }
  io.err(`remake: no connection '${id}' in ${options.dataDir}`);
  return 1;
}

/** Registers `remake connections` and its subcommands. */
export function registerConnections(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program.command('connections').description('Add, list or remove the connections and keys kept (encrypted) in a data dir');
  command
    .command('add')
    .description('Add or replace connections; secrets are encrypted with REMAKE_SECRET_KEY or <data-dir>/secret.key')
    .requiredOption('--data-dir <dir>', 'the data dir runs use')
    .option('--file <file|json>', 'a record {id, type, name, data}, an array of them, or {"<id>": {type, name, data}} (keeps secrets out of shell history)')
    .option('--id <id>', "the connection id blueprints refer to (Make's numeric id)")
    .option('--type <type>', 'basic, apiKey, oauth2 or certificate')
    .option('--name <name>', 'a label')
    .option('--data <file|json>', "the type's fields, e.g. {\"username\": …, \"password\": …} for basic")
    .action(async (options: ConnectionsOptions) => setExit(await add(options, io)));
  command
    .command('list')
    .description('List connections with their secrets masked')
    .requiredOption('--data-dir <dir>', 'the data dir runs use')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: ConnectionsOptions) => setExit(await list(options, io)));
  command
    .command('remove')
    .description('Remove a connection')
    .argument('<id>', 'the connection id')
    .requiredOption('--data-dir <dir>', 'the data dir runs use')
    .action(async (id: string, options: ConnectionsOptions) => setExit(await remove(id, options, io)));
}
