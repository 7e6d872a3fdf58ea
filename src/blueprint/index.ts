// Public surface of the blueprint layer: Make's export format in and out, checks, lint, remap and explain.
export { importBlueprint, type ImportResult } from './import-blueprint.ts';
export { exportBlueprint } from './export-blueprint.ts';
export { parseBlueprintText, type ParsedText } from './parse-blueprint-text.ts';
export { validateBlueprint, validateBlueprintText, validateModel, type ValidateOptions, type ValidationResult } from './validate.ts';
export { DIAGNOSTIC_SEVERITY, hasErrors, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics.ts';
export { CATALOG, catalogEntry, isRunnable, roleOf, type CatalogEntry, type ModuleRole } from './catalog.ts';
export { explainModel } from './explain.ts';
export { lintBlueprint, lintModel } from './lint.ts';
export { listEnvironmentIds, parseRemapTable, remapModel, RemapTableSchema, type EnvironmentId, type EnvironmentIdKind, type RemapTable } from './remap.ts';
export { inDocumentOrder } from './document-order.ts';
export { extractComponents, type BlueprintComponents, type ComponentId, type ComponentModule, type ComponentTrigger, type ModuleToMock, type TriggerKind } from './components.ts';
export { patchBlueprint, PatchOperationSchema, PatchOperationsSchema, type PatchOp, type PatchOperation, type PatchResult } from './patch.ts';
