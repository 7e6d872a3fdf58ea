// Findings about a blueprint: stable codes, one severity per code, and where (module id, JSON path, position).
export type Severity = 'error' | 'warning' | 'info';

/** One finding, in the shape of `remake validate --format json` (CONTRACTS.md §1). */
export interface Diagnostic {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly moduleId?: number;
  /** JSON path inside the blueprint, e.g. `flow[2].mapper.text`. */
  readonly path?: string;
  /** 1-based character position inside the text at `path`. */
  readonly position?: number;
  /** A one-line way to fix it (lint findings always have one). */
  readonly fix?: string;
}

/**
 * Every code `remake validate` and `remake lint` report, with its severity. Codes are stable: users filter on them.
 * The lint codes (LINT_*) are described with examples in docs/lint-rules.md.
 */
export const DIAGNOSTIC_SEVERITY = {
  BLUEPRINT_JSON: 'error',
  BLUEPRINT_SHAPE: 'error',
  MODULE_SHAPE: 'error',
  ROUTE_SHAPE: 'error',
  FILTER_SHAPE: 'error',
  SETTINGS_SHAPE: 'error',
  MODULE_ID_MISSING: 'error',
  MODULE_ID_DUPLICATE: 'error',
  MODULE_UNKNOWN: 'error',
  MODULE_NEEDS_MOCK: 'info',
  PARAMETER_MISSING: 'error',
  IML_SYNTAX: 'error',
  IML_UNKNOWN_FUNCTION: 'error',
  IML_UNKNOWN_FILTER_OPERATOR: 'error',
  IML_UNKNOWN_VARIABLE: 'warning',
  REFERENCE_UNKNOWN_MODULE: 'error',
  REFERENCE_NOT_UPSTREAM: 'error',
  REFERENCE_CLOSED_SPAN: 'error',
  FEEDER_NOT_UPSTREAM: 'error',
  ROUTER_NOT_LAST: 'error',
  ROUTER_WITHOUT_ROUTES: 'error',
  ROUTE_UNKNOWN_KEY: 'error',
  DIRECTIVE_NOT_LAST: 'error',
  DIRECTIVE_OUTSIDE_HANDLER: 'error',
  TRIGGER_NOT_FIRST: 'error',
  FILTER_ON_FIRST_MODULE: 'error',
  INSTANT_MISMATCH: 'warning',
  LINT_NO_ERROR_HANDLER: 'warning',
  LINT_WRITES_WITHOUT_INCOMPLETE_EXECUTIONS: 'warning',
  LINT_ROUTER_WITHOUT_FALLBACK: 'warning',
  LINT_WEBHOOK_WITHOUT_DATA_STRUCTURE: 'warning',
  LINT_SECRET_IN_MAPPING: 'warning',
  LINT_PLACEHOLDER_VALUE: 'warning',
  LINT_BREAK_WITHOUT_RETRY: 'warning',
  LINT_ITERATOR_WITHOUT_AGGREGATOR_BEFORE_RESPONSE: 'warning',
  LINT_MODULE_WITHOUT_CONNECTION: 'warning',
  LINT_DISABLED_ROUTE: 'warning',
  LINT_SLEEP_IN_ITERATION: 'warning',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_SEVERITY;

/** Where a diagnostic points. */
export interface DiagnosticPlace {
  readonly moduleId?: number | undefined;
  readonly path?: string | undefined;
  readonly position?: number | undefined;
}

/** A diagnostic with the severity its code carries; absent places are left out of the JSON. */
export function diagnostic(code: DiagnosticCode, message: string, place: DiagnosticPlace = {}, fix?: string): Diagnostic {
  return {
    severity: DIAGNOSTIC_SEVERITY[code],
    code,
    message,
    ...(place.moduleId === undefined ? {} : { moduleId: place.moduleId }),
    ...(place.path === undefined ? {} : { path: place.path }),
    ...(place.position === undefined ? {} : { position: place.position }),
    ...(fix === undefined ? {} : { fix }),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
