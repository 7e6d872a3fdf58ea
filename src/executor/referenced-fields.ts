// The output fields a scenario maps from each module (`{{3.data.id}}` → module 3 has `data.id`), gathered from
// every compiled mapping and filter. Auto-mocks use them when a module carries no `metadata.interface`.
import type { CompiledTemplate } from '../iml/index.ts';
import { fieldsOf, flowModules, type ModuleNode, type ScenarioModel } from '../model/index.ts';
import { isRecord } from '../shared/is-record.ts';
import type { Bundle } from './module-api.ts';

/** For each module id, a sample bundle holding every path the scenario maps from it (leaves are `"<key> sample"`). */
export function referencedSamples(model: ScenarioModel): Map<number, Bundle> {
  const samples = new Map<number, Bundle>();
  for (const node of flowModules(model)) {
    for (const template of templatesOf(node)) {
      for (const reference of template.references) {
        const bundle = samples.get(reference.moduleId) ?? {};
        samples.set(reference.moduleId, bundle);
        addPath(bundle, reference.path);
      }
    }
  }
  return samples;
}

function templatesOf(node: ModuleNode): CompiledTemplate[] {
  const out: CompiledTemplate[] = [];
  for (const value of [node.compiled.mapper, node.compiled.parameters, node.compiled.flags]) {
    for (const field of fieldsOf(value)) if (field.kind === 'template') out.push(field.template);
  }
  const filters = [node.compiledFilter, ...(node.branches ?? []).map((branch) => branch.condition)];
  for (const filter of filters) {
    for (const group of filter?.groups ?? []) for (const condition of group) for (const operand of [condition.a, condition.b]) if (operand) out.push(operand);
  }
  return out;
}

function addPath(bundle: Bundle, path: readonly string[]): void {
  let target: Record<string, unknown> = bundle;
  path.forEach((key, index) => {
    const last = index === path.length - 1;
    const existing = target[key];
    if (last) {
      if (existing === undefined) target[key] = `${key} sample`;
      return;
    }
    if (!isRecord(existing)) target[key] = {};
    target = target[key] as Record<string, unknown>;
  });
}
