// The operations `patch_blueprint` accepts, as zod schemas: one object per `op`, checked before anything applies.
// Module bodies are checked for the keys an operation needs; the patched blueprint is then validated as a whole.
import { z } from 'zod';
import { ConditionsSchema, MODULE_KEY_SCHEMAS } from '../schema.ts';

const ModuleIdSchema = z.number({ error: 'a module id is a positive integer' }).int().positive({ error: 'a module id is a positive integer' });

/** `'a.b'` or `['a', 'b']`; numbers (or digit segments) index arrays. */
const PathSchema = z.union([z.string().min(1), z.array(z.union([z.string().min(1), z.number().int().nonnegative()])).min(1)], {
  error: "a path is dotted text ('a.b') or a list of keys and indexes (['a', 'b'])",
});

/**
 * A module to insert: `module` and `version` at least. Other keys (`mapper`, `parameters`, `filter`, `metadata`,
 * `routes`, `onerror`…) are kept as given and checked by validation of the patched blueprint.
 */
export const NewModuleSchema = z.looseObject({
  id: ModuleIdSchema.optional(),
  module: MODULE_KEY_SCHEMAS.module,
  version: MODULE_KEY_SCHEMAS.version,
  parameters: MODULE_KEY_SCHEMAS.parameters.optional(),
  mapper: MODULE_KEY_SCHEMAS.mapper.optional(),
  filter: MODULE_KEY_SCHEMAS.filter.optional(),
  metadata: MODULE_KEY_SCHEMAS.metadata.optional(),
});

const FlowSchema = z.array(NewModuleSchema).min(1, { error: 'a flow needs at least one module' });

/** A link filter to set: `{name, conditions}` (OR of AND groups, as in Make's export). */
const NewFilterSchema = z.looseObject({ name: z.string(), conditions: ConditionsSchema });

/** The scenario settings an operation may change (`metadata.scenario`, BLUEPRINT.md §9), and their value type. */
export const SETTING_TYPES = {
  roundtrips: 'count',
  maxErrors: 'count',
  autoCommit: 'boolean',
  autoCommitTriggerLast: 'boolean',
  sequential: 'boolean',
  confidential: 'boolean',
  dataloss: 'boolean',
  dlq: 'boolean',
  freshVariables: 'boolean',
} as const satisfies Record<string, 'count' | 'boolean'>;

export type SettingKey = keyof typeof SETTING_TYPES;

const SETTING_KEYS = Object.keys(SETTING_TYPES) as [SettingKey, ...SettingKey[]];

/** Any JSON value; a missing `value` key is an error, not a silent `undefined`. */
const JsonSchema = z.json();
const ValueSchema = z.unknown().refine((value) => value !== undefined && JsonSchema.safeParse(value).success, {
  error: 'value must be a JSON value (text, number, true/false, null, array or object)',
});

const op = <T extends string, S extends z.core.$ZodLooseShape>(name: T, shape: S) => z.strictObject({ op: z.literal(name), ...shape });

/** One patch operation, told apart by `op`. */
export const PatchOperationSchema = z.discriminatedUnion('op', [
  op('add_module', { after: z.union([ModuleIdSchema, z.literal('start')]), module: NewModuleSchema, id: ModuleIdSchema.optional() }),
  op('remove_module', { id: ModuleIdSchema, withRoutes: z.boolean().optional() }),
  op('set_mapper', { id: ModuleIdSchema, path: PathSchema, value: ValueSchema }),
  op('set_parameter', { id: ModuleIdSchema, path: PathSchema, value: ValueSchema }),
  op('delete_mapper', { id: ModuleIdSchema, path: PathSchema }),
  op('set_filter', { id: ModuleIdSchema, filter: NewFilterSchema.nullable() }),
  op('add_route', { routerId: ModuleIdSchema, flow: FlowSchema, index: z.number().int().nonnegative().optional() }),
  op('set_error_handler', { id: ModuleIdSchema, handler: FlowSchema.nullable() }),
  op('set_setting', { key: z.enum(SETTING_KEYS), value: z.union([z.boolean(), z.number().int().nonnegative()]) }).refine(
    (o) => (SETTING_TYPES[o.key] === 'boolean' ? typeof o.value === 'boolean' : typeof o.value === 'number'),
    { error: (issue) => `this setting takes ${SETTING_TYPES[(issue.input as { key: SettingKey }).key] === 'boolean' ? 'true or false' : 'a whole number (0 or more)'}`, path: ['value'] },
  ),
  op('rename', { name: z.string().min(1, { error: 'a scenario name is non-empty text' }) }),
]);

export type PatchOperation = z.infer<typeof PatchOperationSchema>;

export type PatchOp = PatchOperation['op'];

/** The operation with this `op`. */
export type OperationOf<K extends PatchOp> = Extract<PatchOperation, { op: K }>;

/** The list sent to patch_blueprint. */
export const PatchOperationsSchema = z.array(PatchOperationSchema, { error: 'the operations are a JSON array of {op, ...} objects' });
