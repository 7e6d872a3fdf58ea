// Public surface of the model layer: the compiled scenario graph.
export type { ExtraKeys, FlowRoute, IfElseBranch, ModuleNode, RouteKind, RouterRoute, ScenarioModel, ScenarioSettings, ToolFlow } from './types.ts';
export { childPath, compileValue, fieldsOf, type CompiledField, type CompiledValue } from './compiled-value.ts';
export { compileFilterConditions, isConditionsShape, type CompiledFilter, type CompiledFilterCondition, type FilterProblem } from './compiled-filter.ts';
export { DEFAULT_SETTINGS, readSettings } from './settings.ts';
export { allModules, childRoutes, flowModules, mapModules, mapRoute, modulesOf } from './walk.ts';
