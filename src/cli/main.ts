// The `remake` command: parses arguments, runs one command, maps failures to exit codes 1 and 2.
import { Command, CommanderError } from 'commander';
import { registerConnections } from './commands/connections.ts';
import { registerEval } from './commands/eval.ts';
import { registerExplain } from './commands/explain.ts';
import { registerIncomplete } from './commands/incomplete.ts';
import { registerLint } from './commands/lint.ts';
import { registerMcp } from './commands/mcp.ts';
import { registerRemap } from './commands/remap.ts';
import { registerRun } from './commands/run.ts';
import { registerServe } from './commands/serve.ts';
import { registerValidate } from './commands/validate.ts';
import { processIo, type CliIo } from './io.ts';
import { UsageError } from './usage-error.ts';

const VERSION = '0.1.0';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('remake')
    .description('Run, check and serve Make.com scenarios locally')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
    });
  const setExit = (code: number): void => {
    exitCode = code;
  };
  registerEval(program, io, setExit);
  registerValidate(program, io, setExit);
  registerLint(program, io, setExit);
  registerRemap(program, io, setExit);
  registerExplain(program, io, setExit);
  registerRun(program, io, setExit);
  registerIncomplete(program, io, setExit);
  registerConnections(program, io, setExit);
  registerMcp(program, io, setExit);
  registerServe(program, io, setExit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.err(`remake: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`remake: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
