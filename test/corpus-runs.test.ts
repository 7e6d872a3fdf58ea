// Every export-tier corpus blueprint run once with --auto-mock (the executor issue's done-when): each produces
// a report, none throws, and a scenario-level error carries a Make error type and a message that says why.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runBlueprint, type RunReport } from '../src/core/index.ts';
import { MAKE_ERROR_TYPES } from '../src/executor/make-error.ts';
import { autoMockBundle } from '../src/executor/mocks.ts';
import { isRecord } from '../src/shared/is-record.ts';
import { seededRandom } from '../src/shared/random.ts';
import { CORPUS_DIR, corpusTiers, readBlueprint } from './support/corpus.ts';

const NOW = '2024-03-01T12:00:00.000Z';
const STATUSES: readonly string[] = ['success', 'warning', 'error'];
const ERROR_TYPES: readonly string[] = MAKE_ERROR_TYPES;

const tiers = corpusTiers();
/** Genuine exports with true defects (test/fixtures/corpus-export-defects.json): the only runs refused up front. */
const DEFECTS = new Set((JSON.parse(readFileSync(new URL('./fixtures/corpus-export-defects.json', import.meta.url), 'utf8')) as { file: string }[]).map((entry) => entry.file));
const files = readdirSync(new URL('blueprints/', CORPUS_DIR)).filter((file) => tiers.get(file) === 'export').sort();

/** A webhook trigger gets a body built from the webhook's own `metadata.interface`; other triggers get none. */
function inputFor(blueprint: unknown): unknown {
  const flow = isRecord(blueprint) && Array.isArray(blueprint.flow) ? blueprint.flow : [];
  const first: unknown = flow[0];
  if (!isRecord(first) || first.module !== 'gateway:CustomWebHook') return undefined;
  return autoMockBundle(first.metadata, new Date(NOW));
}

/** Why a report breaks the contract, or undefined when it keeps it. */
function contractProblem(report: RunReport): string | undefined {
  if (!STATUSES.includes(report.status)) return `status '${String(report.status)}' is not success, warning or error`;
  if (report.status === 'error') {
    if (!report.error) return 'status error without an error';
    if (!ERROR_TYPES.includes(report.error.type)) return `error type '${report.error.type}' is not a Make error type`;
    if (report.error.message.trim() === '') return `${report.error.type} with an empty message`;
  }
  const lossy = jsonLoss(report, 'report', new Set());
  return lossy === undefined ? undefined : `the report is not JSON-serialisable: ${lossy}`;
}

/**
 * The first value JSON would break on or silently change (a cycle, bigint, NaN, a Date or other class
 * instance), or undefined. Absent (`undefined`) fields are fine, and binary data is a Uint8Array by design
 * (the CLI prints it as base64).
 */
function jsonLoss(value: unknown, path: string, seen: Set<object>): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${value}`;
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') return `${path} is a ${typeof value}`;
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return undefined;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return `${path} is a ${value.constructor.name}`;
  if (seen.has(value)) return `${path} is a cycle`;
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    const found = jsonLoss(item, `${path}.${key}`, seen);
    if (found) return found;
  }
  seen.delete(value);
  return undefined;
}

interface ScenarioError {
  readonly file: string;
  readonly moduleId: number | null;
  readonly message: string;
}

/** Up to three examples, messages that start differently first: one error type often has several causes. */
function examples(errors: readonly ScenarioError[]): ScenarioError[] {
  const firstOfKind = new Map<string, ScenarioError>();
  for (const error of errors) if (!firstOfKind.has(error.message.slice(0, 24))) firstOfKind.set(error.message.slice(0, 24), error);
  return [...new Set([...firstOfKind.values(), ...errors])].slice(0, 3);
}

test('every export-tier blueprint runs with --auto-mock and produces a report', async () => {
  const byStatus = new Map<string, number>();
  const byErrorType = new Map<string, ScenarioError[]>();
  const failures: string[] = [];
  const started = performance.now();
  for (const file of files) {
    const blueprint = readBlueprint(file);
    let report: RunReport;
    try {
      report = await runBlueprint({ blueprint, input: inputFor(blueprint), autoMock: true, offline: true, skipSleep: true, now: NOW, random: seededRandom(1) });
    } catch (error) {
      const stack = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' | ') : String(error);
      failures.push(`${file}: threw ${stack}`);
      continue;
    }
    const problem = contractProblem(report);
    if (problem) failures.push(`${file}: ${problem}`);
    const refused = report.error?.type === 'InvalidConfigurationError' && report.operations === 0;
    if (refused !== DEFECTS.has(file)) failures.push(`${file}: ${refused ? `refused before running: ${report.error?.message}` : 'is a listed defect but ran'}`);
    byStatus.set(report.status, (byStatus.get(report.status) ?? 0) + 1);
    if (report.status === 'error' && report.error) {
      const errors = byErrorType.get(report.error.type) ?? [];
      errors.push({ file, moduleId: report.error.moduleId, message: report.error.message });
      byErrorType.set(report.error.type, errors);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`export-tier runs: ${files.length} files in ${seconds}s; ${STATUSES.map((status) => `${status} ${byStatus.get(status) ?? 0}`).join(', ')}; ${failures.length} failures`);
  for (const [type, errors] of [...byErrorType].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${type}: ${errors.length}`);
    for (const { file, moduleId, message } of examples(errors)) console.log(`    e.g. ${file} (module ${String(moduleId)}): ${message.slice(0, 300)}`);
  }
  assert.ok(files.length >= 380, `the corpus has ${files.length} export-tier files`);
  assert.deepEqual(failures, []);
});
