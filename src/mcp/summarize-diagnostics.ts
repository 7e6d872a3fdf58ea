// The text line of validate/lint tool results: counts, then the first findings as `remake validate` prints them.
import type { Diagnostic } from '../blueprint/index.ts';

const SHOWN = 5;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `CODE (module 2, flow[1].mapper.value, position 20): message`. */
export function describeDiagnostic(d: Diagnostic): string {
  const where = [d.moduleId === undefined ? undefined : `module ${d.moduleId}`, d.path, d.position === undefined ? undefined : `position ${d.position}`].filter(Boolean);
  const head = `${d.severity} ${d.code}${where.length > 0 ? ` (${where.join(', ')})` : ''}: ${d.message}`;
  return d.fix ? `${head} Fix: ${d.fix}` : head;
}

/** `ok: 0 errors, 1 warning, 0 info` (or `not ok: …`) and up to five findings, one per line. */
export function summarizeDiagnostics(ok: boolean, diagnostics: readonly Diagnostic[]): string {
  const by = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  const head = `${ok ? 'ok' : 'not ok'}: ${plural(by('error'), 'error')}, ${plural(by('warning'), 'warning')}, ${by('info')} info`;
  const lines = diagnostics.slice(0, SHOWN).map(describeDiagnostic);
  if (diagnostics.length > SHOWN) lines.push(`… and ${diagnostics.length - SHOWN} more (see structuredContent.diagnostics)`);
  return [head, ...lines].join('\n');
}
