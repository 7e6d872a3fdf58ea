// Which iterator spans are open at each executed module: an iterator or repeater opens a span for the modules
// after it on its path, and an aggregator whose `parameters.feeder` is that iterator closes it (SEMANTICS.md §5–§6).
// Routes are walked the way checks/check-references.ts walks mapping scopes.
import type { FlowRoute, ModuleNode } from '../../model/index.ts';
import { feederOf } from '../checks/check-references.ts';

/** Modules that turn one bundle into many (BLUEPRINT.md §7). */
const ITERATORS = new Set(['builtin:BasicFeeder', 'builtin:BasicRepeater']);

function isIterator(node: ModuleNode): boolean {
  return ITERATORS.has(node.type);
}

/** Called for every module with the iterators whose span it is in, outermost first. */
export type SpanVisitor = (node: ModuleNode, open: readonly ModuleNode[]) => void;

/** Walks `route` depth-first in document order; returns the spans still open after its last module. */
export function walkIteratorSpans(route: FlowRoute, visit: SpanVisitor, open: readonly ModuleNode[] = []): readonly ModuleNode[] {
  let current = open;
  for (const node of route.modules) current = walkModule(node, visit, current);
  return current;
}

function walkModule(node: ModuleNode, visit: SpanVisitor, open: readonly ModuleNode[]): readonly ModuleNode[] {
  // The aggregator runs once per span, so it stands outside the span it closes (and every span opened inside it).
  const feeder = feederOf(node);
  const closes = feeder === undefined ? -1 : open.findIndex((iterator) => iterator.id === feeder);
  const here = closes >= 0 ? open.slice(0, closes) : open;
  visit(node, here);
  // A handler route runs for the bundle that failed, inside the same spans as its module.
  if (node.onerror) walkIteratorSpans(node.onerror, visit, here);
  const after = isIterator(node) ? [...here, node] : here;
  for (const route of node.routes ?? []) walkIteratorSpans(route.flow, visit, after);
  for (const branch of node.branches ?? []) walkIteratorSpans(branch.flow, visit, after);
  for (const tool of node.tools ?? []) walkIteratorSpans(tool.flow, visit, after);
  return after;
}
