// Prints blueprint diagnostics as `remake validate` and `remake lint` show them: text lines or one JSON document.
import type { Diagnostic } from '../blueprint/index.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './usage-error.ts';

export interface FileDiagnostics {
  readonly file: string;
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export type OutputFormat = 'text' | 'json';

export function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new UsageError(`--format: '${value}' is not one of text, json`);
}

/** `file: severity CODE (module 3, flow[2].mapper.text, position 14): message`, then the fix when there is one. */
function line(file: string, d: Diagnostic): string {
  const where = [d.moduleId === undefined ? undefined : `module ${d.moduleId}`, d.path, d.position === undefined ? undefined : `position ${d.position}`].filter(Boolean);
  const head = `${file}: ${d.severity} ${d.code}${where.length > 0 ? ` (${where.join(', ')})` : ''}: ${d.message}`;
  return d.fix ? `${head}\n  fix: ${d.fix}` : head;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function printDiagnostics(results: readonly FileDiagnostics[], format: OutputFormat, io: CliIo): void {
  if (format === 'json') {
    io.out(JSON.stringify({ files: results }));
    return;
  }
  for (const result of results) for (const d of result.diagnostics) io.out(line(result.file, d));
  const all = results.flatMap((r) => r.diagnostics);
  const by = (severity: Diagnostic['severity']) => all.filter((d) => d.severity === severity).length;
  const failed = results.filter((r) => !r.ok).length;
  io.out(`${count(results.length, 'file')}, ${failed === 0 ? 'all ok' : `${failed} with errors`}: ${count(by('error'), 'error')}, ${count(by('warning'), 'warning')}, ${by('info')} info`);
}
