// `remake validate`: import a blueprint and run every check; diagnostics in document order, each with a stable code.
import type { ScenarioModel } from '../model/index.ts';
import { isRunnable } from './catalog.ts';
import { checkModules } from './checks/check-modules.ts';
import { checkReferences } from './checks/check-references.ts';
import { checkStructure } from './checks/check-structure.ts';
import { checkTemplates } from './checks/check-templates.ts';
import { createCheckContext, type Check, type CheckContext } from './checks/check-context.ts';
import { hasErrors, type Diagnostic } from './diagnostics.ts';
import { inDocumentOrder } from './document-order.ts';
import { importBlueprint } from './import-blueprint.ts';
import { parseBlueprintText } from './parse-blueprint-text.ts';

export interface ValidateOptions {
  /** Which modules a run can execute without a mock; defaults to the modules Remake implements. */
  readonly runnable?: CheckContext['runnable'];
}

export interface ValidationResult {
  readonly model: ScenarioModel | undefined;
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

const CHECKS: readonly Check[] = [checkModules, checkTemplates, checkStructure, checkReferences];

const ORPHANS = 'metadata.designer.orphans';

/** Orphan chains never run (BLUEPRINT.md §9): their problems are worth a warning, not an error. */
function softenOrphan(d: Diagnostic): Diagnostic {
  if (d.severity !== 'error' || !d.path?.startsWith(ORPHANS)) return d;
  return { ...d, severity: 'warning', message: `${d.message} (This module is in an orphan chain, which Make does not run.)` };
}

/** Checks an imported model. */
export function validateModel(model: ScenarioModel, options: ValidateOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctx = createCheckContext(model, options.runnable ?? ((type) => isRunnable(type)), out);
  for (const check of CHECKS) check(ctx);
  return out;
}

/** Imports and checks parsed blueprint JSON. */
export function validateBlueprint(json: unknown, options: ValidateOptions = {}): ValidationResult {
  const imported = importBlueprint(json);
  const diagnostics = inDocumentOrder([...imported.diagnostics, ...(imported.model ? validateModel(imported.model, options) : [])].map(softenOrphan));
  return { model: imported.model, ok: !hasErrors(diagnostics), diagnostics };
}

/** Parses (BOM and CRLF tolerated), imports and checks blueprint text. */
export function validateBlueprintText(text: string, options: ValidateOptions = {}): ValidationResult {
  const parsed = parseBlueprintText(text);
  if (!parsed.ok) return { model: undefined, ok: false, diagnostics: [parsed.diagnostic] };
  return validateBlueprint(parsed.json, options);
}

