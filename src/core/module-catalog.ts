// The catalog of built-in modules for look-ups (MCP search_modules / describe_module, UI autocomplete):
// names, titles and one-liners, and each module's form fields derived from its zod parameter and mapper schemas.
import { z } from 'zod';
import { moduleType, type FieldDoc, type ModuleDefinition, type ModuleKind } from '../executor/module-api.ts';
import { BUILT_IN_MODULES } from '../modules/registry.ts';
import { closeMatches } from '../shared/close-matches.ts';
import { RemakeError } from '../shared/errors.ts';

/** The types a form field is described with (Make's field types, simplified). */
export type FieldType = 'text' | 'number' | 'boolean' | 'date' | 'array' | 'collection' | 'any';

/** A form field of a module, derived from its schema. */
export interface ModuleField extends FieldDoc {
  readonly type: FieldType;
  readonly required: boolean;
  /** The accepted values of a select field. */
  readonly options?: readonly (string | number | boolean)[];
  /** Fields of a collection, or of each item of an array of collections. */
  readonly fields?: readonly ModuleField[];
}

/** One line of `searchModules`. */
export interface ModuleSummary {
  /** `app:Module`, as blueprints write it. */
  readonly module: string;
  readonly version: number;
  readonly title: string;
  readonly description: string;
}

/** Everything `describeModule` tells about one module version. */
export interface ModuleDescription extends ModuleSummary {
  readonly kind: ModuleKind;
  readonly parameters: readonly ModuleField[];
  readonly mapper: readonly ModuleField[];
  readonly output: readonly FieldDoc[];
  /** A blueprint module object showing a typical configuration. */
  readonly example: Readonly<Record<string, unknown>> | null;
}

type Schema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef;

const MAX_DEPTH = 3;

function summary(definition: ModuleDefinition): ModuleSummary {
  return { module: moduleType(definition), version: definition.version, title: definition.title, description: definition.description };
}

/** Strips wrappers that do not change what a field holds: optional, default, pipes (preprocess), readonly… */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let guard = 0; guard < 20; guard++) {
    const def: Def = current._zod.def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        current = (def as z.core.$ZodOptionalDef).innerType;
        break;
      case 'pipe': {
        // A preprocess is a pipe from a transform to the real schema: the declared type is the output side.
        const pipe = def as z.core.$ZodPipeDef;
        current = pipe.in._zod.def.type === 'transform' ? pipe.out : pipe.in;
        break;
      }
      case 'lazy':
        current = (def as z.core.$ZodLazyDef).getter();
        break;
      default:
        return current;
    }
  }
  return current;
}

function typeOf(schema: Schema): FieldType {
  const def = unwrap(schema)._zod.def;
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'template_literal':
      return 'text';
    case 'number':
    case 'int':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'array':
    case 'tuple':
    case 'set':
      return 'array';
    case 'object':
    case 'record':
    case 'map':
      return 'collection';
    case 'literal': {
      const values = (def as z.core.$ZodLiteralDef<z.core.util.Literal>).values;
      const kinds = new Set(values.map((value) => typeof value));
      if (kinds.size !== 1) return 'any';
      const [only] = kinds;
      return only === 'string' ? 'text' : only === 'number' ? 'number' : only === 'boolean' ? 'boolean' : 'any';
    }
    case 'union': {
      const types = new Set((def as z.core.$ZodUnionDef).options.map(typeOf));
      const [only] = types;
      return types.size === 1 && only ? only : 'any';
    }
    default:
      return 'any';
  }
}

function optionsOf(schema: Schema): (string | number | boolean)[] | undefined {
  const def = unwrap(schema)._zod.def;
  if (def.type === 'enum') return Object.values((def as z.core.$ZodEnumDef).entries);
  if (def.type === 'literal') {
    const values = (def as z.core.$ZodLiteralDef<z.core.util.Literal>).values.filter((value): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value));
    return values.length > 1 ? values : undefined;
  }
  return undefined;
}

/** The object schema a field holds directly or per array item, if any. */
function nestedObject(schema: Schema): z.core.$ZodObject | undefined {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  if (def.type === 'object') return inner as z.core.$ZodObject;
  if (def.type === 'array') return nestedObject((def as z.core.$ZodArrayDef).element);
  return undefined;
}

