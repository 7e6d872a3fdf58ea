// What every local run shares: the clock, zone, randomness and sleep a run uses, and the data dir's SQLite ports.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionRecord, ExecutorPorts } from '../executor/ports.ts';
import { createConnectionOverlay } from './connection-overlay.ts';
import { isKnownZone } from '../iml/index.ts';
import { createModuleRegistry } from '../modules/registry.ts';
import { RemakeError } from '../shared/errors.ts';
import { systemRandom, type RandomSource } from '../shared/random.ts';
import { createSqlitePorts } from '../storage/sqlite/create-sqlite-ports.ts';

export interface EnvironmentOptions {
  readonly now?: string;
  /** The scenario time zone; UTC when not given. */
  readonly timezone?: string;
  /** Do not wait in Sleep modules (tests, corpus runs). */
  readonly skipSleep?: boolean;
  readonly random?: RandomSource;
}

export interface RunEnvironment {
  readonly clock: () => Date;
  readonly timezone: string;
  readonly random: RandomSource;
  readonly sleep: (milliseconds: number) => Promise<void>;
}

/** The built-in modules, shared by every local run. */
export const BUILT_IN_REGISTRY = createModuleRegistry();

/** Checks and builds the run environment; bad values are RemakeErrors naming the option. */
export function runEnvironment(options: EnvironmentOptions): RunEnvironment {
  const timezone = options.timezone ?? 'UTC';
  if (!isKnownZone(timezone)) throw new RemakeError('TIMEZONE_UNKNOWN', `Unknown time zone '${timezone}'. Use an IANA name such as Europe/Prague.`);
  const fixedNow = options.now === undefined ? undefined : new Date(options.now);
  if (fixedNow && Number.isNaN(fixedNow.getTime())) throw new RemakeError('NOW_INVALID', `--now '${options.now}' is not an ISO 8601 date.`);
  return {
    clock: fixedNow ? () => fixedNow : () => new Date(),
    timezone,
    random: options.random ?? systemRandom,
    sleep: options.skipSleep ? async () => {} : (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  };
}

/**
 * Opens the data dir's SQLite file (a temporary dir, removed afterwards, when none is given) for the length of `use`.
 * `connections` given for this run only are laid over the stored ones, in memory.
 */
export async function withDataDir<T>(dataDir: string | undefined, use: (ports: ExecutorPorts) => Promise<T>, connections: readonly ConnectionRecord[] = []): Promise<T> {
  const directory = dataDir ?? mkdtempSync(join(tmpdir(), 'remake-run-'));
  mkdirSync(directory, { recursive: true });
  const ports = createSqlitePorts(join(directory, 'remake.sqlite'));
  try {
    return await use(connections.length === 0 ? ports : { ...ports, connections: createConnectionOverlay(ports.connections, connections) });
  } finally {
    ports.close();
    if (dataDir === undefined) rmSync(directory, { recursive: true, force: true });
  }
}
