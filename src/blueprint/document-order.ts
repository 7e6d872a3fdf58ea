// Orders diagnostics as they appear in the blueprint: by the JSON path they point at (array indexes numerically).
import type { Diagnostic } from './diagnostics.ts';

/** `flow[2].routes[0].mapper["a b"]` → ['flow', 2, 'routes', 0, 'mapper', 'a b']. */
function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g)) {
    if (match[1] !== undefined) out.push(Number(match[1]));
    else out.push(match[2] ?? match[3] ?? '');
  }
  return out;
}

function compareSegments(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** A stable sort: diagnostics without a path first, then by path, then by position in the field. */
export function inDocumentOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const keyed = diagnostics.map((d) => ({ d, path: d.path === undefined ? [] : segments(d.path) }));
  keyed.sort((x, y) => compareSegments(x.path, y.path) || (x.d.position ?? 0) - (y.d.position ?? 0));
  return keyed.map(({ d }) => d);
}
