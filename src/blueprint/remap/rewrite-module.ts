// Writes new ids into one module: the values in `parameters`/`mapper` (recompiled), and the editor's saved label
// of each changed option, which named the old connection, data store… and would now be wrong.
import { childPath, compileValue, type ModuleNode } from '../../model/index.ts';
import type { IdSection } from './find-ids.ts';
import { isRecord } from '../../shared/is-record.ts';

/** A new id for one field of the module. */
export interface IdRewrite {
  readonly section: IdSection;
  readonly field: string;
  readonly to: number | string;
}

type Json = Record<string, unknown>;


/** A copy of `values` with the section's fields replaced in place (key order kept); the same object when none apply. */
function withIds(values: unknown, rewrites: readonly IdRewrite[]): unknown {
  if (!isRecord(values) || rewrites.length === 0) return values;
  const out: Json = { ...values };
  for (const { field, to } of rewrites) out[field] = to;
  return out;
}

/**
 * `metadata.restore.<parameters|expect>.<field>` without its `label`. Make's editor shows that label until it has
 * loaded the options of the new team, so the old name would show against the new id; the rest (`data.connection`,
 * the app's connection type) still holds.
 */
function withoutStaleLabels(metadata: unknown, rewrites: readonly IdRewrite[]): unknown {
  if (!isRecord(metadata) || !isRecord(metadata.restore)) return metadata;
  let restore: Json = metadata.restore;
  for (const { section, field } of rewrites) {
    const key = section === 'parameters' ? 'parameters' : 'expect';
    const saved = restore[key];
    if (!isRecord(saved) || !Object.hasOwn(saved, field)) continue;
    const option = saved[field];
    if (!isRecord(option) || !Object.hasOwn(option, 'label')) continue;
    const { label: _label, ...rest } = option;
    restore = { ...restore, [key]: { ...saved, [field]: rest } };
  }
  return restore === metadata.restore ? metadata : { ...metadata, restore };
}

/** The module with the new ids written; nested modules are untouched (the walker handles them). */
export function rewriteModule(node: ModuleNode, rewrites: readonly IdRewrite[]): ModuleNode {
  if (rewrites.length === 0) return node;
  const inParameters = rewrites.filter((r) => r.section === 'parameters');
  const inMapper = rewrites.filter((r) => r.section === 'mapper');
  const parameters = withIds(node.parameters, inParameters);
  const mapper = withIds(node.mapper, inMapper);
  return {
    ...node,
    parameters,
    mapper,
    metadata: withoutStaleLabels(node.metadata, rewrites),
    compiled: {
      ...node.compiled,
      parameters: parameters === node.parameters ? node.compiled.parameters : compileValue(parameters, childPath(node.path, 'parameters')),
      mapper: mapper === node.mapper ? node.compiled.mapper : compileValue(mapper, childPath(node.path, 'mapper')),
    },
  };
}
