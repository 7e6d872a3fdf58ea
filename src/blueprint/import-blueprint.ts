// Blueprint JSON → scenario model. Tolerant: every key is checked on its own, a bad one is reported with its
// path and kept as it came (in `extra`), so even a broken blueprint imports, can be diagnosed and written back.
import type { z } from 'zod';
import {
  childPath,
  compileFilterConditions,
  compileValue,
  readSettings,
  type CompiledFilter,
  type FlowRoute,
  type IfElseBranch,
  type ModuleNode,
  type RouteKind,
  type RouterRoute,
  type ScenarioModel,
  type ToolFlow,
} from '../model/index.ts';
import { diagnostic, type Diagnostic, type DiagnosticCode } from './diagnostics.ts';
import { BlueprintSchema, ConditionsSchema, FilterSchema, MODULE_KEY_SCHEMAS, ScenarioMetadataSchema, type ModuleKey } from './schema.ts';
import { isRecord } from '../shared/is-record.ts';

export interface ImportResult {
  /** Undefined only when the top level is unusable (not an object, or `flow` not an array of objects). */
  readonly model: ScenarioModel | undefined;
  /** Shape problems found while importing (IML and graph checks come from `validate`). */
  readonly diagnostics: readonly Diagnostic[];
}

type Json = Record<string, unknown>;


/** zod issues as diagnostics, each pointing at the exact key. */
function shapeDiagnostics(code: DiagnosticCode, error: z.ZodError, path: string, moduleId: number | undefined, out: Diagnostic[]): void {
  for (const issue of error.issues) {
    const at = issue.path.reduce<string>((p, key) => childPath(p, typeof key === 'number' ? key : String(key)), path);
    out.push(diagnostic(code, `${at}: ${issue.message}`, { moduleId, path: at }));
  }
}

class Importer {
  readonly diagnostics: Diagnostic[] = [];

  route(kind: RouteKind, items: readonly Json[], path: string): FlowRoute {
    return { kind, path, modules: items.map((item, index) => this.module(item, childPath(path, index))) };
  }

  module(raw: Json, path: string): ModuleNode {
    const extra: Json = {};
    const good: Partial<Record<ModuleKey, unknown>> = {};
    const rawId = raw.id;
    const moduleId = typeof rawId === 'number' && Number.isInteger(rawId) && rawId > 0 ? rawId : undefined;
    for (const [key, value] of Object.entries(raw)) {
      if (!Object.hasOwn(MODULE_KEY_SCHEMAS, key)) {
        extra[key] = value;
        continue;
      }
      // Placeholder slots are exported with `"id": null`; the id check reports it on any other module.
      if (key === 'id' && value === null) {
        extra[key] = value;
        continue;
      }
      const parsed = MODULE_KEY_SCHEMAS[key as ModuleKey].safeParse(value);
      if (parsed.success) {
        good[key as ModuleKey] = value;
      } else {
        extra[key] = value;
        const code: DiagnosticCode = key === 'filter' ? 'FILTER_SHAPE' : key === 'routes' || key === 'branches' || key === 'tools' ? 'ROUTE_SHAPE' : 'MODULE_SHAPE';
        shapeDiagnostics(code, parsed.error, childPath(path, key), moduleId, this.diagnostics);
      }
    }
    const type = typeof good.module === 'string' ? good.module : '';
    const [app = '', name = ''] = type.split(':');
    const metadata = good.metadata as Json | undefined;
    const designer = isRecord(metadata?.designer) ? metadata.designer : undefined;
    const filter = good.filter as z.infer<typeof FilterSchema> | null | undefined;
    return {
      path,
      id: good.id as number | undefined,
      type,
      app,
      name,
      version: good.version as number | undefined,
      label: typeof designer?.name === 'string' ? designer.name : undefined,
      parameters: good.parameters,
      mapper: good.mapper,
      metadata: good.metadata,
      filter: good.filter,
      flags: good.flags,
      compiled: {
        mapper: compileValue(good.mapper, childPath(path, 'mapper')),
        parameters: compileValue(good.parameters, childPath(path, 'parameters')),
        flags: compileValue(good.flags, childPath(path, 'flags')),
      },
      compiledFilter: filter ? this.conditions(filter.name, filter.conditions, childPath(childPath(path, 'filter'), 'conditions')) : undefined,
      routes: (good.routes as Json[] | undefined)?.map((route, index) => this.routerRoute(route, childPath(childPath(path, 'routes'), index))),
      onerror: good.onerror === undefined ? undefined : this.route('handler', good.onerror as Json[], childPath(path, 'onerror')),
      branches: (good.branches as Json[] | undefined)?.map((branch, index) => this.branch(branch, childPath(childPath(path, 'branches'), index))),
      tools: (good.tools as Json[] | undefined)?.map((tool, index) => this.tool(tool, childPath(childPath(path, 'tools'), index))),
      extra,
    };
  }

