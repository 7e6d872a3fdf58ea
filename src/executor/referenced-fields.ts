// The output fields a scenario maps from each module (`{{3.data.id}}` → module 3 has `data.id`), gathered from
// every compiled mapping and filter. Auto-mocks use them when a module carries no `metadata.interface`.
import type { CompiledTemplate } from '../iml/index.ts';
import { fieldsOf, flowModules, type ModuleNode, type ScenarioModel } from '../model/index.ts';
import { isRecord } from '../shared/is-record.ts';
import type { Bundle } from './module-api.ts';

/** Leaf names that read as dates or as quantities get a value of that type, so date and number functions accept the sample. */
const DATE_NAME = /(date|time|timestamp|_at|At|created|updated|modified|deadline|due)$/i;
const NUMBER_NAME = /(count|amount|total|price|qty|quantity|number|num|sum|size|length|age|score|rating|percent|index|statusCode|status_code|__IMTINDEX__|__IMTLENGTH__)$/i;

/** A sample value for a leaf key, typed by its name. */
function sampleFor(key: string, now: Date): unknown {
  if (DATE_NAME.test(key)) return now.toISOString();
  if (NUMBER_NAME.test(key)) return 1;
  return `${key} sample`;
}

/** For each module id, a sample bundle holding every path the scenario maps from it (leaves typed by name, else `"<key> sample"`). */
export function referencedSamples(model: ScenarioModel, now: Date): Map<number, Bundle> {
  const samples = new Map<number, Bundle>();
  for (const node of flowModules(model)) {
    for (const template of templatesOf(node)) {
      // Text a Parse JSON module reads must be JSON: an empty object keeps the sample parseable.
      const leaf = node.type === 'json:ParseJSON' && template === jsonFieldOf(node) ? '{}' : undefined;
      for (const reference of template.references) {
        const bundle = samples.get(reference.moduleId) ?? {};
        samples.set(reference.moduleId, bundle);
        addPath(bundle, reference.path, now, leaf);
      }
    }
  }
  return samples;
}

/** The compiled `mapper.json` of a Parse JSON module, when it is a template. */
function jsonFieldOf(node: ModuleNode): CompiledTemplate | undefined {
  const mapper = node.compiled.mapper;
  if (mapper.kind !== 'object') return undefined;
  const json = mapper.entries.find(([key]) => key === 'json')?.[1];
  return json?.kind === 'template' ? json.template : undefined;
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

function addPath(bundle: Bundle, path: readonly string[], now: Date, leaf: unknown): void {
  let target: Record<string, unknown> = bundle;
  path.forEach((key, index) => {
    const last = index === path.length - 1;
    const existing = target[key];
    if (last) {
      if (existing === undefined || leaf !== undefined) target[key] = leaf ?? sampleFor(key, now);
      return;
    }
    if (!isRecord(existing)) target[key] = {};
    target = target[key] as Record<string, unknown>;
  });
}
