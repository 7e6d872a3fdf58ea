// Mapping scope (SEMANTICS.md rule 39, 66): a module may map only modules before it on its own path, and after an
// aggregator no longer the aggregator's source nor the modules between them. Aggregator feeders must be upstream.
import type { CompiledTemplate, ModuleReference } from '../../iml/index.ts';
import { fieldsOf, type FlowRoute, type ModuleNode } from '../../model/index.ts';
import { diagnostic } from '../diagnostics.ts';
import type { Check, CheckContext } from './check-context.ts';

/** Modules visible on a path, in path order, and modules hidden by a closed aggregation (id → aggregator id). */
interface Scope {
  readonly visible: readonly number[];
  readonly closed: ReadonlyMap<number, number>;
}

const EMPTY_SCOPE: Scope = { visible: [], closed: new Map() };

/** The source id an aggregator names in `parameters.feeder`, when it names one. */
export function feederOf(node: ModuleNode): number | undefined {
  const parameters = node.parameters;
  if (typeof parameters !== 'object' || parameters === null || !Object.hasOwn(parameters, 'feeder')) return undefined;
  const feeder = (parameters as { feeder: unknown }).feeder;
  const id = typeof feeder === 'string' && /^\d+$/.test(feeder) ? Number(feeder) : feeder;
  return typeof id === 'number' && Number.isInteger(id) ? id : undefined;
}

/** Every compiled template of a module that is evaluated for a bundle entering it, with its JSON path. */
function templatesOf(node: ModuleNode): { path: string; template: CompiledTemplate }[] {
  const out: { path: string; template: CompiledTemplate }[] = [];
  for (const value of [node.compiled.parameters, node.compiled.mapper, node.compiled.flags]) {
    for (const field of fieldsOf(value)) if (field.kind === 'template') out.push({ path: field.path, template: field.template });
  }
  return out;
}

function filterTemplates(filter: ModuleNode['compiledFilter']): { path: string; template: CompiledTemplate }[] {
  const out: { path: string; template: CompiledTemplate }[] = [];
  for (const group of filter?.groups ?? []) {
    for (const condition of group) {
      if (condition.a) out.push({ path: `${condition.path}.a`, template: condition.a });
      if (condition.b) out.push({ path: `${condition.path}.b`, template: condition.b });
    }
  }
  return out;
}

class ReferenceChecker {
  constructor(private readonly ctx: CheckContext) {}

  private why(node: ModuleNode, ref: ModuleReference, scope: Scope): string | undefined {
    const id = ref.moduleId;
    if (scope.visible.includes(id)) return undefined;
    const aggregator = scope.closed.get(id);
    if (aggregator !== undefined) return `closed:${aggregator}`;
    return this.ctx.byId.has(id) ? 'elsewhere' : 'missing';
  }

  private checkTemplates(node: ModuleNode, templates: { path: string; template: CompiledTemplate }[], scope: Scope): void {
    for (const { path, template } of templates) {
      for (const ref of template.references) {
        const why = this.why(node, ref, scope);
        if (why === undefined) continue;
        const place = { moduleId: node.id, path, position: ref.position };
        const mapped = `{{${ref.moduleId}${ref.path.length > 0 ? `.${ref.path.join('.')}` : ''}}}`;
        if (why === 'missing') {
          this.ctx.report(diagnostic('REFERENCE_UNKNOWN_MODULE', `Module ${node.id} maps ${mapped}, but there is no module ${ref.moduleId} in this scenario (deleted after it was mapped?); the value is always empty.`, place));
        } else if (why.startsWith('closed:')) {
          const aggregator = why.slice('closed:'.length);
          this.ctx.report(
            diagnostic(
              'REFERENCE_CLOSED_SPAN',
              `Module ${node.id} maps ${mapped}, but module ${ref.moduleId} is inside the aggregation closed by aggregator ${aggregator}; after an aggregator only its own output (e.g. {{${aggregator}.array}}) carries those bundles.`,
              place,
            ),
          );
        } else {
          const target = this.ctx.byId.get(ref.moduleId) as ModuleNode;
          const where =
            ref.moduleId === node.id
              ? 'a module cannot map its own output'
              : target.path.startsWith('metadata.designer.orphans')
                ? `module ${ref.moduleId} is in an orphan chain, which Make never runs`
                : `module ${ref.moduleId} is not before module ${node.id} on its path (it comes later, or sits on another route)`;
          this.ctx.report(diagnostic('REFERENCE_NOT_UPSTREAM', `Module ${node.id} maps ${mapped}, but ${where}.`, place));
        }
      }
    }
  }

  route(route: FlowRoute, start: Scope): Scope {
    let scope = start;
    for (const node of route.modules) scope = this.module(node, scope);
    return scope;
  }

  private module(node: ModuleNode, scope: Scope): Scope {
    this.checkTemplates(node, filterTemplates(node.compiledFilter), scope);
    const feeder = feederOf(node);
    if (feeder !== undefined && !scope.visible.includes(feeder)) {
      this.ctx.report(
        diagnostic(
          'FEEDER_NOT_UPSTREAM',
          `Aggregator ${node.id} aggregates the bundles of module ${feeder} (parameters.feeder), but module ${feeder} ${this.ctx.byId.has(feeder) ? 'is not before it on its path' : 'does not exist'}.`,
          { moduleId: node.id, path: `${node.path}.parameters.feeder` },
        ),
      );
    }
    this.checkTemplates(node, templatesOf(node), scope);
    // An error handler may map what came before the failing module, and the failing module itself (its error).
    const withSelf = node.id === undefined ? scope : { ...scope, visible: [...scope.visible, node.id] };
    if (node.onerror) this.route(node.onerror, withSelf);

    let next = withSelf;
    const from = feeder === undefined ? -1 : scope.visible.indexOf(feeder);
    if (from >= 0 && node.id !== undefined) {
      const closed = new Map(scope.closed);
      for (const id of scope.visible.slice(from)) closed.set(id, node.id);
      next = { visible: [...scope.visible.slice(0, from), node.id], closed };
    }
    for (const route of node.routes ?? []) this.route(route.flow, next);
    for (const tool of node.tools ?? []) this.route(tool.flow, next);
    if (node.branches) {
      // After a Merge the flow goes on with the bundle of whichever branch ran, so branch modules stay mappable.
      const merged = new Set(next.visible);
      for (const branch of node.branches) {
        this.checkTemplates(node, filterTemplates(branch.condition), next);
        for (const id of this.route(branch.flow, next).visible) merged.add(id);
      }
      next = { ...next, visible: [...merged] };
    }
    return next;
  }
}

export const checkReferences: Check = (ctx) => {
  const checker = new ReferenceChecker(ctx);
  // Orphan chains are left out: they never run, and they usually map the flow they were cut from.
  checker.route(ctx.model.flow, EMPTY_SCOPE);
};
