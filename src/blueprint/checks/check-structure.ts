// Where modules may stand: routers last in their flow, directives last in a handler route, triggers first,
// no filter before the trigger, route objects as Make writes them, and `metadata.instant` matching the trigger.
import { childRoutes, type FlowRoute, type ModuleNode } from '../../model/index.ts';
import { catalogEntry, roleOf } from '../catalog.ts';
import { diagnostic } from '../diagnostics.ts';
import type { Check, CheckContext } from './check-context.ts';

/** Route keys Make's editor writes (BLUEPRINT.md §4.1). */
// `isFallback` is Remake's reading of Make's fallback-route flag; no export in the corpus shows it (docs/semantics.md, GUESS).
const ROUTE_KEYS = new Set(['disabled', 'isFallback']);

function hasConditions(filter: unknown): boolean {
  return typeof filter === 'object' && filter !== null && Array.isArray((filter as { conditions?: unknown }).conditions) && (filter as { conditions: unknown[] }).conditions.length > 0;
}

function checkRouter(ctx: CheckContext, node: ModuleNode, isLast: boolean): void {
  const place = { moduleId: node.id, path: node.path };
  if (!isLast) {
    ctx.report(diagnostic('ROUTER_NOT_LAST', `Router ${node.id} is followed by other modules in the same flow; a router must be the last module of its flow, and the scenario continues inside its routes.`, place));
  }
  if (node.routes === undefined && !Object.hasOwn(node.extra, 'routes')) {
    const where = ['parameters', 'mapper'].find((key) => typeof node[key as 'mapper'] === 'object' && node[key as 'mapper'] !== null && Object.hasOwn(node[key as 'mapper'] as object, 'routes'));
    ctx.report(
      diagnostic(
        'ROUTER_WITHOUT_ROUTES',
        `Router ${node.id} has no \`routes\` array${where ? ` (its routes are in \`${where}.routes\`, where Make does not read them)` : ''}; write the routes as "routes": [{"flow": [...]}, ...] on the router.`,
        place,
      ),
    );
  }
  node.routes?.forEach((route, index) => {
    for (const key of Object.keys(route.extra)) {
      if (ROUTE_KEYS.has(key)) continue;
      const hint = key === 'filter' || key === 'conditions' ? '; a route condition is the filter of the first module of the route' : '';
      ctx.report(diagnostic('ROUTE_UNKNOWN_KEY', `Route ${index + 1} of router ${node.id} has a '${key}' key, which Make ignores${hint}.`, { moduleId: node.id, path: `${node.path}.routes[${index}].${key}` }));
    }
  });
}

function checkRoute(ctx: CheckContext, route: FlowRoute, inHandler: boolean): void {
  route.modules.forEach((node, index) => {
    const isLast = index === route.modules.length - 1;
    const role = roleOf(node.type, node.parameters);
    const place = { moduleId: node.id, path: node.path };
    if (role === 'router') checkRouter(ctx, node, isLast);
    if (role === 'directive') {
      if (!inHandler) ctx.report(diagnostic('DIRECTIVE_OUTSIDE_HANDLER', `${node.type} ${node.id} is an error directive outside an error-handler route; directives only run in a module's onerror route.`, place));
      else if (!isLast) ctx.report(diagnostic('DIRECTIVE_NOT_LAST', `${node.type} ${node.id} is followed by other modules; an error directive ends its handler route, so modules after it never run.`, place));
    }
    const isTriggerSlot = index === 0 && (route.kind === 'main' || route.kind === 'orphan');
    if ((role === 'trigger' || role === 'instant-trigger') && !isTriggerSlot) {
      ctx.report(diagnostic('TRIGGER_NOT_FIRST', `${node.type} ${node.id} is a trigger but is not the first module of the scenario; Make starts a scenario only from its first module.`, place));
    }
    if (route.kind === 'main' && index === 0 && hasConditions(node.filter)) {
      ctx.report(diagnostic('FILTER_ON_FIRST_MODULE', `Module ${node.id} is the first module and has a filter; a filter sits on the link into a module, and nothing links into the first one. Move it to the second module.`, { ...place, path: `${node.path}.filter` }));
    }
    for (const child of childRoutes(node)) checkRoute(ctx, child, inHandler || child.kind === 'handler');
  });
}

function checkInstant(ctx: CheckContext): void {
  const first = ctx.model.flow.modules[0];
  const instant = ctx.model.instant;
  if (!first || instant === undefined) return;
  const role = roleOf(first.type, first.parameters);
  const place = { moduleId: first.id, path: 'metadata.instant' };
  if (instant === false && role === 'instant-trigger') {
    ctx.report(diagnostic('INSTANT_MISMATCH', `metadata.instant is false but the first module (${first.type}) is an instant trigger; Make treats the scenario as instant.`, place));
  }
  // Only catalogued modules are known to be non-instant; third-party triggers may be instant without saying so.
  if (instant === true && role !== 'instant-trigger' && catalogEntry(first.type) !== undefined) {
    ctx.report(diagnostic('INSTANT_MISMATCH', `metadata.instant is true but the first module (${first.type}) is not an instant trigger.`, place));
  }
}

export const checkStructure: Check = (ctx) => {
  checkRoute(ctx, ctx.model.flow, false);
  for (const orphan of ctx.model.orphans ?? []) checkRoute(ctx, orphan, false);
  checkInstant(ctx);
};
