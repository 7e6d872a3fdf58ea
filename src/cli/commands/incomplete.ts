// `remake incomplete list|retry`: the incomplete executions a `--data-dir` keeps, and retrying one by hand.
import type { Command } from 'commander';
import { RemakeError } from '../../shared/errors.ts';
import type { CliIo } from '../io.ts';
import { printRunReport } from '../print-run-report.ts';
import { addRunOptions, readRunOptions, type RunOptionFlags } from '../run-options.ts';
import { UsageError } from '../usage-error.ts';

interface IncompleteOptions extends RunOptionFlags {
  readonly dataDir: string;
  readonly format?: string;
}

async function list(options: IncompleteOptions, io: CliIo): Promise<number> {
  const { listIncompleteExecutions } = await import('../../core/index.ts');
  const records = await listIncompleteExecutions(options.dataDir);
  if (options.format === 'json') {
    io.out(JSON.stringify(records.map(({ blueprint: _blueprint, ...record }) => record)));
    return 0;
  }
  if (records.length === 0) io.out('No incomplete executions.');
  for (const record of records) {
    const retry = record.retry?.enabled ? `auto-retry ${record.retry.attempts}× every ${record.retry.intervalMinutes} min` : 'manual';
    io.out(`${record.id}  ${record.createdAt}  ${record.scenario}  module ${record.moduleId}  ${record.error.type}: ${record.error.message}  (${retry})`);
  }
  return 0;
}

async function retry(id: string, options: IncompleteOptions, io: CliIo): Promise<number> {
  const { retryIncompleteExecution } = await import('../../core/index.ts');
  try {
    const report = await retryIncompleteExecution({
      dataDir: options.dataDir,
      id,
      ...readRunOptions(options),
    });
    printRunReport(report, options.format === 'pretty' ? 'pretty' : 'json', io);
    return report.resolved ? 0 : 1;
  } catch (error) {
    if (error instanceof RemakeError) throw new UsageError(error.message);
    throw error;
  }
}

export function registerIncomplete(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program.command('incomplete').description('List or retry the incomplete executions kept in a data dir');
  command
    .command('list')
    .description('List stored incomplete executions')
    .requiredOption('--data-dir <dir>', 'the data dir of earlier runs')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: IncompleteOptions) => setExit(await list(options, io)));
  const retryCommand = command
    .command('retry')
    .description('Run an incomplete execution again from its failed module; resolved (removed) when it goes through')
    .argument('<id>', 'the incomplete execution id')
    .requiredOption('--data-dir <dir>', 'the data dir of earlier runs');
  addRunOptions(retryCommand)
    .option('--format <format>', 'json or pretty', 'json')
    .action(async (id: string, options: IncompleteOptions) => setExit(await retry(id, options, io)));
}
