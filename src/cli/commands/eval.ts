// `remake eval`: evaluates one IML template or filter and prints the result as one line of JSON.
import type { Command } from 'commander';
import { isImlError } from '../../iml/errors.ts';
import { evaluateRequest } from '../../iml/eval-request.ts';
import { seededRandom } from '../../shared/random.ts';
import { RemakeError } from '../../shared/errors.ts';
import { readJsonArg } from '../read-json-arg.ts';
import { UsageError } from '../usage-error.ts';
import type { CliIo } from '../io.ts';

interface EvalOptions {
  context?: string;
  now?: string;
  timezone?: string;
  filter?: string;
  seed?: string;
}

/** A caret under the failing character, for syntax errors in one-line templates. */
function pointAt(template: string, position: number): string {
  if (template.includes('\n') || template.length > 200) return '';
  return `\n  ${template}\n  ${' '.repeat(Math.max(0, position - 1))}^`;
}

export function runEval(template: string | undefined, options: EvalOptions, io: CliIo): number {
  if (template === undefined && options.filter === undefined) throw new UsageError('eval: give a template, or --filter <json>');
  const now = options.now === undefined ? undefined : new Date(options.now);
  if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now: '${options.now}' is not an ISO 8601 date`);
  let seed: number | undefined;
  if (options.seed !== undefined) {
    seed = Number(options.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed: '${options.seed}' is not an integer`);
  }
  const base = {
    ...(options.context === undefined ? {} : { context: readJsonArg(options.context, '--context') }),
    ...(now ? { now } : {}),
    ...(options.timezone ? { timezone: options.timezone } : {}),
    ...(seed === undefined ? {} : { random: seededRandom(seed) }),
  };
  try {
    const value =
      options.filter !== undefined
        ? evaluateRequest({ ...base, filter: readJsonArg(options.filter, '--filter') })
        : evaluateRequest({ ...base, template: template as string });
    io.out(JSON.stringify(value));
    return 0;
  } catch (error) {
    if (isImlError(error) && error.name === 'ImlCompileError') {
      const position = error.where.position;
      io.err(`${error.message}${template && position ? pointAt(template, position) : ''}`);
      return 2;
    }
    if (isImlError(error)) {
      io.err(`DataError: ${error.message}`);
      return 1;
    }
    if (error instanceof RemakeError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}

export function registerEval(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('eval')
    .description('Evaluate one IML template (e.g. "Hi {{upper(1.name)}}") or filter and print the result as JSON')
    .argument('[template]', 'the field template, with {{…}} expressions')
    .option('--context <file|json>', 'module outputs and settings: {"1": {bundle}, "now": "<iso>", "timezone": "<iana>", "var": {...}}')
    .option('--now <iso>', 'fix the clock (overrides context.now)')
    .option('--timezone <iana>', 'scenario time zone (overrides context.timezone; default UTC)')
    .option('--filter <json>', 'evaluate a filter condition {"a", "o", "b"} or {"conditions": [[...]]} instead; prints true or false')
    .option('--seed <integer>', 'make random, uuid and shuffle() reproducible')
    .action((template: string | undefined, options: EvalOptions) => setExit(runEval(template, options, io)));
}
