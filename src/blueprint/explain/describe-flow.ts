// Lays out a route of modules in flow order, with what nests inside each: router routes and their conditions,
// if-else branches, error-handler routes ("If module 5 fails:") and AI-agent tool flows.
import type { FlowRoute, IfElseBranch, ModuleNode, RouterRoute } from '../../model/index.ts';
import type { ExplainContext } from './context.ts';
import { directiveOf } from './describe-directive.ts';
import { describeConditions, readFilter } from './describe-filter.ts';
import { describeModule } from './describe-module.ts';
import { indent, quote } from './text.ts';

/** Filter and branch names are what people read on the canvas, so they may run longer than literal values. */
const MAX_NAME = 100;

/** Where a route sits; it decides how the first module's filter reads (SEMANTICS.md rules 43 and 54). */
type Place = 'flow' | 'route' | 'handler';

/** The filter on a module in words, or nothing. A router route's first filter is its condition (shown on the route). */
function filterLines(node: ModuleNode, place: Place, first: boolean): string[] {
  const filter = readFilter(node.filter);
  if (!filter || (place === 'route' && first)) return [];
  const name = filter.name ? ` ${quote(filter.name, MAX_NAME)}` : '';
  if (!filter.condition) return [`- filter${name} has no conditions: every bundle passes`];
  // A filter on a handler's first module decides whether the handler applies at all (SEMANTICS.md rule 54).
  if (place === 'handler' && first) return [`- this handler applies only when ${filter.condition}${name ? ` (filter${name})` : ''}; other errors are handled as if there were no handler`];
  return [`- only continues when ${filter.condition}${name ? ` (filter${name})` : ''}`];
}

function routeLines(route: RouterRoute, index: number, ctx: ExplainContext): string[] {
  const filter = readFilter(route.flow.modules[0]?.filter);
  const name = filter?.name ? ` ${quote(filter.name, MAX_NAME)}` : '';
  const state = route.disabled ? ' (disabled)' : '';
  const condition = filter?.condition ? `: when ${filter.condition}` : ' (no condition: always taken)';
  return [`- Route ${index + 1}${name}${state}${condition}`, ...indent(describeRoute(route.flow, ctx, 'route'))];
}

function branchLines(branch: IfElseBranch, index: number, ctx: ExplainContext): string[] {
  const label = branch.label ? ` ${quote(branch.label, MAX_NAME)}` : '';
  const state = branch.disabled ? ' (disabled)' : '';
  let head: string;
  if (branch.type === 'else') {
    head = `- Else${label}${state}: when no branch above matched`;
  } else {
    // The importer drops conditions it cannot compile; the raw ones (kept in `extra`) still read as words.
    const condition = describeConditions(branch.extra.conditions);
    const kind = branch.type === 'condition' ? 'Branch' : 'Branch of unknown type';
    head = `- ${kind} ${index + 1}${label}${state}${condition ? `: when ${condition}` : ' (no condition: always matches)'}`;
  }
  return [head, ...indent(describeRoute(branch.flow, ctx, 'route'))];
}

/** The error-handler route of `node`; without a closing directive Make ignores the error (SEMANTICS.md rule 77). */
function handlerLines(node: ModuleNode, handler: FlowRoute, ctx: ExplainContext): string[] {
  const who = node.id === undefined ? 'this module' : `module ${node.id}`;
  const closing = endsWithDirective(handler) ? [] : ['- no directive closes this handler, so the error is then ignored (as with Ignore)'];
  return [`- If ${who} fails:`, ...indent([...describeRoute(handler, ctx, 'handler', node.id), ...closing])];
}

/** True when the route ends in a directive, or in a router each of whose routes does (directives may sit inside routes). */
function endsWithDirective(route: FlowRoute): boolean {
  const last = route.modules[route.modules.length - 1];
  if (!last) return false;
  if (directiveOf(last)) return true;
  return last.routes !== undefined && last.routes.length > 0 && last.routes.every((inner) => endsWithDirective(inner.flow));
}

function childLines(node: ModuleNode, ctx: ExplainContext): string[] {
  const lines: string[] = [];
  node.routes?.forEach((route, index) => lines.push(...routeLines(route, index, ctx)));
  node.branches?.forEach((branch, index) => lines.push(...branchLines(branch, index, ctx)));
  for (const tool of node.tools ?? []) lines.push(`- Tool${tool.name ? ` ${quote(tool.name)}` : ''}:`, ...indent(describeRoute(tool.flow, ctx, 'route')));
  if (node.onerror) lines.push(...handlerLines(node, node.onerror, ctx));
  return lines;
}

/**
 * Every module of `route` in flow order, each as a title line with its details nested under it.
 * `failedId` is the module whose handler this route is, so directives can name it.
 */
export function describeRoute(route: FlowRoute, ctx: ExplainContext, place: Place, failedId?: number): string[] {
  if (route.modules.length === 0) return ['- (no modules)'];
  return route.modules.flatMap((node, index) => {
    const { title, details } = describeModule(node, ctx, { failedId });
    return [`- ${title}`, ...indent([...filterLines(node, place, index === 0), ...details, ...childLines(node, ctx)])];
  });
}
