// The options every command that executes a scenario shares (`remake run`, `remake incomplete retry`):
// declared once, read once into the fields core's run functions take.
import type { Command } from 'commander';
import { readJsonArg } from './read-json-arg.ts';

/** The shared options as commander parses them. */
export interface RunOptionFlags {
  readonly mocks?: string;
  readonly autoMock?: boolean;
  readonly connections?: string;
  readonly now?: string;
  readonly timezone?: string;
  readonly skipSleep?: boolean;
}

/** Adds `--mocks`, `--auto-mock`, `--connections`, `--now`, `--timezone` and `--skip-sleep` to `command`. */
export function addRunOptions(command: Command): Command {
  return command
    .option('--mocks <file|json>', 'bundles or an error per module id or app:Module')
    .option('--auto-mock', 'build outputs of modules Remake cannot run from their metadata.interface and the fields the scenario maps from them')
    .option('--connections <file|json>', 'connections for this run only: [{id, type, name, data}] or {"<id>": {type, name, data}}; never saved')
    .option('--now <iso>', 'fix the clock')
    .option('--timezone <iana>', 'the scenario time zone (default UTC)')
    .option('--skip-sleep', 'do not wait in Sleep modules');
}

/** The shared options read into core's run fields (JSON arguments parsed, flags defaulted). */
export function readRunOptions(options: RunOptionFlags) {
  return {
    mocks: options.mocks === undefined ? undefined : readJsonArg(options.mocks, '--mocks'),
    autoMock: options.autoMock ?? false,
    connections: options.connections === undefined ? undefined : readJsonArg(options.connections, '--connections'),
    now: options.now,
    timezone: options.timezone,
    skipSleep: options.skipSleep ?? false,
  };
}
