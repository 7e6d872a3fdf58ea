// Prints a run report: the JSON of CONTRACTS.md §1, or a readable trace like Make's execution bubbles.
import type { RunReport } from '../core/index.ts';
import type { CliIo } from './io.ts';

/** How many bundles of one module the pretty trace shows before summarising the rest. */
const BUNDLES_SHOWN = 3;

export function printRunReport(report: RunReport, format: 'json' | 'pretty', io: CliIo): void {
  if (format === 'json') {
    io.out(JSON.stringify(report, replacer));
    return;
  }
  const cycles = `${report.cycles} cycle${report.cycles === 1 ? '' : 's'}`;
  io.out(`Status: ${report.status} · ${report.operations} operation${report.operations === 1 ? '' : 's'} · ${cycles}`);
  for (const [id, entry] of Object.entries(report.modules)) {
    const bundles = `${entry.outputs.length} bundle${entry.outputs.length === 1 ? '' : 's'} out`;
    io.out(`[${id}] ${entry.module} · ${entry.operations} op · ${bundles}`);
    entry.outputs.slice(0, BUNDLES_SHOWN).forEach((bundle, index) => io.out(`    ${index + 1}: ${oneLine(bundle)}`));
    if (entry.outputs.length > BUNDLES_SHOWN) io.out(`    … ${entry.outputs.length - BUNDLES_SHOWN} more`);
    for (const error of entry.errors) io.out(`    ✗ ${error.type}: ${error.message}`);
  }
  if (report.response) io.out(`Response: ${report.response.status} ${oneLine(report.response.body)}`);
  for (const item of report.incomplete) io.out(`Incomplete execution ${item.id} at module ${item.moduleId}: ${item.error.type}: ${item.error.message}`);
  for (const warning of report.warnings ?? []) io.out(`Warning: ${warning}`);
  if (report.error) io.out(`Error${report.error.moduleId === null ? '' : ` in module ${report.error.moduleId}`}: ${report.error.type}: ${report.error.message}`);
}

function oneLine(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value, replacer);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** Binary data prints as base64 so reports stay valid JSON text. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) {
    return Buffer.from((value as { data: number[] }).data).toString('base64');
  }
  return value;
}
