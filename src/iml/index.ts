// Public surface of the IML layer.
export { compileTemplate, evaluateTemplate, type CompiledTemplate, type CompileOptions } from './template.ts';
export { compileCondition, compileFilter, conditionOf, FILTER_OPERATOR_NAMES, isFilterOperator, type FilterInput, type FilterConditionInput, type FilterOperator } from './filter.ts';
export { createEvalContext, parseContextJson, ContextJsonSchema, type ContextJson, type ContextOptions } from './context.ts';
export { FUNCTIONS, listFunctions, lookupFunction, searchFunctions, UNSUPPORTED_FUNCTIONS } from './functions/registry.ts';
export type { ImlFunction, FunctionFamily, FunctionExample } from './functions/define.ts';
export { ImlCompileError, ImlRuntimeError, ImlErrorCode, isImlError } from './errors.ts';
export { toText, toNumber, toBoolean, toDate, toArray, toBinary, isEmpty, isCollection } from './coerce.ts';
export { toJsonValue } from './json.ts';
export type { ModuleReference } from './references.ts';
export type { RootUse } from './roots.ts';
export { ERASE, type EvalContext, type ImlValue, type Dialect } from './types.ts';
export { isKnownZone } from './dates.ts';
