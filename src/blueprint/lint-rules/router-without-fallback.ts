// LINT_ROUTER_WITHOUT_FALLBACK: a router whose every route starts with a filter. A bundle that passes none of them
// stops at the router with no error and no trace (SEMANTICS.md rules 43, 46; Make Help Center "Router").
// Left alone: a router with one route (a filter by another name), and a router with two routes whose filters are each
// other's negation (`exist` / `notexist`, `A or B` / `not A and not B`), which together cover every bundle.
import type { ModuleNode } from '../../model/index.ts';
import { defineLintRule, recordOf, type LintFinding } from './lint-context.ts';

interface Condition {
  readonly a: string;
  readonly o: string;
  readonly b: string;
}

/** Each operator and its negation, both ways (Make's filter operators, IML.md §D). */
const NEGATION = new Map<string, string>();
const pairs: [string, string][] = [['exist', 'notexist']];
for (const op of ['equal', 'contain', 'startwith', 'endwith', 'pattern']) pairs.push([`text:${op}`, `text:not${op}`], [`text:${op}:ci`, `text:not${op}:ci`]);
for (const family of ['number', 'date', 'time', 'semver', 'array']) {
  pairs.push([`${family}:equal`, `${family}:notequal`], [`${family}:greater`, `${family}:lessorequal`], [`${family}:less`, `${family}:greaterorequal`]);
}
pairs.push(['array:contain', 'array:notcontain'], ['array:contain:ci', 'array:notcontain:ci'], ['boolean:equal', 'boolean:notequal']);
for (const [x, y] of pairs) NEGATION.set(x, y).set(y, x);

/** The filter's OR-of-AND groups, when it has at least one condition in every group (otherwise it passes everything). */
function groupsOf(node: ModuleNode | undefined): Condition[][] | undefined {
  const conditions = recordOf(node?.filter)?.conditions;
  if (!Array.isArray(conditions) || conditions.length === 0) return undefined;
  const groups = conditions.map((group) => (Array.isArray(group) ? group.map(readCondition) : []));
  return groups.every((group) => group.length > 0) ? groups : undefined;
}

function readCondition(raw: unknown): Condition {
  const condition = recordOf(raw) ?? {};
  const text = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'string' ? value.trim() : JSON.stringify(value));
  const o = text(condition.o);
  return { a: text(condition.a), o, b: o === 'exist' || o === 'notexist' ? '' : text(condition.b) };
}

const key = (c: Condition) => JSON.stringify([c.a, c.o, c.b]);
const negated = (c: Condition) => key({ ...c, o: NEGATION.get(c.o) ?? `?${c.o}` });

/** `any` is `c1 or c2 or …` (one condition per group) and `all` is `not c1 and not c2 and …`, in any order. */
function deMorgan(any: Condition[][], all: Condition[][]): boolean {
  const only = all[0];
  if (all.length !== 1 || !only || !any.every((group) => group.length === 1)) return false;
  const expected = new Set(any.map((group) => negated(group[0] as Condition)));
  const actual = new Set(only.map(key));
  return expected.size === actual.size && [...expected].every((k) => actual.has(k));
}

function complementary(x: Condition[][], y: Condition[][]): boolean {
  return deMorgan(x, y) || deMorgan(y, x);
}

export const routerWithoutFallback = defineLintRule({
  code: 'LINT_ROUTER_WITHOUT_FALLBACK',
  title: 'Router where every route has a filter',
  fix: 'Add a route without a filter, or a fallback route, for the bundles that match no filter (or log them there).',
  run(ctx) {
    const out: LintFinding[] = [];
    for (const node of ctx.executed) {
      if (node.type !== 'builtin:BasicRouter' || !node.routes) continue;
      const filters = node.routes.filter((route) => !route.disabled).map((route) => groupsOf(route.flow.modules[0]));
      // A router with one route is a filter by another name; dropping what it does not match is its purpose.
      if (filters.length < 2 || filters.some((groups) => groups === undefined)) continue;
      const all = filters as Condition[][][];
      if (all.some((x, i) => all.some((y, j) => i < j && complementary(x, y)))) continue;
      out.push({
        message: `Every route of router ${node.id ?? node.path} starts with a filter, so a bundle that matches none of the ${all.length} filter${all.length === 1 ? '' : 's'} is dropped at the router without any error or log entry.`,
        moduleId: node.id,
        path: node.path,
      });
    }
    return out;
  },
});
