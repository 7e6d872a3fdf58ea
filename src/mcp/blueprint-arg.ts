// The `blueprint` argument every blueprint tool takes (CONTRACTS.md §3): a blueprint object or its JSON text.
import { z } from 'zod';
import { importBlueprint, parseBlueprintText, type Diagnostic, type ImportResult, type ParsedText } from '../blueprint/index.ts';
import { RemakeError } from '../shared/errors.ts';

/** The scenario model, named through blueprint/ (shells do not import model/). */
export type ScenarioModel = NonNullable<ImportResult['model']>;

/** A Make blueprint as exported (`{name, flow, metadata}`), as an object or as JSON text. */
export const BlueprintArg = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .describe('A Make blueprint (the JSON of Export Blueprint: {name, flow, metadata}), as an object or as JSON text');

/** The blueprint's JSON, or the diagnostic saying why the text is not JSON. */
export function parseBlueprintArg(blueprint: z.output<typeof BlueprintArg>): ParsedText {
  return typeof blueprint === 'string' ? parseBlueprintText(blueprint) : { ok: true, json: blueprint };
}

/** A RemakeError carrying a diagnostic's code, message and place. */
export function diagnosticError(diagnostic: Diagnostic): RemakeError {
  return new RemakeError(diagnostic.code, diagnostic.message, {
    ...(diagnostic.moduleId === undefined ? {} : { moduleId: diagnostic.moduleId }),
    ...(diagnostic.path === undefined ? {} : { field: diagnostic.path }),
    ...(diagnostic.position === undefined ? {} : { position: diagnostic.position }),
  });
}

/** Imports the blueprint into a scenario model; throws the first diagnostic as a RemakeError when it cannot. */
export function requireModel(blueprint: z.output<typeof BlueprintArg>): ScenarioModel {
  const parsed = parseBlueprintArg(blueprint);
  if (!parsed.ok) throw diagnosticError(parsed.diagnostic);
  const imported = importBlueprint(parsed.json);
  if (imported.model) return imported.model;
  const first = imported.diagnostics.find((d) => d.severity === 'error') ?? imported.diagnostics[0];
  throw first ? diagnosticError(first) : new RemakeError('BLUEPRINT_INVALID', 'The blueprint is not a Make blueprint.');
}