  conditions(name: string | undefined, conditions: z.infer<typeof ConditionsSchema> | undefined, path: string): CompiledFilter {
    return compileFilterConditions(name, conditions ?? [], path);
  }

  routerRoute(raw: Json, path: string): RouterRoute {
    const { flow, disabled, ...extra } = raw;
    return { flow: this.route('route', flow as Json[], childPath(path, 'flow')), disabled: disabled === true, extra: disabled === undefined ? extra : { disabled, ...extra } };
  }

  branch(raw: Json, path: string): IfElseBranch {
    const { flow, ...extra } = raw;
    const type = raw.type === 'condition' || raw.type === 'else' ? raw.type : 'unknown';
    const conditions = raw.conditions as z.infer<typeof ConditionsSchema> | undefined;
    return {
      flow: this.route('branch', flow as Json[], childPath(path, 'flow')),
      type,
      label: typeof raw.label === 'string' ? raw.label : undefined,
      disabled: raw.disabled === true,
      condition: conditions === undefined ? undefined : this.conditions(undefined, conditions, childPath(path, 'conditions')),
      extra,
    };
  }

  tool(raw: Json, path: string): ToolFlow {
    const { flow, ...extra } = raw;
    return { flow: this.route('tool', flow as Json[], childPath(path, 'flow')), name: typeof raw.name === 'string' ? raw.name : undefined, extra };
  }
}

/** Imports a parsed blueprint. Shape problems become diagnostics; only an unusable top level yields no model. */
export function importBlueprint(json: unknown): ImportResult {
  if (!isRecord(json)) {
    return { model: undefined, diagnostics: [diagnostic('BLUEPRINT_SHAPE', 'A blueprint is a JSON object with name, flow and metadata.', { path: '$' })] };
  }
  const importer = new Importer();
  const top = BlueprintSchema.safeParse(json);
  if (!top.success) shapeDiagnostics('BLUEPRINT_SHAPE', top.error, '', undefined, importer.diagnostics);
  const flow = json.flow;
  if (!Array.isArray(flow) || !flow.every(isRecord)) return { model: undefined, diagnostics: importer.diagnostics };

  const metadata = json.metadata;
  const meta = ScenarioMetadataSchema.safeParse(metadata);
  if (metadata !== undefined && !meta.success) shapeDiagnostics('SETTINGS_SHAPE', meta.error, 'metadata', undefined, importer.diagnostics);
  const rawOrphans = isRecord(metadata) && isRecord(metadata.designer) ? metadata.designer.orphans : undefined;
  const orphanChains = Array.isArray(rawOrphans) && rawOrphans.every((chain) => Array.isArray(chain) && chain.every(isRecord)) ? (rawOrphans as Json[][]) : undefined;

  const { name, flow: _flow, metadata: _metadata, ...rest } = json;
  const extra: Json = typeof name === 'string' ? rest : { name, ...rest };
  const model: ScenarioModel = {
    name: typeof name === 'string' ? name : undefined,
    flow: importer.route('main', flow, 'flow'),
    orphans: orphanChains?.map((chain, index) => importer.route('orphan', chain, `metadata.designer.orphans[${index}]`)),
    settings: readSettings(isRecord(metadata) ? metadata.scenario : undefined),
    instant: isRecord(metadata) && typeof metadata.instant === 'boolean' ? metadata.instant : undefined,
    metadata,
    extra,
  };
  return { model, diagnostics: importer.diagnostics };
}
