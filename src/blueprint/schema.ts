// zod schemas of Make's blueprint export format (BLUEPRINT.md), one per key the importer interprets.
// The importer checks each key on its own, so one bad key is reported by path and the rest still imports.
import { z } from 'zod';

const record = z.record(z.string(), z.unknown());

export const ConditionSchema = z.looseObject({
  a: z.unknown().optional(),
  o: z.string({ error: 'a condition needs an operator `o` written as text, such as "text:equal"' }),
  b: z.unknown().optional(),
});

export const ConditionsSchema = z.array(z.array(ConditionSchema, { error: 'an AND group must be an array of {a, o, b} conditions' }), {
  error: 'conditions must be an array of AND groups (arrays of {a, o, b})',
});

/** A link filter: `{name?, conditions?}`; a label-only filter has no conditions and passes every bundle. */
export const FilterSchema = z.looseObject({
  name: z.string().optional(),
  conditions: ConditionsSchema.optional(),
});

/** The keys of a module object and the shape each must have. */
export const MODULE_KEY_SCHEMAS = {
  id: z.number().int().positive({ error: 'a module id is a positive integer' }),
  module: z.string().regex(/^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a module name; a module is named "app:Module", e.g. "http:ActionSendData"` }),
  version: z.number().int().nonnegative(),
  parameters: record.nullable(),
  mapper: record.nullable(),
  metadata: record,
  filter: FilterSchema.nullable(),
  flags: record,
  routes: z.array(z.looseObject({ flow: z.array(record), disabled: z.boolean().optional() })),
  onerror: z.array(record),
  branches: z.array(
    z.looseObject({
      flow: z.array(record),
      type: z.enum(['condition', 'else']).optional(),
      label: z.string().optional(),
      conditions: ConditionsSchema.optional(),
      disabled: z.boolean().optional(),
    }),
  ),
  tools: z.array(z.looseObject({ flow: z.array(record), name: z.string().optional() })),
} as const;

export type ModuleKey = keyof typeof MODULE_KEY_SCHEMAS;

export const SettingsSchema = z.looseObject({
  roundtrips: z.number().int().nonnegative().optional(),
  maxErrors: z.number().int().nonnegative().optional(),
  autoCommit: z.boolean().optional(),
  autoCommitTriggerLast: z.boolean().optional(),
  sequential: z.boolean().optional(),
  slots: z.number().int().nullable().optional(),
  confidential: z.boolean().optional(),
  dataloss: z.boolean().optional(),
  dlq: z.boolean().optional(),
  freshVariables: z.boolean().optional(),
});

export const ScenarioMetadataSchema = z.looseObject({
  version: z.number().optional(),
  instant: z.boolean().optional(),
  scenario: SettingsSchema.optional(),
  designer: z.looseObject({ orphans: z.array(z.array(record)).optional() }).optional(),
});

/** The top level: `name`, `flow` (the main route) and `metadata`; other keys are kept as they are. */
export const BlueprintSchema = z.looseObject({
  name: z.string(),
  flow: z.array(record, { error: 'flow must be an array of module objects' }),
  metadata: ScenarioMetadataSchema.optional(),
});
