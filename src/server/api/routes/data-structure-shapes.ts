// Data structures as the Make API shows them (the SDK's DataStructure and DataStructureField; mocks
// data-structures/{list,get}.json), the field-spec schema the API accepts, and `cols[]` with list defaults.
import type { Context } from 'hono';
import { z } from 'zod';
import type { DataStructure } from './data-store-shapes.ts';

/** One field spec: `{type, name, label?, default?, required?, multiline?, options?, spec?, help?}`, extra keys kept. */
export const FieldSpecSchema = z.looseObject({
  name: z.string().trim().min(1),
  type: z.string().trim().min(1),
  label: z.string().optional(),
  required: z.boolean().optional(),
  multiline: z.boolean().optional(),
  options: z.union([z.array(z.looseObject({ value: z.unknown() })), z.string(), z.looseObject({})]).optional(),
  help: z.string().optional(),
});

/** A data structure's `spec`: field specs with distinct names. */
export const SpecSchema = z.array(FieldSpecSchema).superRefine((fields, ctx) => {
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    if (seen.has(field.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `the field name '${field.name}' appears twice` });
    seen.add(field.name);
  });
});

/** The name rule Make states for data stores and structures: 1 to 128 characters. */
export const NameSchema = z.string().trim().min(1).max(128);

/** The data structure object of every data-structure answer. */
export function apiDataStructure(structure: DataStructure): Record<string, unknown> {
  return { id: structure.id, name: structure.name, teamId: structure.teamId, spec: structure.spec, strict: structure.strict };
}

/** Make's list of data structures shows `id, name, teamId` unless `cols[]` asks for more (SDK mock list.json). */
export const DATA_STRUCTURE_LIST_COLS = ['id', 'name', 'teamId'] as const;