/** A field is required when its schema rejects an absent value (preprocess and defaults decide, so ask the schema). */
function isRequired(schema: Schema): boolean {
  try {
    return !z.safeParse(schema, undefined).success;
  } catch {
    return true;
  }
}

function fieldsOf(object: z.core.$ZodObject, depth: number): ModuleField[] {
  return Object.entries(object._zod.def.shape).map(([name, schema]) => {
    const nested = depth < MAX_DEPTH ? nestedObject(schema) : undefined;
    const fields = nested ? fieldsOf(nested, depth + 1) : [];
    const options = optionsOf(schema);
    return {
      name,
      type: typeOf(schema),
      required: isRequired(schema),
      ...(options ? { options } : {}),
      ...(fields.length > 0 ? { fields } : {}),
    };
  });
}

/**
 * The form fields of a parameters or mapper schema: one per key of its object schema (after preprocess and
 * optional wrappers), with a Make field type, whether it is required, select options and nested fields.
 * A schema that is not an object (`z.unknown()`, for modules without that part) has no fields.
 */
export function describeSchemaFields(schema: Schema): ModuleField[] {
  const object = unwrap(schema);
  return object._zod.def.type === 'object' ? fieldsOf(object as z.core.$ZodObject, 1) : [];
}

/** Every built-in module, as searchModules lists them. */
export function listModules(): ModuleSummary[] {
  return BUILT_IN_MODULES.map(summary);
}

/**
 * Built-in modules whose `app:Module` name, title or description contain every word of `query`
 * (case-insensitive). Ranked: the exact name (`app:Module` or `Module`) first, then names containing the
 * query, then title matches, then description matches. An empty query lists every module.
 */
export function searchModules(query: string): ModuleSummary[] {
  const needle = query.trim().toLowerCase();
  const words = needle.split(/\s+/).filter(Boolean);
  const ranked: { readonly entry: ModuleSummary; readonly rank: number }[] = [];
  for (const definition of BUILT_IN_MODULES) {
    const entry = summary(definition);
    const name = entry.module.toLowerCase();
    const title = entry.title.toLowerCase();
    const haystack = `${name} ${title} ${entry.description.toLowerCase()}`;
    if (!words.every((word) => haystack.includes(word))) continue;
    const rank = name === needle || definition.name.toLowerCase() === needle ? 0 : name.includes(needle) ? 1 : title.includes(needle) ? 2 : 3;
    ranked.push({ entry, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.entry.module.localeCompare(b.entry.module) || a.entry.version - b.entry.version).map((r) => r.entry);
}

/**
 * Parameters, mapper fields, output fields and an example of a built-in module (`app:Module`); the highest
 * version unless `version` is given. An unknown module or version throws a RemakeError `MODULE_UNKNOWN` naming
 * close matches.
 */
export function describeModule(module: string, version?: number): ModuleDescription {
  const versions = BUILT_IN_MODULES.filter((definition) => moduleType(definition).toLowerCase() === module.toLowerCase());
  if (versions.length === 0) {
    const names = [...new Set(BUILT_IN_MODULES.map((definition) => moduleType(definition)))];
    const byName = closeMatches(module, names);
    // `SetVariable` or `tools:SetVariable2`: compare the module part alone too.
    const bare = module.split(':').pop() ?? module;
    const matches = byName.length > 0 ? byName : names.filter((name) => closeMatches(bare, [name.split(':').pop() ?? name]).length > 0).slice(0, 3);
    const hint = matches.length > 0 ? ` Close matches: ${matches.join(', ')}.` : ' Use search_modules to find one.';
    throw new RemakeError('MODULE_UNKNOWN', `'${module}' is not a module Remake knows.${hint}`);
  }
  const definition = version === undefined ? versions.reduce((a, b) => (b.version > a.version ? b : a)) : versions.find((candidate) => candidate.version === version);
  if (!definition) {
    const known = versions.map((candidate) => candidate.version).join(', ');
    throw new RemakeError('MODULE_UNKNOWN', `'${module}' has no version ${version}; Remake knows version${versions.length === 1 ? '' : 's'} ${known}.`);
  }
  return {
    ...summary(definition),
    kind: definition.kind,
    parameters: describeSchemaFields(definition.parameters),
    mapper: describeSchemaFields(definition.mapper),
    output: definition.output ?? [],
    example: definition.example ?? null,
  };
}
